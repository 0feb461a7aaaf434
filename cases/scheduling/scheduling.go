// Package scheduling holds the scheduling family: crossings under the
// scheduler. C threads calling Go in parallel (golang/go#60961), cgo calls
// while other goroutines are busy (golang/go#19574), and how often a
// goroutine's consecutive cgo calls run on different OS threads.
package scheduling

/*
#include "work.h"
long sched_cthreads(int n, long calls, int go);
*/
import "C"

import "errors"

// Add1 is the go->go work.
//
//go:noinline
func Add1(x int) int { return x + 1 }

// goTid stands in for a thread id on the Go side, so that go->go does
// the same comparing as go->c.
var goTid int64 = 1

// GoTid is go->go's call: it returns goTid.
//
//go:noinline
func GoTid() int64 { return goTid }

// CTid makes one go->c crossing, which returns the id of the OS thread
// that ran it.
//
//go:noinline
func CTid() int64 { return int64(C.sched_tid()) }

// CThreads makes n threads in C, each calling calls times either the
// exported goSchedAdd1 (toGo) or a C function, and waits for them.
func CThreads(n int, calls int64, toGo bool) (int64, error) {
	g := C.int(0)
	if toGo {
		g = 1
	}
	r := int64(C.sched_cthreads(C.int(n), C.long(calls), g))
	if r < 0 {
		return 0, errors.New("sched_cthreads: cannot make the threads")
	}
	return r, nil
}

//export goSchedAdd1
func goSchedAdd1(x C.int) C.int { return x + 1 }
