// Package lostcount holds a benchmark whose count a counted run loses on
// purpose, for the harness's test of its counted takes (callgrind.h).
// When $CGOBENCH_LOSE_FILE names a file, each process adds one to the
// number in it; in a process whose number is in $CGOBENCH_LOSE_AT (a
// comma-separated list), the timed loop stops and starts its timer
// halfway. Under callgrind that dumps the first half and zeroes before
// the second, so the largest dump holds half of the loop: as when
// callgrind misses the timer's start or stop.
package lostcount

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

var sink int

//go:noinline
func add1(x int) int { return x + 1 }

// loses says whether this process is one whose count is lost.
func loses(b *testing.B) bool {
	path := os.Getenv("CGOBENCH_LOSE_FILE")
	if path == "" {
		return false
	}
	data, _ := os.ReadFile(path)
	n, _ := strconv.Atoi(strings.TrimSpace(string(data)))
	n++
	if err := os.WriteFile(path, []byte(strconv.Itoa(n)), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, at := range strings.Split(os.Getenv("CGOBENCH_LOSE_AT"), ",") {
		if at == strconv.Itoa(n) {
			return true
		}
	}
	return false
}

var lose = -1 // whether this process loses its count, once known

func BenchmarkLostcount(b *testing.B) {
	b.Run("go->go", func(b *testing.B) {
		if lose < 0 {
			lose = 0
			if loses(b) {
				lose = 1
			}
		}
		half := -1
		if lose == 1 && b.N > 1 {
			half = b.N / 2
		}
		x := 0
		for i := 0; i < b.N; i++ {
			if i == half {
				b.StopTimer()
				b.StartTimer()
			}
			x = add1(x)
		}
		sink = x
	})
}
