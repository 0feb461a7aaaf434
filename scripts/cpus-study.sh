#!/bin/sh
# usage: sh scripts/cpus-study.sh OUT [N]
#
# Whether a contended benchmark's ns/op follow the CPUs it kept busy (the
# metric cpus of cases/internal/par): N (default 12) fresh processes of
# each of four handles benchmarks at 1, 2 and 3 goroutines, in turn,
# unpinned with GOMAXPROCS = the CPUs, as the harness runs the family, 0.1 s
# each. Writes OUT/cpus.csv (variant,goroutines,process,ns_per_op,cpus),
# OUT/machine.txt and OUT/cpus.txt, each row's ranges and correlation
# (scripts/cpus.awk); docs/precision.md reads them. Run from the top of
# the repository after a run of the handles family (its go.test).
set -eu
out=${1:?usage: sh scripts/cpus-study.sh OUT [N]}
n=${2:-12}
case $n in '' | *[!0-9]*) echo "cpus-study: N must be a number, not '$n'" >&2; exit 2 ;; esac
bin=build/$(go env GOVERSION)-$(go env GOARCH)-gcc/handles/go.test
[ -x "$bin" ] || { echo "cpus-study: no $bin (run 'build/cgobench run --cases handles' first)" >&2; exit 2; }
sh scripts/study-machine.sh "$out" none
printf 'variant,goroutines,process,ns_per_op,cpus\n' >"$out/cpus.csv"
. scripts/handles-row.sh
for i in $(seq 1 "$n"); do
	for v in sharded-map sync.Map cgo.Handle rwmutex-map; do
		for g in 1 2 3; do
			handles_row "$bin" "$v" "$v" "$g" "$i" >>"$out/cpus.csv"
		done
	done
done
awk -f scripts/csv.awk -f scripts/stats.awk -f scripts/cpus.awk "$out/cpus.csv" >"$out/cpus.txt"
cat "$out/cpus.txt"
echo "cpus-study: wrote $out/cpus.csv and cpus.txt" >&2
