#!/bin/sh
# usage: sh scripts/spells-study.sh OUT [SECONDS [BLOCK]]
#
# Whether keeping the other CPU busy spares the pinned one the VM's slow
# spells (docs/precision.md, "Not done"): scripts/spells.c, built with
# cc -O2 into OUT, runs for SECONDS (default 600) pinned to the last CPU,
# busy as a run's samples keep it, and prints the probe's speed every
# 0.2 s; meanwhile CPU 0 is left idle and kept busy (a shell loop pinned
# to it) in turn, BLOCK seconds (default 30) each, idle first. Writes
# OUT/probe.csv (seconds,us), OUT/phases.csv (seconds,idle|busy: when each
# block began) and OUT/machine.txt, then prints, for each state of CPU 0,
# the probes, their median and the share of them slow (a quarter or more
# above the fastest of the run, as the harness holds a sample), leaving
# out each block's first second; and a line a block. Run from the top of
# the repository, with nothing else running.
set -eu
. scripts/study-lib.sh
usage='usage: sh scripts/spells-study.sh OUT [SECONDS [BLOCK]]'
out=${1:?$usage}
secs=${2:-600}
block=${3:-30}
positive_ints spells-study 'SECONDS and BLOCK' "$secs" "$block"
cpu=$(($(nproc) - 1))
[ "$cpu" -gt 0 ] || { echo "spells-study: needs two CPUs or more" >&2; exit 2; }
sh scripts/study-machine.sh "$out" "$cpu"
${CC:-cc} -O2 -o "$out/spells" scripts/spells.c
spin=
trap '[ -n "$spin" ] && kill "$spin" 2>/dev/null; rm -f -- "$out/spells"' EXIT
start=$(date +%s)
taskset -c "$cpu" "$out/spells" "$secs" >"$out/probe.csv" &
probe=$!
: >"$out/phases.csv"
state=idle
while kill -0 "$probe" 2>/dev/null; do
	echo "$(($(date +%s) - start)),$state" >>"$out/phases.csv"
	if [ "$state" = busy ]; then
		taskset -c 0 sh -c 'while :; do :; done' &
		spin=$!
	fi
	sleep "$block"
	if [ -n "$spin" ]; then
		kill "$spin"
		spin=
	fi
	if [ "$state" = idle ]; then state=busy; else state=idle; fi
done
wait "$probe"
awk -f scripts/stats.awk -f scripts/spells.awk "$out/phases.csv" "$out/probe.csv"
