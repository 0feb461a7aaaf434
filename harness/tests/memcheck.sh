#!/usr/bin/env bash
# usage: bash harness/tests/memcheck.sh TEST_BINARY...
#
# Runs each unit test binary under valgrind memcheck: any invalid access or
# definite leak fails it. Ends with "memcheck: N passed, M failed".
set -u
passed=0
failed=0
for bin in "$@"; do
	log=$(mktemp)
	if valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite "$bin" >/dev/null 2>"$log"; then
		echo "ok - memcheck $bin"
		passed=$((passed + 1))
	else
		echo "not ok - memcheck $bin"
		sed 's/^/  /' "$log"
		failed=$((failed + 1))
	fi
	rm -f "$log"
done
echo "memcheck: $passed passed, $failed failed"
((failed == 0))
