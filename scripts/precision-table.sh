#!/bin/sh
# usage: sh scripts/precision-table.sh OUT
#
# The table of docs/precision.md from what scripts/precision-study.sh
# wrote in OUT: for each trial and benchmark, go test's and cgobench's
# interval half-width h (in % of the median, the larger side) and seconds
# of measuring t, and cgobench's precision per second, 1 / (h^2 t), over
# go test's. Both intervals are computed here the way cgobench computes
# a median's (harness/stats.c: the order statistics that cover 95%,
# interpolated with the next pair in), from go test's 10 samples and from
# the samples in cgobench's raw.csv; go test's t is its process's wall
# time, cgobench's n times the mean wall time of a sample's process. A
# benchmark is a row of OUT/family.txt's family (call where a study
# from before that file has none): 'go->c', or 'cgo.Handle/goroutines=2'
# (raw.csv's variant and param).
set -eu
out=${1:?usage: sh scripts/precision-table.sh OUT}
[ -f "$out/seconds.tsv" ] || { echo "precision-table: no $out/seconds.tsv (run scripts/precision-study.sh first)" >&2; exit 2; }
fam=call
[ -f "$out/family.txt" ] && fam=$(cat "$out/family.txt")
rows=$(mktemp)
trap 'rm -f "$rows"' EXIT
printf 'trial\tbenchmark\tgo test h%%\tgo test s\tcgobench h%%\tcgobench s\tratio\n'
for t in $(sed -n 's/^[^\t]*\t\([0-9]*\)\t.*/\1/p' "$out/seconds.tsv" | sort -nu); do
	each=$(sed -n 's/^sample-seconds: //p' "$out/harness-$t/machine.txt")
	awk -v t="$t" -v each="$each" -v fam="$fam" -F '\t' -f "$(dirname "$0")/csv.awk" \
		-f "$(dirname "$0")/stats.awk" -f - \
		FS='\t' "$out/seconds.tsv" FS='[ \t]+' "$out/gotest-$t.txt" \
		FS=',' "$out/harness-$t/raw.csv" >"$rows" <<'EOF'
	# seconds.tsv: the wall time of each go test process
	FILENAME ~ /\/seconds\.tsv$/ { if ($2 == t) secs[$1] = $3; next }
	# go test: "BenchmarkTOP/NAME[-CPUS]  N  X ns/op", ten of each
	FILENAME ~ /\/gotest-[0-9]+\.txt$/ {
		split($0, w, /[ \t]+/)
		if (w[1] !~ /^Benchmark[A-Za-z]*\// || w[4] != "ns/op") next
		b = w[1]; sub(/^[^\/]*\//, "", b); sub(/-[0-9]+$/, "", b)
		vals[b, ++n[b]] = w[3]
		next
	}
	# raw.csv: the samples of cgobench, columns by name (a quoted
	# param may hold commas: csv.awk)
	FNR == 1 { columns($0, col); next }
	fields($0, v) && v[col["case"]] == fam && v[col["unit"]] == "ns/op" {
		b = bench_name(v, col)
		if (b in secs) cg[b, ++cn[b]] = v[col["value"]]
	}
	function max(a, b) { return a > b ? a : b }
	# the coverage of the k-th smallest to the k-th largest of n samples
	function cover(n, k,   i, c, p) {
		p = 2 ^ -n
		for (i = 0; i < k; i++) { c += p; p = p * (n - i) / (i + 1) }
		return 1 - 2 * c
	}
	# the half-width, in % of the median, of the 95% interval of the
	# median of the k values in v (sorted here)
	function half(v, k,   med, r, lo, hi, g0, g1, f, lam) {
		sort_numeric(v, k)
		med = quantile(v, k, 0.5)
		for (r = 0; 2 * (r + 1) <= k + 1 && cover(k, r + 1) >= 0.95; r++) ;
		if (r == 0) return 100 * max(med - v[1], v[k] - med) / med
		lo = v[r]; hi = v[k + 1 - r]
		if (2 * r + 1 <= k) {
			g0 = cover(k, r); g1 = cover(k, r + 1)
			f = (g0 - 0.95) / (g0 - g1); lam = (k - r) * f / (r + (k - 2 * r) * f)
			lo += lam * (v[r + 1] - v[r]); hi -= lam * (v[k + 1 - r] - v[k - r])
		}
		return 100 * max(med - lo, hi - med) / med
	}
	END {
		for (b in secs) {
			if (!n[b] || !cn[b]) {
				printf "precision-table: trial %s: no samples of %s in %s\n", t, b,
					n[b] ? "harness-" t "/raw.csv" : "gotest-" t ".txt" >"/dev/stderr"
				exit 1
			}
			split("", v); for (i = 1; i <= n[b]; i++) v[i] = vals[b, i] + 0
			gh = half(v, n[b])
			split("", v); for (i = 1; i <= cn[b]; i++) v[i] = cg[b, i] + 0
			cg_h = half(v, cn[b]); cg_s = cn[b] * each
			r = (1 / (cg_h ^ 2 * cg_s)) / (1 / (gh ^ 2 * secs[b]))
			printf "%s\t%s\t%.1f\t%.1f\t%.1f\t%.1f\t%.2f\n", t, b, gh, secs[b], cg_h, cg_s, r
		}
	}
EOF
	sort -k2,2 "$rows"
done
