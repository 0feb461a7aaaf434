// Package batch holds the Go and cgo sides of the batch family: N items
// processed with one crossing per item or one crossing for all of them.
// The work of an item is a 16-byte FNV-1a checksum, the same in C and Go.
package batch

/*
#include <stdlib.h>
#include "work.h"
uint32_t batch_all_go(uint8_t *items, int n);
*/
import "C"

import "unsafe"

// ItemSize and MaxItems match work.h.
const (
	ItemSize = C.BATCH_ITEM
	MaxItems = C.BATCH_MAX
)

// Item is the go->go work: the same as batch_item in work.c.
//
//go:noinline
func Item(item []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range item[:ItemSize] {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// Items is MaxItems items in C memory, so that no crossing passes a Go
// pointer (whose check would be timed too).
type Items struct{ p *C.uint8_t }

// NewItems fills the items with a fixed pattern.
func NewItems() Items {
	p := (*C.uint8_t)(C.malloc(C.size_t(ItemSize * MaxItems)))
	b := unsafe.Slice((*byte)(unsafe.Pointer(p)), ItemSize*MaxItems)
	for i := range b {
		b[i] = byte(i * 7)
	}
	return Items{p}
}

// Free releases the items.
func (it Items) Free() { C.free(unsafe.Pointer(it.p)) }

func (it Items) at(i int) *C.uint8_t {
	return (*C.uint8_t)(unsafe.Add(unsafe.Pointer(it.p), i*ItemSize))
}

// EachC makes n go->c crossings, one per item.
//
//go:noinline
func (it Items) EachC(n int) uint32 {
	var sum uint32
	for i := 0; i < n; i++ {
		sum += uint32(C.batch_item(it.at(i)))
	}
	return sum
}

// BatchC makes one go->c crossing for n items.
//
//go:noinline
func (it Items) BatchC(n int) uint32 { return uint32(C.batch_all(it.p, C.int(n))) }

// BatchCallback makes one go->c crossing in which C calls Go n times.
//
//go:noinline
func (it Items) BatchCallback(n int) uint32 { return uint32(C.batch_all_go(it.p, C.int(n))) }

//export goBatchItem
func goBatchItem(item *C.uint8_t) C.uint32_t {
	return C.uint32_t(Item(unsafe.Slice((*byte)(unsafe.Pointer(item)), ItemSize)))
}

// EachGo is the go->go loop: n calls of Item over Go memory.
//
//go:noinline
func EachGo(items []byte, n int) uint32 {
	var sum uint32
	for i := 0; i < n; i++ {
		sum += Item(items[i*ItemSize:])
	}
	return sum
}
