/* benchtxt: bench.txt, the run in the Go benchmark format, so that
 * benchstat and other benchfmt readers take it as it is.
 *
 * Configuration lines are what defines a configuration, so that
 * `benchstat old/bench.txt new/bench.txt` puts two runs side by side:
 * goos, goarch and cpu first, "toolchain:" and "cc:" whenever they change;
 * the rest of the machine record comes as "# key: value" comments, which
 * benchfmt readers skip. A counted run declares "Unit instructions/op
 * assume=exact". Each sample is one line, named
 * Benchmark<Family>/<variant>[/<param>], with all its metrics, row by row
 * in the order of the rows' places (benchstat lists rows in the order it
 * first meets them), each row's samples in the order given. */
#ifndef CGOBENCH_BENCHTXT_H
#define CGOBENCH_BENCHTXT_H

#include "benchout.h"

#include <stddef.h>

struct benchtxt_sample {
	const char *family, *variant, *param, *toolchain, *cc;
	long long iters;
	const struct metric *metrics;
	size_t nmetrics;
	int rep;
	/* the time a cache line took between the first CPU and the last
	 * around it (sample_load's transfer), 0 where not measured */
	double transfer;
	/* the row's place in the suite, as summary.csv orders its rows */
	size_t row;
};

struct sbuf;
/* machine is machine.txt's text. */
void benchtxt_format(const char *machine, const struct benchtxt_sample *s,
		     size_t n, struct sbuf *sb);

#endif
