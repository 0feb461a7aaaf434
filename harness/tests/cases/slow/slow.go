// Package slow is a small family for the compare tests: its C function
// can be built slower on purpose (see work.c).
package slow

/*
#include "work.h"
*/
import "C"

// Add1 is the go->go work.
//
//go:noinline
func Add1(x int) int { return x + 1 }

// CAdd1 crosses into C.
//
//go:noinline
func CAdd1(x int) int { return int(C.slow_add1(C.int(x))) }
