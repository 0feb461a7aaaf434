package scheduling

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"cgobench/cases/internal/burst"
	"cgobench/cases/internal/par"
)

// Sink keeps every result alive (exported: see cases/call's Sink).
var Sink int64

// BenchmarkCThreads: n threads made by C call Go (c->go(cthreads)) or C
// (c->c(cthreads), the baseline) in a loop, the b.N calls shared out;
// ns/op is wall time over all the calls, as in the parallel family, and
// ns/callback the time of one call on one thread (wall time over the
// calls each thread made). Making and joining the threads is timed, once
// for the b.N calls.
func BenchmarkCThreads(b *testing.B) {
	for _, v := range []struct {
		name string
		toGo bool
	}{{"c->c(cthreads)", false}, {"c->go(cthreads)", true}} {
		v := v
		b.Run(v.name, func(b *testing.B) {
			for _, n := range par.Counts() {
				n := n
				b.Run(fmt.Sprintf("threads=%d", n), func(b *testing.B) {
					calls := (int64(b.N) + int64(n) - 1) / int64(n)
					start := time.Now()
					r, err := CThreads(n, calls, v.toGo)
					ns := float64(time.Since(start).Nanoseconds())
					if err != nil {
						b.Fatal(err)
					}
					atomic.AddInt64(&Sink, r)
					b.ReportMetric(ns/float64(calls), "ns/callback")
				})
			}
		})
	}
}

// busyCounts are the numbers of other goroutines kept busy: none, one,
// the CPUs and twice the CPUs, each once.
func busyCounts() []int {
	cpus := runtime.GOMAXPROCS(0)
	out := []int{0}
	for _, k := range []int{1, cpus, 2 * cpus} {
		if k > out[len(out)-1] {
			out = append(out, k)
		}
	}
	return out
}

// withBusy runs timed while k other goroutines compute (about a
// microsecond a round, in Go); with blocking, each also blocks in C for
// 20 µs every 16 rounds, so that Ps are handed off and threads grow.
func withBusy(b *testing.B, k int, blocking bool, timed func()) {
	var stop int32
	var wg sync.WaitGroup
	for i := 0; i < k; i++ {
		wg.Add(1)
		go func(x uint64) {
			defer wg.Done()
			for n := 0; atomic.LoadInt32(&stop) == 0; n++ {
				x = burst.Compute(x)
				if blocking && n%16 == 0 {
					burst.CSleep(20)
				}
			}
			atomic.AddInt64(&Sink, int64(x))
		}(uint64(i + 1))
	}
	b.ResetTimer()
	timed()
	b.StopTimer()
	atomic.StoreInt32(&stop, 1)
	wg.Wait()
}

// BenchmarkBusy times one call per op while other goroutines are busy
// (param busy=K, Go work) or busy and blocking (param blocking=K): go->go,
// go->c, and go->c with runtime.LockOSThread held for the loop. Each call
// returns a thread id (the C thread's for go->c) and the loop counts the
// calls that ran on another thread than the one before (moved/op).
// Baseline of both crossings: go->go at the same param.
func BenchmarkBusy(b *testing.B) {
	for _, v := range []struct {
		name   string
		tid    func() int64
		locked bool
	}{{"go->go", GoTid, false}, {"go->c", CTid, false}, {"go->c(locked)", CTid, true}} {
		v := v
		b.Run(v.name, func(b *testing.B) {
			for _, blocking := range []bool{false, true} {
				for _, k := range busyCounts() {
					if blocking && k < runtime.GOMAXPROCS(0) {
						continue // blocking at the CPUs and twice
					}
					key := map[bool]string{false: "busy", true: "blocking"}[blocking]
					blocking, k := blocking, k
					b.Run(fmt.Sprintf("%s=%d", key, k), func(b *testing.B) {
						if v.locked {
							runtime.LockOSThread()
							defer runtime.UnlockOSThread()
						}
						moved := 0
						withBusy(b, k, blocking, func() {
							prev := v.tid()
							for i := 0; i < b.N; i++ {
								t := v.tid()
								if t != prev {
									moved++
									prev = t
								}
							}
						})
						b.ReportMetric(float64(moved)/float64(b.N), "moved/op")
					})
				}
			}
		})
	}
}

// The C threads return what they computed, and a goroutine's calls all
// run on one thread while it holds LockOSThread.
func TestCThreadsAndTid(t *testing.T) {
	for _, toGo := range []bool{false, true} {
		r, err := CThreads(3, 100, toGo)
		if err != nil || r != 300 {
			t.Errorf("CThreads(3, 100, %v) = %d, %v; want 300", toGo, r, err)
		}
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	first := CTid()
	for i := 0; i < 1000; i++ {
		if CTid() != first {
			t.Fatalf("a locked goroutine's call %d ran on another thread", i)
		}
	}
}
