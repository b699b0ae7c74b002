package content

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// each calls f(i) for every i in [0, n) on all cores, a goroutine per core: goldmark needs
// a deep stack, which each goroutine grows only once.
func each(n int, f func(i int)) {
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
