package cpus

import (
	"testing"
	"time"
)

// Sink keeps spin's work alive (exported: see cases/call's Sink).
var Sink uint64

// spin keeps one CPU busy for d.
func spin(d time.Duration) {
	x := uint64(1)
	for end := time.Now().Add(d); time.Now().Before(end); {
		for i := 0; i < 1000; i++ {
			x = x*6364136223846793005 + 1
		}
	}
	Sink += x
}

// One goroutine that spins keeps a CPU busy, less only while other
// processes take it from it (go test runs packages side by side), and no
// more than one (a little over, for the clocks' grain); one that sleeps
// keeps about none.
func TestBusy(t *testing.T) {
	s := Start()
	spin(100 * time.Millisecond)
	if c := s.Busy(); c < 0.2 || c > 1.2 {
		t.Errorf("one spinning goroutine: %.3f CPUs, want about 1", c)
	}
	s = Start()
	time.Sleep(100 * time.Millisecond)
	if c := s.Busy(); c < 0 || c > 0.3 {
		t.Errorf("sleeping: %.3f CPUs, want about 0", c)
	}
}
