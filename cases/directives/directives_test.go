package directives

import "testing"

// Sink keeps every result alive (exported: see cases/call's Sink).
var Sink uint32

// BenchmarkDirectives times one call per op that passes a pointer to a
// 64-byte buffer on the caller's stack, with -benchmem's allocs/op showing
// whether the buffer escaped. The baseline (the file baselines) is c->c,
// the same call from C. On toolchains older than Go 1.24 the directive
// variants skip, with the reason.
func BenchmarkDirectives(b *testing.B) {
	variants := []struct {
		name string
		fn   func(byte) uint32
		skip string
	}{
		{"plain", Plain, ""},
		{"noescape", NoEscape, missing},
		{"nocallback", NoCallback, missing},
		{"noescape+nocallback", Both, missing},
	}
	for _, v := range variants {
		v := v
		b.Run(v.name, func(b *testing.B) {
			if v.skip != "" {
				b.Skip(v.skip)
			}
			var s uint32
			for i := 0; i < b.N; i++ {
				s += v.fn(byte(i))
			}
			Sink = s
		})
	}
}
