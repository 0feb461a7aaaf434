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

	"cgobench/cases/internal/cpus"
)

// maxGrain bounds the operations a goroutine takes at once, as RunParallel
// bounds its grain: enough for 10 µs of 1 ns operations.
const maxGrain = 10000

// grabs is about how many times each goroutine goes back to the shared
// counter over a run: rare enough that the counter does not contend (a
// cache line passed between CPUs costs about as much as 100 nanosecond
// calls), often enough that the goroutines end within 1% of one another.
const grabs = 100

// PB hands out operations to one goroutine. Its fields sit between two
// cache lines of padding, so that the counters of two goroutines, which
// the allocator may place side by side, never share a line: Next writes
// left on every operation, and a shared line would be false sharing.
type PB struct {
	_     [64]byte
	next  *int64
	total int64
	grain int64
	left  int64
	_     [64]byte
}

// Next reports whether there is one more operation to do.
func (pb *PB) Next() bool {
	if pb.left > 0 {
		pb.left--
		return true
	}
	end := atomic.AddInt64(pb.next, pb.grain)
	start := end - pb.grain
	if start >= pb.total {
		return false
	}
	if end > pb.total {
		end = pb.total
	}
	pb.left = end - start - 1
	return true
}

// Grain is how many of n operations each of g goroutines takes at once:
// n/(grabs*g), at least 1 and at most maxGrain.
func Grain(n, g int) int64 {
	k := int64(n) / int64(grabs*g)
	if k < 1 {
		return 1
	}
	if k > maxGrain {
		return maxGrain
	}
	return k
}

// Run calls body on each of g goroutines and waits for all of them; the
// bodies share b.N operations through PB.Next (share). Starting the
// goroutines is timed, as in RunParallel; it is small next to b.N
// operations. It reports the metric "cpus": the CPUs the process kept
// busy over the run (package cpus).
func Run(b *testing.B, g int, body func(pb *PB)) {
	span := cpus.Start()
	share(b.N, g, body)
	span.Report(b)
}

// share calls body on each of g goroutines, which share n operations
// through PB.Next, and waits for all of them.
func share(n, g int, body func(pb *PB)) {
	var next int64
	var wg sync.WaitGroup
	grain := Grain(n, g)
	wg.Add(g)
	for i := 0; i < g; i++ {
		go func() {
			defer wg.Done()
			body(&PB{next: &next, total: int64(n), grain: grain})
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
