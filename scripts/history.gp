# The chosen scenarios over a series of runs, for tracking across
# commits: median and 95% interval of each run, in the history's unit;
# where a run's load disturbed a row, a dotted bar and an open point from
# its median down to its median over its load bound, as low as the load
# leaves it room to be. It only plots; `cgobench history --chart` writes
# the data (a row a run, labelled by day and commit; four columns a
# scenario: median, low, high, load).
#   gnuplot -c scripts/history.gp DATA OUT UNIT
# writes OUT.png and OUT.svg.
if (ARGC < 3) {
	print "usage: gnuplot -c history.gp DATA OUT UNIT"
	exit status 2
}
data = ARG1
load ARG0[1:strlen(ARG0) - strlen("history.gp")]."palette.gp"
out = ARG2
unit = ARG3
set datafile separator "\t"
set datafile columnheaders
stats data using 0 nooutput
nseries = int((STATS_columns - 1) / 4)
set logscale y
set format y "%g"
set grid ytics mytics
set ylabel unit." (median, 95% interval; log scale)" noenhanced
set xlabel "run (day, harness commit)"
set title "Each scenario over the runs of the history" noenhanced
set xtics rotate by -30 noenhanced font ",10"
set bmargin 7
set offsets 0.3, 0.3, 0, 0
set xrange [-0.5:*]
set key outside right top noenhanced
set terminal pngcairo size 1100,620 font "sans,11"
set output out.".png"
# the key's last entry says what the open points are, once
plot for [i=0:nseries-1] data using 0:(column(2 + 4*i)):(column(3 + 4*i)):(column(4 + 4*i)):xtic(1) \
	with yerrorlines lt (i + 1) ps 0.8 title columnheader(2 + 4*i), \
	for [i=0:nseries-1] data using 0:(column(5 + 4*i)):(column(5 + 4*i)):(column(2 + 4*i)) \
	with yerrorbars lt (i + 1) dt 3 pt 6 ps 0.8 \
	title (i == nseries - 1 ? "disturbed: down to median / load bound" : "")
set terminal svg size 1100,620 font "sans,11" dynamic
set output out.".svg"
replot
set output
