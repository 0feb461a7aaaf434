package parallel

import (
	"sync/atomic"
	"testing"

	"cgobench/cases/internal/par"
)

// Sink keeps every result alive (exported: see cases/call's Sink).
var Sink int64

// Each loop calls its function directly: a call through a func value
// flips between states of its own from one process to the next (as the
// call and recovery families found), which would be taken for contention.

func loopGo(pb *par.PB) {
	x := 0
	for pb.Next() {
		x = Add1(x)
	}
	atomic.AddInt64(&Sink, int64(x))
}

func loopC(pb *par.PB) {
	x := 0
	for pb.Next() {
		x = CAdd1(x)
	}
	atomic.AddInt64(&Sink, int64(x))
}

func loopBack(pb *par.PB) {
	x := 0
	for pb.Next() {
		x = CBackAdd1(x)
	}
	atomic.AddInt64(&Sink, int64(x))
}

// BenchmarkParallel times one call per op, shared out over every goroutine
// count from 1 to twice the CPUs: ns/op is wall time over all the calls,
// so it falls as goroutines are added while the CPUs keep up. The
// crossings' baseline (the file baselines) is go->go at the same count.
func BenchmarkParallel(b *testing.B) {
	variants := []struct {
		name string
		loop func(*par.PB)
	}{
		{"go->go", loopGo},
		{"go->c", loopC},
		{"go->c->go", loopBack},
	}
	for _, v := range variants {
		v := v
		b.Run(v.name, func(b *testing.B) {
			for _, g := range par.Counts() {
				b.Run(par.Name(g), func(b *testing.B) {
					par.Run(b, g, v.loop)
				})
			}
		})
	}
}
