package viapurego

import "testing"

// Sink keeps every result alive (exported: see cases/call's Sink).
var Sink int32

func load(tb testing.TB) *Lib {
	l, err := Load()
	if err != nil {
		tb.Fatal(err)
	}
	return l
}

// TestSameResults checks that every way across computes x+1.
func TestSameResults(t *testing.T) {
	l := load(t)
	for _, x := range []int32{-1, 0, 41, 1<<31 - 2} {
		want := x + 1
		got := []int32{l.Add1(x), l.SyscallAdd1(x), l.CallBack(l.GoAdd1, x)}
		for i, g := range got {
			if g != want {
				t.Errorf("way %d: %d+1 = %d, want %d", i, x, g, want)
			}
		}
	}
	if got := l.LoopCThread(l.GoAdd1, 1000); got != 1000 {
		t.Errorf("1000 callbacks from a C thread ended at %d", got)
	}
}

// BenchmarkPurego times one call per op, each variant matched with the
// C call in the file baselines: go->go is the Go baseline, a direct call
// as in the call family (through a func value its time moved by a fifth
// from one process to the next, docs/precision.md item 24).
func BenchmarkPurego(b *testing.B) {
	l := load(b)
	b.Run("go->go", func(b *testing.B) {
		x := int32(0)
		for i := 0; i < b.N; i++ {
			x = Add1(x)
		}
		Sink = x
	})
	calls := []struct {
		name string
		op   func(int32) int32
	}{
		{"go->c(purego)", l.Add1},
		{"go->c(purego,syscall)", l.SyscallAdd1},
		{"go->c->go(purego)", func(x int32) int32 {
			return l.CallBack(l.GoAdd1, x)
		}},
	}
	for _, c := range calls {
		c := c
		b.Run(c.name, func(b *testing.B) {
			x := int32(0)
			for i := 0; i < b.N; i++ {
				x = c.op(x)
			}
			Sink = x
		})
	}
	// One thread made by C calls Go b.N times; making it and joining it
	// are timed too, once for the b.N calls.
	b.Run("c->go(purego,cthread)", func(b *testing.B) {
		Sink = l.LoopCThread(l.GoAdd1, int64(b.N))
	})
}
