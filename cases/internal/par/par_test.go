package par

import (
	"sync/atomic"
	"testing"
)

// Every operation is handed out exactly once, whatever the goroutines.
func TestRunShares(t *testing.T) {
	for _, n := range []int{0, 1, 63, 64, 65, 1000, 4097} {
		for g := 1; g <= 5; g++ {
			var done int64
			b := &testing.B{N: n}
			Run(b, g, func(pb *PB) {
				for pb.Next() {
					atomic.AddInt64(&done, 1)
				}
			})
			if done != int64(n) {
				t.Errorf("N=%d goroutines=%d: %d operations, want %d", n, g, done, n)
			}
		}
	}
}
