// Package states is a small family whose samples fall in two groups, as a
// case's do when something changes between its processes (the handles
// family's false sharing came and went with the layout of each process):
// two does three times the work in every other process of its own, one
// the same work in every process (but for a stall on purpose, Stalls).
package states

import (
	"os"
	"strconv"
	"strings"
)

// Add1 is the work.
//
//go:noinline
func Add1(x int) int { return x + 1 }

// count is how many processes called it with path before this one: a
// count in the file at path, which each call raises by one. Unreadable,
// the count is 0.
func count(path string) int {
	b, _ := os.ReadFile(path)
	n, _ := strconv.Atoi(string(b))
	_ = os.WriteFile(path, []byte(strconv.Itoa(n+1)), 0o644)
	return n
}

// Flip says whether this is an odd process among those that called it
// with name, counted in a file beside the test binary.
func Flip(name string) bool {
	exe, err := os.Executable()
	return err == nil && count(exe+"."+name)%2 == 1
}

// Stalls says whether this process is one that should stall: the k-th
// to call it (from 1), counted in the file $CGOBENCH_STALL_FILE names,
// for a k in $CGOBENCH_STALL_AT, a comma-separated list (either unset:
// never).
func Stalls() bool {
	path, at := os.Getenv("CGOBENCH_STALL_FILE"), os.Getenv("CGOBENCH_STALL_AT")
	if path == "" || at == "" {
		return false
	}
	n := strconv.Itoa(count(path) + 1)
	for _, k := range strings.Split(at, ",") {
		if k == n {
			return true
		}
	}
	return false
}
