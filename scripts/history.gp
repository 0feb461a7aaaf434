# The chosen scenarios over a series of runs, for tracking across
# commits: of each run the figure and its 95% interval, in the history's
# unit: the median (FIGURE median, the default), or the overhead or the
# ratio over the scenario's baseline. Where a run's load disturbed a row,
# an open point: for a median with a dotted bar down to its median over
# its load bound, as low as the load leaves it room to be; for an
# overhead or a ratio, which a load moves either way, alone. It only
# plots; `cgobench history --chart OUT [--figure FIGURE]` writes the data
# (a row a run, labelled by day and commit; four columns a scenario: the
# figure, low, high, load).
#   gnuplot -c scripts/history.gp DATA OUT UNIT [FIGURE]
# writes OUT.png and OUT.svg.
if (ARGC < 3) {
	print "usage: gnuplot -c history.gp DATA OUT UNIT [median|overhead|ratio]"
	exit status 2
}
data = ARG1
load ARG0[1:strlen(ARG0) - strlen("history.gp")]."palette.gp"
out = ARG2
unit = ARG3
figure = ARGC >= 4 ? ARG4 : "median"
if (figure ne "median" && figure ne "overhead" && figure ne "ratio") {
	print "history.gp: FIGURE is median, overhead or ratio, not ".figure
	exit status 2
}
set datafile separator "\t"
set datafile columnheaders
stats data using 0 nooutput
nseries = int((STATS_columns - 1) / 4)
# an overhead may be 0 or less: no log scale for it
if (figure ne "overhead") {
	set logscale y
	scale = "; log scale"
} else {
	scale = ""
}
set format y "%g"
set grid ytics mytics
if (figure eq "median") {
	set ylabel unit." (median, 95% interval".scale.")" noenhanced
	loaded = "disturbed: down to median / load bound"
} else {
	set ylabel (figure eq "ratio" ? "ratio to its baseline" : unit." over its baseline").\
		" (paired, 95% interval".scale.")" noenhanced
	loaded = "disturbed: a load moves it either way"
}
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
	title (i == nseries - 1 ? loaded : "")
set terminal svg size 1100,620 font "sans,11" dynamic
set output out.".svg"
replot
set output
