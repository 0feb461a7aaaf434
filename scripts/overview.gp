# The cost of each crossing against its baselines, log scale, with the 95%
# interval of the median as error bars, grouped and coloured by direction.
# It only plots; cgobench report writes the data.
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
set style fill solid 0.8 border -1

set logscale y
set ylabel unit." (median, 95% interval; log scale)" noenhanced
set xlabel "variant"
set title "What one call costs, by direction" noenhanced
set xtics rotate by 40 right noenhanced font ",10"
set bmargin 13
set offsets 0.6, 0.6, 0, 0
set grid ytics mytics
set key outside right top noenhanced
set terminal pngcairo size 1100,700 font "sans,11"
set output out.".png"
array names[4] = ["baseline", "Go to C", "Go to C to Go", "C to Go"]
plot for [d=0:3] data using 0:($3 == d ? $4 : NaN):5:6:(0.35):xtic(1) \
	with boxerrorbars lc d + 1 dt 1 title names[d + 1]
set terminal svg size 1100,700 font "sans,11" dynamic
set output out.".svg"
replot
set output
