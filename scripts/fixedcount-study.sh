#!/bin/sh
# usage: sh scripts/fixedcount-study.sh OUT [N]
#
# Whether a Go sample may skip go test's ramp-up: N (default 30) pairs of
# fresh processes of five Go benchmarks (call's go->go, go->c, go->c->go;
# data's view and GoBytes, cgocheck=1), one with -test.benchtime=0.1s as
# cgobench runs them and one with a fixed count (-test.benchtime=Kx, K the
# iterations of 0.1 s from a first process), in turn, pinned to the last
# CPU with GOMAXPROCS=1. Writes OUT/fixedcount.csv
# (benchmark,mode,pair,wall_s,iters,ns_per_op,bytes_per_op) and
# OUT/machine.txt, and prints each benchmark's medians and in how many
# pairs the fixed count ran slower; docs/precision.md reads them. Run from
# the top of the repository after a run of call and data (their go.test).
set -eu
out=${1:?usage: sh scripts/fixedcount-study.sh OUT [N]}
n=${2:-30}
case $n in '' | *[!0-9]*) echo "fixedcount-study: N must be a number, not '$n'" >&2; exit 2 ;; esac
tc=$(go env GOVERSION)
dir=build/$tc-$(go env GOARCH)-gcc
for f in call data; do
	[ -x "$dir/$f/go.test" ] || { echo "fixedcount-study: no $dir/$f/go.test (run 'build/cgobench run --cases call,data' first)" >&2; exit 2; }
done
cpu=$(($(nproc) - 1))
top=$(pwd)
sh scripts/study-machine.sh "$out" "$cpu"
csv=$out/fixedcount.csv
printf 'benchmark,mode,pair,wall_s,iters,ns_per_op,bytes_per_op\n' >"$csv"

# one process of family $1's benchmark $2 with -test.benchtime=$3:
# "wall iters ns/op B/op"
one() {
	start=$(date +%s.%N)
	line=$(cd "cases/$1" && GOMAXPROCS=1 taskset -c "$cpu" "$top/$dir/$1/go.test" \
		-test.run='^$' -test.bench="$2" -test.benchtime="$3" \
		-test.count=1 -test.benchmem | grep ' ns/op')
	end=$(date +%s.%N)
	echo "$line" | awk -v s="$start" -v e="$end" \
		'{ for (i = 2; i < NF; i++) { if ($(i+1) == "ns/op") ns = $i; if ($(i+1) == "B/op") b = $i }
		   printf "%.3f %s %s %s\n", e - s, $2, ns, b }'
}

for spec in 'call go->go' 'call go->c' 'call go->c->go' \
	'data view/cgocheck=1' 'data GoBytes/cgocheck=1'; do
	fam=${spec%% *} name=${spec#* }
	case $fam in call) top_name=Call ;; data) top_name=Data ;; esac
	# each level of the name matched whole: ^BenchmarkData$/^view$/^cgocheck=1$
	pattern=$(printf '%s\n' "$name" | awk -F/ -v t="$top_name" \
		'{ s = "^Benchmark" t "$"; for (i = 1; i <= NF; i++) s = s "/^" $i "$"; print s }')
	k=$(one "$fam" "$pattern" 0.1s | awk '{ printf "%d", 0.1e9 / $3 }')
	for i in $(seq 1 "$n"); do
		for mode in 0.1s "${k}x"; do
			set -- $(one "$fam" "$pattern" "$mode")
			printf '%s,%s,%d,%s,%s,%s,%s\n' "$name" \
				"$( [ "$mode" = 0.1s ] && echo ramp || echo fixed)" \
				"$i" "$1" "$2" "$3" "$4" >>"$csv"
		done
	done
done
echo "fixedcount-study: wrote $csv" >&2
# per benchmark: median wall and ns/op of each mode, pairs where fixed ran slower
awk -F, -f scripts/stats.awk -f - "$csv" <<'EOF'
NR > 1 { k = $1 SUBSEP $2; w[k] = w[k] " " $4; v[k] = v[k] " " $6
	if ($2 == "ramp") r[$1, $3] = $6; else f[$1, $3] = $6; names[$1] = 1 }
END { printf "%-22s %10s %10s %12s %12s %s\n", "benchmark", "wall ramp", "wall fixed", "ns/op ramp", "ns/op fixed", "fixed slower"
	for (b in names) { slow = 0; pairs = 0
		for (key in r) { split(key, p, SUBSEP); if (p[1] == b && (b, p[2]) in f) { pairs++; slow += f[b, p[2]] > r[key] } }
		printf "%-22s %10.3f %10.3f %12.2f %12.2f %d of %d\n", b, median_of(w[b, "ramp"]), median_of(w[b, "fixed"]),
			median_of(v[b, "ramp"]), median_of(v[b, "fixed"]), slow, pairs } }
EOF
