#!/bin/sh
# usage: sh scripts/precision-study.sh OUT [TRIALS [FAMILY BENCH...]]
#
# The precision that a second of measuring buys, cgobench against a plain
# `go test -bench -count=10 -benchtime=1s` (Go's own way, samples of 1 s in
# one process), taken in turn TRIALS (default 3) times, on FAMILY's Go
# benchmarks BENCH (the call family's go->go, go->c and go->c->go by
# default; another family's must be named). A BENCH names a row as go
# test does below its top level: 'go->c', or 'cgo.Handle/goroutines=2'.
# go test runs each as the harness runs the family: a family pinned to
# one CPU (call) on the last CPU with GOMAXPROCS=1; one marked
# `unpinned` in cases/FAMILY/options (handles, parallel) on every CPU,
# GOMAXPROCS the CPUs.
#   OUT/family.txt     FAMILY, which precision-table.sh reads
#   OUT/harness-N/     cgobench run --cases FAMILY, 20 samples a row of the
#                      family's default length (machine.txt's benchtime,
#                      or benchtime-unpinned)
#   OUT/gotest-N.txt   go test's output, one benchmark after the other
#   OUT/seconds.tsv    the wall time of each go test process
#   OUT/benchstat.txt  benchstat's medians and intervals of gotest-N.txt
# docs/precision.md reads them side by side (scripts/precision-table.sh).
# Run from the top of the repository after make (build/cgobench).
set -eu
. scripts/gbench.sh
usage='usage: sh scripts/precision-study.sh OUT [TRIALS [FAMILY BENCH...]]'
out=${1:?$usage}
trials=${2:-3}
case $trials in '' | *[!0-9]*) echo "precision-study: TRIALS must be a number, not '$trials'" >&2; exit 2 ;; esac
fam=call
[ $# -ge 3 ] && fam=$3
case $fam in '' | *[!a-z]*) echo "precision-study: FAMILY must be a family of cases/, not '$fam'" >&2; exit 2 ;; esac
[ -d "cases/$fam" ] || { echo "precision-study: no family cases/$fam" >&2; exit 2; }
shift $(($# < 3 ? $# : 3))
if [ $# -eq 0 ]; then
	[ "$fam" = call ] || { echo "precision-study: name the rows of $fam to take (BENCH...), as 'cgo.Handle/goroutines=2'" >&2; exit 2; }
	set -- 'go->go' 'go->c' 'go->c->go'
fi
top=$(sed -n 's/^func \(Benchmark[A-Za-z]*\)(b \*testing\.B).*/\1/p' "cases/$fam"/*_test.go | head -n 1)
[ -n "$top" ] || { echo "precision-study: no benchmark in cases/$fam" >&2; exit 2; }
# the go test process as the harness runs the family: pinned or not
run="env GOMAXPROCS=1 taskset -c $(($(nproc) - 1))"
grep -qx unpinned "cases/$fam/options" 2>/dev/null && run="env GOMAXPROCS=$(nproc)"
# measured BENCH RAW: whether cgobench's RAW holds samples of BENCH
measured() {
	awk -f scripts/csv.awk -v fam="$fam" -v b="$1" -f - "$2" <<'EOF'
	FNR == 1 { columns($0, col); next }
	fields($0, v) && v[col["case"]] == fam && bench_name(v, col) == b { found = 1; exit }
	END { exit !found }
EOF
}
# benchstat reads go test's trials at the end: missing, it would cost
# every trial taken before it. BENCHSTAT is a path, or a command on PATH
bs=${BENCHSTAT:-build/tools/benchstat}
case $bs in
*/*) [ -x "$bs" ] ;;
*) command -v "$bs" >/dev/null ;;
esac || { echo "precision-study: no benchstat at $bs: make build/tools/benchstat (make test builds it), or set BENCHSTAT" >&2; exit 2; }
mkdir -p -- "$out"
printf '%s\n' "$fam" >"$out/family.txt"
printf 'benchmark\ttrial\tseconds\n' >"$out/seconds.tsv"
for t in $(seq 1 "$trials"); do
	build/cgobench run --cases "$fam" --count 20 --max-count 20 --out "$out/harness-$t"
	[ "$t" -gt 1 ] || for b in "$@"; do
		measured "$b" "$out/harness-1/raw.csv" ||
			{ echo "precision-study: $fam has no row '$b' (its variant, or variant/param: $out/harness-1/summary.csv)" >&2; exit 2; }
	done
	tc=$(sed -n 's/^go-version: //p' "$out/harness-$t/machine.txt")
	bin=$(pwd)/build/$tc-$(go env GOARCH)-gcc/$fam/go.test
	: >"$out/gotest-$t.txt"
	for b in "$@"; do
		start=$(date +%s.%N)
		# shellcheck disable=SC2086 # $run is words: env, its settings, taskset
		(cd "cases/$fam" && $run "$bin" -test.run='^$' -test.bench="$(gt_bench "$top" "$b")" \
			-test.benchtime=1s -test.count=10) >>"$out/gotest-$t.txt"
		end=$(date +%s.%N)
		awk -v b="$b" -v t="$t" -v s="$start" -v e="$end" \
			'BEGIN { printf "%s\t%s\t%.2f\n", b, t, e - s }' >>"$out/seconds.tsv"
	done
done
"$bs" "$out"/gotest-*.txt >"$out/benchstat.txt"
