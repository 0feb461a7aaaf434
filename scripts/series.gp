# One family's variants against a swept param (batch size, goroutines),
# median and 95% interval of each, log scale on y (and on x when asked).
# It only plots; cgobench report writes the data (a row an x, three
# columns a series: median, low, high).
#   gnuplot -c scripts/series.gp DATA OUT UNIT TITLE XLABEL LOGX [MARK]
# writes OUT.png and OUT.svg; LOGX is 1 for a log2 x axis, 10 for a
# log10 one; MARK, when
# given, is an x to mark with a dashed line (the break-even batch size),
# or "none" for a note that there is none, or "open" for one that the
# intervals cannot tell; or several words "label:x".
if (ARGC < 6) {
	print "usage: gnuplot -c series.gp DATA OUT UNIT TITLE XLABEL LOGX [MARK]"
	exit status 2
}
data = ARG1
load ARG0[1:strlen(ARG0) - strlen("series.gp")]."palette.gp"
out = ARG2
unit = ARG3
set datafile separator "\t"
stats data using 1 nooutput
nseries = int((STATS_columns - 1) / 3)
if (ARG6 eq "1" || ARG6 eq "10") {
	set logscale x int(ARG6) == 1 ? 2 : 10
	set format x "%.0f"
} else {
	set xtics 1
}
set logscale y
set format y "%g"
set grid xtics ytics mytics
set ylabel unit." (median, 95% interval; log scale)" noenhanced
set xlabel ARG5 noenhanced
set title ARG4 noenhanced
set key outside right top noenhanced
set offsets graph 0.02, graph 0.02, 0, 0
# MARK: one mark (the batch chart's), or several words "label:x" (the
# libraries chart's break-even of each library); x "none" for a note that
# there is none, "open" for one that the intervals cannot tell
if (ARGC >= 7 && ARG7 ne "") {
	do for [i=1:words(ARG7)] {
		w = word(ARG7, i)
		c = strstrt(w, ":")
		x = c ? w[c+1:] : w
		y = 1 - 0.05 * i
		if (c && x eq "none") {
			set label (10 + i) sprintf(" %s: no break-even at any size measured", w[1:c-1]) at graph 0, graph y left font ",10"
		}
		if (c && x eq "open") {
			set label (10 + i) sprintf(" %s: the intervals cannot tell from what size the C library is faster", w[1:c-1]) at graph 0, graph y left font ",10"
		}
		if (c && x ne "none" && x ne "open") {
			set arrow i from real(x), graph 0 to real(x), graph 1 nohead dt 2 lw 1.5 lc rgb "#555555"
			set label (10 + i) sprintf(" %s: the C library is faster from %s", w[1:c-1], x) at real(x), graph y left font ",10"
		}
		if (!c && x eq "none") {
			set label (10 + i) " the crossing is not under 10% of the work at any n measured" at graph 0, graph y left font ",10"
		}
		if (!c && x eq "open") {
			set label (10 + i) " the intervals cannot tell from what n the crossing is under 10% of the work" at graph 0, graph y left font ",10"
		}
		if (!c && x ne "none" && x ne "open") {
			set arrow i from real(x), graph 0 to real(x), graph 1 nohead dt 2 lw 1.5 lc rgb "#555555"
			set label (10 + i) sprintf(" crossing < 10%% of the work from n=%s", x) at real(x), graph y left font ",10"
		}
	}
}
set terminal pngcairo size 1100,620 font "sans,11"
set output out.".png"
plot for [i=0:nseries-1] data using 1:(column(2 + 3*i)):(column(3 + 3*i)):(column(4 + 3*i)) \
	with yerrorlines ps 0.8 title columnheader(2 + 3*i)
set terminal svg size 1100,620 font "sans,11" dynamic
set output out.".svg"
replot
set output
