package deleted

import "testing"

// BenchmarkDeleted: empty is a benchmark whose work the compiler removed,
// as gccgo removed call's go->go while its sink was unexported and
// unread: nothing is left of it but b.N; kept does the work.
func BenchmarkDeleted(b *testing.B) {
	b.Run("empty", func(b *testing.B) {})
	b.Run("kept", func(b *testing.B) {
		x := 0
		for i := 0; i < b.N; i++ {
			x = Add1(x)
		}
		Sink = x
	})
}

// Sink keeps kept's work alive.
var Sink int

// Add1 is kept's work.
//
//go:noinline
func Add1(x int) int { return x + 1 }
