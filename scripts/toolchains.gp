# Each variant side by side across the toolchains of one run, log scale,
# with the 95% interval of the median as error bars. It only plots;
# cgobench report writes the data (a row a variant, three columns a
# toolchain: median, low, high).
#   gnuplot -c scripts/toolchains.gp RUN/toolchains.dat RUN/toolchains UNIT [TITLE]
# writes RUN/toolchains.png and RUN/toolchains.svg. The machines chart is
# the same picture with a run directory where a toolchain was.
if (ARGC < 3) {
	print "usage: gnuplot -c toolchains.gp DATA OUT UNIT"
	exit status 2
}
data = ARG1
load ARG0[1:strlen(ARG0) - strlen("toolchains.gp")]."palette.gp"
out = ARG2
unit = ARG3
set datafile separator "\t"
stats data using 0 nooutput
ntc = int((STATS_columns - 1) / 3)
set style data histograms
set style histogram errorbars gap 2 lw 1
set style fill solid 0.8 border -1
set logscale y
set ylabel unit." (median, 95% interval; log scale)" noenhanced
set xlabel "variant"
set title (ARGC >= 4 ? ARG4 : "The same crossings across toolchains") noenhanced
set xtics rotate by 40 right noenhanced font ",10"
set bmargin 13
set grid ytics mytics
set key outside right top noenhanced
# wide enough for every bar: about 12 pixels a bar
width = 400 + STATS_records * (16 + 12 * ntc)
width = width < 1100 ? 1100 : width
set terminal pngcairo size width,700 font "sans,11"
set output out.".png"
plot for [i=0:ntc-1] data using (column(2 + 3*i)):(column(3 + 3*i)):(column(4 + 3*i)):xtic(1) title columnheader(2 + 3*i)
set terminal svg size width,700 font "sans,11" dynamic
set output out.".svg"
replot
set output
