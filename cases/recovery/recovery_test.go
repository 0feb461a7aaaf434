package recovery

import "testing"

// Sink keeps every result alive (exported: see cases/call's Sink).
var Sink int

// BenchmarkRecovery times one callback per op, through C (go->c->go) and,
// as the baselines (the file baselines), the same Go function called from
// Go (go->go). Each loop calls its function directly: through a func
// value, go->go took 1.35 to 1.86 ns from one process to the next on the
// VM of docs/precision.md (item 24), called directly 1.52 to 1.58 ns.
func BenchmarkRecovery(b *testing.B) {
	b.Run("go->go", func(b *testing.B) {
		x := 0
		for i := 0; i < b.N; i++ {
			x = Plain(x)
		}
		Sink = x
	})
	b.Run("go->go(defer-recover)", func(b *testing.B) {
		x := 0
		for i := 0; i < b.N; i++ {
			x = DeferRecover(x)
		}
		Sink = x
	})
	b.Run("go->go(panic-recover)", func(b *testing.B) {
		x := 0
		for i := 0; i < b.N; i++ {
			x = PanicRecover(x)
		}
		Sink = x
	})
	for which, name := range []string{"go->c->go",
		"go->c->go(defer-recover)", "go->c->go(panic-recover)"} {
		which := which
		b.Run(name, func(b *testing.B) {
			x := 0
			for i := 0; i < b.N; i++ {
				x = Via(which, x)
			}
			Sink = x
		})
	}
}
