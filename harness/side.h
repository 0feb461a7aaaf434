/* side: one run as cgobench compare reads it, from a run directory or
 * one of its CSVs: its rows (computed from raw.csv's samples where it
 * has them, else summary.csv's), the lookups compare makes of them, and
 * what its machine.txt says of the CPUs and the load. side_load fills a
 * struct side, which side_free frees (after a failed load as well). */
#ifndef CGOBENCH_SIDE_H
#define CGOBENCH_SIDE_H

#include "raw.h"
#include "summary.h"
#include "util.h"

#include <stddef.h>
#include <sys/types.h>

/* One run as read: its samples when it has them, its summary.csv when
 * it has one, and the rows compared: computed from the samples, or
 * summary.csv's own. */
struct side {
	const char *path;
	struct raw_table raw;
	int has_raw;
	struct summary_table sum;
	int has_sum;
	struct summary_row *rows;
	size_t nrows;
	/* lookups that would scan a table per row: rows by every key, and
	 * without toolchain and compiler; summary.csv's rows by case and
	 * variant, by case, variant, param and unit, and by every key */
	struct key_index by_key, by_key_any, sum_variant, sum_order, sum_key;
	struct summary_samples samples; /* of rows, when has_raw */
	char *machine; /* machine.txt beside its files, or NULL */
	int busy;      /* machine.txt says the machine was busy (load_busy) */
	/* machine.txt's pinned CPU ("none", or "unknown" without one), and
	 * the families it names as run unpinned */
	char *pinned, *unpinned;
	/* transfer.csv beside raw.csv (raw.h), when both are there: the
	 * transfer each sample met, as rows of unit RAW_TRANSFER with their
	 * samples, and by benchmark (all keys but the unit) */
	struct raw_table transfer;
	struct summary_row *trows;
	size_t ntrows;
	struct summary_samples tsamples;
	struct key_index tkey;
	int has_transfer;
	/* the files read, raw.csv's and summary.csv's, as device and inode
	 * (all 0 for one not read): side_same_run compares them */
	dev_t raw_dev, sum_dev;
	ino_t raw_ino, sum_ino;
};

/* 0, or -1 with err set: path is missing, unreadable, or holds neither
 * raw.csv nor summary.csv. */
int side_load(struct side *s, const char *path, char *err, size_t errlen);
void side_free(struct side *s);

/* 1 when a and b read one file, raw.csv or summary.csv, under two names
 * or one: the same run, whose comparison with itself finds nothing. */
int side_same_run(const struct side *a, const struct side *b);

/* 1 when the run holds exactly one toolchain and C compiler. */
int side_one_toolchain(const struct side *s);

/* r's row in s, by every key, or without toolchain and compiler
 * (any_tc); NULL when s has none. */
const struct summary_row *side_match(const struct side *s,
				     const struct summary_row *r, int any_tc);

/* r's baseline row in s: of the same param, or the first one without. */
const struct summary_row *side_baseline_row(const struct side *s,
					    const struct summary_row *r);

/* A copy of r's samples, r a row of s, to free; *n of them. */
double *side_samples(const struct side *s, const struct summary_row *r,
		     size_t *n);

/* The transfer of r's benchmark's samples (transfer.csv) into *v, and
 * their repetitions into *reps; how many, 0 when s has none of them. */
size_t side_transfer(const struct side *s, const struct summary_row *r,
		     const double **v, const int **reps);

/* Whether a benchmark on every CPU, row a of os and b of ns, met other
 * placements of the CPUs in the two runs, by the transfer its samples
 * met (transfer.csv): known when each run recorded the transfer of
 * SIDE_PLACED_N of its samples or more; placed, when known, if the
 * transfers of both runs' samples fall in two placements (two groups,
 * their medians MACHINE_PLACED times apart or more), its figure tracks
 * the transfer over them (Pearson's r at least SIDE_PLACED_R, spread.c's
 * SPREAD_TRACKS) and the two runs' transfers differ (Mann-Whitney p
 * under alpha). old_med and new_med
 * are the medians of each run's transfers. A row that does not track
 * it, as a crossing by one goroutine, is judged on, whatever placement
 * it met; one that tracks it, in runs that met the same placements, too.
 * Without the two placements, a real slowdown of a row in a run whose
 * transfers lay a little higher (355 against 389 ns, one placement)
 * was held back (docs/precision.md item 67). */
#define SIDE_PLACED_N 4
#define SIDE_PLACED_R 0.7
struct side_placed {
	int known, placed;
	double r, p, old_med, new_med;
};
struct side_placed side_placed(const struct side *os,
			       const struct summary_row *a,
			       const struct side *ns,
			       const struct summary_row *b, double alpha);

/* The row of s's summary.csv that r stands for: r itself, or for a row
 * computed from raw.csv, its summary.csv row's (NULL when none). */
const struct summary_row *side_summary_of(const struct side *s,
					  const struct summary_row *r);

/* Whether r's family ran pinned to one CPU in s (side.c's pinned_name
 * says what that means), and whether a of os and b of ns both did. */
int side_pinned_family(const struct side *s, const struct summary_row *r);
int side_pinned_in_both(const struct side *os, const struct summary_row *a,
			const struct side *ns, const struct summary_row *b);

/* "TOOLCHAIN CC" of s's first row, with " and others" when s holds
 * more than one; "" for a run of no rows. buf holds it. */
const char *side_toolchain_label(const struct side *s, char *buf, size_t len);

/* The benchmarks ("case variant param", and the toolchain when rows
 * match by it) of side a that side b has no row of, each once and
 * sorted, into *names (*n of them, to free with side_names_free); a unit
 * of a benchmark that b has in another unit, with it ("... (cpus)"). */
void side_only_in(const struct side *a, const struct side *b, int any_tc,
		  char ***names, size_t *n);
void side_names_free(char **names, size_t n);

#endif
