# The cost of each crossing against its baselines, log scale, with the 95%
# interval of the median as error bars, grouped and coloured by direction:
# a bar a row, across, so that every label reads level at its bar's left
# (the rows are many: about 50 in the default suite). It only plots;
# cgobench report writes the data.
#   gnuplot -c scripts/overview.gp RUN/overview.dat RUN/overview UNIT
# writes RUN/overview.png and RUN/overview.svg.
if (ARGC < 3) {
	print "usage: gnuplot -c overview.gp DATA OUT UNIT"
	exit status 2
}
data = ARG1
load ARG0[1:strlen(ARG0) - strlen("overview.gp")]."palette.gp"
out = ARG2
unit = ARG3
set datafile separator "\t"
stats data using 4 nooutput
rows = STATS_records
# the bars stand on the power of ten at or below the smallest median
foot = STATS_min > 0 ? 10**floor(log10(STATS_min)) : 1
set style fill solid 0.8 border -1
set logscale x
set xrange [foot:*]
set xlabel unit." (median, 95% interval; log scale)" noenhanced
set title "What one call costs, by direction" noenhanced
# the first row at the top
set yrange [rows - 0.5:-0.5]
set ytics noenhanced font ",10" scale 0
set grid xtics mxtics
set key outside right top vertical noenhanced
height = 160 + 17 * rows
array names[4] = ["baseline", "Go to C", "Go to C to Go", "C to Go"]
set terminal pngcairo size 1100,height font "sans,11"
set output out.".png"
plot for [d=0:3] data using ($3 == d ? $4 : NaN):0:(foot):4:($0 - 0.38):($0 + 0.38) \
	with boxxyerror lc d + 1 dt 1 title names[d + 1], \
	data using 4:0:5:6:ytic(1) with xerrorbars lc rgb "black" pt 0 notitle
set terminal svg size 1100,height font "sans,11" dynamic
set output out.".svg"
replot
set output
