# usage: awk -f scripts/stats.awk -f scripts/pairs.awk cases/FAMILY/baselines RUN/raw.csv
#
# The ratio over its baseline of each crossing of a family, from a run's
# raw.csv, taken the way cgobench now takes it: the median of the ratios
# of pairs (a crossing's ns/op and its baseline's of the same round),
# with the order-statistics 95% interval of stats.c. One line a row:
# case, variant, param, pairs, ratio, low, high, half-width in %.
# docs/precision.md sets it beside the bootstrap of two independent
# medians that summary.csv held before.
BEGIN { FS = "[ \t]+" }
FNR == NR {
	if ($0 !~ /^#/ && NF >= 2)
		base[$1] = $2
	next
}
FNR == 1 { FS = ","; $0 = $0; for (i = 1; i <= NF; i++) col[$i] = i; next }
$col["unit"] == "ns/op" {
	k = $col["case"] SUBSEP $col["variant"] SUBSEP $col["param"]
	v[k, $col["rep"]] = $col["value"]
	if (!(k in seen)) { seen[k] = 1; keys[++nk] = k }
}
END {
	for (j = 1; j <= nk; j++) {
		split(keys[j], p, SUBSEP)
		if (!(p[2] in base)) continue
		bk = p[1] SUBSEP base[p[2]] SUBSEP p[3]
		if (!(bk in seen)) bk = p[1] SUBSEP base[p[2]] SUBSEP ""
		n = 0
		for (r = 1; r <= 1000; r++)
			if ((keys[j], r) in v && (bk, r) in v && v[bk, r] != 0)
				x[++n] = v[keys[j], r] / v[bk, r]
		if (n < 6) continue
		# insertion sort: a row has tens of pairs
		for (a = 2; a <= n; a++) {
			t = x[a]
			for (b = a - 1; b >= 1 && x[b] > t; b--) x[b + 1] = x[b]
			x[b + 1] = t
		}
		med = n % 2 ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2
		k = ci_rank(n)
		lo = k ? x[k] : x[1]; hi = k ? x[n + 1 - k] : x[n]
		h = (hi - med > med - lo ? hi - med : med - lo) / med * 100
		printf "%s,%s,%s,%d,%.4g,%.4g,%.4g,%.1f\n", p[1], p[2], p[3], n, med, lo, hi, h
	}
}
