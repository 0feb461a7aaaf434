// Package cpus measures how many CPUs a benchmark keeps busy: the
// process's CPU time, user and system on every thread, over the wall time
// of its timed loop. Contended operations run slower the more of them run
// at once, and their ns/op follow it (docs/precision.md item 31); the
// harness gives it beside each contended row.
package cpus

import (
	"syscall"
	"testing"
	"time"
)

// Span is a stretch of a benchmark's run, from Start.
type Span struct {
	cpu   time.Duration
	start time.Time
}

// Start begins a span now.
func Start() Span { return Span{cpu: used(), start: time.Now()} }

// Busy is the CPUs the process kept busy since the span began: its CPU
// time over the wall time; 0 before any wall time has passed.
func (s Span) Busy() float64 {
	wall := time.Since(s.start)
	if wall <= 0 {
		return 0
	}
	return float64(used()-s.cpu) / float64(wall)
}

// Report reports Busy as b's metric "cpus".
func (s Span) Report(b *testing.B) { b.ReportMetric(s.Busy(), "cpus") }

// used is the CPU time the process has used, user and system, on every
// thread.
func used() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
