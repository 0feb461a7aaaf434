#!/bin/sh
# usage: sh scripts/stopping-study.sh OUT [RUN [MIN]]
#
# How often a row's final 95% interval covers the true median under the
# run's stopping rules, the goal's (+-3%) and the aim's (+-1%, --aim-ci),
# and under two alternatives to the aim (docs/precision.md item 63):
# scripts/stopping.c, built with cc -O2 and the harness's summary.c and
# stats.c into OUT, tries each rule on 4000 rows of lognormal samples of
# sigma 0.01, 0.02, 0.03 and 0.05, and, with RUN, of samples drawn from
# each pinned row of RUN/raw.csv with MIN (default 90) ns/op samples or
# more (their raw values, the drift not taken off). Writes
# OUT/stopping.csv (source, rule, cover, samples, within_aim), OUT/pools/
# (one file a row: its values, and names.txt: scripts/pools.awk) and
# OUT/machine.txt, and prints the CSV.
set -eu
usage='usage: sh scripts/stopping-study.sh OUT [RUN [MIN]]'
out=${1:?$usage}
run=${2:-}
min=${3:-90}
case $min in '' | *[!0-9]* | 0) echo "stopping-study: MIN must be a positive number, not '$min'" >&2; exit 2 ;; esac
[ -z "$run" ] || [ -f "$run/raw.csv" ] || { echo "stopping-study: $run/raw.csv: no such file" >&2; exit 2; }
mkdir -p "$out"
sh scripts/study-machine.sh "$out" 0
${CC:-cc} -O2 -std=c11 -D_GNU_SOURCE -Iharness -o "$out/stopping" scripts/stopping.c harness/summary.c harness/stats.c harness/util.c -lm
"$out/stopping" 4000 0.01 0.02 0.03 0.05 >"$out/stopping.csv"
if [ -n "$run" ]; then
	rm -rf "$out/pools"
	mkdir -p "$out/pools"
	awk -f scripts/csv.awk -f scripts/pools.awk -v dir="$out/pools" -v min="$min" "$run/raw.csv"
	if [ -f "$out/pools/names.txt" ]; then
		# the files by number, in the order names.txt gives them
		files=$(cut -d, -f1 "$out/pools/names.txt" | sed "s|.*|$out/pools/&.txt|")
		# shellcheck disable=SC2086 # one argument a file; OUT has no blanks
		"$out/stopping" 4000 --pool $files | tail -n +2 >>"$out/stopping.csv"
	fi
fi
rm -f "$out/stopping"
cat "$out/stopping.csv"
