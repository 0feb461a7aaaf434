#!/usr/bin/env bash
# usage: bash harness/tests/run-unit.sh TEST_BINARY... [-- COMMAND ARG...]...
#
# Runs each cmocka test binary, then each COMMAND (a test script whose last
# count line is "name: N passed, M failed"), and ends with one line that
# adds them all up: "N passed, M failed". Exits 1 when anything failed or
# did not run.
set -u

passed=0
failed=0

run_binary() {
	local out rc p f
	out=$("$1" 2>&1)
	rc=$?
	printf '%s\n' "$out"
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' <<<"$out" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' <<<"$out" | tail -n 1)
	if [[ -z $p && -z $f ]]; then
		echo "run-unit: $1 ended (status $rc) without a cmocka summary" >&2
		f=1
	fi
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	if ((rc != 0 && ${f:-0} == 0)); then
		echo "run-unit: $1 exited with status $rc" >&2
		failed=$((failed + 1))
	fi
}

run_command() {
	local out rc last
	out=$("$@" 2>&1)
	rc=$?
	printf '%s\n' "$out"
	last=$(sed -n 's/^[a-z]*: *\([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' <<<"$out" | tail -n 1)
	if [[ -z $last ]]; then
		echo "run-unit: '$*' ended (status $rc) without a count" >&2
		failed=$((failed + 1))
		return
	fi
	passed=$((passed + ${last% *}))
	failed=$((failed + ${last#* }))
	if ((rc != 0 && ${last#* } == 0)); then
		failed=$((failed + 1))
	fi
}

cmd=()
in_commands=0
flush() {
	if ((${#cmd[@]})); then
		run_command "${cmd[@]}"
	fi
	cmd=()
}
for a in "$@"; do
	if [[ $a == -- ]]; then
		flush
		in_commands=1
	elif ((in_commands)); then
		cmd+=("$a")
	else
		run_binary "$a"
	fi
done
flush
echo "$passed passed, $failed failed"
((failed == 0))
