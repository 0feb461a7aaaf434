#!/bin/sh
# usage: sh scripts/speeds-study.sh OUT [N]
#
# Whether the samples of a family on every CPU follow the speed of each
# CPU (a VM's slow spells come one CPU at a time, and the harness probed
# only the pinned one): N (default 200) turns of fresh processes of
# parallel's go->go at 2 and 4 goroutines and go->c at 2, unpinned with
# GOMAXPROCS at every CPU as the harness runs them, 0.1 s each, every CPU
# probed just before and after each process (scripts/spells.c --each: the
# harness's probe, on each CPU in turn). Writes OUT/speeds.csv
# (turn,benchmark,ns_per_op, then before_0..before_N-1 and after_0.. in
# µs), OUT/machine.txt and OUT/speeds.txt (scripts/speeds.awk: each
# benchmark's samples, all of them and those taken while every CPU ran
# within 0.8 of its fastest probe of the study, as the harness holds and
# retakes); docs/precision.md reads them. Run from the top of the
# repository, with nothing else running, after a run of the parallel
# family (its go.test).
set -eu
usage='usage: sh scripts/speeds-study.sh OUT [N]'
out=${1:?$usage}
n=${2:-200}
case $n in '' | *[!0-9]* | 0) echo "speeds-study: N must be a positive number, not '$n'" >&2; exit 2 ;; esac
bin=build/$(go env GOVERSION)-$(go env GOARCH)-gcc/parallel/go.test
[ -x "$bin" ] ||
	{ echo "speeds-study: no $bin (run 'build/cgobench run --cases parallel' first)" >&2; exit 2; }
ncpu=$(nproc)
[ "$ncpu" -gt 1 ] || { echo "speeds-study: needs two CPUs or more" >&2; exit 2; }
sh scripts/study-machine.sh "$out" none
${CC:-cc} -O2 -o "$out/spells" scripts/spells.c
trap 'rm -f -- "$out/spells"' EXIT
head=turn,benchmark,ns_per_op
for w in before after; do
	c=0
	while [ "$c" -lt "$ncpu" ]; do head="$head,${w}_$c"; c=$((c + 1)); done
done
echo "$head" >"$out/speeds.csv"
for i in $(seq 1 "$n"); do
	for b in go-\>go/2 go-\>go/4 go-\>c/2; do
		before=$("$out/spells" --each)
		ns=$(cd cases/parallel && GOMAXPROCS=$ncpu "../../$bin" -test.run '^$' \
			-test.bench "^BenchmarkParallel\$/^${b%/*}\$/^goroutines=${b#*/}\$" -test.benchtime 0.1s |
			awk '$NF == "cpus" && $4 == "ns/op" { print $3 }')
		after=$("$out/spells" --each)
		[ -n "$ns" ] || { echo "speeds-study: $b printed no ns/op" >&2; exit 1; }
		echo "$i,$b,$ns,$before,$after" >>"$out/speeds.csv"
	done
done
awk -f scripts/csv.awk -f scripts/stats.awk -f scripts/speeds.awk "$out/speeds.csv" | tee "$out/speeds.txt"
