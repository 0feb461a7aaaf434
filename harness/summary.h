/* summary: from samples to one row per case, variant, toolchain, C
 * compiler, param and unit, with the median's interval and the overhead
 * and ratio over the matched baseline (same case, toolchain, compiler,
 * param and unit; a baseline measured without a param serves every
 * param). The CSV schema written here is documented in docs/formats.md; bump
 * SUMMARY_SCHEMA when a column changes meaning.
 *
 * Rows point into the observations' strings and own only their notes. */
#ifndef CGOBENCH_SUMMARY_H
#define CGOBENCH_SUMMARY_H

#include "stats.h"

#include <stddef.h>

#define SUMMARY_SCHEMA 1
#define SUMMARY_LEVEL  0.95
/* The fewest samples whose median has an interval at SUMMARY_LEVEL: the
 * [min, max] of 5 covers it 93.75% of the time (stats_median_ci_rank). */
#define SUMMARY_FEWEST 6

/* One measured value: the fields of one raw.csv row. */
struct obs {
	const char *family, *variant, *toolchain, *cc, *param, *unit;
	int rep;
	double value;
};

/* What became of a row, the status column of summary.csv. */
enum summary_status {
	SUMMARY_OK,	    /* measured, the interval within the goal */
	SUMMARY_WIDE,	    /* measured, the interval wider than the goal */
	SUMMARY_INCOMPLETE, /* the run stopped before its samples were taken */
	SUMMARY_FAILED,	    /* the case failed, crashed or hung */
	SUMMARY_SKIPPED,    /* the case skipped itself, saying why */
	SUMMARY_DELETED,    /* the compiler deleted the work: not a figure */
	SUMMARY_DISTURBED,  /* other work shared its CPUs in many samples */
	SUMMARY_SPREAD,	    /* wider than the goal in a family whose spread is
			     * its behaviour (contention): its quartiles say
			     * how far, and its note why it took no more */
	SUMMARY_NSTATUS
};
/* The status words as summary.csv spells them, by enum value. */
extern const char *const summary_status_names[SUMMARY_NSTATUS];

struct summary_row {
	const char *family, *variant, *toolchain, *cc, *param, *unit;
	struct stats_summary s; /* s.n == 0 for a row with no samples */
	const char *baseline;	/* NULL when the variant has none */
	double baseline_median;
	struct stats_diff d; /* valid when baseline_found */
	int baseline_found;
	enum summary_status status;
	/* the most that other work measured around its samples (load.h's
	 * load_slowing, the CPU's speed with it) could have slowed its time,
	 * as a factor of 1 or more; 0 where unknown: a row not of time, or
	 * of a summary.csv written before it */
	double load_bound;
	char *note;
};

typedef const char *(*summary_baseline_fn)(void *ctx, const char *family,
					   const char *variant);

/* The samples of each row: values[r] holds count[r] values of rows[r],
 * in sample order (NaN left out). */
struct summary_samples {
	double **values;
	int **reps; /* the repetition of each value */
	size_t *count;
	size_t n;
};
/* The fewest pairs (a crossing's and its baseline's samples of one
 * repetition) that overhead and ratio are taken from, as a median of the
 * pairs with its 95% interval (6: the fewest that have one). */
#define SUMMARY_PAIRED_MIN 6
void summary_samples_free(struct summary_samples *g);
/* The differences of row i's samples and row bi's of the same repetition,
 * *n of them, when they are enough to take the overhead from (as
 * summary_compute does); else NULL. The caller frees them. */
double *summary_paired_diffs(const struct summary_samples *g, size_t i,
			     size_t bi, size_t *n);
/* The same of their ratios, row i's sample over bi's, the pairs whose
 * baseline sample is 0 left out (as summary_compute's ratio does). */
double *summary_paired_ratios(const struct summary_samples *g, size_t i,
			      size_t bi, size_t *n);
/* Which row or unit is a baseline's at param: find gives the index of the
 * baseline variant's row or unit at a param, -1 when there is none; the
 * one of the same param, else the one without (a baseline measured once
 * for every param). summary_compute pairs rows so, and a run's rounds
 * units. */
long summary_baseline_at(const char *param,
			 long (*find)(const void *ctx, const char *param),
			 const void *ctx);
/* Groups obs into rows, in the order each group first appears, and
 * computes every statistic. baseline_of may be NULL; so may samples,
 * else it gets each row's samples (free them with summary_samples_free). */
void summary_compute(const struct obs *o, size_t n,
		     summary_baseline_fn baseline_of, void *ctx,
		     struct summary_row **rows, size_t *nrows,
		     struct summary_samples *samples);
/* Of each row whose baseline row is SUMMARY_DELETED: no overhead or
 * ratio (baseline_found 0), and its note says why. A figure over a
 * deleted baseline's (recovery's go->c->go over gccgo's go->go, 1e-7 ns)
 * would be a ratio of billions. */
void summary_drop_deleted_baselines(struct summary_row *rows, size_t n);
/* The header and every row as CSV. */
struct sbuf;
void summary_format_csv(const struct summary_row *rows, size_t n,
			struct sbuf *sb);
