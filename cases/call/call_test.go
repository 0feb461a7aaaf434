package call

import "testing"

// sink keeps every result alive so that no call can be deleted.
var sink int

// BenchmarkCall times one call per op. Variants and their baselines:
// go->go is matched with c->c (the Google Benchmark side), go->c with c->c,
// go->c->go with c->c(fnptr).
func BenchmarkCall(b *testing.B) {
	b.Run("go->go", func(b *testing.B) {
		x := 0
		for i := 0; i < b.N; i++ {
			x = Add1(x)
		}
		sink = x
	})
	b.Run("go->c", func(b *testing.B) {
		x := 0
		for i := 0; i < b.N; i++ {
			x = CAdd1(x)
		}
		sink = x
	})
	b.Run("go->c->go", func(b *testing.B) {
		x := 0
		for i := 0; i < b.N; i++ {
			x = CBackAdd1(x)
		}
		sink = x
	})
}
