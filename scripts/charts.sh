#!/bin/sh
# usage: sh scripts/charts.sh RUN_DIR...
#
# Draws the charts of each run directory from the data cgobench wrote
# there: overview.png/.svg (every run), toolchains.png/.svg (a run with
# more than one toolchain), anatomy.png/.svg (a counted run). Run
# `cgobench report RUN_DIR` first for a run made before the charts existed.
set -eu
[ $# -ge 1 ] || { sed -n '2,8s/^# \{0,1\}//p' "$0" >&2; exit 2; }
here=$(dirname "$0")
for run in "$@"; do
	[ -f "$run/overview.dat" ] || { echo "charts: no overview.dat in '$run' (run 'cgobench report $run')" >&2; exit 2; }
	unit=ns/op
	grep -q 'instructions/op' "$run/summary.csv" && unit=instructions/op
	gnuplot -c "$here/overview.gp" "$run/overview.dat" "$run/overview" "$unit"
	# one toolchain has 4 columns: variant, median, low, high
	if [ "$(head -n 1 "$run/toolchains.dat" | awk -F '\t' '{print NF}')" -gt 4 ]; then
		gnuplot -c "$here/toolchains.gp" "$run/toolchains.dat" "$run/toolchains" "$unit"
	fi
	if [ -f "$run/anatomy.dat" ]; then
		sh "$here/anatomy-chart.sh" "$run"
	fi
	echo "charts: drew $run" >&2
done
