/* benchtxt: bench.txt, the run in the Go benchmark format, so that
 * benchstat and other benchfmt readers take it as it is.
 *
 * The machine record comes first as configuration lines; "toolchain:" and
 * "cc:" lines are written whenever they change. Each sample is one line,
 * named Benchmark<Family>/<variant>[/<param>], with all its metrics. */
#ifndef CGOBENCH_BENCHTXT_H
#define CGOBENCH_BENCHTXT_H

#include "benchout.h"

#include <stddef.h>

struct benchtxt_sample {
	const char *family, *variant, *param, *toolchain, *cc;
	long long iters;
	const struct metric *metrics;
	size_t nmetrics;
};

struct sbuf;
/* machine is machine.txt's text, which leads as configuration lines. */
void benchtxt_format(const char *machine, const struct benchtxt_sample *s,
		     size_t n, struct sbuf *sb);

#endif
