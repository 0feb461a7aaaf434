//go:build go1.24

package directives

/*
#cgo noescape dir_noescape
#cgo nocallback dir_nocallback
#cgo noescape dir_both
#cgo nocallback dir_both
#include "work.h"
*/
import "C"

import "unsafe"

// missing is why the directive variants cannot run: nothing, from Go 1.24.
const missing = ""

// NoEscape: C promises not to keep the pointer, so the buffer can stay on
// the stack.
//
//go:noinline
func NoEscape(seed byte) uint32 {
	var buf [Len]byte
	buf[0] = seed
	return uint32(C.dir_noescape((*C.uint8_t)(unsafe.Pointer(&buf[0]))))
}

// NoCallback: C promises not to call back into Go.
//
//go:noinline
func NoCallback(seed byte) uint32 {
	var buf [Len]byte
	buf[0] = seed
	return uint32(C.dir_nocallback((*C.uint8_t)(unsafe.Pointer(&buf[0]))))
}

// Both directives at once.
//
//go:noinline
func Both(seed byte) uint32 {
	var buf [Len]byte
	buf[0] = seed
	return uint32(C.dir_both((*C.uint8_t)(unsafe.Pointer(&buf[0]))))
}
