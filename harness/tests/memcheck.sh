#!/usr/bin/env bash
# usage: bash harness/tests/memcheck.sh TEST_BINARY...
#
# Runs each unit test binary under valgrind memcheck: any invalid access or
# definite leak fails it. Ends with "memcheck: N passed, M failed". The
# binaries run as many at once as there are CPUs (each is one thread under
# valgrind, and each test makes its files in a directory of its own), and
# are reported in the order given.
set -u
passed=0
failed=0
cpus=$(nproc 2>/dev/null || echo 1)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
i=0
for bin in "$@"; do
	while [ "$(jobs -rp | wc -l)" -ge "$cpus" ]; do
		wait -n
	done
	(
		valgrind -q --error-exitcode=99 --leak-check=full \
			--errors-for-leak-kinds=definite "$bin" >/dev/null 2>"$dir/$i.log"
		echo $? >"$dir/$i.rc"
	) &
	i=$((i + 1))
done
wait
i=0
for bin in "$@"; do
	if [ "$(cat "$dir/$i.rc" 2>/dev/null)" = 0 ]; then
		echo "ok - memcheck $bin"
		passed=$((passed + 1))
	else
		echo "not ok - memcheck $bin"
		sed 's/^/  /' "$dir/$i.log"
		failed=$((failed + 1))
	fi
	i=$((i + 1))
done
echo "memcheck: $passed passed, $failed failed"
((failed == 0))
