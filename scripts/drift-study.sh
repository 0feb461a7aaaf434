#!/bin/sh
# usage: sh scripts/drift-study.sh OUT [N] [TRIALS]
#
# Whether the spread between samples is the processes' or the machine's
# over time: for the call family's c->c(fnptr), TRIALS (default 3) times
# in turn, one process of N (default 30) repetitions of 0.1 s
# (--benchmark_repetitions) and N fresh processes of one run of 0.1 s,
# pinned to the last CPU. Writes OUT/drift.csv
# (trial,way,sample,ns_per_op) and OUT/machine.txt, and prints each
# trial's median and middle half (q1 to q3, in % of the median) each way;
# docs/precision.md reads them. Run from the top of the repository after a
# run of the call family (its c.bench).
set -eu
. scripts/gbench.sh
out=${1:?usage: sh scripts/drift-study.sh OUT [N] [TRIALS]}
n=${2:-30}
trials=${3:-3}
for v in "$n" "$trials"; do
	case $v in '' | *[!0-9]*) echo "drift-study: N and TRIALS must be numbers, not '$v'" >&2; exit 2 ;; esac
done
tc=$(go env GOVERSION)
bin=build/$tc-$(go env GOARCH)-gcc/call/c.bench
[ -x "$bin" ] || { echo "drift-study: no $bin (run 'build/cgobench run --cases call' first)" >&2; exit 2; }
cpu=$(($(nproc) - 1))
sh scripts/study-machine.sh "$out" "$cpu"
csv=$out/drift.csv
printf 'trial,way,sample,ns_per_op\n' >"$csv"
filter=$(gb_filter 'c->c(fnptr)')
for t in $(seq 1 "$trials"); do
	taskset -c "$cpu" "$bin" --benchmark_filter="$filter" --benchmark_min_time=0.1 \
		--benchmark_repetitions="$n" --benchmark_format=json 2>/dev/null | gb_real_times |
		awk -v t="$t" '{ printf "%d,one process,%d,%s\n", t, NR, $1 }' >>"$csv"
	for i in $(seq 1 "$n"); do
		ns=$(taskset -c "$cpu" "$bin" --benchmark_filter="$filter" --benchmark_min_time=0.1 \
			--benchmark_format=json 2>/dev/null | gb_real_times)
		printf '%d,fresh processes,%d,%s\n' "$t" "$i" "$ns" >>"$csv"
	done
done
echo "drift-study: wrote $csv" >&2
printf '%-7s %-16s %8s %12s\n' trial way median 'middle half'
awk -F, -f scripts/stats.awk -f - "$csv" <<'EOF' | sort -n
NR > 1 { k = $1 "," $2; v[k] = v[k] " " $4; keys[k] = 1 }
END { for (k in keys) { m = split(v[k], a, " "); sort_numeric(a, m); split(k, p, ",")
		printf "%-7s %-16s %8.3f %11.1f%%\n", p[1], p[2], quantile(a, m, 0.5),
			100 * (quantile(a, m, 0.75) - quantile(a, m, 0.25)) / quantile(a, m, 0.5) } }
EOF