/* The row of these keys, or NULL. */
struct summary_row *summary_find(struct summary_row *rows, size_t n,
				 const char *family, const char *variant,
				 const char *toolchain, const char *cc,
				 const char *param, const char *unit);
/* The unit of the CPUs a benchmark kept busy over its timed loop, which
 * the families on every CPU report (cases/internal/cpus). */
#define SUMMARY_CPUS "cpus"
/* Whether less of unit is better: a cost, which compare and the trackers
 * gate on. Every unit is, but SUMMARY_CPUS: what a contended benchmark
 * did rather than what it cost. */
int summary_is_cost(const char *unit);
/* Whether s's interval is at SUMMARY_LEVEL: not from fewer than
 * SUMMARY_FEWEST samples, whose [min, max] covers the median less often. */
int summary_at_level(const struct stats_summary *s);
/* 1 when the interval is at SUMMARY_LEVEL and lies within +-pct of the
 * median on both sides. */
int summary_within(const struct stats_summary *s, double pct);
/* The interval's wider side, in percent of the median; NaN without one. */
double summary_half_pct(const struct stats_summary *s);
/* The samples that would bring an interval of half_pct from n samples to
 * within +-goal_pct, if it narrowed as 1/sqrt(n): n * (half / goal)^2,
 * rounded up; NaN when that is not a finite number. */
double summary_samples_for(size_t n, double half_pct, double goal_pct);
/* The samples whose median's interval would lie within +-goal_pct, read
 * from the middle half of s's samples as a normal sample's would: (1.82
 * (q3 - q1) / median / goal)^2, rounded up; NaN from fewer than 4
 * samples, or when that is not a finite number. Unlike
 * summary_samples_for it does not take the interval of a few samples
 * (about [min, max] at 8) for their spread. */
double summary_samples_at_spread(const struct stats_summary *s,
				 double goal_pct);

/* How precise a run's rows of one unit are: of the rows measured (not
 * deleted by the compiler), those whose interval is within +-1%, 3% and
 * 5% of the median, and those ok (the goal met), wide and disturbed. */
/* few: rows of fewer than SUMMARY_FEWEST samples, which meet no goal (a
 * summary.csv from before they were flagged calls them ok). */
struct summary_precision {
	size_t measured, within1, within3, within5, ok, wide, disturbed, spread;
	size_t few;
};
void summary_precision_of(const struct summary_row *rows, size_t nrows,
			  const char *unit, struct summary_precision *p);
/* The columns of summary.csv, NULL-terminated, in the order written. */
extern const char *const summary_columns[];
/* Requires every column of summary.csv but q1 and q3, which older runs
 * lack (read as NaN); the error names the first missing one. */
struct csv_table;
int summary_require(const struct csv_table *t, char *err, size_t errlen);
void summary_free(struct summary_row *rows, size_t n);

/* summary.csv read back, every row of it: the one reader of the file.
 * Rows without samples (n = 0) have NaN figures; baseline is NULL where
 * the column is empty, baseline_found set where its figures are there.
 * The rows point into csv's strings; toolchains lists the toolchain
 * column's values in order of appearance. */
struct summary_table {
	struct csv_table *csv;
	struct summary_row *rows;
	size_t nrows;
	const char **toolchains;
	size_t ntoolchains;
	struct key_index *first; /* each key's first row, for summary_row_of */
};
/* A missing column, a bad schema, number or status word is an error
 * naming file:line. */
int summary_read(const char *path, struct summary_table *t, char *err,
		 size_t errlen);
int summary_parse(const char *text, const char *source, struct summary_table *t,
		  char *err, size_t errlen);
void summary_table_free(struct summary_table *t);

/* A table over rows made in memory (borrowed, not freed with it): its
 * toolchains listed; free them with free(t->toolchains). */
void summary_table_of(struct summary_table *t, struct summary_row *rows,
		      size_t n);

/* Queries of a table. A row has a figure when it has samples and the
 * compiler did not delete its work. */
int summary_measured(const struct summary_table *t, size_t r);
/* The index of the row of these keys that has a figure, or -1. */
long summary_row_of(const struct summary_table *t, const char *family,
		    const char *variant, const char *toolchain,
		    const char *param, const char *unit);
/* Its median, NaN when there is no such row. */
double summary_median_of(const struct summary_table *t, const char *family,
			 const char *variant, const char *toolchain,
			 const char *param, const char *unit);
/* The largest N of the params "<prefix>N" of a family's variant, or -1. */
/* The number of a param "key=N" (its key's length, "=" included, in
 * *klen); NaN when the param is not one such level. */
double summary_param_number(const char *param, size_t *klen);
/* Whether a family's rows of unit sweep a numeric param over more than
 * two values (batch sizes, goroutines): its key ("n=") in key and the
 * number of values in *values. */
int summary_sweep(const struct summary_table *t, const char *family,
		  const char *unit, char *key, size_t keylen, size_t *values);
/* The numbers after prefix of the params of (family, variant,
 * toolchain) rows, each once, largest first, in *out (the caller frees
 * it); how many. */
size_t summary_param_values(const struct summary_table *t, const char *family,
			    const char *variant, const char *toolchain,
			    const char *prefix, long **out);
long summary_max_param(const struct summary_table *t, const char *family,
		       const char *variant, const char *toolchain,
		       const char *prefix);

#endif
