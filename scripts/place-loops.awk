# usage: awk -v k=K -f scripts/place-loops.awk IN.s >OUT.s
#
# Moves every loop of a gcc or clang assembly file (x86-64, AT&T) to start
# at byte K of a 64-byte line: a label with alignment right above it that
# a later conditional jump in the same function goes back to. Its
# alignment gives way to .p2align 6, then K bytes of nops; where the code
# before falls into the loop (the last instruction before the alignment,
# past directives, labels and comments, is not a jmp or a ret), a jmp to
# the label goes first, so that the padding is never run. Nothing else
# moves within the function but what follows the padding. Prints how many
# loops it moved to stderr.
# placement-study.sh runs it on the Google Benchmark drivers; the harness's
# place.c is the same rule (test_place checks they write the same text).
# the name of the label that starts line s (clang may follow it with a comment)
function label(s) { sub(/:.*/, "", s); return s }
function flush_fn(   i, m, lab) {
	for (i in movable) {
		lab = label(line[i])
		if (!(lab in back)) continue
		for (m = i - 1; line[m] ~ /^[ \t]*\.p2align/; m--) dropped[m] = 1
		moved_at[i] = 1
	}
	for (i = 1; i <= n; i++) {
		if (i in moved_at) {
			if (!(i in unrun)) print "\tjmp " label(line[i])
			print "\t.p2align 6"
			if (k > 0) print "\t.nops " k
			moved++
		}
		if (!(i in dropped)) print line[i]
	}
	n = 0; delete line; delete back; delete seen; delete movable; delete unrun; delete dropped; delete moved_at
}
# a line that starts a function (a global label, not .L) ends the last
/^[A-Za-z_][A-Za-z0-9_.$]*:[ \t]*(#.*)?$/ { flush_fn() }
{
	line[++n] = $0
	if ($0 ~ /^\.L[A-Za-z0-9_]+:[ \t]*(#.*)?$/) {
		seen[label($0)] = 1
		# the alignment right above it, never run after a jmp or a ret
		j = n - 1
		while (j > 0 && line[j] ~ /^[ \t]*\.p2align/) j--
		while (j > 0 && (line[j] ~ /^[ \t]*[.#]/ || line[j] ~ /^[ \t]*$/)) j--
		if (line[n - 1] ~ /^[ \t]*\.p2align/) {
			movable[n] = 1
			if (j > 0 && line[j] ~ /^[ \t]*(jmp|ret)[ \t]?/) unrun[n] = 1
		}
	}
	if ($1 ~ /^j/ && $1 !~ /^jmp/ && ($2 in seen)) back[$2] = 1
}
END { flush_fn(); print "place-loops.awk: moved " moved + 0 " loops to byte " k >"/dev/stderr" }
