# stats.awk: the order statistics and the correlation the study scripts'
# awk programs share (awk -f scripts/stats.awk -f PROGRAM).
# sort_numeric(a, n): sorts a[1..n] in place, as numbers.
function sort_numeric(a, n,   i, j, t) {
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && a[j-1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
}
# quantile(a, n, p): of a[1..n] sorted, linear between order statistics
# (p 0.5: the median, the mean of the middle two for an even n).
function quantile(a, n, p,   x, i) {
	x = 1 + p * (n - 1); i = int(x)
	return i >= n ? a[n] : a[i] + (x - i) * (a[i+1] - a[i])
}
# median_of(s): the median of the space-separated numbers in s.
function median_of(s,   a, n) { n = split(s, a, " "); sort_numeric(a, n); return quantile(a, n, 0.5) }
# ci_rank(n): the largest k whose [x(k), x(n+1-k)] of n sorted samples
# covers the median with 95% or more, as stats.c takes it; 0 for n under 6.
function ci_rank(n,    k, best, tail, c, i) {
	best = 0
	for (k = 1; 2 * k <= n; k++) {
		tail = 0; c = 1
		for (i = 0; i < k; i++) {
			tail += c
			c = c * (n - i) / (i + 1)
		}
		if (1 - 2 * tail / 2 ^ n >= 0.95) best = k
	}
	return best
}
# median_ci(s): "median low high h" of the space-separated numbers in s,
# h the interval's wider side in % of the median ("" for fewer than 6).
function median_ci(s,   a, n, k, m, lo, hi) {
	n = split(s, a, " ")
	if (n < 6) return ""
	sort_numeric(a, n)
	m = quantile(a, n, 0.5); k = ci_rank(n)
	lo = a[k]; hi = a[n + 1 - k]
	return m " " lo " " hi " " (m ? (hi - m > m - lo ? hi - m : m - lo) / m * 100 : 0)
}
# correlation(xs, ys, m): Pearson's r of xs[1..m] and ys[1..m]; "" for
# fewer than 3, or where either side does not vary (equal values leave
# only rounding in the sums).
function correlation(xs, ys, m,   r, sa, sb, a, b, sab, saa, sbb) {
	if (m < 3) return ""
	for (r = 1; r <= m; r++) { sa += xs[r]; sb += ys[r] }
	sa /= m; sb /= m
	for (r = 1; r <= m; r++) {
		a = xs[r] - sa; b = ys[r] - sb
		sab += a * b; saa += a * a; sbb += b * b
	}
	return saa > 1e-12 && sbb > 1e-12 ? sab / sqrt(saa * sbb) : ""
}
