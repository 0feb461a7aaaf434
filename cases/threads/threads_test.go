package threads

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"

	"cgobench/cases/internal/burst"
)

// Sink keeps every result alive (exported: see cases/call's Sink).
var Sink uint64

// burstSize is how many goroutines each burst starts: the param.
const burstSize = 64

// BenchmarkThreads times one burst per op: burstSize goroutines that each
// make one call, either computing (about a microsecond) or blocking
// (SleepMicros), made directly or through a pool of GOMAXPROCS workers
// that hold runtime.LockOSThread. Beside the time it reports the OS
// threads the process had grown to by the end (threads) and the cgo calls
// per op (cgocalls/op). The baselines (the file baselines) do the same in
// Go: compute, or time.Sleep, which parks the goroutine and not a thread.
func BenchmarkThreads(b *testing.B) {
	var x uint64 = 88172645463325252
	compute := func() { atomic.AddUint64(&Sink, burst.Compute(x)) }
	ccompute := func() { atomic.AddUint64(&Sink, burst.CCompute(x)) }
	gosleep := func() { burst.GoSleep(SleepMicros) }
	csleep := func() { burst.CSleep(SleepMicros) }
	variants := []struct {
		name string
		fn   func()
		pool bool
	}{
		{"go->go", compute, false},
		{"go->c", ccompute, false},
		{"go->c(pool)", ccompute, true},
		{"sleep(go)", gosleep, false},
		{"sleep(c)", csleep, false},
		{"sleep(c,pool)", csleep, true},
	}
	for _, v := range variants {
		v := v
		b.Run(v.name, func(b *testing.B) {
			b.Run(fmt.Sprintf("goroutines=%d", burstSize), func(b *testing.B) {
				pool := 0
				if v.pool {
					pool = runtime.GOMAXPROCS(0)
				}
				burst.Bench(b, burstSize, v.fn, pool)
			})
		})
	}
}
