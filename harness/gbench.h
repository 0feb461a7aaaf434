/* gbench: parse Google Benchmark's JSON output (--benchmark_format=json)
 * into a struct bench_output, with jansson.
 *
 * Only "iteration" runs are read (aggregates are recomputed by the
 * harness). real_time becomes ns/op whatever time_unit says; the user
 * counter "items", the items one op did, becomes ns/item (ns/op divided
 * by it); every other user counter becomes a metric named by its key. A
 * run with
 * error_occurred becomes a failed note. Google Benchmark writes NaN and
 * Infinity as bare tokens, which strict JSON rejects: they are read as
 * null and such counters dropped. */
#ifndef CGOBENCH_GBENCH_H
#define CGOBENCH_GBENCH_H

#include "benchout.h"

#include <stddef.h>

int gbench_parse(const char *json, const char *source, struct bench_output *out,
		 char *err, size_t errlen);

/* Copies json with every bare NaN, -NaN, Infinity and -Infinity outside a
 * string replaced by null; the caller frees the result. */
char *gbench_sanitize(const char *json);

#endif
