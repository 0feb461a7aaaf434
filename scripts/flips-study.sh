#!/bin/sh
# usage: sh scripts/flips-study.sh OUT [SECONDS]
#
# How long each CPU's slow and fast spells last against the length of a
# sample (docs/precision.md item 49): scripts/spells.c --loops, built with
# cc -O2 into OUT, runs the probe's loop back to back for SECONDS
# (default 10) on each CPU in turn, pinned to it, and writes each loop's
# end and time to OUT/loops-cpuN.csv (seconds,us), and OUT/machine.txt.
# Then prints, for each CPU, the share of time slow, the spells' mean and
# longest lengths, and for windows of 0.01, 0.03, 0.2 and 1 s the share
# with no slow loop in them and their slowdown's median, quartiles and
# robust sd (scripts/flips.awk). Run from the top of the repository,
# with nothing else running.
set -eu
usage='usage: sh scripts/flips-study.sh OUT [SECONDS]'
out=${1:?$usage}
secs=${2:-10}
case $secs in '' | *[!0-9]* | 0) echo "flips-study: SECONDS must be a positive number, not '$secs'" >&2; exit 2 ;; esac
last=$(($(nproc) - 1))
sh scripts/study-machine.sh "$out" "$last"
${CC:-cc} -O2 -o "$out/spells" scripts/spells.c
trap 'rm -f -- "$out/spells"' EXIT
cpu=0
while [ "$cpu" -le "$last" ]; do
	taskset -c "$cpu" "$out/spells" --loops "$secs" >"$out/loops-cpu$cpu.csv"
	cpu=$((cpu + 1))
done
awk -f scripts/stats.awk -f scripts/flips.awk "$out"/loops-cpu*.csv
