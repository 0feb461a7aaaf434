package recovery

import "testing"

// sink keeps every result alive so that no call can be deleted.
var sink int

// BenchmarkRecovery times one callback per op, through C (go->c->go) and,
// as the baselines (the file baselines), the same Go function called from
// Go (go->go).
func BenchmarkRecovery(b *testing.B) {
	variants := []struct {
		name string
		fn   func(int) int
	}{
		{"go->go", Plain},
		{"go->go(defer-recover)", DeferRecover},
		{"go->go(panic-recover)", PanicRecover},
		{"go->c->go", func(x int) int { return Via(0, x) }},
		{"go->c->go(defer-recover)", func(x int) int { return Via(1, x) }},
		{"go->c->go(panic-recover)", func(x int) int { return Via(2, x) }},
	}
	for _, v := range variants {
		v := v
		b.Run(v.name, func(b *testing.B) {
			x := 0
			for i := 0; i < b.N; i++ {
				x = v.fn(x)
			}
			sink = x
		})
	}
}
