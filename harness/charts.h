/* charts: the data files scripts/charts.sh and gnuplot draw, each a
 * tab-separated table made from a run's summary rows alone. */
#ifndef CGOBENCH_CHARTS_H
#define CGOBENCH_CHARTS_H

#include <stddef.h>

struct sbuf;
struct summary_table;
/* The overview chart: one row a figure in unit without a param (labelled
 * "case: variant" when the run has several), grouped by direction
 * (baselines, Go to C, Go to C to Go, C to Go): label, direction, its
 * number (0 to 3), median, ci_low, ci_high. */
void charts_overview(const struct summary_table *t, const char *unit,
		     struct sbuf *sb);
/* The toolchains chart: one row a scenario without a param (labelled as
 * in the overview), and for each toolchain its median, ci_low and ci_high
 * (NaN where it has none). */
void charts_toolchains(const struct summary_table *t, const char *unit,
		       struct sbuf *sb);
/* A chart of one swept family's variants against its numeric param
 * "<prefix>N" (n= for batch, goroutines= for handles): the one list of
 * them, from which export.c writes each .dat, report.c and page.c name and
 * inline the charts, and scripts/charts.sh draws them (with series.gp) from
 * the lines that lead each .dat. */
struct series_chart {
	const char *family;
	const char *data;   /* its .dat file and exporter, without .dat */
	const char *chart;  /* its .png and .svg, without them */
	const char *prefix; /* the param that is its x, "<prefix>N" */
	const char *unit;   /* its y */
	const char *title, *xlabel;
	int logx; /* its x axis: 0 linear, 1 log2, 10 log10 */
};
extern const struct series_chart charts_all_series[];
extern const size_t charts_nseries;
/* The chart whose data is named data, or NULL. */
const struct series_chart *charts_series_named(const char *data);
/* The data of chart c: the lines "# chart", "# title", "# xlabel",
 * "# logx" and "# unit" that say how to draw it, a header (the param's
 * name, then three columns a series: its name, low, high), then a row an
 * N with each series' median, ci_low and ci_high in unit, NaN where it has
 * none. A series is a variant, and its toolchain when the run has
 * several. Returns the number of rows (0: the run has none to draw). */
size_t charts_series(const struct summary_table *t,
		     const struct series_chart *c, struct sbuf *sb);
/* The machines chart, from several run directories (of different
 * machines): one row a scenario without a param (at each run's first
 * toolchain), and for each run, labelled "machine/run (cpu, N cores)", its
 * median, ci_low and ci_high in unit, NaN where it has none. A run that
 * cannot be read is an error naming its file. */
int charts_machines(const char *const *runs, size_t n, const char *unit,
		    struct sbuf *sb, char *err, size_t errlen);

#endif
