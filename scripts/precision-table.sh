#!/bin/sh
# usage: sh scripts/precision-table.sh OUT
#
# The table of docs/precision.md from what scripts/precision-study.sh
# wrote in OUT: for each trial and benchmark, go test's and cgobench's
# interval half-width h (in % of the median, the larger side) and seconds
# of measuring t, and cgobench's precision per second, 1 / (h^2 t), over
# go test's. go test's interval is the 2nd and 9th of its 10 samples (the
# order statistics cgobench takes for n=10); its t is its process's wall
# time; cgobench's t is n times the mean wall time of a sample's process.
set -eu
out=${1:?usage: sh scripts/precision-table.sh OUT}
[ -f "$out/seconds.tsv" ] || { echo "precision-table: no $out/seconds.tsv (run scripts/precision-study.sh first)" >&2; exit 2; }
printf 'trial\tbenchmark\tgo test h%%\tgo test s\tcgobench h%%\tcgobench s\tratio\n'
for t in $(sed -n 's/^[^\t]*\t\([0-9]*\)\t.*/\1/p' "$out/seconds.tsv" | sort -nu); do
	each=$(sed -n 's/^sample-seconds: //p' "$out/harness-$t/machine.txt")
	awk -v t="$t" -v each="$each" -F '\t' '
	# seconds.tsv: the wall time of each go test process
	FILENAME ~ /\/seconds\.tsv$/ { if ($2 == t) secs[$1] = $3; next }
	# go test: "BenchmarkCall/NAME  N  X ns/op", ten of each
	FILENAME ~ /\/gotest-[0-9]+\.txt$/ {
		split($0, w, /[ \t]+/)
		if (w[1] !~ /^BenchmarkCall\//) next
		b = substr(w[1], 15); sub(/-[0-9]+$/, "", b)
		vals[b, ++n[b]] = w[3]
		next
	}
	# summary.csv: cgobench rows, columns by name
	FNR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	$col["case"] == "call" && $col["unit"] == "ns/op" && $col["variant"] in secs {
		b = $col["variant"]; m = $col["median"]
		h = 100 * max(m - $col["ci_low"], $col["ci_high"] - m) / m
		cg_h[b] = h; cg_s[b] = $col["n"] * each
	}
	function max(a, b) { return a > b ? a : b }
	END {
		for (b in secs) {
			k = n[b]
			for (i = 1; i <= k; i++) v[i] = vals[b, i] + 0
			for (i = 2; i <= k; i++)	# insertion sort
				for (j = i; j > 1 && v[j - 1] > v[j]; j--) { x = v[j]; v[j] = v[j - 1]; v[j - 1] = x }
			med = (v[int((k + 1) / 2)] + v[int(k / 2) + 1]) / 2
			gh = 100 * max(med - v[2], v[k - 1] - med) / med
			r = (1 / (cg_h[b] ^ 2 * cg_s[b])) / (1 / (gh ^ 2 * secs[b]))
			printf "%s\t%s\t%.1f\t%.1f\t%.1f\t%.1f\t%.2f\n", t, b, gh, secs[b], cg_h[b], cg_s[b], r
		}
	}' FS='\t' "$out/seconds.tsv" FS='[ \t]+' "$out/gotest-$t.txt" FS=',' "$out/harness-$t/summary.csv" | sort -k2,2
done
