#!/bin/sh
# usage: sh scripts/precision-study.sh OUT [TRIALS]
#
# The precision that a second of measuring buys, cgobench against a plain
# `go test -bench -count=10 -benchtime=1s` (Go's own way, samples of 1 s in
# one process), on the call family's Go benchmarks, pinned to the same CPU
# with GOMAXPROCS=1, taken in turn TRIALS (default 3) times:
#   OUT/harness-N/     cgobench run --cases call, 20 samples of its default
#                      length (machine.txt's benchtime)
#   OUT/gotest-N.txt   go test's output, one benchmark after the other
#   OUT/seconds.tsv    the wall time of each go test process
#   OUT/benchstat.txt  benchstat's medians and intervals of gotest-N.txt
# docs/methodology.md reads them side by side. Run from the top of the
# repository after make (build/cgobench).
set -eu
out=${1:?usage: sh scripts/precision-study.sh OUT [TRIALS]}
trials=${2:-3}
case $trials in '' | *[!0-9]*) echo "precision-study: TRIALS must be a number, not '$trials'" >&2; exit 2 ;; esac
cpu=$(($(nproc) - 1))
mkdir -p -- "$out"
printf 'benchmark\ttrial\tseconds\n' >"$out/seconds.tsv"
for t in $(seq 1 "$trials"); do
	build/cgobench run --cases call --count 20 --max-count 20 --out "$out/harness-$t"
	tc=$(sed -n 's/^go-version: //p' "$out/harness-$t/machine.txt")
	bin=$(pwd)/build/$tc-$(go env GOARCH)-gcc/call/go.test
	: >"$out/gotest-$t.txt"
	for b in 'go->go' 'go->c' 'go->c->go'; do
		start=$(date +%s.%N)
		(cd cases/call && GOMAXPROCS=1 taskset -c "$cpu" "$bin" -test.run='^$' \
			-test.bench="^BenchmarkCall\$/^$b\$" -test.benchtime=1s -test.count=10) >>"$out/gotest-$t.txt"
		end=$(date +%s.%N)
		awk -v b="$b" -v t="$t" -v s="$start" -v e="$end" \
			'BEGIN { printf "%s\t%s\t%.2f\n", b, t, e - s }' >>"$out/seconds.tsv"
	done
done
"${BENCHSTAT:-build/tools/benchstat}" "$out"/gotest-*.txt >"$out/benchstat.txt"
