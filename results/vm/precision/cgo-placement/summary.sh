#!/bin/sh
# usage: sh summary.sh TIMES.csv...: each build's fastest, tenth and median sample of each benchmark, in ns/op
set -eu
for f in "$@"; do
	echo "$f"
	for bn in 'go->c(batch)/n=128' 'go->c(batch)/n=1024' 'go->c->go(batch)/n=128'; do
		for v in A B C D; do
			awk -F, -v v="$v" -v bn="$bn" '$2 == v && $3 == bn { print $4 }' "$f" | sort -n |
				awk -v v="$v" -v bn="$bn" '{ x[NR] = $1 } END { printf "  %-24s %s  fastest %7.0f  tenth %7.0f  median %7.0f  (n %d)\n", bn, v, x[1], x[int(NR / 10) + 1], x[int((NR + 1) / 2)], NR }'
		done
	done
done
