#!/bin/sh
# usage: sh results/vm/precision/history-load/make.sh
#
# Writes this directory anew from the committed runs: the history of the
# 17 make bench runs of family 25 (docs/precision.md item 56), in the
# order they ran, and its charts of median, ratio and overhead.
set -eu
d=results/vm/precision/history-load
p=results/vm/precision
rm -f "$d/history.csv"
for r in f25-quiet-1 f25-busy-1 f25-quiet-2 short-quiet-1 short-busy-1 \
	short-quiet-2 align-quiet-1 align-busy-1 align-quiet-2 slow-quiet-1 \
	slow-quiet-2 slow-quiet-3 slow-quiet-4 slow-quiet-5 slow-quiet-6 \
	same-slow-1 same-slow-2; do
	build/cgobench history "$d/history.csv" "$p/$r"
done
for f in median ratio overhead; do
	build/cgobench history --chart "$d/$f.dat" --figure "$f" "$d/history.csv" \
		'call/go->c,call/go->c->go,call/c->go(cthread)'
	gnuplot -c scripts/history.gp "$d/$f.dat" "$d/$f" \
		"$(sed -n '1s/^# //p' "$d/$f.dat")" "$f"
done
