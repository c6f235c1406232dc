// Package work runs a number of tasks on a bounded number of goroutines.
package work

import "sync"

// Parallel calls f(0) … f(n-1) on at most workers goroutines and returns
// when all have returned.
func Parallel(n, workers int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
