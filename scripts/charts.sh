#!/bin/sh
# usage: sh scripts/charts.sh RUN_DIR...
#
# Draws the charts of each run directory from the data cgobench wrote
# there: overview.png/.svg (every run), toolchains.png/.svg (a run with
# more than one toolchain), batch.png/.svg (the batch family),
# libraries.png/.svg (the libraries family), blocking and pool .png/.svg
# (the blocking family), scaling-cthreads and busy .png/.svg (the scheduling
# family), mainthread.png/.svg (that family),
# scaling-handles and scaling-parallel .png/.svg (those families),
# anatomy.png/.svg (a counted run). Run `cgobench report RUN_DIR` first
# for a run made before the charts existed. Then it writes the run's
# index.html again with the charts inlined (with $CGOBENCH, by default
# build/cgobench).
set -eu
[ $# -ge 1 ] || { sed -n '2,10s/^# \{0,1\}//p' "$0" >&2; exit 2; }
here=$(dirname "$0")
cgobench=${CGOBENCH:-$here/../build/cgobench}
# series DATA OUT UNIT TITLE XLABEL LOGX [MARK]: the chart OUT.png/.svg
# of "$run/DATA.dat" (see series.gp), when the run wrote that data
series() {
	[ -f "$run/$1.dat" ] || return 0
	gnuplot -c "$here/series.gp" "$run/$1.dat" "$run/$2" "$3" "$4" "$5" "$6" "${7:-}"
	drew="$drew $2.png"
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
	# the break-even batch size of the first toolchain, and of each library
	mark="" marks=""
	if [ -f "$run/batch.dat" ]; then
		mark=$(sed -n 's/^# break-even \([0-9a-z]*\) .*/\1/p' "$run/batch.dat" | head -n 1)
	fi
	if [ -f "$run/libraries.dat" ]; then
		marks=$(sed -n 's/^# break-even \([^ ]*\) .*/\1/p' "$run/libraries.dat" | tr '\n' ' ')
	fi
	series batch batch ns/item "Cost per item: one crossing per item or one per batch" \
		"items per op (n, log scale)" 1 "$mark"
	series libraries libraries ns/byte "Time per byte: a C library through cgo, from C, and Go's own" \
		"input size (bytes, log scale)" 1 "$marks"
	series blocking blocking threads "Threads grown by 64 calls blocking at once, by how long each blocks" \
		"block time (µs, log scale)" 10
	series pool pool ns/op "A burst of 64 calls through a pool of workers holding LockOSThread, by its size" \
		"workers in the pool (log scale)" 1
	series cthreads scaling-cthreads ns/callback \
		"One call on each of n threads made by C, to Go or to C (time of one call on one thread)" \
		"threads made by C" 0
	series busy busy ns/op "One call while other goroutines compute" "other goroutines busy" 0
	series mainthread mainthread ns/op \
		"A callback from C on the main thread, by the memory mappings added to the process" \
		"memory mappings added (log scale)" 10
	series handles scaling-handles ns/op \
		"A Go object handed to C and found again in a callback, as goroutines contend" "goroutines" 0
	series parallel scaling-parallel ns/op \
		"Calls from many goroutines at once (ns/op is wall time over all calls)" "goroutines" 0
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
