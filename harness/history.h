/* history: a CSV that grows by one run at a time, for tracking the cost
 * of crossings over commits (make regress appends to it; the history
 * chart reads it).
 *
 * Columns: schema, date, commit, toolchain, cc, case, variant, param,
 * unit, n, median, ci_low, ci_high. One row per summary row of the run
 * that has samples; date and commit come from the run's machine.txt. */
#ifndef CGOBENCH_HISTORY_H
#define CGOBENCH_HISTORY_H

#include <stddef.h>

#define HISTORY_SCHEMA 1

/* Appends the summaries of the n run directories to history_path, writing
 * the header first when the file is new; an existing file must have the
 * same header. All or nothing: every run is read, and none may be in the
 * history already (by its date and commit), before one row is written; a
 * history whose last row lacks its newline gets it first. -1 on bad
 * input, -2 when the history cannot be written. */
int history_append(const char *const *runs, size_t n, const char *history_path,
		   char *err, size_t errlen);

/* The data of the history chart: a row a run (its day and commit, in
 * the order the history has them), and for each scenario (case, variant,
 * toolchain) its median, ci_low and ci_high, NaN where that run lacks it;
 * led by "# UNIT", the unit of the history's first row, the only one
 * charted. select is comma-separated "case/variant" ("call/go->c"), ""
 * for every scenario without a param. */
struct csv_table;
struct sbuf;
int history_chart_data(const struct csv_table *h, const char *select,
		       struct sbuf *sb, char *err, size_t errlen);

#endif
