/* benchout: what one run of a benchmark binary printed, whatever its
 * format: result lines and the benchmarks that were skipped or failed.
 *
 * Names are split the same way for both formats: the variant is the first
 * level under the family ("go->c" in BenchmarkCall/go->c, or a Google
 * Benchmark name "c->c"), the param is every level after it ("n=64"), ""
 * when there is none. A struct bench_output owns all its strings; release
 * them with benchout_free. */
#ifndef CGOBENCH_BENCHOUT_H
#define CGOBENCH_BENCHOUT_H

#include <stddef.h>

#define BENCH_MAX_METRICS 12

struct metric {
	char *unit; /* "ns/op", "B/op", "allocs/op" or a custom unit */
	double value;
};

struct bench_line {
	char *top; /* the top-level name, "BenchmarkCall"; "" for Google
		    * Benchmark, whose names have no such level */
	char *variant;
	char *param;
	long long iters;
	size_t nmetrics;
	struct metric metrics[BENCH_MAX_METRICS]; /* metrics[0] is ns/op */
};

enum bench_status { BENCH_SKIPPED, BENCH_FAILED };

struct bench_note {
	char *top;
	char *variant;
	char *param;
	enum bench_status status;
	char *reason; /* "" when the output gave none */
};

struct bench_output {
	struct bench_line *lines;
	size_t nlines;
	struct bench_note *notes;
	size_t nnotes;
	/* the benchmark that had begun and not ended when the output
	 * stopped (go test -test.v names each before running it), or NULL */
	char *unfinished_top, *unfinished;
	/* Google Benchmark's JSON as it printed it (made valid), or NULL */
	char *json;
};

void benchout_free(struct bench_output *o);
/* Frees the strings of one line (one taken out of an output). */
void benchout_line_free(struct bench_line *l);
/* Splits "variant/param/param" into fresh strings. */
void benchout_split_name(const char *name, char **variant, char **param);
/* name is the part below top ("go->c/n=64"). */
struct bench_line *benchout_add_line(struct bench_output *o, const char *top,
				     const char *name);
/* Adds a metric; -1 when the line has BENCH_MAX_METRICS already, so that
 * the parser can say so rather than drop it. */
int benchout_add_metric(struct bench_line *l, const char *unit, double value);
struct bench_note *benchout_add_note(struct bench_output *o, const char *top,
				     const char *name, enum bench_status st,
				     const char *reason);
/* The line or note of variant and param, or NULL. */
const struct bench_line *benchout_find(const struct bench_output *o,
				       const char *variant, const char *param);
const struct bench_note *benchout_find_note(const struct bench_output *o,
					    const char *variant,
					    const char *param);

#endif
