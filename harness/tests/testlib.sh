# Sourced by the shell tests (integration.sh, remote.sh): their counters
# and checks. The sourcing script sets $check, the check_run binary.
passed=0
failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
bad() { echo "not ok - $1"; failed=$((failed + 1)); }

# check_run EXPECT DIR: the cmocka checks of a run directory, counted
check_run() {
	out=$(CGOBENCH_EXPECT=$1 CGOBENCH_RUN_DIR=$2 "$check" 2>&1)
	printf '%s\n' "$out"
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p')
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p')
	[ -z "$p$f" ] && f=1
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
}
