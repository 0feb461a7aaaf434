package burst

import (
	"sync/atomic"
	"testing"
)

// A burst and a pool's burst each run fn exactly n times; the C and Go
// computing agree; the thread count is read.
func TestBurst(t *testing.T) {
	var n int64
	Burst(64, func() { atomic.AddInt64(&n, 1) })
	p := NewPool(3)
	p.Burst(64, func() { atomic.AddInt64(&n, 1) })
	p.Close()
	if n != 128 {
		t.Errorf("%d calls, want 128", n)
	}
	if Compute(12345) != CCompute(12345) {
		t.Errorf("Go and C compute differ")
	}
	if Threads() < 1 {
		t.Errorf("Threads() = %d", Threads())
	}
}
