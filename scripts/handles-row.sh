#!/bin/sh
# usage: . scripts/handles-row.sh  (sourced by the study scripts)
#
# handles_row BIN LABEL VARIANT G I [SECONDS]: one fresh process of the
# handles family's go.test BIN, benchmark VARIANT at G goroutines,
# unpinned with GOMAXPROCS = the CPUs, as the harness runs the family,
# SECONDS (default 0.1, --benchtime-unpinned's) a sample; prints
# the CSV row LABEL,G,I,ns_per_op,cpus (cpus.awk's input; LABEL is the
# variant, or the variant and the build it ran from). Sources gbench.sh
# for gt_bench.
set -eu
. scripts/gbench.sh
handles_row() {
	GOMAXPROCS=$(nproc) "$1" -test.run '^$' -test.benchtime "${6:-0.1}s" \
		-test.bench "$(gt_bench BenchmarkHandles "$3/goroutines=$4")" |
		awk -v v="$2" -v g="$4" -v i="$5" '$4 == "ns/op" && $6 == "cpus" {
			printf "%s,%s,%s,%s,%s\n", v, g, i, $3, $5 }'
}
