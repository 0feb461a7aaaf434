# Stacked bars: the instructions per op of each crossing, by the group of
# code they run through. It only plots; cgobench writes the data.
#   gnuplot -c scripts/anatomy.gp RUN/anatomy.dat RUN/anatomy
# writes RUN/anatomy.png and RUN/anatomy.svg.
if (ARGC < 2) {
	print "usage: gnuplot -c anatomy.gp DATA OUT"
	exit status 2
}
data = ARG1
load ARG0[1:strlen(ARG0) - strlen("anatomy.gp")]."palette.gp"
out = ARG2
set style data histograms
set style histogram rowstacked
set style fill solid 0.85 border -1
set boxwidth 0.7
set key outside right top title "where the instructions go" noenhanced
set ylabel "instructions per op (callgrind)"
set xlabel "crossing"
set title "Anatomy of a crossing" noenhanced
set xtics rotate by -40 noenhanced font ",10"
set bmargin 9
set grid ytics
set yrange [0:*]
set datafile separator "\t"
set terminal pngcairo size 1100,620 font "sans,11"
set output out.".png"
plot for [g=2:7] data using g:xtic(1) dt 1 title columnheader(g)
set terminal svg size 1100,620 font "sans,11" dynamic
set output out.".svg"
replot
set output
