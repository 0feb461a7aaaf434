# usage: awk -F, -f scripts/stats.awk -f scripts/placement.awk OUT/heads.csv OUT/placement.csv
#
# placement-study.sh's table: each loop's median and the middle half of its
# fresh processes (IQR over the median) in each build, with the byte of its
# 64-byte line the loop starts at in that build.
NR == FNR { if (FNR > 1) head[$1 "," $2] = $3; next }
FNR > 1 {
	k = $1 "," $2
	v[k] = v[k] " " $4
	if (!(k in seen)) { seen[k] = 1; keys[++nk] = k }
}
END {
	printf "%-20s %-9s %5s %9s %9s\n", "benchmark", "build", "head", "median", "IQR/med"
	for (i = 1; i <= nk; i++) {
		m = split(substr(v[keys[i]], 2), a, " ")
		sort_numeric(a, m)
		med = quantile(a, m, 0.5)
		split(keys[i], kb, ",")
		printf "%-20s %-9s %5s %8.3f %8.1f%%\n", kb[1], kb[2], head[keys[i]], med,
			100 * (quantile(a, m, 0.75) - quantile(a, m, 0.25)) / med
	}
}
