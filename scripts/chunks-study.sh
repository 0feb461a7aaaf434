#!/bin/sh
# usage: sh scripts/chunks-study.sh OUT [N] [CHUNK_US] [CHUNKS]
#
# Whether short chunks within one process give a time that a slow spell
# of the VM leaves alone, where a sample of 0.03 s cannot (precision.md
# item 73). N turns (default 20); in each, for each benchmark below, one
# process as the harness takes a sample (0.03 s, one figure) and one
# process of CHUNKS (default 300) chunks of about CHUNK_US microseconds
# (default 100): go test's -test.count with -test.benchtime=Kx, K from the
# turn's sample, or Google Benchmark's --benchmark_repetitions at a
# --benchmark_min_time of CHUNK_US. Both are pinned to the last CPU under
# SCHED_BATCH with GOMAXPROCS=1. Writes OUT/chunks.csv
# (benchmark,turn,time,sample_ns,chunks,mean,q05,q10,q25,q50,fast,
# fast_median,wall_ms: the chunks' mean and quantiles in ns/op, fast the
# share of them within 1.05 of q05 and fast_median their median, wall_ms
# the chunked process's wall time), OUT/machine.txt
# and OUT/chunks.txt (scripts/chunks.awk). Run from the top of the
# repository after a run of the call and data families.
set -eu
. scripts/gbench.sh
. scripts/study-lib.sh
usage='usage: sh scripts/chunks-study.sh OUT [N] [CHUNK_US] [CHUNKS]'
out=${1:?$usage}
n=${2:-20}
us=${3:-100}
chunks=${4:-300}
positive_ints chunks-study 'N, CHUNK_US and CHUNKS' "$n" "$us" "$chunks"
dir=build/$(go env GOVERSION)-$(go env GOARCH)-gcc
for f in call data; do
	[ -x "$dir/$f/c.bench" ] && [ -x "$dir/$f/go.test" ] ||
		{ echo "chunks-study: no $dir/$f/c.bench or go.test (run 'build/cgobench run --cases call,data' first)" >&2; exit 2; }
done
cpu=$(($(nproc) - 1))
sh scripts/study-machine.sh "$out" "$cpu"
echo "chunk: $us us, $chunks a process" >>"$out/machine.txt"

# pinned CMD...: CMD on the study's CPU as the harness runs a benchmark.
pinned() { GOMAXPROCS=1 taskset -c "$cpu" chrt -b 0 "$@" 2>/dev/null; }
# go_times FAMILY TOP NAME BENCHTIME COUNT: ns/op of each line.
go_times() {
	pinned "$dir/$1/go.test" -test.run='^$' -test.bench="$(gt_bench "$2" "$3")" \
		-test.benchtime="$4" -test.count="$5" |
		awk '{ for (i = 2; i <= NF; i++) if ($i == "ns/op") print $(i - 1) }'
}
# c_times FAMILY NAME MIN_TIME REPETITIONS: real time of each repetition.
c_times() {
	pinned "$dir/$1/c.bench" --benchmark_filter="$(gb_filter "$2")" \
		--benchmark_min_time="$3" --benchmark_repetitions="$4" \
		--benchmark_format=json | gb_real_times
}
# chunk_line: the chunks' count, mean, q05, q10, q25, q50 and fast share,
# then the fast ones' median (those within 1.05 of q05, a[1..f] sorted).
chunk_line() {
	sort -g | awk '{ a[NR] = $1; s += $1 }
		function q(p) { return a[int(p * (NR - 1)) + 1] }
		END {
			if (NR == 0) { print "0,,,,,,,"; exit }
			for (i = 1; i <= NR; i++) f += a[i] <= 1.05 * q(0.05)
			printf "%d,%.4f,%.4f,%.4f,%.4f,%.4f,%.3f,%.4f\n", NR, s / NR,
				q(0.05), q(0.10), q(0.25), q(0.5), f / NR,
				f % 2 ? a[(f + 1) / 2] : (a[f / 2] + a[f / 2 + 1]) / 2
		}'
}

printf 'benchmark,turn,time,sample_ns,chunks,mean,q05,q10,q25,q50,fast,fast_median,wall_ms\n' >"$out/chunks.csv"
for i in $(seq 1 "$n"); do
	for b in 'go call Call go->go' 'go call Call go->c' 'go call Call go->c->go' \
		'go data Data struct(pointer)/cgocheck=1' 'go data Data GoString/cgocheck=1' \
		'c call - c->c' 'c call - c->c(fnptr)'; do
		set -- $b
		side=$1 fam=$2 top=$3 name=$4
		t=$(date -u +%H:%M:%S)
		if [ "$side" = go ]; then
			s=$(go_times "$fam" "Benchmark$top" "$name" 0.03s 1 | head -n 1)
			k=$(awk -v s="$s" -v us="$us" 'BEGIN { k = int(us * 1000 / s); print k < 1 ? 1 : k }')
			t0=$(date +%s%N)
			c=$(go_times "$fam" "Benchmark$top" "$name" "${k}x" "$chunks" | chunk_line)
		else
			s=$(c_times "$fam" "$name" 0.03 1 | head -n 1)
			t0=$(date +%s%N)
			c=$(c_times "$fam" "$name" "$(awk -v us="$us" 'BEGIN { print us / 1e6 }')" "$chunks" | chunk_line)
		fi
		t1=$(date +%s%N)
		printf '%s/%s,%d,%s,%s,%s,%d\n' "$fam" "$name" "$i" "$t" "$s" "$c" \
			$(((t1 - t0) / 1000000)) >>"$out/chunks.csv"
	done
done
awk -f scripts/csv.awk -f scripts/stats.awk -f scripts/chunks.awk "$out/chunks.csv" >"$out/chunks.txt"
cat "$out/chunks.txt"
echo "chunks-study: wrote $out/chunks.csv and chunks.txt" >&2
