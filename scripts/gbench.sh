#!/bin/sh
# usage: . scripts/gbench.sh  (sourced by the study scripts)
#
# Helpers for running a Google Benchmark driver, or a go.test, by hand:
#   gb_filter NAME   prints --benchmark_filter's regex of exactly NAME
#                    (^NAME$, its parentheses and dots escaped:
#                    'c->c(fnptr)'); a level of go test's -test.bench too
#   gt_bench TOP NAME
#                    prints go test's -test.bench regex of exactly the
#                    benchmark TOP/NAME, a gb_filter a level of NAME
#                    ('cgo.Handle/goroutines=2')
#   gb_real_times    reads --benchmark_format=json on stdin and prints
#                    the real_time of each iteration run, one a line (the
#                    aggregates of --benchmark_repetitions left out)
#   gb_time CPU BIN NAME
#                    one fresh process of BIN's benchmark NAME, pinned to
#                    CPU under SCHED_BATCH, 0.1 s: prints its real time
set -eu
gb_filter() {
	printf '^%s$' "$1" | sed 's/[().]/\\&/g'
}
gt_bench() {
	printf '^%s$' "$1"
	printf '%s\n' "$2" | tr '/' '\n' | while IFS= read -r level; do
		printf '/%s' "$(gb_filter "$level")"
	done
}
gb_real_times() {
	sed -n '/"run_type": "iteration"/,/}/s/^ *"real_time": \([0-9.e+-]*\),$/\1/p'
}
gb_time() {
	taskset -c "$1" chrt -b 0 "$2" --benchmark_filter="$(gb_filter "$3")" \
		--benchmark_min_time=0.1 --benchmark_format=json 2>/dev/null |
		gb_real_times | head -n 1
}
