// Package contended is a small family whose spread between samples is its
// behaviour (its options say "spread goroutines"): goroutines take one
// mutex in turn.
package contended

import "sync"

var (
	mu    sync.Mutex
	count int
)

// Take takes and releases the mutex once.
//
//go:noinline
func Take() {
	mu.Lock()
	count++
	mu.Unlock()
}

// Add1 is the work without the mutex.
//
//go:noinline
func Add1(x int) int { return x + 1 }
