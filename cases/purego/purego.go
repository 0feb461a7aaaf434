// Package viapurego is the Go side of the purego family: the call
// family's crossings made without cgo, through github.com/ebitengine/purego,
// into work.c built as a shared library. The family's options build it
// with CGO_ENABLED=0 and libwork.so beside the test binary.
package viapurego

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/ebitengine/purego"
)

// Lib is libwork.so's functions, bound through purego.
type Lib struct {
	Add1        func(int32) int32          // purego_add1, by RegisterLibFunc
	Add1Addr    uintptr                    // its address, for SyscallN
	CallBack    func(uintptr, int32) int32 // purego_call_back
	LoopCThread func(uintptr, int64) int32 // purego_loop_cthread
	GoAdd1      uintptr                    // Add1 as a C function pointer
}

var (
	once    sync.Once
	lib     *Lib
	loadErr error
)

// LibPath is where libwork.so is: $CGOBENCH_LIBWORK, else beside the
// running binary, where cgobench builds it.
func LibPath() string {
	if p := os.Getenv("CGOBENCH_LIBWORK"); p != "" {
		return p
	}
	exe, err := os.Executable()
	if err != nil {
		return "libwork.so"
	}
	return filepath.Join(filepath.Dir(exe), "libwork.so")
}

// Load opens libwork.so once and binds its functions.
func Load() (*Lib, error) {
	once.Do(func() {
		path := LibPath()
		h, err := purego.Dlopen(path, purego.RTLD_NOW|purego.RTLD_LOCAL)
		if err != nil {
			loadErr = fmt.Errorf("cannot load %s (cgobench builds it "+
				"beside go.test; else set CGOBENCH_LIBWORK): %v", path, err)
			return
		}
		l := &Lib{GoAdd1: purego.NewCallback(Add1)}
		purego.RegisterLibFunc(&l.Add1, h, "purego_add1")
		purego.RegisterLibFunc(&l.CallBack, h, "purego_call_back")
		purego.RegisterLibFunc(&l.LoopCThread, h, "purego_loop_cthread")
		l.Add1Addr, loadErr = purego.Dlsym(h, "purego_add1")
		lib = l
	})
	return lib, loadErr
}

// Add1 is the go->go work, and the Go function C calls back.
//
//go:noinline
func Add1(x int32) int32 { return x + 1 }

// SyscallAdd1 makes one go->c crossing through purego.SyscallN, the
// call RegisterLibFunc's functions make after converting their arguments.
//
//go:noinline
func (l *Lib) SyscallAdd1(x int32) int32 {
	r, _, _ := purego.SyscallN(l.Add1Addr, uintptr(x))
	return int32(r)
}
