// Package parallel holds the parallel family: the crossings of the call
// family made from many goroutines at once.
package parallel

/*
#include "work.h"
int parallel_back(int x);
*/
import "C"

// Add1 is the go->go work.
//
//go:noinline
func Add1(x int) int { return x + 1 }

// CAdd1 makes one go->c crossing.
//
//go:noinline
func CAdd1(x int) int { return int(C.parallel_add1(C.int(x))) }

// CBackAdd1 makes one go->c->go round trip.
//
//go:noinline
func CBackAdd1(x int) int { return int(C.parallel_back(C.int(x))) }

//export goParallelAdd1
func goParallelAdd1(x C.int) C.int { return x + 1 }
