package slow

import "testing"

// Sink keeps the loops' work alive (exported: see cases/call's Sink).
var Sink int

// BenchmarkSlow: go->c calls the C function that a test build slows down;
// go->go is its unchanged neighbour.
func BenchmarkSlow(b *testing.B) {
	b.Run("go->go", func(b *testing.B) {
		x := 0
		for i := 0; i < b.N; i++ {
			x = Add1(x)
		}
		Sink = x
	})
	b.Run("go->c", func(b *testing.B) {
		x := 0
		for i := 0; i < b.N; i++ {
			x = CAdd1(x)
		}
		Sink = x
	})
}
