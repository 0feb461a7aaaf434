/* compare: `cgobench compare OLD NEW`, two runs side by side.
 *
 * OLD and NEW are run directories, raw.csv files or summary.csv files.
 * From raw samples each figure gets a Mann-Whitney p-value (exact for
 * small samples); from summaries alone, a change counts as significant
 * when the two 95% intervals do not overlap. Besides each figure, the
 * overhead over the matched baseline is compared (its change's interval by
 * bootstrap); in normalised mode each figure is first divided by its
 * baseline's median from the same run, so that machines of different speed
 * compare. When both runs hold one toolchain each, rows match whatever
 * the toolchains are (comparing two toolchains); otherwise the toolchain
 * is part of the match. A regression is a significant increase above the
 * threshold: every figure here is a cost. */
#ifndef CGOBENCH_COMPARE_H
#define CGOBENCH_COMPARE_H

#include <stdio.h>
#include <stddef.h>

enum compare_format { COMPARE_TEXT, COMPARE_CSV, COMPARE_JSON };
/* The fewest samples a run whose time a change is judged from: the
 * bootstrap of one a side called an overhead's change of 1.85%
 * significant, [+0.843, +0.843] ns (claims.c's VERDICT_MIN_N). */
#define COMPARE_MIN_N 5
/* The formats' names by enum value, NULL-terminated, for --format. */
extern const char *const compare_format_names[];

struct compare_opts {
	double threshold_pct; /* a regression is worse than this */
	double alpha;	      /* significance level of the p-value */
	int normalize;
	int format; /* enum compare_format */
	int fail_on_regression;
	/* a history CSV (cgobench history) of earlier runs: a row's change
	 * within what it moved between them is no regression; NULL: none */
	const char *history;
};

/* Writes the comparison to out and sets *regressions to the number of
 * significant slowdowns above the threshold. -1 with err set on bad or
 * mismatched input. */
int compare_runs(const char *old_path, const char *new_path,
		 const struct compare_opts *o, FILE *out, size_t *regressions,
		 char *err, size_t errlen);
/* The exit status of a comparison that ran: 1 when fail_on_regression is
 * set and there is at least one regression, 0 otherwise. */
int compare_exit_status(size_t regressions, int fail_on_regression);

#endif
