package batch

import (
	"fmt"
	"testing"
	"time"
)

// Sink keeps every result alive (exported: see cases/call's Sink).
var Sink uint32

// Sizes is every batch size measured: 1, 2, 4, ... 4096.
func sizes() []int {
	var s []int
	for n := 1; n <= MaxItems; n *= 2 {
		s = append(s, n)
	}
	return s
}

// perItem runs one op (n items) b.N times and reports ns/item beside
// ns/op. (b.Elapsed is newer than the oldest Go the suite runs on.)
func perItem(b *testing.B, n int, op func() uint32) {
	var sum uint32
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		sum += op()
	}
	ns := float64(time.Since(start).Nanoseconds())
	Sink = sum
	b.ReportMetric(ns/float64(b.N)/float64(n), "ns/item")
}

// BenchmarkBatch times n items per op. Variants and their baselines (in
// the file baselines): go->c(each), go->c(batch) and go->c->go(batch)
// against c->c (the Google Benchmark side); go->go is the Go baseline.
func BenchmarkBatch(b *testing.B) {
	it := NewItems()
	defer it.Free()
	goItems := make([]byte, ItemSize*MaxItems)
	for i := range goItems {
		goItems[i] = byte(i * 7)
	}
	variants := []struct {
		name string
		op   func(n int) uint32
	}{
		{"go->go", func(n int) uint32 { return EachGo(goItems, n) }},
		{"go->c(each)", it.EachC},
		{"go->c(batch)", it.BatchC},
		{"go->c->go(batch)", it.BatchCallback},
	}
	for _, v := range variants {
		v := v
		b.Run(v.name, func(b *testing.B) {
			for _, n := range sizes() {
				n := n
				b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
					perItem(b, n, func() uint32 { return v.op(n) })
				})
			}
		})
	}
}
