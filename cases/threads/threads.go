// Package threads holds the threads family: bursts of cgo calls from many
// goroutines, made directly or through a pool of workers that hold
// runtime.LockOSThread, and what they cost in OS threads. The bursts, the
// pool and the calls are cases/internal/burst's, shared with the blocking
// family, which sweeps what this family holds at one value.
package threads

// SleepMicros is how long one blocking call blocks.
const SleepMicros = 1000
