//go:build !go1.21

package data

// pinMissing is why BytesPinned cannot run on this toolchain.
const pinMissing = "runtime.Pinner is new in Go 1.21"

// BytesPinned is never called before Go 1.21 (the benchmark skips).
func BytesPinned(b []byte) uint32 { panic(pinMissing) }
