/* export: every output of a run is an exporter over its model (rundir.h),
 * registered in one table: a name, the file it writes in the run
 * directory (stdout for none), when it is written, and the function that
 * makes it (or the swept family's chart series it gives). A new format is
 * one function and one row of exporters[]; see
 * CONTRIBUTING.md, "Adding an output". */
#ifndef CGOBENCH_EXPORT_H
#define CGOBENCH_EXPORT_H

#include <stddef.h>

struct run_model;
struct sbuf;

/* When an exporter runs: at the end of a run, and on `cgobench report`
 * (which rewrites what is made from summary.csv and anatomy.csv alone). */
enum { EXPORT_RUN = 1, EXPORT_REPORT = 2 };

struct exporter {
	const char *name;
	const char *file; /* in the run directory; NULL: standard output */
	unsigned when;
	/* Appends the output to sb; 0 when the run has nothing for it, and
	 * then a file of that name is removed rather than written. NULL:
	 * the data of the swept family's chart named series (charts.h). */
	int (*make)(const struct run_model *m, struct sbuf *sb);
	const char *series;
};

extern const struct exporter exporters[];

/* Appends x's output to sb, as x->make says; 0 when the run has nothing
 * for it. */
int export_make(const struct exporter *x, const struct run_model *m,
		struct sbuf *sb);

/* Writes every exporter of `when` for m, each file through a rename.
 * A file that cannot be written is reported through warn (when not NULL)
 * and the others are still written; returns -2 with the first error in
 * err then, 0 otherwise. */
int export_all(const struct run_model *m, unsigned when,
	       void (*warn)(void *ctx, const char *msg), void *ctx, char *err,
	       size_t errlen);

#endif
