// Package libraries holds the Go and cgo sides of the libraries family:
// the same job (CRC-32, SHA-256) done by a real C library through cgo and
// by Go's standard library, at input sizes from 1 byte to 1 MiB, to find
// from what size the C library is worth its crossing.
package libraries

/*
#cgo LDFLAGS: -lcrypto -lz
#include <stdlib.h>
#include "work.h"
*/
import "C"

import (
	"crypto/sha256"
	"encoding/binary"
	"hash/crc32"
	"unsafe"
)

// Max and Batch match work.h.
const (
	Max   = C.LIB_MAX
	Batch = C.LIB_BATCH
)

// Input is Max bytes in C memory (so that no crossing passes a Go pointer,
// whose check would be timed too) and the same bytes in Go memory.
type Input struct {
	p  *C.uint8_t
	Go []byte
}

// NewInput fills both copies with the same pattern.
func NewInput() Input {
	p := (*C.uint8_t)(C.malloc(C.size_t(Max)))
	c := unsafe.Slice((*byte)(unsafe.Pointer(p)), Max)
	g := make([]byte, Max)
	for i := range c {
		c[i] = byte(i*7 + i>>8)
		g[i] = c[i]
	}
	return Input{p, g}
}

// Free releases the C copy.
func (in Input) Free() { C.free(unsafe.Pointer(in.p)) }

// CRC32C is zlib's crc32 of the first n bytes, one crossing.
//
//go:noinline
func (in Input) CRC32C(n int) uint32 {
	return uint32(C.lib_crc32(in.p, C.size_t(n)))
}

// SHA256C is OpenSSL's SHA-256 of the first n bytes, one crossing.
//
//go:noinline
func (in Input) SHA256C(n int) uint32 {
	return uint32(C.lib_sha256(in.p, C.size_t(n)))
}

// CRC32CBatch is Batch inputs of n bytes in one crossing.
//
//go:noinline
func (in Input) CRC32CBatch(n int) uint32 {
	return uint32(C.lib_crc32_batch(in.p, C.size_t(n)))
}

// SHA256CBatch is Batch inputs of n bytes in one crossing.
//
//go:noinline
func (in Input) SHA256CBatch(n int) uint32 {
	return uint32(C.lib_sha256_batch(in.p, C.size_t(n)))
}

// CRC32Go is hash/crc32 of the first n bytes.
//
//go:noinline
func (in Input) CRC32Go(n int) uint32 {
	return crc32.ChecksumIEEE(in.Go[:n])
}

// SHA256Go is crypto/sha256 of the first n bytes, its first 4 bytes as
// the C side returns them.
//
//go:noinline
func (in Input) SHA256Go(n int) uint32 {
	s := sha256.Sum256(in.Go[:n])
	return binary.BigEndian.Uint32(s[:4])
}
