// Package call holds the Go and cgo sides of the call family: one crossing
// of the Go/C boundary, in each direction, next to the same call that crosses
// nothing. The work everywhere is "return x+1".
package call

/*
#include "work.h"
int call_back_add1(int x);
*/
import "C"

// Add1 is the go->go work: the same as call_add1 in work.c.
//
//go:noinline
func Add1(x int) int { return x + 1 }

// CAdd1 makes one go->c crossing.
//
//go:noinline
func CAdd1(x int) int { return int(C.call_add1(C.int(x))) }

// CBackAdd1 makes one go->c->go round trip: C calls the exported goAdd1.
//
//go:noinline
func CBackAdd1(x int) int { return int(C.call_back_add1(C.int(x))) }

//export goAdd1
func goAdd1(x C.int) C.int { return x + 1 }
