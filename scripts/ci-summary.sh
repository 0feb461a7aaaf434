#!/bin/sh
# usage: sh scripts/ci-summary.sh OUT_DIR RUN_DIR...
#
# What the matrix workflow's last job publishes, from the run directories
# its runners uploaded (one a machine kind): a Markdown summary on stdout
# (for $GITHUB_STEP_SUMMARY) with each machine, a normalised compare of
# each run against the first (crossings divided by their own baselines, so
# that machines of different speed compare), and the verdicts of each
# run; and the machines chart of every crossing with its interval on each
# machine (OUT_DIR/machines.png and .svg, with its data).
# Needs build/cgobench (or $CGOBENCH) and gnuplot.
set -eu
[ $# -ge 2 ] || { sed -n '2,12s/^# \{0,1\}//p' "$0" >&2; exit 2; }
here=$(dirname "$0")
cgobench=${CGOBENCH:-$here/../build/cgobench}
out=$1
shift
for r in "$@"; do
	[ -f "$r/summary.csv" ] || { echo "ci-summary: '$r' is not a run directory (no summary.csv)" >&2; exit 2; }
done
mkdir -p "$out"
field() { sed -n "s/^$1: //p" "$2/machine.txt" 2>/dev/null | head -n 1; }

echo "# cgobench across machines"
echo
echo "| run | cpu | cores | arch | toolchain | status |"
echo "|---|---|---|---|---|---|"
for r in "$@"; do
	echo "| $r | $(field cpu "$r") | $(field cores "$r") | $(field arch "$r") | $(field go-version "$r") | $(field status "$r") |"
done
echo
if [ $# -ge 2 ]; then
	"$cgobench" machines "$out/machines.dat" "$@" >/dev/null 2>&1 &&
		gnuplot -c "$here/toolchains.gp" "$out/machines.dat" "$out/machines" ns/op \
			"The same crossings across machines" &&
		echo "The machines chart is in the artifact: machines.png." && echo
fi
echo "## Each crossing over its baseline, normalised, against $1"
echo
first=$1
shift
for r in "$@"; do
	echo "### $r"
	echo
	echo '```'
	"$cgobench" compare --normalize "$first" "$r" 2>&1 || true
	echo '```'
	echo
done
for r in "$first" "$@"; do
	echo "## Verdicts of $r"
	echo
	sed -n '/^## Claims about cgo/,/^## /{/^## /d;p}' "$r/report.md"
done
