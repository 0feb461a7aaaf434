// Package par runs the b.N operations of a benchmark on an exact number of
// goroutines. testing.B.RunParallel starts a multiple of GOMAXPROCS, which
// cannot give 1 or 3 goroutines on a 2-CPU machine; the families that
// measure contention want every count from 1 to twice the CPUs.
package par

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
)

// grain is how many operations a goroutine takes from the shared counter
// at once, as RunParallel does, so that the counter is not what contends.
const grain = 64

// PB hands out operations to one goroutine.
type PB struct {
	next  *int64
	total int64
	left  int64
}

// Next reports whether there is one more operation to do.
func (pb *PB) Next() bool {
	if pb.left > 0 {
		pb.left--
		return true
	}
	end := atomic.AddInt64(pb.next, grain)
	start := end - grain
	if start >= pb.total {
		return false
	}
	if end > pb.total {
		end = pb.total
	}
	pb.left = end - start - 1
	return true
}

// Run calls body on each of g goroutines and waits for all of them; the
// bodies share b.N operations through PB.Next. Starting the goroutines is
// timed, as in RunParallel; it is small next to b.N operations.
func Run(b *testing.B, g int, body func(pb *PB)) {
	var next int64
	var wg sync.WaitGroup
	wg.Add(g)
	for i := 0; i < g; i++ {
		go func() {
			defer wg.Done()
			body(&PB{next: &next, total: int64(b.N)})
		}()
	}
	wg.Wait()
}

// Counts is every goroutine count from 1 to twice the CPUs.
func Counts() []int {
	n := 2 * runtime.NumCPU()
	c := make([]int, n)
	for i := range c {
		c[i] = i + 1
	}
	return c
}

// Name is the param level of a goroutine count, "goroutines=3".
func Name(g int) string { return fmt.Sprintf("goroutines=%d", g) }
