package states

import (
	"sync"
	"testing"
)

var sink int

// work runs Add1 a hundred times, or three hundred when slow.
func work(b *testing.B, slow bool) {
	k := 100
	if slow {
		k = 300
	}
	x := 0
	for i := 0; i < b.N; i++ {
		for j := 0; j < k; j++ {
			x = Add1(x)
		}
	}
	sink = x
}

// BenchmarkStates: two flips between the work and three times it from
// one process to the next (Flip, once a process); one never does, but
// stalls in the process that $CGOBENCH_STALL_AT names (Stall).
func BenchmarkStates(b *testing.B) {
	var once, stall sync.Once
	var slow bool
	b.Run("one", func(b *testing.B) {
		// inside the timer: the stalled first call under test
		stall.Do(Stall)
		work(b, false)
	})
	b.Run("two", func(b *testing.B) {
		once.Do(func() { slow = Flip("two") })
		// the flip's file I/O is not the work: on a slow disk it
		// outlasted the benchtime and ended the sample at N=1
		b.ResetTimer()
		work(b, slow)
	})
}
