// Package lostcount holds a benchmark whose count a counted run loses on
// purpose, for the harness's test of its counted takes (callgrind.h).
// When $CGOBENCH_LOSE_FILE names a file, each process adds one to the
// number in it; in a process whose number is in $CGOBENCH_LOSE_AT (a
// comma-separated list), the timed loop stops and starts its timer
// halfway. Under callgrind that dumps the first half and zeroes before
// the second, so the largest dump holds half of the loop: as when
// callgrind misses the timer's start or stop. In a process whose number
// is in $CGOBENCH_LOSE_END_AT, it does 20 times the loop's work once the
// benchmarks are done, where only callgrind's dump at the program's end
// holds it: as when callgrind misses every stop after the loop.
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

// process is this process's number, counted in $CGOBENCH_LOSE_FILE; 0
// when that is not set.
func process(b *testing.B) int {
	path := os.Getenv("CGOBENCH_LOSE_FILE")
	if path == "" {
		return 0
	}
	data, _ := os.ReadFile(path)
	n, _ := strconv.Atoi(strings.TrimSpace(string(data)))
	n++
	if err := os.WriteFile(path, []byte(strconv.Itoa(n)), 0o644); err != nil {
		b.Fatal(err)
	}
	return n
}

// named says whether process n is in the comma-separated list of $env.
func named(env string, n int) bool {
	for _, at := range strings.Split(os.Getenv(env), ",") {
		if n > 0 && at == strconv.Itoa(n) {
			return true
		}
	}
	return false
}

var (
	lose    = -1 // whether this process loses its count, once known
	loseEnd = 0  // ops to do after the benchmarks, where no dump is
)

func TestMain(m *testing.M) {
	code := m.Run()
	x := 0
	for i := 0; i < loseEnd; i++ {
		x = add1(x)
	}
	sink = x
	os.Exit(code)
}

func BenchmarkLostcount(b *testing.B) {
	b.Run("go->go", func(b *testing.B) {
		if lose < 0 {
			n := process(b)
			lose = 0
			if named("CGOBENCH_LOSE_AT", n) {
				lose = 1
			}
			if named("CGOBENCH_LOSE_END_AT", n) {
				loseEnd = -1 // set from the final run's b.N
			}
		}
		if loseEnd != 0 && b.N > 1 {
			loseEnd = 20 * b.N
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
