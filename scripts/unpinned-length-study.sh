#!/bin/sh
# usage: sh scripts/unpinned-length-study.sh OUT [N]
#
# Whether the families on every CPU want longer samples than the pinned
# ones (docs/precision.md item 65): N (default 10) turns of fresh
# processes of the handles family's callback, cgo.Handle, sync.Map and
# sharded-map at 1 to 4 goroutines, each at samples of 0.03, 0.1 and 0.3
# s in turn, unpinned with GOMAXPROCS = the CPUs as the harness runs the
# family (handles-row.sh). Writes OUT/length.csv
# (benchmark,seconds,warmup,turn,wall_ms,ns_per_op), OUT/machine.txt and
# OUT/length.txt (scripts/length.awk: each row's median, spread and wall
# time at each length, and the interval a minute of such samples would
# give). Run from the top of the repository after a run of the handles
# family (its go.test).
set -eu
. scripts/handles-row.sh
out=${1:?usage: sh scripts/unpinned-length-study.sh OUT [N]}
n=${2:-10}
case $n in '' | *[!0-9]*) echo "unpinned-length-study: N must be a number, not '$n'" >&2; exit 2 ;; esac
bin=build/$(go env GOVERSION)-$(go env GOARCH)-gcc/handles/go.test
[ -x "$bin" ] ||
	{ echo "unpinned-length-study: no $bin (run 'build/cgobench run --cases handles' first)" >&2; exit 2; }
sh scripts/study-machine.sh "$out" none
printf 'benchmark,seconds,warmup,turn,wall_ms,ns_per_op\n' >"$out/length.csv"
for i in $(seq 1 "$n"); do
	for v in callback cgo.Handle sync.Map sharded-map; do
		for g in 1 2 3 4; do
			for s in 0.03 0.1 0.3; do
				t0=$(date +%s%N)
				ns=$(handles_row "$bin" "$v" "$v" "$g" "$i" "$s" | cut -d, -f4)
				t1=$(date +%s%N)
				[ -n "$ns" ] ||
					{ echo "unpinned-length-study: no ns/op from $v at $g goroutines, $s s a sample" >&2; exit 1; }
				printf '%s/goroutines=%s,%s,0,%d,%d,%s\n' "$v" "$g" "$s" "$i" \
					$(((t1 - t0) / 1000000)) "$ns" >>"$out/length.csv"
			done
		done
	done
done
awk -f scripts/csv.awk -f scripts/stats.awk -f scripts/length.awk "$out/length.csv" >"$out/length.txt"
cat "$out/length.txt"
echo "unpinned-length-study: wrote $out/length.csv and length.txt" >&2
