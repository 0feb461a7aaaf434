# flips.awk: the tables of scripts/flips-study.sh from its loops-cpuN.csv
# files (awk -f scripts/stats.awk -f scripts/flips.awk OUT/loops-cpu*.csv),
# as that script's opening comment says. A loop is slow at 1.25 times
# the file's fastest or more, as the harness calls a probe slow; a window
# is clean when none of its loops is slow, and its slowdown is its loops'
# mean over the fastest.
BEGIN { FS = ","; nw = split("0.01 0.03 0.2 1", wlen, " ") }
FNR == 1 && NR > 1 { report() }
FNR == 1 { file = FILENAME; n = 0 }
{ t[++n] = $1; us[n] = $2; if (n == 1 || $2 < best) best = $2 }
END { if (n) report() }
# the robust sd of x[1..m] (1.4826 times the median absolute deviation)
# as a share of their median; x comes sorted
function robust_sd(x, m, med,   d, i) {
	for (i = 1; i <= m; i++) d[i] = x[i] > med ? x[i] - med : med - x[i]
	sort_numeric(d, m)
	return med > 0 ? 1.4826 * quantile(d, m, 0.5) / med : 0
}
# a spell of loops from to last (slow or not) into sp's count, total and
# longest, by its state: from the start of its first loop to its end
function spell(from, last, slow, sp,   len) {
	len = t[last] - t[from] + us[from] / 1e6
	sp[slow, "n"]++; sp[slow, "sum"] += len
	if (len > sp[slow, "max"]) sp[slow, "max"] = len
}
function report(   i, j, slow, was, from, k, w, m, sum, cnt, dirty, nclean, x, med, total, slowtime, sp) {
	for (i = 1; i <= n; i++) {
		total += us[i]; slow = us[i] >= 1.25 * best
		if (slow) slowtime += us[i]
		if (i > 1 && slow != was) spell(from, i - 1, was, sp)
		if (i == 1 || slow != was) { from = i; was = slow }
	}
	spell(from, n, was, sp)
	printf "%s: %d loops in %.2f s, fastest %.2f us; slow (1.25 times it or more) %.1f%% of the time\n", file, n, t[n], best, 100 * slowtime / total
	printf "spells: %d slow, mean %.2f ms, longest %.1f ms; %d fast, mean %.2f ms, longest %.1f ms\n", sp[1, "n"], sp[1, "n"] ? 1000 * sp[1, "sum"] / sp[1, "n"] : 0, 1000 * sp[1, "max"], sp[0, "n"], sp[0, "n"] ? 1000 * sp[0, "sum"] / sp[0, "n"] : 0, 1000 * sp[0, "max"]
	printf "%7s %7s %6s %9s %15s %9s\n", "window", "windows", "clean", "slowdown", "[q1, q3]", "robust sd"
	for (k = 1; k <= nw; k++) {
		w = wlen[k]; m = 0; nclean = 0; split("", x)
		for (i = 1; i <= n; i = j) {
			sum = 0; cnt = 0; dirty = 0
			for (j = i; j <= n && t[j] - t[i] < w; j++) { sum += us[j]; cnt++; dirty += us[j] >= 1.25 * best }
			if (j > n && t[n] - t[i] < w) break # a last window cut short
			x[++m] = sum / cnt / best; nclean += !dirty
		}
		if (!m) continue
		sort_numeric(x, m); med = quantile(x, m, 0.5)
		printf "%6ss %7d %6.3f %9.3f  [%.3f, %.3f] %8.1f%%\n", w, m, nclean / m, med, quantile(x, m, 0.25), quantile(x, m, 0.75), 100 * robust_sd(x, m, med)
	}
}
