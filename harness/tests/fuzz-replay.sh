#!/bin/sh
# usage: sh harness/tests/fuzz-replay.sh FUZZ_PARSERS FUZZ_RUNDIRS
#
# Runs each fuzz target once over each of its committed seeds (real
# outputs, and the hostile inputs of issue #14: missing columns, NUL
# bytes, NaN and huge numbers, rows glued or cut mid-line, names that are
# not UTF-8, histories without their last newline), under ASan and UBSan:
# each seed must be read or refused, never crash, leak or hang, and
# leave nothing behind in $TMPDIR (which it points at a directory of its
# own). Run from
# the repository's top directory. Ends with "fuzz: N passed, M
# failed".
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/t"
. "$(dirname "$0")/testlib.sh"

# replay BINARY CORPUS
replay() {
	for seed in "$2"/*; do
		if ! TMPDIR=$tmp/t "$1" -timeout=20 "$seed" >"$tmp/out" 2>&1; then
			bad "$(basename "$1") on $(basename "$seed"): $(grep -m 3 'ERROR\|SUMMARY' "$tmp/out")"
		elif [ -n "$(ls -A "$tmp/t")" ]; then
			bad "$(basename "$1") on $(basename "$seed") left $(ls -A "$tmp/t" | head -n 1) in \$TMPDIR"
			rm -rf "$tmp/t"/*
		else
			ok "$(basename "$1") survives $(basename "$seed")"
		fi
	done
}
replay "$1" harness/tests/fuzz/corpus
replay "$2" harness/tests/fuzz/corpus-rundirs
echo "fuzz: $passed passed, $failed failed"
