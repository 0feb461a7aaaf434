package handles

import (
	"sync/atomic"
	"testing"
	"unsafe"

	"cgobench/cases/internal/par"
)

// Sink keeps every result alive (exported: see cases/call's Sink).
var Sink uint32

// BenchmarkHandles times one object's stay in C per op (register, cross
// into C, call back into Go and look it up, delete) for each registry, on
// every goroutine count from 1 to twice the CPUs. Its baseline, callback,
// is the same round trip with no registry (the file baselines).
func BenchmarkHandles(b *testing.B) {
	variants := []struct {
		name string
		new  func() Registry
	}{
		{"callback", nil},
		{"cgo.Handle", func() Registry { return Handles{} }},
		{"rwmutex-map", func() Registry { return NewLockedMap(AtomicIds) }},
		{"rwmutex-map(mutex-id)", func() Registry { return NewLockedMap(MutexIds) }},
		{"rwmutex-map(object-key)", func() Registry { return NewLockedMap(ObjectKeys) }},
		{"sharded-map", func() Registry { return NewShardedMap(AtomicIds) }},
		{"sharded-map(object-key)", func() Registry { return NewShardedMap(ObjectKeys) }},
		{"sync.Map", func() Registry { return NewSyncMap() }},
	}
	for _, v := range variants {
		v := v
		b.Run(v.name, func(b *testing.B) {
			for _, g := range par.Counts() {
				g := g
				b.Run(par.Name(g), func(b *testing.B) {
					var r Registry
					if v.new != nil {
						r = v.new()
						current = r
					}
					var keys uintptr
					var total uint32
					b.ResetTimer()
					par.Run(b, g, func(pb *par.PB) {
						// each goroutine's own object, with a key
						// no other object has
						o := &Obj{Key: uintptr(atomic.AddUintptr(&keys, 1)), V: 1}
						var s uint32
						if r == nil {
							for pb.Next() {
								s += Echo(o)
							}
						} else {
							for pb.Next() {
								s += Call(r, o)
							}
						}
						atomic.AddUint32(&total, s)
					})
					Sink = total
				})
			}
		})
	}
}

// TestShardsApart checks that no two shards of a ShardedMap, nor their
// maps' headers, lie within apart bytes of each other: each goroutine's
// shard must be its own, or the benchmark times false sharing.
func TestShardsApart(t *testing.T) {
	for k := 0; k < 3; k++ {
		s := NewShardedMap(ObjectKeys)
		for i := 0; i < Shards; i++ {
			for j := 0; j < i; j++ {
				mi := uintptr(unsafe.Pointer(&s.shards[i].mu))
				mj := uintptr(unsafe.Pointer(&s.shards[j].mu))
				if mi-mj < apart {
					t.Errorf("shards %d and %d lie %d bytes apart", j, i, mi-mj)
				}
				hi, hj := header(s.shards[i].m), header(s.shards[j].m)
				if hi < hj+apart && hj < hi+apart {
					t.Errorf("the maps of shards %d and %d lie at %#x and %#x", j, i, hj, hi)
				}
			}
		}
	}
}
