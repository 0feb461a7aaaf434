// Package flaky holds benchmarks that fail on purpose, for the harness's
// robustness tests: one that works, one that panics, one that hangs and
// one that skips itself.
package flaky

import (
	"testing"
	"time"
)

var sink int

//go:noinline
func add1(x int) int { return x + 1 }

func BenchmarkFlaky(b *testing.B) {
	b.Run("ok", func(b *testing.B) {
		x := 0
		for i := 0; i < b.N; i++ {
			x = add1(x)
		}
		sink = x
	})
	b.Run("panics", func(b *testing.B) {
		panic("flaky: this benchmark panics on purpose")
	})
	b.Run("hangs", func(b *testing.B) {
		time.Sleep(time.Hour)
	})
	b.Run("skips", func(b *testing.B) {
		b.Skip("needs go1.99")
	})
}
