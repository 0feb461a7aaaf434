package libraries

import (
	"fmt"
	"testing"
	"time"
)

// Sink keeps every result alive (exported: see cases/call's Sink).
var Sink uint32

// sizes is every input size measured: 1 byte to 1 MiB, powers of 16.
func sizes() []int {
	var s []int
	for n := 1; n <= Max; n *= 16 {
		s = append(s, n)
	}
	return s
}

// perInput runs op, which hashes inputs inputs of n bytes each, until
// b.N inputs are hashed, so that ns/op is per input for every variant
// (the batched ones hash up to inputs-1 more than b.N: under 0.2% at the
// b.N of inputs up to 256 bytes); ns/byte beside it. (b.Elapsed is newer
// than the oldest Go the suite runs on.)
func perInput(b *testing.B, inputs, n int, op func() uint32) {
	var sum uint32
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i += inputs {
		sum += op()
	}
	ns := float64(time.Since(start).Nanoseconds())
	Sink = sum
	b.ReportMetric(ns/float64(b.N)/float64(n), "ns/byte")
}

// BenchmarkLibraries times CRC-32 and SHA-256 of n bytes in Go's standard
// library and in a C library through cgo, one crossing per input, and
// for small inputs Batch inputs per crossing. The cgo variants' baselines
// (in the file baselines) are the same C calls made from C.
func BenchmarkLibraries(b *testing.B) {
	in := NewInput()
	defer in.Free()
	variants := []struct {
		name   string
		inputs int
		op     func(n int) uint32
		upTo   int
	}{
		{"crc32(go)", 1, in.CRC32Go, Max},
		{"crc32(cgo)", 1, in.CRC32C, Max},
		{"crc32(cgo,batch)", Batch, in.CRC32CBatch, 256},
		{"sha256(go)", 1, in.SHA256Go, Max},
		{"sha256(cgo)", 1, in.SHA256C, Max},
		{"sha256(cgo,batch)", Batch, in.SHA256CBatch, 256},
	}
	for _, v := range variants {
		v := v
		b.Run(v.name, func(b *testing.B) {
			for _, n := range sizes() {
				if n > v.upTo {
					break
				}
				n := n
				b.Run(fmt.Sprintf("bytes=%d", n), func(b *testing.B) {
					perInput(b, v.inputs, n, func() uint32 { return v.op(n) })
				})
			}
		})
	}
}

// The C library and Go's compute the same checksums.
func TestSameResults(t *testing.T) {
	in := NewInput()
	defer in.Free()
	for _, n := range []int{1, 16, 1000, Max} {
		if c, g := in.CRC32C(n), in.CRC32Go(n); c != g {
			t.Errorf("crc32 of %d bytes: C %#x, Go %#x", n, c, g)
		}
		if c, g := in.SHA256C(n), in.SHA256Go(n); c != g {
			t.Errorf("sha256 of %d bytes: C %#x, Go %#x", n, c, g)
		}
	}
}
