# rounds.awk: how a run's pinned samples differ with their round. Reads
# raw.csv (awk -f scripts/csv.awk -f scripts/stats.awk -f
# scripts/rounds.awk RUN/raw.csv). First, for the first 8 rounds, the
# median over the pinned rows of a round's sample against its row's
# median ("round 1 0.998": the first round ran as the rows do). Then each
# pinned row with 30 samples or more: the median of its rounds 1 to 8
# and of 9 to 30, how far apart they are, and the correlation of each
# sample's log with the next one's in rounds 1 to 8 (a round of every row
# between them) and from 9 on (rounds of a few rows: seconds apart); and
# the gap between the two medians when the same 30 samples are dealt out
# in random order (400 times, the same in every awk), as chance alone
# would give it, with the share of those the row's own gap exceeds.
# The contended families (handles, parallel, threads) are left out.
FNR == 1 { columns($0, col); next }
{ nf = fields($0, v) }
v[col["unit"]] != "ns/op" { next }
v[col["case"]] ~ /^(handles|parallel|threads)$/ { next }
{
	key = v[col["case"]] " " v[col["variant"]] " " v[col["param"]] " " \
	      v[col["toolchain"]]
	rep = v[col["rep"]] + 0
	if (!(key in n)) order[++rows] = key
	n[key]++; val[key, rep] = v[col["value"]]; all[key] = all[key] " " v[col["value"]]
	if (rep > last[key]) last[key] = rep
}
# lag1(key, from, to): the correlation of log(x[r]) with log(x[r+1]) over
# the reps from..to that key has
function lag1(key, from, to,   r, m, xs, ys, c) {
	m = 0
	for (r = from; r < to; r++)
		if ((key, r) in val && (key, r + 1) in val) {
			m++; xs[m] = log(val[key, r]); ys[m] = log(val[key, r + 1])
		}
	c = correlation(xs, ys, m)
	return c == "" ? "-" : sprintf("%.2f", c)
}
# part(key, from, to): the space-separated values of reps from..to
function part(key, from, to,   r, s) {
	for (r = from; r <= to; r++) if ((key, r) in val) s = s " " val[key, r]
	return s
}
# gap(x): |median of x[9..30] / median of x[1..8] - 1|, x[1..30] a
# row's values in their order
function gap(x,   r, a, b) {
	for (r = 1; r <= 30; r++) if (r <= 8) a = a " " x[r]; else b = b " " x[r]
	return sqrt((median_of(b) / median_of(a) - 1) ^ 2)
}
# chance(key): the median gap over 400 shuffles of key's first 30
# samples; sets beaten to the share of them below key's own gap
function chance(key,   x, m, r, t, j, g, own, below, gs) {
	for (r = 1; r <= last[key] && m < 30; r++)
		if ((key, r) in val) x[++m] = val[key, r]
	own = gap(x); below = 0; gs = ""
	for (t = 1; t <= 400; t++) {
		for (r = 30; r > 1; r--) {
			seed = seed * 16807 % 2147483647 # Park and Miller's
			j = 1 + seed % r; g = x[r]; x[r] = x[j]; x[j] = g
		}
		g = gap(x); gs = gs " " g; below += g < own
	}
	beaten = below / 400
	return median_of(gs)
}
END {
	seed = 1 # the same shuffles in every awk, every time
	for (i = 1; i <= rows; i++) med[order[i]] = median_of(all[order[i]])
	for (r = 1; r <= 8; r++) {
		s = ""
		for (i = 1; i <= rows; i++)
			if ((order[i], r) in val)
				s = s " " val[order[i], r] / med[order[i]]
		if (s != "") printf "round %d %.3f\n", r, median_of(s)
	}
	for (i = 1; i <= rows; i++) {
		k = order[i]
		if (n[k] < 30) continue
		e = median_of(part(k, 1, 8)); l = median_of(part(k, 9, 30))
		c = chance(k)
		printf "%s: n %d, rounds 1-8 %.4g, 9-30 %.4g (%+.1f%%), next-sample correlation %s and %s, by chance %.1f%% (beaten %.2f)\n", \
		       k, n[k], e, l, (l / e - 1) * 100, lag1(k, 1, 8), lag1(k, 9, last[k]), c * 100, beaten
	}
}
