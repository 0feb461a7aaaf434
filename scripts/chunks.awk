# usage: awk -f scripts/csv.awk -f scripts/stats.awk -f scripts/chunks.awk chunks.csv
#
# chunks-study.sh's rows (benchmark,turn,time,sample_ns,chunks,mean,q05,
# q10,q25,q50,fast[,fast_median,wall_ms]): for each benchmark, over its
# turns, the median and 95% interval (+-% of the median, as stats.c
# takes it) of the 0.03 s sample, of the chunks' mean, of their q05, q10
# and q50 and of the fast chunks' median, each a process's figure; the
# median share of fast chunks; and the mean wall time of a chunked
# process. A study from before fast_median and wall_ms shows "-" there.
NR == 1 { next }
{
	nf = fields($0, f)
	k = f[1]
	if (!(k in n)) order[++keys] = k
	n[k]++
	for (c = 4; c <= 10; c++) if (c != 5) v[k, c] = v[k, c] " " f[c]
	fast[k] = fast[k] " " f[11]
	if (nf >= 13) { v[k, 12] = v[k, 12] " " f[12]; wall[k] += f[13] }
}
function cell(s,   r) {
	if ((r = median_ci(s)) == "") return "-"
	split(r, p, " ")
	return sprintf("%.4g +-%.1f%%", p[1], p[4])
}
END {
	printf "%-28s %3s %16s %16s %16s %16s %16s %16s %5s %6s\n", "benchmark", "n",
		"sample", "chunks' mean", "q05", "q10", "q50", "fast median", "fast", "wall s"
	for (j = 1; j <= keys; j++) {
		k = order[j]
		printf "%-28s %3d %16s %16s %16s %16s %16s %16s %5.2f %6s\n", k, n[k],
			cell(v[k, 4]), cell(v[k, 6]), cell(v[k, 7]), cell(v[k, 8]),
			cell(v[k, 10]), cell(v[k, 12]), median_of(fast[k]),
			k in wall ? sprintf("%.3f", wall[k] / n[k] / 1000) : "-"
	}
}
