#!/bin/sh
# usage: sh scripts/slots-study.sh OUT [SLOTS]
#
# Whether what spreads the nanosecond loops' samples is the machine's
# speed, which a probe beside a sample could take off, or a state of the
# loop's own: scripts/slots.c, built with cc -O2 into OUT, runs in one
# process pinned to the last CPU SLOTS (default 300) slots of 100 ms of
# three C baselines' loops in turn (c->c, c->c(fnptr), c->c(1ptr)), each
# between two brackets of 2 ms of the probe's kind of loop. Writes
# OUT/slots.csv (slots.c's lines) and OUT/machine.txt, then prints, a loop
# a line: its slots, their median ns, the spread of their log times
# (standard deviation, %), its correlation with the log of the mean of
# the slot's two brackets, the spread left once the brackets' speed is
# taken off, and the correlation with the bracket one slot earlier
# (about 100 ms before: as far as the harness's probe is from a sample's
# timed loop). docs/precision.md reads them. Run from the top of the
# repository.
set -eu
out=${1:?usage: sh scripts/slots-study.sh OUT [SLOTS]}
slots=${2:-300}
case $slots in '' | *[!0-9]* | 0) echo "slots-study: SLOTS must be a positive number, not '$slots'" >&2; exit 2 ;; esac
cpu=$(($(nproc) - 1))
sh scripts/study-machine.sh "$out" "$cpu"
${CC:-cc} -O2 -o "$out/slots" scripts/slots.c
taskset -c "$cpu" "$out/slots" "$slots" 100 2 >"$out/slots.csv"
rm -f -- "$out/slots"
awk -F, -f scripts/stats.awk -f scripts/slots.awk "$out/slots.csv"
