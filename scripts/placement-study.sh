#!/bin/sh
# usage: sh scripts/placement-study.sh OUT [N] [OFFSETS]
#
# Whether where a nanosecond C loop sits in its 64-byte line of code sets
# how steady it runs. Builds the call, data and purego Google Benchmark
# drivers as the compiler lays them out (g++ -O2 -g; build "as-built", as
# the harness built them before docs/precision.md item 42), and once for
# each byte K of OFFSETS (default "0 16 32 48"; build "at-K") from the
# same code, every loop moved to start at byte K of a line by
# scripts/place-loops.awk (padding that is never run, a jmp over it
# where the loop is fallen into). Then N (default 20)
# turns of fresh processes, every build in turn, pinned to the last CPU
# under SCHED_BATCH, 0.1 s each, of call's c->c and c->c(fnptr), data's
# c->c(1ptr) and c->c(8ptr) and purego's c->c(fnptr). Writes
# OUT/placement.csv (benchmark,build,turn,ns_per_op), OUT/heads.csv
# (benchmark,build,head: the loop's first byte within its line, as
# scripts/loop-heads.awk reads the binary) and OUT/machine.txt, and prints
# each loop's median and spread by build (scripts/placement.awk, into
# OUT/summary.txt). docs/precision.md (item 42) reads them.
# Run from the top of the repository after a run of the three families
# (their work.o, and call's libexport.a).
set -eu
. scripts/gbench.sh
usage='usage: sh scripts/placement-study.sh OUT [N] [OFFSETS]'
out=${1:?$usage}
n=${2:-20}
offsets=${3:-0 16 32 48}
case $n in '' | *[!0-9]*) echo "placement-study: N must be a number, not '$n'" >&2; exit 2 ;; esac
for k in $offsets; do
	case $k in *[!0-9]*) echo "placement-study: an offset must be a number of bytes, not '$k'" >&2; exit 2 ;; esac
	[ "$k" -lt 64 ] || { echo "placement-study: offset $k is not within a 64-byte line" >&2; exit 2; }
done
b=build/$(go env GOVERSION)-$(go env GOARCH)-gcc
for f in call/work.o call/libexport.a data/work.o purego/work.o; do
	[ -f "$b/$f" ] || { echo "placement-study: no $b/$f (run 'build/cgobench run --cases call,data,purego' first)" >&2; exit 2; }
done
mkdir -p "$out"
builds=as-built
for k in $offsets; do builds="$builds at-$k"; done
for fam in call data purego; do
	cxx="g++ -O2 -g -std=c++17 -D_GNU_SOURCE -I$b/$fam"
	lib=
	[ "$fam" = call ] && lib=$b/call/libexport.a
	$cxx -c "cases/$fam/cbench/bench.cc" -o "$out/$fam.o"
	$cxx -S "cases/$fam/cbench/bench.cc" -o "$out/$fam.s"
	for k in $offsets; do
		awk -v k="$k" -f scripts/place-loops.awk "$out/$fam.s" >"$out/$fam-at-$k.s"
		g++ -c "$out/$fam-at-$k.s" -o "$out/$fam-at-$k.o"
	done
	for build in $builds; do
		obj=$out/$fam-$build.o
		[ "$build" = as-built ] && obj=$out/$fam.o
		# shellcheck disable=SC2086 # lib is empty or one path
		g++ -o "$out/$fam-$build.bench" "$b/$fam/work.o" "$obj" $lib -lbenchmark -lpthread
	done
	rm -f "$out/$fam".o "$out/$fam"-at-*.o "$out/$fam".s "$out/$fam"-at-*.s
done
benches='call c->c
call c->c(fnptr)
data c->c(1ptr)
data c->c(8ptr)
purego c->c(fnptr)'
# each benchmark's loop head, in the function BENCHMARK(fn)->Name names
printf 'benchmark,build,head\n' >"$out/heads.csv"
printf '%s\n' "$benches" | while IFS= read -r bench; do
	fam=${bench%% *} name=${bench#* }
	fn=$(sed -n "s/^BENCHMARK(\([a-z0-9_]*\))->Name(\"$(printf '%s' "$name" | sed 's/[].*[]/\\&/g')\");/\1/p" "cases/$fam/cbench/bench.cc")
	sym=_ZL${#fn}${fn}RN9benchmark5StateE
	for build in $builds; do
		head=$(objdump -d --no-show-raw-insn "$out/$fam-$build.bench" |
			awk -v sym="$sym" -f scripts/loop-heads.awk)
		printf '%s %s,%s,%s\n' "$fam" "$name" "$build" "$head" >>"$out/heads.csv"
	done
done
cpu=$(($(nproc) - 1))
sh scripts/study-machine.sh "$out" "$cpu"
printf 'benchmark,build,turn,ns_per_op\n' >"$out/placement.csv"
for i in $(seq 1 "$n"); do
	printf '%s\n' "$benches" | while IFS= read -r bench; do
		fam=${bench%% *} name=${bench#* }
		for build in $builds; do
			ns=$(gb_time "$cpu" "$out/$fam-$build.bench" "$name")
			printf '%s %s,%s,%d,%s\n' "$fam" "$name" "$build" "$i" "$ns" >>"$out/placement.csv"
		done
	done
done
rm -f "$out"/*.bench
awk -F, -f scripts/stats.awk -f scripts/placement.awk "$out/heads.csv" "$out/placement.csv" | tee "$out/summary.txt"
echo "placement-study: wrote $out/placement.csv" >&2
