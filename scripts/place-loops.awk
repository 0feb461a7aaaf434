# usage: awk -v k=K -f scripts/place-loops.awk IN.s >OUT.s
#
# Moves every loop of a gcc or clang assembly file (x86-64, AT&T) to start
# at byte K of a 64-byte line: a label that a later conditional jump in the
# same function goes back to, whose alignment follows an unconditional jmp
# or a ret (past directives, labels and comments), so that the padding put
# in its place (.p2align 6, then K bytes of nops) is never run. Nothing else moves within the function but what
# follows the padding. Prints how many loops it moved to stderr.
# placement-study.sh runs it on the Google Benchmark drivers; the harness's
# place.c is the same rule (test_place checks they write the same text).
function flush_fn(   i, m, lab) {
	for (i in movable) {
		lab = substr(line[i], 1, length(line[i]) - 1)
		if (!(lab in back)) continue
		for (m = i - 1; line[m] ~ /^[ \t]*\.p2align/; m--) dropped[m] = 1
		moved_at[i] = 1
	}
	for (i = 1; i <= n; i++) {
		if (i in moved_at) {
			print "\t.p2align 6"
			if (k > 0) print "\t.nops " k
			moved++
		}
		if (!(i in dropped)) print line[i]
	}
	n = 0; delete line; delete back; delete seen; delete movable; delete dropped; delete moved_at
}
# a line that starts a function (a global label, not .L) ends the last
/^[A-Za-z_][A-Za-z0-9_.$]*:$/ { flush_fn() }
{
	line[++n] = $0
	if ($0 ~ /^\.L[A-Za-z0-9_]+:$/) {
		seen[substr($0, 1, length($0) - 1)] = 1
		# the alignment right above it, after a jmp or a ret
		j = n - 1
		while (j > 0 && line[j] ~ /^[ \t]*\.p2align/) j--
		while (j > 0 && (line[j] ~ /^[ \t]*[.#]/ || line[j] ~ /^[ \t]*$/)) j--
		if (j < n - 1 && line[n - 1] ~ /^[ \t]*\.p2align/ && j > 0 && line[j] ~ /^[ \t]*(jmp|ret)[ \t]?/) {
			movable[n] = 1
		}
	}
	if ($1 ~ /^j/ && $1 !~ /^jmp/ && ($2 in seen)) back[$2] = 1
}
END { flush_fn(); print "place-loops.awk: moved " moved + 0 " loops to byte " k >"/dev/stderr" }
