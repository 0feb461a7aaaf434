package blocking

import (
	"fmt"
	"runtime"
	"sort"
	"sync/atomic"
	"testing"

	"cgobench/cases/internal/burst"
)

// Sink keeps every result alive (exported: see cases/call's Sink).
var Sink uint64

// poolSizes are the pool sizes swept: GOMAXPROCS (what threads uses), 8
// and 64 (one worker a goroutine), each once.
func poolSizes() []int {
	seen := map[int]bool{}
	var s []int
	for _, n := range []int{runtime.GOMAXPROCS(0), 8, Goroutines} {
		if !seen[n] {
			seen[n] = true
			s = append(s, n)
		}
	}
	sort.Ints(s)
	return s
}

// BenchmarkBlocking: bursts of 64 blocking calls at each block time, in C
// (a thread blocked) and in Go (a goroutine parked); and the pool sweep:
// computing and 1 ms blocking calls through pools of each size, against
// the same calls made directly (the claim pool-size) and, for the matched
// baseline, the same 1 ms blocking in Go through the same pool (a locked
// goroutine's sleep holds its thread too). Baselines: the file baselines.
func BenchmarkBlocking(b *testing.B) {
	var x uint64 = 88172645463325252
	compute := func() { atomic.AddUint64(&Sink, burst.Compute(x)) }
	ccompute := func() { atomic.AddUint64(&Sink, burst.CCompute(x)) }
	for _, v := range []struct {
		name  string
		sleep func(int)
	}{{"sleep(go)", burst.GoSleep}, {"sleep(c)", burst.CSleep}} {
		v := v
		b.Run(v.name, func(b *testing.B) {
			for _, us := range BlockMicros {
				us := us
				b.Run(fmt.Sprintf("block_us=%d", us), func(b *testing.B) {
					burst.Bench(b, Goroutines, func() { v.sleep(us) }, 0)
				})
			}
		})
	}
	b.Run("go->go", func(b *testing.B) { burst.Bench(b, Goroutines, compute, 0) })
	b.Run("go->c", func(b *testing.B) { burst.Bench(b, Goroutines, ccompute, 0) })
	csleep := func() { burst.CSleep(PoolBlockMicros) }
	gosleep := func() { burst.GoSleep(PoolBlockMicros) }
	for _, v := range []struct {
		name string
		fn   func()
	}{
		{"go->c(pool)", ccompute},
		{"sleep(c,pool)", csleep},
		{"sleep(go,pool)", gosleep},
	} {
		v := v
		b.Run(v.name, func(b *testing.B) {
			for _, n := range poolSizes() {
				n := n
				b.Run(fmt.Sprintf("pool=%d", n), func(b *testing.B) {
					burst.Bench(b, Goroutines, v.fn, n)
				})
			}
		})
	}
}
