#!/bin/sh
# usage: sh scripts/length-study.sh OUT [N]
#
# Whether longer samples buy the nanosecond C loops more precision per
# second, and whether they measure the same: N (default 20) turns of fresh
# processes of call's c->c(fnptr) and data's c->c(1ptr), each turn one
# process at --benchmark_min_time 0.1 s, 0.1 s after 0.3 s of
# --benchmark_min_warmup_time, 0.3 s and 1 s, in turn, pinned to the last
# CPU under SCHED_BATCH as the harness runs them. Writes OUT/length.csv
# (benchmark,seconds,warmup,turn,wall_ms,ns_per_op), OUT/machine.txt and
# OUT/length.txt (scripts/length.awk: each loop's spread and wall time at
# each length, and the interval a minute of such samples would give);
# docs/precision.md reads them. Run from the top of the repository after
# a run of the call and data families (their c.bench).
set -eu
. scripts/gbench.sh
out=${1:?usage: sh scripts/length-study.sh OUT [N]}
n=${2:-20}
case $n in '' | *[!0-9]*) echo "length-study: N must be a number, not '$n'" >&2; exit 2 ;; esac
dir=build/$(go env GOVERSION)-$(go env GOARCH)-gcc
for f in call data; do
	[ -x "$dir/$f/c.bench" ] ||
		{ echo "length-study: no $dir/$f/c.bench (run 'build/cgobench run --cases call,data' first)" >&2; exit 2; }
done
cpu=$(($(nproc) - 1))
sh scripts/study-machine.sh "$out" "$cpu"
printf 'benchmark,seconds,warmup,turn,wall_ms,ns_per_op\n' >"$out/length.csv"
for i in $(seq 1 "$n"); do
	for fb in 'call c->c(fnptr)' 'data c->c(1ptr)'; do
		f=${fb%% *} b=${fb#* }
		for sw in 0.1/0 0.1/0.3 0.3/0 1/0; do
			s=${sw%/*} w=${sw#*/}
			t0=$(date +%s%N)
			ns=$(taskset -c "$cpu" chrt -b 0 "$dir/$f/c.bench" \
				--benchmark_filter="$(gb_filter "$b")" \
				--benchmark_min_time="$s" --benchmark_min_warmup_time="$w" \
				--benchmark_format=json 2>/dev/null | gb_real_times | head -n 1)
			t1=$(date +%s%N)
			printf '%s,%s,%s,%d,%d,%s\n' "$b" "$s" "$w" "$i" \
				$(((t1 - t0) / 1000000)) "$ns" >>"$out/length.csv"
		done
	done
done
awk -f scripts/csv.awk -f scripts/stats.awk -f scripts/length.awk "$out/length.csv" >"$out/length.txt"
cat "$out/length.txt"
echo "length-study: wrote $out/length.csv and length.txt" >&2
