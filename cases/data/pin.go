//go:build go1.21

package data

/*
#include "work.h"
*/
import "C"

import (
	"runtime"
	"unsafe"
)

// pinMissing is why BytesPinned cannot run: nothing, from Go 1.21 on.
const pinMissing = ""

// BytesPinned pins the slice's memory with runtime.Pinner for the call.
//
//go:noinline
func BytesPinned(b []byte) uint32 {
	var p runtime.Pinner
	p.Pin(&b[0])
	r := uint32(C.data_sum((*C.uint8_t)(unsafe.Pointer(&b[0])), C.size_t(len(b))))
	p.Unpin()
	return r
}
