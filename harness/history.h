/* history: a CSV that grows by one run at a time, for tracking the cost
 * of crossings over commits (make regress appends to it; the history
 * chart reads it; compare --history reads how far each row moved between
 * its runs).
 *
 * Columns: schema, date, commit, toolchain, cc, case, variant, param,
 * unit, n, median, ci_low, ci_high, then status, load_bound, baseline,
 * overhead, overhead_ci_low, overhead_ci_high, ratio, ratio_ci_low,
 * ratio_ci_high, measured. One row per summary row of the run that has
 * samples; date, commit and measured come from the run's machine.txt
 * (measured: what tells its machine and its method from another run's,
 * machine_told_line), the rest from its summary.csv (empty where it has
 * none: a row without a baseline has no overhead or ratio). Schema 1, of
 * the first 13 only, and schema 2, of the first 22, are still read and
 * appended to as they are. */
#ifndef CGOBENCH_HISTORY_H
#define CGOBENCH_HISTORY_H

#include "util.h"

#include <stddef.h>

#define HISTORY_SCHEMA 3

/* Appends the summaries of the n run directories to history_path, writing
 * the header first when the file is new; an existing file must have the
 * header of schema 1 or 2, and gets rows of its own schema, which *schema
 * says. All or nothing: every run is read, and none may be in the
 * history already (by its date and commit), before one row is written; a
 * history whose last row lacks its newline gets it first. -1 on bad
 * input, -2 when the history cannot be written. */
int history_append(const char *const *runs, size_t n, const char *history_path,
		   int *schema, char *err, size_t errlen);

/* What is taken of a row: its median; its median less its baseline's
 * (the overhead); its median over its baseline's (the ratio). */
enum history_figure { HISTORY_VALUE, HISTORY_OVERHEAD, HISTORY_RATIO };

/* The data of the history chart of figure fig: a row a run (its day and
 * commit, in the order the history has them), and for each scenario
 * (case, variant, toolchain) the figure as its run measured it (for an
 * overhead or a ratio, from the run's paired samples), its interval and
 * "load": where the row is disturbed, for a time its median over its
 * load_bound (how low the run's load leaves it room to be), for an
 * overhead or a ratio, which a load moves either way, the figure; else
 * NaN; all four NaN where that run lacks it. Led by "# UNIT", the unit of
 * the history's first row, the only one charted ("# ratio" for a ratio).
 * select is comma-separated "case/variant" ("call/go->c"), "" for every
 * scenario without a param; an overhead or ratio charts only the rows
 * with a baseline, and needs schema 2. */
struct csv_table;
struct sbuf;
int history_chart_data(const struct csv_table *h, const char *select,
		       enum history_figure fig, struct sbuf *sb, char *err,
		       size_t errlen);

/* A history read for how far each row's figure moved between its runs:
 * of the same code, on the same machine, hours apart, the spread a
 * comparison of two of them must allow before it calls a change
 * (compare --history, docs/precision.md item 38). A run is named by its
 * date and commit, as history_append names it. history_runs_read fills h,
 * leaving out the runs of skip[0..nskip) (the two compared), and, where
 * like is a machine.txt text (the new run's), the runs of a schema 3
 * history measured otherwise or on other hardware than it (as compare
 * tells two runs apart: a key either lacks does not count);
 * history_runs_free frees it, after a failed read as well. */
struct history_run_id {
	const char *date, *commit;
};
struct history_runs {
	struct csv_table *t;
	/* the 6 keys of a row and its run's number (decimal) -> row */
	struct key_index rows;
	/* the runs not left out, numbered in the history's order */
	size_t nruns;
	size_t *run_of; /* a row of t -> its run's number, SIZE_MAX: left out */
	/* the runs left out as measured otherwise than like, and the first
	 * one's difference ("runtime-env none against GOGC=200"), or NULL */
	size_t nunlike;
	char *unlike_why;
	/* each run's common shift: the median over its ns/op rows of the
	 * log of the row's median over the row's median across the runs;
	 * the hour's speed, which history_spread takes off */
	double *shift;
};
int history_runs_read(const char *path, const struct history_run_id *skip,
		      size_t nskip, const char *like, struct history_runs *h,
		      char *err, size_t errlen);
void history_runs_free(struct history_runs *h);

/* r's figure over h's runs, each run's shift taken off a time (divided
 * by exp(shift)): of its log for a value or a ratio, of the figure
 * itself (in r's unit) for an overhead, their median (center) and robust
 * sd (stats_robust_sd), from as many runs as held it (a value or ratio
 * of 0 or less counts as none); NaN from fewer than 2. r's baseline is
 * of the same param, or without one. */
struct history_spread {
	double center, sd;
	size_t runs;
};
struct summary_row;
struct history_spread history_spread(const struct history_runs *h,
				     const struct summary_row *r,
				     enum history_figure what);

#endif
