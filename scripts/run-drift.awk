# run-drift.awk: how a run's samples moved over its course. Reads raw.csv
# twice (awk -f scripts/csv.awk -f scripts/stats.awk -f
# scripts/run-drift.awk RAW RAW): the
# median of each row's ns/op samples, then the samples in the order they
# were taken, cut in twelfths, each twelfth the median of its samples'
# ratios to their row's median (1.00: as the row; 1.49: half again slower).
FNR == 1 { pass++; columns($0, col); next }
{ nf = fields($0, v) }
v[col["unit"]] != "ns/op" { next }
{ key = v[col["case"]] SUBSEP v[col["variant"]] SUBSEP v[col["toolchain"]] SUBSEP v[col["param"]] }
pass == 1 { s[key] = s[key] " " v[col["value"]]; n++; next }
pass == 2 { if (!(key in med)) med[key] = median_of(s[key])
	k++; part = int((k - 1) * 12 / n); r[part] = r[part] " " v[col["value"]] / med[key] }
END { for (p = 0; p < 12; p++) printf "%s%.2f", p ? " " : "", median_of(r[p]); printf "\n" }
