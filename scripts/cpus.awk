# usage: awk -f scripts/csv.awk -f scripts/stats.awk -f scripts/cpus.awk cpus.csv
#
# cpus-study.sh's rows (variant,goroutines,process,ns_per_op,cpus): for each
# benchmark, its processes, the median and range of its ns/op and of the
# CPUs they kept busy, the middle half of its ns/op as a percent of their
# median, and Pearson's correlation of the two (stats.awk's; "-" where
# either does not vary). With -v what=NAME the last column of the rows
# is another measure of each process (transfer-study.sh's transfer_ns),
# named so in the header.
NR == 1 { next }
{
	fields($0, f)
	k = f[1] " goroutines=" f[2]
	if (!(k in n)) order[++keys] = k
	n[k]++
	ns[k] = ns[k] " " f[4]
	c[k] = c[k] " " f[5]
	x[k, n[k]] = f[4]
	y[k, n[k]] = f[5]
}
function corr(k,   i, xs, ys, c) {
	for (i = 1; i <= n[k]; i++) { xs[i] = x[k, i]; ys[i] = y[k, i] }
	c = correlation(xs, ys, n[k])
	return c == "" ? "-" : sprintf("%+.2f", c)
}
END {
	printf "%-28s %3s %22s %5s %20s %6s\n", "benchmark", "n", "ns/op median [range]", "mid%", (what == "" ? "cpus" : what) " median [range]", "r"
	for (j = 1; j <= keys; j++) {
		k = order[j]
		m = split(ns[k], a, " "); sort_numeric(a, m)
		split(c[k], b, " "); sort_numeric(b, m)
		med = quantile(a, m, 0.5)
		printf "%-28s %3d %6.1f [%6.1f, %6.1f] %5.1f %6.3f [%.3f, %.3f] %6s\n", k, m,
			med, a[1], a[m], (quantile(a, m, 0.75) - quantile(a, m, 0.25)) / med * 100,
			quantile(b, m, 0.5), b[1], b[m], corr(k)
	}
}
