#!/bin/sh
# usage: sh summary.sh DIR: for each file of DIR (KIND-ROUND.txt, a line a
# sample: ns/op of go->go, c->c and go->c), the median of go->c and of
# go->c over c->c, their middle half's width and the 95% interval's
# half-width of the median (the widest pair of order statistics that
# covers 95%), both in % of the median
set -eu
echo "file     go->c ns  iqr%  +-h%    ratio  iqr%  +-h%"
for f in "$1"/*.txt; do
	k=$(basename "$f" .txt)
	for col in 3 r; do
		awk -v c="$col" '{ print (c == "r" ? $3 / $2 : $c) }' "$f" | sort -g |
			awk '{ v[NR] = $1 }
			END {
				n = NR; m = n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
				# P(X < j) for X ~ Binomial(n, 1/2), by logs
				j = 0; tail = 0
				for (i = 0; i <= n / 2; i++) {
					lp = 0
					for (t = 1; t <= i; t++) lp += log((n - t + 1) / t)
					tail += exp(lp - n * log(2))
					if (1 - 2 * tail >= 0.95) j = i + 1
				}
				lo = v[j]; hi = v[n + 1 - j]
				h = (m - lo > hi - m ? m - lo : hi - m) / m * 100
				printf "%.3f %.1f %.1f ", m, (v[int(3 * n / 4) + 1] - v[int(n / 4) + 1]) / m * 100, h
			}'
	done | awk -v k="$k" '{ printf "%-8s %8.2f %6.1f %6.1f %8.2f %6.1f %6.1f\n", k, $1, $2, $3, $4, $5, $6 }'
done
