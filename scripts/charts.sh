#!/bin/sh
# usage: sh scripts/charts.sh RUN_DIR...
#
# Draws the charts of each run directory from the data cgobench wrote
# there: overview.png/.svg (every run), toolchains.png/.svg (a run with
# more than one toolchain), the chart each swept family's .dat names
# (batch.png, scaling-handles.png, ...: the list is harness/charts.c's),
# anatomy.png/.svg (a counted run). Run `cgobench report RUN_DIR` first
# for a run made before the charts existed. Then it writes the run's
# index.html again with the charts inlined (with $CGOBENCH, by default
# build/cgobench).
set -eu
[ $# -ge 1 ] || { sed -n '2,11s/^# \{0,1\}//p' "$0" >&2; exit 2; }
here=$(dirname "$0")
cgobench=${CGOBENCH:-$here/../build/cgobench}
# series DAT: the chart that DAT's leading lines name ("# chart NAME"
# and how to draw it, see harness/charts.h) as NAME.png/.svg, with the
# break-even marks of its first toolchain (the batch size, or each
# library's); other .dat files name none
series() {
	chart=$(sed -n 's/^# chart //p' "$1")
	[ -n "$chart" ] || return 0
	marks=$(awk '$1 == "#" && $2 == "break-even" {
		if (tc == "") tc = $4
		if ($4 == tc) { printf "%s%s", sep, $3; sep = " " }
	}' "$1")
	gnuplot -c "$here/series.gp" "$1" "$run/$chart" "$(field unit "$1")" \
		"$(field title "$1")" "$(field xlabel "$1")" "$(field logx "$1")" "$marks"
	drew="$drew $chart.png"
}
# field KEY DAT: the value of DAT's line "# KEY value"
field() {
	sed -n "s/^# $1 //p" "$2"
}
for run in "$@"; do
	run=${run%/}
	[ -f "$run/overview.dat" ] || { echo "charts: no overview.dat in '$run' (run 'cgobench report $run')" >&2; exit 2; }
	unit=ns/op
	grep -q 'instructions/op' "$run/summary.csv" && unit=instructions/op
	drew=""
	# a run of swept families only (batch, libraries) has no overview
	if [ "$(grep -cv '^#' "$run/overview.dat")" -gt 0 ]; then
		gnuplot -c "$here/overview.gp" "$run/overview.dat" "$run/overview" "$unit"
		drew=" overview.png"
	fi
	# one toolchain has 4 columns: variant, median, low, high; a run of
	# swept families only has a header and no row
	if [ "$(head -n 1 "$run/toolchains.dat" | awk -F '\t' '{print NF}')" -gt 4 ] &&
		[ "$(wc -l <"$run/toolchains.dat")" -gt 1 ]; then
		gnuplot -c "$here/toolchains.gp" "$run/toolchains.dat" "$run/toolchains" "$unit"
		drew="$drew toolchains.png"
	fi
	for dat in "$run"/*.dat; do
		if [ -f "$dat" ]; then series "$dat"; fi
	done
	if [ -f "$run/anatomy.dat" ]; then
		sh "$here/anatomy-chart.sh" "$run"
		drew="$drew anatomy.png"
	fi
	# the page inlines the charts: write it again now that they are drawn
	page=""
	if [ -x "$cgobench" ] && "$cgobench" export --format page "$run" >"$run/index.html.tmp"; then
		mv "$run/index.html.tmp" "$run/index.html"
		page=", and index.html with them inlined"
	else
		rm -f "$run/index.html.tmp"
	fi
	echo "charts: $run (run on $(sed -n 's/^date: //p' "$run/machine.txt" 2>/dev/null)):$drew, each also .svg$page" >&2
done
