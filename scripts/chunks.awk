# usage: awk -f scripts/csv.awk -f scripts/stats.awk -f scripts/chunks.awk chunks.csv
#
# chunks-study.sh's rows (benchmark,turn,time,sample_ns,chunks,mean,q05,
# q10,q25,q50,fast): for each benchmark, over its turns, the median and
# 95% interval (+-% of the median, as stats.c takes it) of the 0.03 s
# sample, of the chunks' mean and of their q05, q10 and q50, each a
# process's figure, and the median share of chunks within 1.05 of q05.
NR == 1 { next }
{
	fields($0, f)
	k = f[1]
	if (!(k in n)) order[++keys] = k
	n[k]++
	for (c = 4; c <= 10; c++) if (c != 5) v[k, c] = v[k, c] " " f[c]
	fast[k] = fast[k] " " f[11]
}
function cell(s,   r) {
	if ((r = median_ci(s)) == "") return "-"
	split(r, p, " ")
	return sprintf("%.4g +-%.1f%%", p[1], p[4])
}
END {
	printf "%-28s %3s %16s %16s %16s %16s %16s %5s\n", "benchmark", "n",
		"sample", "chunks' mean", "q05", "q10", "q50", "fast"
	for (j = 1; j <= keys; j++) {
		k = order[j]
		printf "%-28s %3d %16s %16s %16s %16s %16s %5.2f\n", k, n[k],
			cell(v[k, 4]), cell(v[k, 6]), cell(v[k, 7]), cell(v[k, 8]),
			cell(v[k, 10]), median_of(fast[k])
	}
}
