#!/bin/sh
# usage: sh scripts/count-study.sh OUT [N] [P]
#
# How often callgrind's count of a timed loop goes astray: N (default 100)
# fresh processes, P (default 2) at a time, of the test family slow's go->c
# built with its extra work (integration's counted run, 200000 ops), each
# under valgrind with the zero and dump triggers of callgrind_argv
# (harness/callgrind.c). Writes OUT/dumps.csv (turn,dump,trigger,ir), one
# row a dump, "end" for the dump at the program's end, and OUT/machine.txt;
# prints how many takes had a dump layout other than the usual four, and
# the spread of the largest dump, the count the harness reads.
# docs/precision.md (item 30) reads them. Run from the top of the
# repository; needs valgrind and Go.
set -eu
out=${1:?usage: sh scripts/count-study.sh OUT [N] [P]}
n=${2:-100}
p=${3:-2}
for v in "$n" "$p"; do
	case $v in '' | *[!0-9]*) echo "count-study: N and P must be numbers, not '$v'" >&2; exit 2 ;; esac
done
command -v valgrind >/dev/null || { echo "count-study: valgrind is not installed" >&2; exit 2; }
sh scripts/study-machine.sh "$out" none
top=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd harness/tests/cases/slow && CGO_CFLAGS="-O2 -g -DCGOBENCH_EXTRA_WORK" \
	go test -c -o "$work/slow.test" .)

# one take: turn $1's dumps as CSV rows
take() {
	d=$work/t$1
	mkdir -p "$d"
	(cd "$top/harness/tests/cases/slow" && GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1,cpu.rdtscp=off \
		valgrind --tool=callgrind --callgrind-out-file="$d/cg.out" \
		'--zero-before=testing.(*B).StartTimer' '--dump-before=testing.(*B).StopTimer' \
		"$work/slow.test" -test.run='^$' '-test.bench=^BenchmarkSlow$/^go->c$' \
		-test.benchtime=200000x -test.count=1 -test.benchmem -test.v >"$d/out" 2>"$d/err")
	for f in "$d"/cg.out*; do
		dump=${f##*/cg.out}
		dump=${dump#.}
		awk -v t="$1" -v dump="${dump:-end}" \
			'/^desc: Trigger:/ { sub(/^desc: Trigger: /, ""); trig = $0 }
			 /^totals:/ { ir = $2 }
			 END { printf "%s,%s,%s,%s\n", t, dump, trig == "Program termination" ? "end" : "StopTimer", ir }' "$f"
	done >"$d.csv"
	rm -rf "$d"
}

printf 'turn,dump,trigger,ir\n' >"$out/dumps.csv"
i=1
while [ "$i" -le "$n" ]; do
	j=0
	while [ "$j" -lt "$p" ] && [ "$i" -le "$n" ]; do
		take "$i" &
		i=$((i + 1))
		j=$((j + 1))
	done
	wait
done
i=1
while [ "$i" -le "$n" ]; do
	sort -t, -k2,2n "$work/t$i.csv" >>"$out/dumps.csv"
	i=$((i + 1))
done
cat >"$work/sum.awk" <<'AWK'
NR > 1 { n[$1]++; if ($4 + 0 > big[$1]) big[$1] = $4 + 0 }
END {
	for (t in n) { turns++; if (n[t] != 5) odd++; v[turns] = big[t] }
	sort_numeric(v, turns)
	m = quantile(v, turns, 0.5)
	printf "%d takes, %d with other than 4 numbered dumps and the end\n", turns, odd
	printf "largest dump: median %d, from %+.2f%% to %+.2f%% of it\n", m, (v[1] - m) / m * 100, (v[turns] - m) / m * 100
}
AWK
awk -F, -f scripts/stats.awk -f "$work/sum.awk" "$out/dumps.csv"
