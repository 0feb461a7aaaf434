package states

import (
	"sync"
	"testing"
	"time"
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
// stalls in the processes that $CGOBENCH_STALL_AT names (Stalls).
func BenchmarkStates(b *testing.B) {
	var once, stall sync.Once
	var slow bool
	b.Run("one", func(b *testing.B) {
		stall.Do(func() {
			// the count's file I/O outside the timer (on CI's disk
			// a write took 40 ms), the stall under test inside it:
			// a first call that outlasts the benchtime, as a file
			// read from a slow disk does
			b.StopTimer()
			stalls := Stalls()
			b.StartTimer()
			if stalls {
				time.Sleep(60 * time.Millisecond)
			}
		})
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
