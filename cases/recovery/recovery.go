// Package recovery holds the recovery family: an exported Go callback with
// and without a deferred recover, and one that panics and recovers before
// the panic can reach C (a panic that unwinds into C frames crashes the
// process).
package recovery

/*
int recover_call(int which, int x);
*/
import "C"

import "errors"

// errBoom is the value Panic panics with: made once, so that the panic
// itself allocates nothing.
var errBoom = errors.New("boom")

// Plain is the work: return x+1.
//
//go:noinline
func Plain(x int) int { return x + 1 }

// DeferRecover is Plain with a deferred recover that finds nothing.
//
//go:noinline
func DeferRecover(x int) (r int) {
	defer func() {
		if recover() != nil {
			r = -1
		}
	}()
	return x + 1
}

// PanicRecover panics and recovers, returning x+1 from the recovery.
//
//go:noinline
func PanicRecover(x int) (r int) {
	defer func() {
		if recover() != nil {
			r = x + 1
		}
	}()
	panic(errBoom)
}

//export goPlain
func goPlain(x C.int) C.int { return C.int(Plain(int(x))) }

//export goDeferRecover
func goDeferRecover(x C.int) C.int { return C.int(DeferRecover(int(x))) }

//export goPanicRecover
func goPanicRecover(x C.int) C.int { return C.int(PanicRecover(int(x))) }

// Via makes one go->c->go round trip into callback which (0 plain, 1
// deferred recover, 2 panic and recover).
//
//go:noinline
func Via(which, x int) int { return int(C.recover_call(C.int(which), C.int(x))) }
