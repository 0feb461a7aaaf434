// Package states is a small family whose samples fall in two groups, as a
// case's do when something changes between its processes (the handles
// family's false sharing came and went with the layout of each process):
// two does three times the work in every other process of its own, one
// the same work in every process.
package states

import (
	"os"
	"strconv"
)

// Add1 is the work.
//
//go:noinline
func Add1(x int) int { return x + 1 }

// Flip says whether this is an odd process among those that called it
// with name: a count in a file beside the test binary, which each call
// raises by one. Unreadable, the count is 0.
func Flip(name string) bool {
	exe, err := os.Executable()
	if err != nil {
		return false
	}
	p := exe + "." + name
	b, _ := os.ReadFile(p)
	n, _ := strconv.Atoi(string(b))
	_ = os.WriteFile(p, []byte(strconv.Itoa(n+1)), 0o644)
	return n%2 == 1
}
