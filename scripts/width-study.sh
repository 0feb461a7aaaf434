#!/bin/sh
# usage: sh scripts/width-study.sh RUN RUN...
#
# How far a pinned row moves between runs of the same code, against the
# width of its intervals (docs/precision.md item 68). For every pair of
# the RUNs (old before new, in the order given) and every row of ns/op
# that both summary.csv files give, of a family pinned to one CPU
# (machine.txt's `unpinned:` names the others): how far it moved, the
# log of new over old median less the pair's common shift (the median of
# those logs), and its width, the two runs' half-widths of the interval
# as fractions of the median, sqrt(a^2 + b^2). The rows of all pairs are
# cut in five equal parts by width, a line each: the widths, the median
# and 95th percentile of how far they moved, the median of how far each
# moved over its width (a row of no width counts 0), how many moved
# beyond 3 times their pair's robust sd (1.4826 times the median of
# |moved|: what compare's runs apart allows a row, item 37), and how
# many of those the two intervals do not separate. Run from the top of
# the repository.
set -eu
[ $# -ge 2 ] || { echo "usage: sh scripts/width-study.sh RUN RUN..." >&2; exit 2; }
for r in "$@"; do
	for f in summary.csv machine.txt; do
		[ -f "$r/$f" ] || { echo "width-study: no $r/$f" >&2; exit 1; }
	done
done
lib="-f scripts/csv.awk -f scripts/stats.awk"
rows=$(mktemp)
trap 'rm -f "$rows"' EXIT
# one pair, I J OLD NEW: a line a row into $rows: width, moved, beyond
# 3 sd, intervals apart
pair() {
	awk $lib -v fams="$(unpinned "$3"),$(unpinned "$4")" -f /dev/stdin \
		"$3/summary.csv" "$4/summary.csv" >>"$rows" <<'EOF'
BEGIN { n = split(fams, l, ","); for (k = 1; k <= n; k++) on[l[k]] = 1 }
FNR == 1 { side++; columns($0, col); next }
{ fields($0, f) }
f[col["unit"]] != "ns/op" || on[f[col["case"]]] || !(f[col["median"]] > 0) { next }
{
	key = f[col["case"]] SUBSEP f[col["variant"]] SUBSEP f[col["toolchain"]] SUBSEP f[col["cc"]] SUBSEP f[col["param"]]
	m[side, key] = f[col["median"]] + 0; lo[side, key] = f[col["ci_low"]] + 0; hi[side, key] = f[col["ci_high"]] + 0
	if (side == 2 && ((1, key) in m)) keys[++nk] = key
}
END {
	for (k = 1; k <= nk; k++) { x = keys[k]; lr[k] = log(m[2, x] / m[1, x]); s[k] = lr[k] }
	sort_numeric(s, nk); shift = quantile(s, nk, 0.5)
	for (k = 1; k <= nk; k++) { d[k] = lr[k] - shift; ad[k] = d[k] < 0 ? -d[k] : d[k] }
	for (k = 1; k <= nk; k++) s[k] = ad[k]
	sort_numeric(s, nk); sd = 1.4826 * quantile(s, nk, 0.5)
	for (k = 1; k <= nk; k++) {
		x = keys[k]
		wa = (hi[1, x] - lo[1, x]) / 2 / m[1, x]; wb = (hi[2, x] - lo[2, x]) / 2 / m[2, x]
		apart = hi[1, x] < lo[2, x] || hi[2, x] < lo[1, x]
		printf "%.6g %.6g %d %d\n", sqrt(wa * wa + wb * wb), ad[k], (ad[k] > 3 * sd), apart
	}
}
EOF
}
. scripts/study-lib.sh
each_pair pair "$@"
sort -g -o "$rows" "$rows"
awk $lib -f /dev/stdin "$rows" <<'EOF'
{ w[NR] = $1; mv[NR] = $2; beyond[NR] = $3; apart[NR] = $4 }
END {
	if (NR < 5) {
		printf "width-study: %d pinned rows in common, want 5 or more\n", NR > "/dev/stderr"
		exit 1
	}
	printf "width\trows\tmoved-median\tmoved-p95\tmoved/width\tbeyond-3sd\tof-them-apart\n"
	for (p = 0; p < 5; p++) {
		a = int(p * NR / 5) + 1; b = int((p + 1) * NR / 5)
		split("", s); split("", r); n = 0; c = 0; ca = 0
		for (k = a; k <= b; k++) {
			s[++n] = mv[k]; r[n] = w[k] > 0 ? mv[k] / w[k] : 0
			c += beyond[k]; ca += beyond[k] && apart[k]
		}
		sort_numeric(s, n); sort_numeric(r, n)
		printf "%.2f-%.2f%%\t%d\t%.3f%%\t%.3f%%\t%.2f\t%d\t%d\n", 100 * w[a], 100 * w[b], n,
			100 * quantile(s, n, 0.5), 100 * quantile(s, n, 0.95), quantile(r, n, 0.5), c, ca
	}
}
EOF
