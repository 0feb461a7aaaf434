#!/bin/sh
# usage: sh scripts/interval-study.sh RUN...
#
# How the median's interval of each run's pinned rows (ns/op, every family
# but handles, parallel and threads) compares as its summary.csv wrote it
# and as this build's cgobench computes it again from the same raw.csv
# (`cgobench compare RUN/raw.csv RUN/raw.csv`): per run, the rows within
# +-3% and +-5% and the median row's half-width, for docs/precision.md.
# Run from the top of the repository after `make`.
set -eu
[ $# -gt 0 ] || { echo "usage: sh scripts/interval-study.sh RUN..." >&2; exit 2; }
[ -x build/cgobench ] || { echo "interval-study: no build/cgobench (run 'make' first)" >&2; exit 2; }
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.err"' EXIT
printf '%-28s %-26s %-26s\n' run "written: 3% / 5% / median" "again: 3% / 5% / median"
for run in "$@"; do
	[ -f "$run/raw.csv" ] && [ -f "$run/summary.csv" ] ||
		{ echo "interval-study: $run has no raw.csv and summary.csv" >&2; exit 2; }
	# (its warning that the two are one run is what the study wants)
	build/cgobench compare --format csv -- "$run/raw.csv" "$run/raw.csv" >"$tmp" 2>"$tmp.err" ||
		{ cat "$tmp.err" >&2; exit 2; }
	# the half-width of the interval in % of the median, of each pinned
	# ns/op row: from summary.csv (ci_low, ci_high), then from compare's
	# csv (old_ci_low, old_ci_high of the value rows)
	awk -v run="$run" -f scripts/csv.awk -f scripts/stats.awk -f - "$run/summary.csv" "$tmp" <<'EOF'
	function col(name,   i) { for (i = 1; i <= nf; i++) if (v[i] == name) return i; return 0 }
	function half(m, lo, hi) { return (hi - m > m - lo ? hi - m : m - lo) / m * 100 }
	function report(h, n,   i, a, b) {
		for (i = 1; i <= n; i++) { a += h[i] <= 3; b += h[i] <= 5 }
		sort_numeric(h, n)
		return sprintf("%d / %d of %d, +-%.2f%%", a, b, n, quantile(h, n, 0.5))
	}
	{ nf = fields($0, v) }
	FNR == 1 { file++; c = col("case"); u = col("unit"); m = col(file == 1 ? "median" : "old_median")
		lo = col(file == 1 ? "ci_low" : "old_ci_low"); hi = col(file == 1 ? "ci_high" : "old_ci_high")
		mt = col("metric"); va = col("variant"); pa = col("param"); next }
	v[c] == "handles" || v[c] == "parallel" || v[c] == "threads" || v[u] != "ns/op" { next }
	file == 2 && v[mt] != "value" { next }
	# summary.csv holds a crossing once for each baseline it is set against
	seen[file, v[c], v[va], v[pa]]++ { next }
	file == 1 { w[++nw] = half(v[m], v[lo], v[hi]) }
	file == 2 { g[++ng] = half(v[m], v[lo], v[hi]) }
	END { printf "%-28s %-26s %-26s\n", run, report(w, nw), report(g, ng) }
EOF
done
