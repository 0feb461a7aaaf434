package call

import "testing"

// Sink keeps every result alive so that no call can be deleted. It is
// exported: gccgo, which sees a package whole, drops the stores to an
// unexported variable it never reads, and with them the calls of a pure
// function that fed them (call's go->go measured nothing).
var Sink int

// BenchmarkCall times one call per op. Variants and their baselines:
// go->go is matched with c->c (the Google Benchmark side), go->c with c->c,
// go->c->go with c->c(fnptr).
func BenchmarkCall(b *testing.B) {
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
	b.Run("go->c->go", func(b *testing.B) {
		x := 0
		for i := 0; i < b.N; i++ {
			x = CBackAdd1(x)
		}
		Sink = x
	})
}
