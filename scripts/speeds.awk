# usage: awk -f scripts/csv.awk -f scripts/stats.awk -f scripts/speeds.awk speeds.csv
#
# speeds-study.sh's rows (turn,benchmark,ns_per_op, then each CPU's probe
# before the process and after it, in µs): each CPU's fastest probe of
# the study, then for each benchmark its samples, their median and middle
# half (as a percent of the median), all of them and split by whether
# every CPU ran within 0.8 of its fastest before and after the process
# (the harness's LOAD_SPEED: "full") or some CPU did not ("slow").
NR == 1 { ncpu = (fields($0, f) - 3) / 2; next }
{
	m = fields($0, f)
	if (m != 3 + 2 * ncpu) { printf "speeds.awk: line %d has %d fields, not %d\n", NR, m, 3 + 2 * ncpu; bad = 1; exit 1 }
	rows++
	bench[rows] = f[2]; ns[rows] = f[3]
	for (c = 0; c < 2 * ncpu; c++) {
		p[rows, c] = f[4 + c]
		if (!((c % ncpu) in best) || f[4 + c] + 0 < best[c % ncpu]) best[c % ncpu] = f[4 + c] + 0
	}
	if (!(f[2] in seen)) { seen[f[2]] = 1; order[++keys] = f[2] }
}
# line(name, s): its samples' count, median and middle half.
function line(name, s,   a, n, med) {
	n = split(s, a, " ")
	if (n == 0) { printf "  %-5s %4d\n", name, 0; return }
	sort_numeric(a, n); med = quantile(a, n, 0.5)
	printf "  %-5s %4d %9.4f %6.2f%%\n", name, n, med, (quantile(a, n, 0.75) - quantile(a, n, 0.25)) / med * 100
}
END {
	if (bad) exit 1
	for (c = 0; c < ncpu; c++) printf "cpu %d fastest %.2f us\n", c, best[c]
	for (r = 1; r <= rows; r++) {
		full = 1
		for (c = 0; c < 2 * ncpu; c++) if (p[r, c] * 0.8 > best[c % ncpu]) full = 0
		all[bench[r]] = all[bench[r]] " " ns[r]
		if (full) fast[bench[r]] = fast[bench[r]] " " ns[r]
		else slow[bench[r]] = slow[bench[r]] " " ns[r]
	}
	for (k = 1; k <= keys; k++) {
		b = order[k]
		printf "%s: samples, median ns/op, middle half\n", b
		line("all", all[b]); line("full", fast[b]); line("slow", slow[b])
	}
}
