/* What compare.c computes and compareout.c writes: the rows of a
 * comparison, and the view each output format is given. */
#ifndef CGOBENCH_COMPAREINT_H
#define CGOBENCH_COMPAREINT_H

#include "summary.h"

#include <stdio.h>

/* How far two runs' rows of time lie apart beyond their common shift:
 * the robust spread (stats_robust_sd) of the logs of the new medians
 * over the old, over the rows of the families pinned to one CPU in both
 * runs, and over the rest (on every CPU in either); NaN where fewer than
 * COMPARE_APART_MIN rows give it. Two quiet runs of the same code here
 * lay 1.0 to 1.25% apart pinned and 2.2 to 4.1% on every CPU, beyond a
 * common shift of up to 3%; a row's change within COMPARE_APART_Z times
 * what that spread makes of it is no regression (docs/precision.md item
 * 37). */
#define COMPARE_APART_MIN 10
#define COMPARE_APART_Z	  3
struct runs_apart {
	double pinned, every;
	size_t npinned, nevery;
	int placed; /* the runs' CPUs sat otherwise (placement_differs) */
};

/* One line of the comparison. */
struct cmp_row {
	const struct summary_row *o, *n;
	const char *metric; /* "value", "overhead" or "ratio" */
	char unit[96];
	double old_med, old_lo, old_hi, new_med, new_lo, new_hi;
	size_t old_n, new_n;
	double delta_pct, p; /* p is NaN when there were no samples */
	/* the bootstrap interval of new minus old, for overheads from
	 * samples; NaN otherwise */
	double change_lo, change_hi;
	int significant, regression;
	/* either run's row was disturbed (summary.h); the new run's row bore
	 * a load, disturbed or of a run on a busy machine: its slowdown is a
	 * regression only beyond what that load could have made (load_bound,
	 * the new row's; NaN where unknown) */
	int disturbed, new_loaded;
	double load_bound;
	/* the old run's row bore a load (disturbed, or a busy machine) that
	 * may have sped it up, as contended families run faster with fewer
	 * threads at once: its slowdown is no regression */
	int old_unsure;
	/* the runs' CPUs sat otherwise (cmp_view's placement_differs) and
	 * the row's family ran on every CPU in either: its slowdown may be
	 * the placement's, and is no regression */
	int placed;
	/* the spread of the row's class of struct runs_apart (NaN: unknown),
	 * and the change it alone could make of the row, COMPARE_APART_Z
	 * times what it makes of the row's figure: a log for a value or a
	 * ratio, a fraction of the old figure for an overhead (NaN: unknown,
	 * or not a time); within: the change lies within it */
	double spread, apart;
	int within;
	size_t order; /* the old row's place in its summary.csv */
};

/* Both runs, the rows compared, and the benchmarks ("case variant
 * param") that only one of the runs has. */
struct cmp_view {
	const char *old_path, *new_path;
	const char *old_label, *new_label; /* toolchain and compiler */
	const struct cmp_row *rows;
	size_t n, regressions;
	double threshold_pct;
	/* where the two machines' hardware differs, or NULL */
	const char *machines_differ;
	/* where the two runs' ways of sampling differ (machine.txt's sched,
	 * benchtime), or NULL */
	const char *methods_differ;
	/* where the two runs' CPUs sat otherwise (machine.txt's
	 * transfer-ns), or NULL */
	const char *placement_differs;
	struct runs_apart apart;
	char **only_old, **only_new;
	size_t nonly_old, nonly_new;
};

/* Writes v in format (enum compare_format). */
void compare_write(int format, FILE *out, const struct cmp_view *v);

#endif
