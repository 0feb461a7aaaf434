// Package policy reports the scheduling policy its benchmark ran under,
// so that integration.sh can tell that --sched reaches the benchmark's
// own thread: 3 is SCHED_BATCH, 0 SCHED_OTHER (the 41st field of the
// thread's /proc stat).
package policy

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

var sink int

func BenchmarkPolicy(b *testing.B) { b.Run("go->go", policy) }

func policy(b *testing.B) {
	x := 0
	for i := 0; i < b.N; i++ {
		x += i
	}
	sink = x
	stat, err := os.ReadFile("/proc/thread-self/stat")
	if err != nil {
		b.Fatal(err)
	}
	// the fields after the command's closing parenthesis start at the
	// third
	fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
	policy, err := strconv.Atoi(fields[41-3])
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(policy), "policy")
}
