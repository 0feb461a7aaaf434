// Package data holds the cgo side of the data family: the ways of handing
// bytes, strings and structs across the boundary, each followed by the
// same use of what was handed over.
package data

/*
#include <stdlib.h>
#include "work.h"
*/
import "C"

import "unsafe"

// Len is the size of every string, buffer and struct passed: 64 bytes.
const Len = C.DATA_LEN

// Sum is data_sum in Go, for the variants that read C memory from Go.
//
//go:noinline
func Sum(p []byte) uint32 {
	var s uint32
	for _, c := range p {
		s = s*31 + uint32(c)
	}
	return s
}

// CString is C.CString then C.free: two crossings (malloc and free are
// C calls), a copy, and one byte read to use the copy.
//
//go:noinline
func CString(s string) uint32 {
	cs := C.CString(s)
	r := uint32(*(*byte)(unsafe.Add(unsafe.Pointer(cs), len(s)/2)))
	C.free(unsafe.Pointer(cs))
	return r
}

// cstr is the C string that GoString and GoBytes read.
func cstr() *C.char { return &C.data_cstring[0] }

// GoString copies the C string into a new Go string and sums it.
//
//go:noinline
func GoString() uint32 {
	return SumString(C.GoString(cstr()))
}

// SumString is Sum over a string's bytes.
//
//go:noinline
func SumString(s string) uint32 {
	var h uint32
	for i := 0; i < len(s); i++ {
		h = h*31 + uint32(s[i])
	}
	return h
}

// GoBytes copies Len bytes of C memory into a new slice and sums it.
//
//go:noinline
func GoBytes() uint32 { return Sum(C.GoBytes(unsafe.Pointer(cstr()), Len)) }

// View reads the C string in place: its length found as strlen would,
// then a slice over the C memory, no copy.
//
//go:noinline
func View() uint32 {
	p := (*byte)(unsafe.Pointer(cstr()))
	n := 0
	for *(*byte)(unsafe.Add(unsafe.Pointer(p), n)) != 0 {
		n++
	}
	return Sum(unsafe.Slice(p, n))
}

// CBuf is Len bytes of C memory that BytesCopy copies into.
type CBuf struct{ p unsafe.Pointer }

// NewCBuf allocates it; Free releases it.
func NewCBuf() CBuf  { return CBuf{C.malloc(Len)} }
func (c CBuf) Free() { C.free(c.p) }

// BytesCopy copies a Go slice into C memory, then C sums it.
//
//go:noinline
func (c CBuf) BytesCopy(b []byte) uint32 {
	copy(unsafe.Slice((*byte)(c.p), Len), b)
	return uint32(C.data_sum((*C.uint8_t)(c.p), C.size_t(len(b))))
}

// BytesPointer hands C a pointer to the Go slice's memory (checked by
// cgocheck unless it is off).
//
//go:noinline
func BytesPointer(b []byte) uint32 {
	return uint32(C.data_sum((*C.uint8_t)(unsafe.Pointer(&b[0])), C.size_t(len(b))))
}

// Rec is the 64-byte struct.
type Rec = C.struct_data_rec

// RecValue passes the struct by value.
//
//go:noinline
func RecValue(r *Rec) uint32 { return uint32(C.data_rec_value(*r)) }

// RecPointer passes a pointer to the struct in Go memory.
//
//go:noinline
func RecPointer(r *Rec) uint32 { return uint32(C.data_rec_pointer(r)) }

// Ptr1 passes one pointer to Go memory.
//
//go:noinline
func Ptr1(a *[8]int64) uint32 {
	return uint32(C.data_ptr1((*C.int64_t)(unsafe.Pointer(&a[0]))))
}

// Ptr8 passes eight pointers to Go memory, each checked.
//
//go:noinline
func Ptr8(a *[8]int64) uint32 {
	p := func(i int) *C.int64_t { return (*C.int64_t)(unsafe.Pointer(&a[i])) }
	return uint32(C.data_ptr8(p(0), p(1), p(2), p(3), p(4), p(5), p(6), p(7)))
}
