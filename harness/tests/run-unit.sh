#!/bin/sh
# usage: sh harness/tests/run-unit.sh TEST_BINARY... [-- COMMAND...]
#
# Runs each cmocka test binary, then COMMAND (a test script whose last line
# is "N passed, M failed"), and ends with one line that adds them all up:
# "N passed, M failed". Exits 1 when anything failed or did not run.
set -u

passed=0
failed=0
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
	bin=$1
	shift
	out=$("$bin" 2>&1)
	rc=$?
	printf '%s\n' "$out"
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
	if [ -z "$p" ] && [ -z "$f" ]; then
		echo "run-unit: $bin ended (status $rc) without a cmocka summary" >&2
		f=1
	fi
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	if [ "$rc" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then
		echo "run-unit: $bin exited with status $rc" >&2
		failed=$((failed + 1))
	fi
done
if [ "${1:-}" = "--" ]; then
	shift
	out=$("$@" 2>&1)
	rc=$?
	printf '%s\n' "$out"
	last=$(printf '%s\n' "$out" | sed -n 's/^[a-z]*: *\([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' | tail -n 1)
	if [ -z "$last" ]; then
		echo "run-unit: '$*' ended (status $rc) without a count" >&2
		failed=$((failed + 1))
	else
		passed=$((passed + ${last% *}))
		failed=$((failed + ${last#* }))
		[ "$rc" -ne 0 ] && [ "${last#* }" -eq 0 ] && failed=$((failed + 1))
	fi
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
