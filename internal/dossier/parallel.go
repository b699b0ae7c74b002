package dossier

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// eachParallel calls f(i) for every i in [0, n) on all cores. The work per article is
// independent and the model's maps are written afterwards, in order, so that the results
// and the order of the problems do not depend on the schedule.
func eachParallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}

// eachWorker calls f(s, i) for every i in [0, n) on all cores, where s is the state of the
// goroutine calling it, made by newState; it returns the states.
func eachWorker[S any](n int, newState func() S, f func(s S, i int)) []S {
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
