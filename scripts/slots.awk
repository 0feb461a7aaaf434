# slots.awk: the table of scripts/slots-study.sh from its slots.csv
# (awk -F, -f scripts/stats.awk -f scripts/slots.awk OUT/slots.csv): a
# loop a line, as that script's opening comment says.
NR == 1 { next }
{
	k = $2; n[k]++; i = n[k]
	v[k, i] = log($4); b[k, i] = log(($3 + $5) / 2);
	t[k] = t[k] " " $4
	# the bracket a slot earlier: the "before" of the previous slot
	if (NR > 2) q[k, i] = prev; else q[k, i] = log($3)
	prev = log($3)
}
function corr(k, x, y,   i, mx, my, sxy, sxx, syy) {
	for (i = 1; i <= n[k]; i++) { mx += x[k, i]; my += y[k, i] }
	mx /= n[k]; my /= n[k]
	for (i = 1; i <= n[k]; i++) {
		sxy += (x[k, i] - mx) * (y[k, i] - my)
		sxx += (x[k, i] - mx) ^ 2; syy += (y[k, i] - my) ^ 2
	}
	return sxx > 0 && syy > 0 ? sxy / sqrt(sxx * syy) : 0
}
function sd(k, x,   i, m, s) {
	for (i = 1; i <= n[k]; i++) m += x[k, i]
	m /= n[k]
	for (i = 1; i <= n[k]; i++) s += (x[k, i] - m) ^ 2
	return n[k] > 1 ? sqrt(s / (n[k] - 1)) : 0
}
END {
	printf "%-12s %5s %9s %8s %12s %9s %12s\n", "loop", "slots", "median", "spread", "r(brackets)", "left", "r(earlier)"
	split("c->c c->c(fnptr) c->c(1ptr)", order, " ")
	for (j = 1; j <= 3; j++) {
		k = order[j]
		if (!n[k]) continue
		for (i = 1; i <= n[k]; i++) d[k, i] = v[k, i] - b[k, i]
		printf "%-12s %5d %9.3f %7.2f%% %12.2f %8.2f%% %12.2f\n", k, n[k], median_of(t[k]), 100 * sd(k, v), corr(k, v, b), 100 * sd(k, d), corr(k, v, q)
	}
}
