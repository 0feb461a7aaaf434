#!/bin/sh
# usage: sh scripts/anatomy-chart.sh RUN_DIR [-o OUT]
#
# Draws RUN_DIR/anatomy.dat (from `cgobench anatomy`) as stacked bars into
# OUT.png and OUT.svg (default: RUN_DIR/anatomy).
set -eu
[ $# -ge 1 ] || { sed -n '2,5s/^# \{0,1\}//p' "$0" >&2; exit 2; }
run=$1
shift
out=$run/anatomy
if [ "${1:-}" = "-o" ] && [ $# -ge 2 ]; then
	out=$2
fi
[ -f "$run/anatomy.dat" ] || { echo "anatomy-chart: no anatomy.dat in '$run' (run 'cgobench anatomy')" >&2; exit 2; }
here=$(dirname "$0")
gnuplot -c "$here/anatomy.gp" "$run/anatomy.dat" "$out"
