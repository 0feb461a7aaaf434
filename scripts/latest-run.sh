#!/bin/sh
# usage: sh scripts/latest-run.sh [N [RESULTS_DIR]]
#
# Prints the N (default 1) run directories under RESULTS_DIR (default
# results) that ran last, newest first, one a line: by the date their
# machine.txt records, not by when a file in them last changed (a clone,
# or cgobench report on an old run, touches those).
set -eu
n=${1:-1}
results=${2:-results}
case $n in '' | *[!0-9]*) echo "latest-run: N must be a number, not '$n'" >&2; exit 2 ;; esac
found=$(for m in "$results"/*/*/machine.txt; do
	[ -f "$m" ] || continue
	d=$(sed -n 's/^date: //p' "$m" | head -n 1)
	[ -n "$d" ] && printf '%s\t%s\n' "$d" "${m%/machine.txt}"
done | sort -r | head -n "$n" | cut -f 2)
[ -n "$found" ] || { echo "latest-run: no run under '$results' (make bench makes one)" >&2; exit 2; }
printf '%s\n' "$found"
