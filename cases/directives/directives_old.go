//go:build !go1.24

package directives

// missing is why the directive variants cannot run on this toolchain.
const missing = "#cgo noescape and #cgo nocallback are new in Go 1.24"

// The directive variants are never called before Go 1.24 (they skip).
func NoEscape(seed byte) uint32   { panic(missing) }
func NoCallback(seed byte) uint32 { panic(missing) }
func Both(seed byte) uint32       { panic(missing) }
