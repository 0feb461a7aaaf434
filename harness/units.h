/* units: figures as a person reads them in the tables of stdout,
 * report.md and compare's text (the CSVs keep every digit). Scaled as
 * benchstat scales them: ns to µs, ms and s; B to KiB, MiB and GiB;
 * counts (instructions, allocs) to k, M and G; three significant figures,
 * more only where an interval's bounds would otherwise print the same as
 * its median. The unit's "/op" is left out ("ns", "B"); any other
 * divisor stays ("ns/item"). */
#ifndef CGOBENCH_UNITS_H
#define CGOBENCH_UNITS_H

#include <stddef.h>

/* v with its unit: "68.1 ns", "1.23 µs", "4 KiB", "6 instructions",
 * "-" for NaN. signed_ puts a "+" before a positive v (an overhead). */
void units_format(char *buf, size_t len, double v, const char *unit,
		  int signed_);
/* A median and its interval in one scale: "68.1 [56.3, 89.5] ns"; signed_
 * signs the median only ("+22.1 [21.5, 22.9] ns"). An interval alone
 * (m NaN) is "[-1.1, +5.7] ns", signed when signed_ is set. */
void units_format_ci(char *buf, size_t len, double m, double lo, double hi,
		     const char *unit, int signed_);

#endif
