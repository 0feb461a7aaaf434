// Package burst is what the threads and blocking families share: bursts of
// calls from many goroutines, made directly or through a pool of workers
// that hold runtime.LockOSThread, the computing and blocking calls they
// make (in Go and, through cgo, in C), and the process's OS thread count.
package burst

/*
#include "work.h"
*/
import "C"

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"cgobench/cases/internal/cpus"
)

// Compute is the go->go work: the same as burst_compute in work.c.
//
//go:noinline
func Compute(x uint64) uint64 {
	for i := 0; i < C.BURST_ROUNDS; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

// CCompute is one go->c crossing into burst_compute.
//
//go:noinline
func CCompute(x uint64) uint64 { return uint64(C.burst_compute(C.uint64_t(x))) }

// CSleep blocks in C for us microseconds; GoSleep blocks in Go, which
// parks the goroutine rather than a thread.
//
//go:noinline
func CSleep(us int) { C.burst_sleep(C.int(us)) }

//go:noinline
func GoSleep(us int) { time.Sleep(time.Duration(us) * time.Microsecond) }

// Burst runs fn on n goroutines at once and waits for them.
func Burst(n int, fn func()) {
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			fn()
			wg.Done()
		}()
	}
	wg.Wait()
}

// Pool is a bounded set of workers, each locked to its OS thread, that
// make the calls handed to them.
type Pool struct {
	jobs chan func()
	wg   sync.WaitGroup
}

// NewPool starts n workers.
func NewPool(n int) *Pool {
	p := &Pool{jobs: make(chan func(), 1024)}
	p.wg.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			runtime.LockOSThread()
			defer p.wg.Done()
			for job := range p.jobs {
				job()
			}
		}()
	}
	return p
}

// Burst hands fn to the pool n times and waits until all are done.
func (p *Pool) Burst(n int, fn func()) {
	var wg sync.WaitGroup
	wg.Add(n)
	job := func() {
		fn()
		wg.Done()
	}
	for i := 0; i < n; i++ {
		p.jobs <- job
	}
	wg.Wait()
}

// Close stops the workers.
func (p *Pool) Close() {
	close(p.jobs)
	p.wg.Wait()
}

// Threads is the process's OS thread count, from /proc/self/status; -1
// where there is none.
func Threads() int {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "Threads:") {
			n, err := strconv.Atoi(strings.TrimSpace(line[len("Threads:"):]))
			if err == nil {
				return n
			}
		}
	}
	return -1
}

// Bench times one burst of n calls of fn per op, made directly or
// through a pool of pool workers (0: direct), and reports the OS threads
// the process grew to (threads), the cgo calls per op (cgocalls/op) and
// the CPUs it kept busy over the timed loop (cpus).
func Bench(b *testing.B, n int, fn func(), pool int) {
	run := func() { Burst(n, fn) }
	if pool > 0 {
		p := NewPool(pool)
		defer p.Close()
		run = func() { p.Burst(n, fn) }
	}
	calls := runtime.NumCgoCall()
	b.ResetTimer()
	span := cpus.Start()
	for i := 0; i < b.N; i++ {
		run()
	}
	b.StopTimer()
	span.Report(b)
	calls = runtime.NumCgoCall() - calls
	b.ReportMetric(float64(Threads()), "threads")
	b.ReportMetric(float64(calls)/float64(b.N), "cgocalls/op")
}
