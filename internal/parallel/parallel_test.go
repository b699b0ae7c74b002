package parallel

import (
	"sync/atomic"
	"testing"
)

func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 1000} {
		calls := make([]atomic.Int32, n)
		Each(n, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("n=%d: f(%d) called %d times", n, i, c)
			}
		}
	}
}

func TestEachWorkerStates(t *testing.T) {
	states := EachWorker(100, func() *int { return new(int) }, func(s *int, i int) { *s += i })
	sum := 0
	for _, s := range states {
		sum += *s
	}
	if sum != 4950 {
		t.Errorf("the states add up to %d, want 4950", sum)
	}
}
