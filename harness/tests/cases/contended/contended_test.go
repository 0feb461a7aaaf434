package contended

import "testing"

var sink int

// BenchmarkContended: mutex takes a mutex that every goroutine of
// RunParallel shares; plain is the same loop without it.
func BenchmarkContended(b *testing.B) {
	b.Run("plain", func(b *testing.B) {
		b.RunParallel(func(pb *testing.PB) {
			x := 0
			for pb.Next() {
				x = Add1(x)
			}
			if x < 0 { // never: keeps x used without a race on sink
				sink = x
			}
		})
	})
	b.Run("mutex", func(b *testing.B) {
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				Take()
			}
		})
	})
	// alone: the mutex taken by one goroutine, which contends with
	// none (its options say "spread goroutines")
	b.Run("alone", func(b *testing.B) {
		b.Run("goroutines=1", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				Take()
			}
		})
	})
}
