#!/bin/sh
# usage: sh scripts/ndebug-study.sh OUT [N]
#
# What compiling the Google Benchmark drivers with -DNDEBUG does to the
# nanosecond C loops: the call, data and purego drivers built twice into
# OUT, as the harness built them then (g++ -O2 -g, the loops where the
# compiler put them: before item 42), with and without -DNDEBUG,
# then N (default 30) turns of fresh processes, the two builds in turn,
# pinned to the last CPU under SCHED_BATCH, 0.1 s each, for c->c and
# c->c(fnptr) of call and purego and data's c->c(1ptr). Writes
# OUT/ndebug.csv (benchmark,build,turn,ns_per_op) and OUT/machine.txt;
# docs/precision.md (item 28) reads them. Run from the top of the
# repository after a run of the three families (their work.o, and call's
# libexport.a).
set -eu
. scripts/gbench.sh
out=${1:?usage: sh scripts/ndebug-study.sh OUT [N]}
n=${2:-30}
case $n in '' | *[!0-9]*) echo "ndebug-study: N must be a number, not '$n'" >&2; exit 2 ;; esac
b=build/$(go env GOVERSION)-$(go env GOARCH)-gcc
for f in call/work.o call/libexport.a data/work.o purego/work.o; do
	[ -f "$b/$f" ] || { echo "ndebug-study: no $b/$f (run 'build/cgobench run --cases call,data,purego' first)" >&2; exit 2; }
done
mkdir -p "$out"
for build in assert ndebug; do
	flag=
	[ "$build" = ndebug ] && flag=-DNDEBUG
	for fam in call data purego; do
		# shellcheck disable=SC2086 # flag is empty or one word
		g++ -O2 -g -std=c++17 -D_GNU_SOURCE -I"$b/$fam" $flag -c "cases/$fam/cbench/bench.cc" -o "$out/$fam-$build.o"
		lib=
		[ "$fam" = call ] && lib=$b/call/libexport.a
		# shellcheck disable=SC2086
		g++ -o "$out/$fam-$build.bench" "$b/$fam/work.o" "$out/$fam-$build.o" $lib -lbenchmark -lpthread
		rm -f "$out/$fam-$build.o"
	done
done
cpu=$(($(nproc) - 1))
sh scripts/study-machine.sh "$out" "$cpu"
printf 'benchmark,build,turn,ns_per_op\n' >"$out/ndebug.csv"
for i in $(seq 1 "$n"); do
	for bench in 'call c->c' 'call c->c(fnptr)' 'data c->c(1ptr)' 'purego c->c' 'purego c->c(fnptr)'; do
		fam=${bench%% *} name=${bench#* }
		for build in assert ndebug; do
			ns=$(gb_time "$cpu" "$out/$fam-$build.bench" "$name")
			printf '%s %s,%s,%d,%s\n' "$fam" "$name" "$build" "$i" "$ns" >>"$out/ndebug.csv"
		done
	done
done
rm -f "$out"/*.bench
echo "ndebug-study: wrote $out/ndebug.csv" >&2
