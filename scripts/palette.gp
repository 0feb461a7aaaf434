# The line types of every chart: the Okabe-Ito colours that read on white
# (no yellow), each with its own dash and point, so that the series tell
# apart in grey too. Loaded by the other scripts.
set linetype 1 lc rgb "#0072B2" dt 1 pt 7 lw 1.5
set linetype 2 lc rgb "#D55E00" dt 2 pt 5 lw 1.5
set linetype 3 lc rgb "#009E73" dt 3 pt 9 lw 1.5
set linetype 4 lc rgb "#CC79A7" dt 4 pt 11 lw 1.5
set linetype 5 lc rgb "#E69F00" dt 5 pt 13 lw 1.5
set linetype 6 lc rgb "#56B4E9" dt 1 pt 6 lw 1.5
set linetype 7 lc rgb "#000000" dt 2 pt 4 lw 1.5
set linetype 8 lc rgb "#999999" dt 3 pt 8 lw 1.5
set linetype cycle 8
