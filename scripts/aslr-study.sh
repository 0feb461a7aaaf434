#!/bin/sh
# usage: sh scripts/aslr-study.sh OUT [N]
#
# Whether address-space randomisation is what makes fresh processes of one
# benchmark differ: the call family's C driver, N (default 15) fresh
# processes with ASLR and N under `setarch -R` (none), in turn, pinned to
# the last CPU, 0.1 s each, for c->c and c->c(fnptr). Writes OUT/aslr.csv
# (benchmark,aslr,process,ns_per_op) and OUT/machine.txt; docs/precision.md
# reads them. Run from
# the top of the repository after a run of the call family (its c.bench).
set -eu
. scripts/gbench.sh
out=${1:?usage: sh scripts/aslr-study.sh OUT [N]}
n=${2:-15}
case $n in '' | *[!0-9]*) echo "aslr-study: N must be a number, not '$n'" >&2; exit 2 ;; esac
tc=$(go env GOVERSION)
bin=build/$tc-$(go env GOARCH)-gcc/call/c.bench
[ -x "$bin" ] || { echo "aslr-study: no $bin (run 'build/cgobench run --cases call' first)" >&2; exit 2; }
cpu=$(($(nproc) - 1))
sh scripts/study-machine.sh "$out" "$cpu"
printf 'benchmark,aslr,process,ns_per_op\n' >"$out/aslr.csv"
for b in 'c->c' 'c->c(fnptr)'; do
	filter=$(gb_filter "$b")
	for i in $(seq 1 "$n"); do
		for aslr in on off; do
			set -- taskset -c "$cpu" "$bin" --benchmark_filter="$filter" \
				--benchmark_min_time=0.1 --benchmark_format=json
			[ "$aslr" = on ] || set -- setarch "$(uname -m)" -R "$@"
			ns=$("$@" 2>/dev/null | gb_real_times | head -n 1)
			printf '%s,%s,%d,%s\n' "$b" "$aslr" "$i" "$ns" >>"$out/aslr.csv"
		done
	done
done
echo "aslr-study: wrote $out/aslr.csv" >&2
