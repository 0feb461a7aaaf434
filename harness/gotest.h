/* gotest: parse what a Go test binary prints under -test.bench (with or
 * without -test.v) into a struct bench_output.
 *
 * The top level of each name (BenchmarkCall) is dropped: the family comes
 * from the case directory. A "-N" GOMAXPROCS suffix is stripped when procs
 * is N > 1, as go test appends it only then. Lines that are not benchmark
 * results (goos:, PASS, ok, logs) are skipped; a result line that does not
 * parse is an error naming source:line. */
#ifndef CGOBENCH_GOTEST_H
#define CGOBENCH_GOTEST_H

#include "benchout.h"

#include <stddef.h>

int gotest_parse(const char *text, const char *source, int procs,
		 struct bench_output *out, char *err, size_t errlen);

#endif
