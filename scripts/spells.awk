# spells.awk: the tables of scripts/spells-study.sh from its phases.csv
# and probe.csv (awk -f scripts/stats.awk -f scripts/spells.awk
# OUT/phases.csv OUT/probe.csv), as that script's opening comment says.
BEGIN { FS = "," }
FNR == NR { nb++; from[nb] = $1; state[nb] = $2; next }
{
	t[++n] = $1; us[n] = $2
	if (n == 1 || $2 < best) best = $2
}
# the block a probe at seconds s fell in, 0 in a block's first second
function block_of(s,   b, k) {
	for (k = 1; k <= nb; k++) if (s >= from[k]) b = k
	return b && s >= from[b] + 1 ? b : 0
}
END {
	for (i = 1; i <= n; i++) {
		b = block_of(t[i])
		if (!b) continue
		s = state[b]; slow = us[i] >= 1.25 * best
		all[s] = all[s] " " us[i]; cnt[s]++; nslow[s] += slow
		ball[b] = ball[b] " " us[i]; bcnt[b]++; bslow[b] += slow
	}
	printf "fastest probe %.2f us; slow: 1.25 times it or more\n", best
	printf "%-5s %6s %9s %6s\n", "CPU 0", "probes", "median", "slow"
	split("idle busy", order, " ")
	for (k = 1; k <= 2; k++) {
		s = order[k]
		if (cnt[s]) printf "%-5s %6d %9.2f %6.3f\n", s, cnt[s], median_of(all[s]), nslow[s] / cnt[s]
	}
	printf "%6s %-5s %6s %9s %6s\n", "from", "CPU 0", "probes", "median", "slow"
	for (b = 1; b <= nb; b++)
		if (bcnt[b]) printf "%6d %-5s %6d %9.2f %6.3f\n", from[b], state[b], bcnt[b], median_of(ball[b]), bslow[b] / bcnt[b]
}
