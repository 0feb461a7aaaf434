// Package directives holds the directives family: a C function that takes
// a pointer to Go memory, declared plainly or with #cgo noescape and
// #cgo nocallback (Go 1.24 and later; see directives.go).
package directives

/*
#include "work.h"
*/
import "C"

import "unsafe"

// Len is the size of the buffer each call sums.
const Len = C.DIRECTIVES_LEN

// Plain passes a pointer to a buffer on its stack. cgo must assume C keeps
// the pointer, so the buffer escapes to the heap: one allocation per call.
//
//go:noinline
func Plain(seed byte) uint32 {
	var buf [Len]byte
	buf[0] = seed
	return uint32(C.dir_plain((*C.uint8_t)(unsafe.Pointer(&buf[0]))))
}
