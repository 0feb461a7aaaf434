#!/bin/sh
# usage: sh scripts/transfer-study.sh OUT [N]
#
# Whether the contended benchmarks of handles follow how long a cache
# line takes between the VM's CPUs (where the host places them): N
# (default 100) turns of fresh processes of sharded-map, sync.Map and
# cgo.Handle at 2 goroutines, as the harness runs them (handles-row.sh),
# each between two runs of scripts/transfer.c (a counter passed to and fro
# between the first CPU and the last, the fastest of five runs of 20,000
# round trips). Writes OUT/transfer.csv (variant,goroutines,process,
# ns_per_op,transfer_ns: the mean of the two), OUT/machine.txt and
# OUT/transfer.txt (scripts/cpus.awk, its last column the transfer's);
# docs/precision.md reads them. Run from the top of the repository, with
# nothing else running, after a run of the handles family (its go.test).
set -eu
. scripts/handles-row.sh
out=${1:?usage: sh scripts/transfer-study.sh OUT [N]}
n=${2:-100}
case $n in '' | *[!0-9]* | 0) echo "transfer-study: N must be a positive number, not '$n'" >&2; exit 2 ;; esac
bin=build/$(go env GOVERSION)-$(go env GOARCH)-gcc/handles/go.test
[ -x "$bin" ] ||
	{ echo "transfer-study: no $bin (run 'build/cgobench run --cases handles' first)" >&2; exit 2; }
[ "$(nproc)" -gt 1 ] || { echo "transfer-study: needs two CPUs or more" >&2; exit 2; }
sh scripts/study-machine.sh "$out" none
${CC:-cc} -O2 -pthread -o "$out/transfer" scripts/transfer.c
trap 'rm -f -- "$out/transfer"' EXIT
echo variant,goroutines,process,ns_per_op,transfer_ns >"$out/transfer.csv"
for i in $(seq 1 "$n"); do
	for v in sharded-map sync.Map cgo.Handle; do
		a=$("$out/transfer")
		row=$(handles_row "$bin" "$v" "$v" 2 "$i")
		z=$("$out/transfer")
		[ -n "$row" ] || { echo "transfer-study: $v printed no ns/op" >&2; exit 1; }
		echo "${row%,*},$(echo "$a $z" | awk '{ printf "%.1f", ($1 + $2) / 2 }')" >>"$out/transfer.csv"
	done
done
awk -v what=transfer -f scripts/csv.awk -f scripts/stats.awk -f scripts/cpus.awk "$out/transfer.csv" |
	tee "$out/transfer.txt"
