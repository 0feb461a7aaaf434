/* report: report.md of a run directory, computed from its files alone:
 * the machine and toolchains (machine.txt), a headline table of every
 * crossing with its overhead and ratio (summary.csv), a verdict on each
 * claim about cgo that the run can answer, and, when the run counted
 * instructions, one line a crossing on where they go (anatomy.csv).
 * Every number in it is one of those files' numbers, rounded. */
#ifndef CGOBENCH_REPORT_H
#define CGOBENCH_REPORT_H

#include <stddef.h>

struct sbuf;
/* Appends the report of run_dir to sb. */
int report_build(const char *run_dir, struct sbuf *sb, char *err,
		 size_t errlen);
/* The data of the overview chart: one row a figure in unit without a
 * param (labelled "case: variant" when the run has several), grouped by
 * direction (baselines, Go to C, Go to C to Go, C to Go): label, direction,
 * its number (0 to 3), median, ci_low, ci_high, tab-separated. */
struct summary_table;
/* The section "Claims about cgo" of a summary.csv table: each claim's
 * verdict over the toolchains and the figures it was judged by. */
void report_claims(const struct summary_table *t, struct sbuf *sb);
void report_overview_data(const struct summary_table *t, const char *unit,
			  struct sbuf *sb);
/* The data of the toolchains chart: one row a scenario without a param
 * (labelled as in the overview), and for each
 * toolchain its median, ci_low and ci_high (NaN where it has none). */
void report_toolchain_data(const struct summary_table *t, const char *unit,
			   struct sbuf *sb);
/* The data of a chart of one family's variants against its numeric
 * param "<prefix>N" (n= for batch, goroutines= for handles): a header
 * (the param's name, then three columns a series: its name, low, high),
 * then a row an N with each series' median, ci_low and ci_high in unit,
 * NaN where it has none. A series is a variant, and its toolchain when
 * the run has more than one. */
void report_series_data(const struct summary_table *t, const char *family,
			const char *prefix, const char *unit, struct sbuf *sb);
/* The data of the machines chart, from several run directories (of
 * different machines): one row a scenario without a param (at each run's
 * first toolchain), and for each run, labelled "machine/run (cpu, N
 * cores)", its median, ci_low and ci_high in unit, NaN where it has none.
 * A run that cannot be read is an error naming its file. */
int report_machines_data(const char *const *runs, size_t n, const char *unit,
			 struct sbuf *sb, char *err, size_t errlen);
/* Writes run_dir/report.md (or out_path when not NULL), and beside it
 * overview.dat and toolchains.dat for scripts/charts.sh, and where the
 * run has those families batch.dat (led by "# break-even N TOOLCHAIN"
 * lines), handles.dat and parallel.dat. -1 when the run cannot be read,
 * -2 when an output cannot be written. */
int report_write(const char *run_dir, const char *out_path, char *err,
		 size_t errlen);

#endif
