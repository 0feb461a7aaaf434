#!/bin/sh
# usage: sh summary.sh TIMES.csv...: each build's fastest, first quartile, median and third quartile sample of each
# benchmark in ns/op, and the median of after/before over the rounds (each round runs both in turn)
set -eu
for f in "$@"; do
	echo "$f"
	awk -F, 'NR > 1 && $4 != "" { print $3 }' "$f" | sort -u | while IFS= read -r bn; do
		for v in before after; do
			awk -F, -v v="$v" -v bn="$bn" '$2 == v && $3 == bn && $4 != "" { print $4 }' "$f" | sort -n |
				awk -v v="$v" -v bn="$bn" '{ x[NR] = $1 } END { printf "  %-28s %-6s  fastest %8.2f  q1 %8.2f  median %8.2f  q3 %8.2f  (n %d)\n", bn, v, x[1], x[int((NR - 1) / 4) + 1], (x[int((NR + 1) / 2)] + x[int(NR / 2) + 1]) / 2, x[int(3 * (NR - 1) / 4) + 1], NR }'
		done
		awk -F, -v bn="$bn" '$3 == bn && $4 != "" { t[$1, $2] = $4; r[$1] = 1 } END { for (k in r) if ((k, "before") in t && (k, "after") in t) print t[k, "after"] / t[k, "before"] }' "$f" | sort -n |
			awk -v bn="$bn" '{ x[NR] = $1 } END { printf "  %-28s after/before, paired by round: median %.3f  [q1 %.3f, q3 %.3f]\n", bn, (x[int((NR + 1) / 2)] + x[int(NR / 2) + 1]) / 2, x[int((NR - 1) / 4) + 1], x[int(3 * (NR - 1) / 4) + 1] }'
	done
done
