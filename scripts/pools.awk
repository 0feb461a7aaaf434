# pools.awk: each pinned row of a run's raw.csv with min ns/op samples or
# more into a file of its own, dir/N.txt (one value a line, as taken),
# and its name and count into dir/names.txt, for scripts/stopping-study.sh:
# awk -f scripts/csv.awk -f scripts/pools.awk -v dir=OUT/pools -v min=90 RUN/raw.csv
NR == 1 { columns($0, col); next }
{ fields($0, v) }
v[col["unit"]] != "ns/op" || v[col["case"]] ~ /^(handles|parallel|threads)$/ { next }
{
	k = v[col["case"]] " " v[col["variant"]] " " v[col["param"]] " " v[col["toolchain"]]
	if (!(k in count)) order[++rows] = k
	vals[k, ++count[k]] = v[col["value"]]
}
END {
	for (r = 1; r <= rows; r++) {
		k = order[r]
		if (count[k] < min) continue
		f = dir "/" ++kept ".txt"
		for (i = 1; i <= count[k]; i++) print vals[k, i] >f
		close(f)
		print kept "," k "," count[k] >(dir "/names.txt")
	}
}
