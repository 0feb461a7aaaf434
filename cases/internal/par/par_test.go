package par

import (
	"runtime"
	"sync/atomic"
	"testing"
	"unsafe"
)

// Every operation is handed out exactly once, whatever the goroutines.
func TestRunShares(t *testing.T) {
	for _, n := range []int{0, 1, 63, 64, 65, 1000, 4097} {
		for g := 1; g <= 5; g++ {
			var done int64
			share(n, g, func(pb *PB) {
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

// Each goroutine takes about a hundredth of its share at once, at least 1
// and at most maxGrain.
func TestGrain(t *testing.T) {
	for _, c := range []struct {
		n, g int
		want int64
	}{
		{0, 1, 1},
		{99, 1, 1},
		{200, 1, 2},
		{20000, 2, 100},
		{20000, 4, 50},
		{1000000, 1, maxGrain},
		{1000000000, 3, maxGrain},
	} {
		if got := Grain(c.n, c.g); got != c.want {
			t.Errorf("Grain(%d, %d) = %d, want %d", c.n, c.g, got, c.want)
		}
	}
}

// The fields Next writes lie a cache line away from either end of a PB,
// so that two PBs side by side never share a line.
func TestPBPadded(t *testing.T) {
	var pb PB
	first, last := unsafe.Offsetof(pb.next), unsafe.Offsetof(pb.left)
	if first < 64 || unsafe.Sizeof(pb)-last-unsafe.Sizeof(pb.left) < 64 {
		t.Errorf("PB's fields at %d to %d of %d bytes, want 64 bytes of padding each side",
			first, last, unsafe.Sizeof(pb))
	}
}

// Run reports the CPUs it kept busy: about 1 for one goroutine that never
// blocks, less only while other processes take the CPU from it, and no
// more than the CPUs there are (a little over, for the clocks' grain).
func TestRunReportsCPUs(t *testing.T) {
	r := testing.Benchmark(func(b *testing.B) {
		Run(b, 1, func(pb *PB) {
			x := 0
			for pb.Next() {
				x++
			}
			SinkInt = x
		})
	})
	cpus, ok := r.Extra["cpus"]
	if !ok || cpus < 0.2 || cpus > float64(runtime.NumCPU())+0.2 {
		t.Errorf("cpus %v (reported: %v), want about 1 of %d", cpus, ok, runtime.NumCPU())
	}
}

// SinkInt keeps the test's work alive (exported: see cases/call's Sink).
var SinkInt int
