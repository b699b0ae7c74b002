// Package parallel runs independent pieces of work on all cores: a goroutine per core
// takes the next index until none is left, so that uneven pieces even out and a
// goroutine's stack (goldmark needs a deep one) grows only once. Callers write results
// by index, so that they do not depend on the schedule.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls f(i) for every i in [0, n) on all cores.
func Each(n int, f func(i int)) {
	if min(runtime.GOMAXPROCS(0), n) <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	EachWorker(n, func() struct{} { return struct{}{} }, func(_ struct{}, i int) { f(i) })
}

// EachWorker calls f(s, i) for every i in [0, n) on all cores, where s is the state of
// the goroutine calling it, made by newState; it returns the states.
func EachWorker[S any](n int, newState func() S, f func(s S, i int)) []S {
	workers := max(min(runtime.GOMAXPROCS(0), n), 1)
	states := make([]S, workers)
	for w := range states {
		states[w] = newState()
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(states[w], i)
			}
		})
	}
	wg.Wait()
	return states
}
