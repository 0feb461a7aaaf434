#!/bin/sh
# usage: sh scripts/aa-study.sh OUT RUN...
#        HISTORY=FILE sh scripts/aa-study.sh OUT RUN...
#        NORMALIZE=1 sh scripts/aa-study.sh OUT RUN...
#
# What compare calls a regression between runs of the same code: every
# pair of the RUNs (old before new, in the order given) through
# `cgobench compare` (the binary $CGOBENCH, build/cgobench by default).
# Writes each comparison to OUT/<i>-<j>.txt and prints a line a pair:
# the two runs, the regressions, and the rows held back as within what
# the runs' spread alone could make (docs/precision.md item 37), and,
# with HISTORY (a history CSV, `cgobench history`, passed as compare
# --history), within what a row moved between the history's other runs
# (item 38); with NORMALIZE=1, each crossing over its baseline (compare
# --normalize, item 61). Runs of the same code differ only by the
# machine's hour, so every regression here is a false one. Run from the
# top of the repository.
set -eu
[ $# -ge 3 ] || { echo "usage: sh scripts/aa-study.sh OUT RUN RUN..." >&2; exit 2; }
out=$1
shift
bin=${CGOBENCH:-build/cgobench}
mkdir -p "$out"
printf '%s\t%s\t%s\t%s\t%s\t%s\n' old new regressions held-apart runs-apart \
	held-history
# one pair: its comparison into OUT/I-J.txt, and its line
pair() {
	f="$out/$1-$2.txt"
	"$bin" compare ${HISTORY:+--history "$HISTORY"} \
		${NORMALIZE:+--normalize} -- "$3" "$4" \
		> "$f" 2>/dev/null || true
	reg=$(sed -n 's/^verdict: \([0-9]*\) regression.*/\1/p' "$f")
	held=$(sed -n "s/.*[; ]\([0-9]*\) [a-z]* slower by over [0-9.]*% [a-z]* inconclusive: within what the runs' spread.*/\1/p" "$f")
	apart=$(sed -n "s/^runs apart: .* moved \(.*\), robust sd.*/\1/p" "$f")
	hist=$(sed -n "s/.*[; ]\([0-9]*\) [a-z]* slower by over [0-9.]*% [a-z]* inconclusive: within what they moved between the runs of the history.*/\1/p" "$f")
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(basename "$3")" "$(basename "$4")" \
		"${reg:-0}" "${held:-0}" "${apart:--}" "${hist:-0}"
}
. scripts/study-lib.sh
each_pair pair "$@"
