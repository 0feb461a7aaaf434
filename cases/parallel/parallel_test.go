package parallel

import (
	"sync/atomic"
	"testing"

	"cgobench/cases/internal/par"
)

// sink keeps every result alive so that no call can be deleted.
var sink int64

// BenchmarkParallel times one call per op, shared out over every goroutine
// count from 1 to twice the CPUs: ns/op is wall time over all the calls,
// so it falls as goroutines are added while the CPUs keep up. The
// crossings' baseline (the file baselines) is go->go at the same count.
func BenchmarkParallel(b *testing.B) {
	variants := []struct {
		name string
		fn   func(int) int
	}{
		{"go->go", Add1},
		{"go->c", CAdd1},
		{"go->c->go", CBackAdd1},
	}
	for _, v := range variants {
		v := v
		b.Run(v.name, func(b *testing.B) {
			for _, g := range par.Counts() {
				b.Run(par.Name(g), func(b *testing.B) {
					par.Run(b, g, func(pb *par.PB) {
						x := 0
						for pb.Next() {
							x = v.fn(x)
						}
						atomic.AddInt64(&sink, int64(x))
					})
				})
			}
		})
	}
}
