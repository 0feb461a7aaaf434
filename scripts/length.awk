# usage: awk -f scripts/csv.awk -f scripts/stats.awk -f scripts/length.awk length.csv
#
# length-study.sh's rows (benchmark,seconds,warmup,turn,wall_ms,ns_per_op):
# for each loop, sample length and warm-up, its samples, their median, the middle half
# as a percent of it, the standard deviation of their logs (the spread),
# the mean wall time of a sample's process, and the +-% of a median's 95%
# interval from a minute of such samples (1.2533 * 1.96 * spread over the
# root of the samples a minute holds: the median's large-sample error
# under a normal spread), so that lengths compare at equal cost.
NR == 1 { next }
{
	fields($0, f)
	k = f[1] " " f[2] " s" (f[3] + 0 ? ", warm " f[3] " s" : "")
	if (!(k in n)) order[++keys] = k
	n[k]++
	ns[k] = ns[k] " " f[6]
	wall[k] += f[5]
	lg[k] += log(f[6])
	lg2[k] += log(f[6]) ^ 2
}
END {
	printf "%-30s %3s %8s %6s %7s %7s %9s\n", "loop, length", "n", "median", "mid%", "spread", "wall s", "min +-%"
	for (j = 1; j <= keys; j++) {
		k = order[j]
		m = split(ns[k], a, " "); sort_numeric(a, m)
		med = quantile(a, m, 0.5)
		mean = lg[k] / m
		v = m > 1 ? (lg2[k] - m * mean ^ 2) / (m - 1) : 0
		sd = v > 0 ? sqrt(v) : 0
		w = wall[k] / m / 1000
		printf "%-30s %3d %8.3f %6.1f %6.1f%% %7.2f %8.2f%%\n", k, m, med,
			(quantile(a, m, 0.75) - quantile(a, m, 0.25)) / med * 100,
			sd * 100, w, 1.2533 * 1.96 * sd / sqrt(60 / w) * 100
	}
}
