package data

import (
	"os"
	"strings"
	"testing"
)

// Sink keeps every result alive (exported: see cases/call's Sink).
var Sink uint32

// checksOff reports whether this process runs with cgo's pointer checks
// off. GODEBUG=cgocheck=0 takes effect only when the process starts, so
// each level needs its own process: cgobench starts the cgocheck=0 ones
// with it (see the family's file options).
func checksOff() bool {
	for _, kv := range strings.Split(os.Getenv("GODEBUG"), ",") {
		if kv == "cgocheck=0" {
			return true
		}
	}
	return false
}

// BenchmarkData times one handing-over per op, each variant under the
// default pointer checks (cgocheck=1) and with them off (cgocheck=0).
// The baselines (in the file baselines) are the C side's c->c(...)
// variants doing the same in C, and, for the copies out of C memory,
// the view of that memory in place.
func BenchmarkData(b *testing.B) {
	str := strings.Repeat("x", Len)
	buf := make([]byte, Len)
	for i := range buf {
		buf[i] = byte(i)
	}
	cbuf := NewCBuf()
	defer cbuf.Free()
	rec := new(Rec)
	arr := new([8]int64)
	variants := []struct {
		name string
		op   func() uint32
		skip string
	}{
		{"CString+free", func() uint32 { return CString(str) }, ""},
		{"GoString", GoString, ""},
		{"GoBytes", GoBytes, ""},
		{"view", View, ""},
		{"bytes(copy)", func() uint32 { return cbuf.BytesCopy(buf) }, ""},
		{"bytes(pointer)", func() uint32 { return BytesPointer(buf) }, ""},
		{"bytes(pinned)", func() uint32 { return BytesPinned(buf) }, pinMissing},
		{"struct(value)", func() uint32 { return RecValue(rec) }, ""},
		{"struct(pointer)", func() uint32 { return RecPointer(rec) }, ""},
		{"args(1ptr)", func() uint32 { return Ptr1(arr) }, ""},
		{"args(8ptr)", func() uint32 { return Ptr8(arr) }, ""},
	}
	for _, v := range variants {
		v := v
		b.Run(v.name, func(b *testing.B) {
			for _, off := range []bool{false, true} {
				level := "cgocheck=1"
				if off {
					level = "cgocheck=0"
				}
				off := off
				b.Run(level, func(b *testing.B) {
					if v.skip != "" {
						b.Skip(v.skip)
					}
					if checksOff() != off {
						b.Skipf("%s needs its own process: run it with GODEBUG=cgocheck=%s unset or set as named", level, level[9:])
					}
					var s uint32
					for i := 0; i < b.N; i++ {
						s += v.op()
					}
					Sink = s
				})
			}
		})
	}
}
