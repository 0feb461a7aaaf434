/* What compare.c computes and compareout.c writes: the rows of a
 * comparison, and the view each output format is given. */
#ifndef CGOBENCH_COMPAREINT_H
#define CGOBENCH_COMPAREINT_H

#include "side.h"
#include "summary.h"

#include <stdio.h>

/* How far two runs' rows of time lie apart beyond their common shift:
 * the robust spread (stats_robust_sd) of the logs of the new medians
 * over the old, over the rows of the families pinned to one CPU in both
 * runs, and over the rest (on every CPU in either); NaN where fewer than
 * COMPARE_APART_MIN rows give it. Where a class's rows fall in two groups
 * (stats_two_groups: a change of many rows at once, not the runs'
 * spread), each row's log is taken from its group's median first. Two
 * quiet runs of the same code here lay 0.75 to 1.5% apart pinned and
 * 2.2 to 5.5% on every CPU, beyond a common shift of up to 3%; the
 * change of an overhead, or of a value on every CPU, within
 * COMPARE_APART_Z times what that spread makes of it is no regression
 * (compare.c's judge_apart, docs/precision.md item 37). */
#define COMPARE_APART_MIN 10
#define COMPARE_APART_Z	  3
/* A row's own spread between the runs of a history (compare --history,
 * history_spread) stands for its class's where COMPARE_HISTORY_MIN runs
 * or more, the two compared left out, hold its figure: the change
 * between two runs, each as far off, within COMPARE_APART_Z times
 * sqrt(2) times that spread is no regression, whatever the family. */
#define COMPARE_HISTORY_MIN 5
struct apart_class {
	double sd;
	double shift; /* the median log of new over old, their common shift */
	size_t n;
	size_t upper; /* rows of the upper group, 0: one group */
	double gap;   /* the upper group's median log over the lower's */
};
#include "history.h"

struct runs_apart {
	struct apart_class pinned, every;
	int placed;   /* the runs' CPUs sat otherwise (placement_differs) */
	double alpha; /* compare_opts's, for side_placed */
	/* the history of compare --history, the two runs left out; NULL */
	const struct history_runs *history;
	const char *history_path;
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
	/* a ratio's or an overhead's baseline in the old run bore a load
	 * (disturbed, or a busy machine), which may have slowed it more
	 * than its crossing and so lowered both (docs/precision.md item
	 * 55): the new run's rise is a regression only beyond what that
	 * load could have made (old_base_bound, the baseline's load_bound;
	 * NaN where unknown) */
	int old_base_loaded;
	double old_base_bound;
	/* the row's family ran on every CPU in either, and its samples met
	 * other placements of the CPUs in the two runs (side_placed: the
	 * row's, or its baseline's for an overhead or a ratio), or, where
	 * either run did not record them (no transfer.csv), the runs' CPUs
	 * sat otherwise (cmp_view's placement_differs): its slowdown may be
	 * the placement's, and is no regression. placed_by: side_placed's
	 * verdict on the row (or its baseline), known 0 for the runs' */
	int placed;
	struct side_placed placed_by;
	/* a row of B/op whose allocs/op lies under 1 in either run (Go
	 * floors it): its bytes are a sample's few allocations over its ops,
	 * more the fewer ops a slower sample takes, not the op's cost; its
	 * growth is no regression */
	int amortized;
	/* the spread of the row's class of struct runs_apart (NaN: unknown),
	 * and the change it alone could make of the row, COMPARE_APART_Z
	 * times what it makes of the row's figure: a log for a value, a
	 * fraction of the old figure for an overhead (NaN: unknown, or not
	 * judged by it: compare.c's judge_apart); within: the change lies
	 * within it */
	double spread, apart;
	int within;
	/* a row whose two runs' intervals overlap: rows move between runs
	 * of the same code by more than their samples say, the more the
	 * wider their intervals (docs/precision.md items 59, 61 and 68),
	 * and a change the intervals do not separate is no regression,
	 * whatever its p */
	int overlap;
	/* a time from fewer than COMPARE_MIN_N samples in either run: no
	 * finding, significant or not (a count of instructions repeats to
	 * the instruction, and is one from any number) */
	int few;
	/* the row's figure between the history's runs (history_spread;
	 * NaN: none); it stands for spread from COMPARE_HISTORY_MIN runs on
	 * (by_history); typical: the change lies beyond apart, but the
	 * new figure within COMPARE_APART_Z of the history's sd above its
	 * center (the old one lay below it) */
	struct history_spread hist;
	int by_history, typical;
	int pinned; /* its family pinned to one CPU in both runs */
	/* a row of ns/item whose row of ns/op (the same benchmark and
	 * metric) is compared too: ns/item is ns/op over an op's items in
	 * every sample, so both change alike, and the verdict counts the
	 * change once, by the row of ns/op (compare.c's mark_repeats) */
	int repeats;
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
	/* where a first touch of fresh memory cost otherwise (machine.txt's
	 * fault-ns), or NULL */
	const char *faults_differ;
	/* each run's machine.txt text, or NULL where it has none */
	const char *old_machine, *new_machine;
	struct runs_apart apart;
	int normalize; /* the rows are ratios (compare_opts's normalize) */
	char **only_old, **only_new;
	size_t nonly_old, nonly_new;
};

/* Writes v in format (enum compare_format). */
void compare_write(int format, FILE *out, const struct cmp_view *v);

/* compareout.c: the rows held back (counted once, a repeat of ns/op
 * left out), and those judged by their history. */
size_t compare_inconclusive(const struct cmp_view *v);
size_t compare_by_history(const struct cmp_view *v);
/* Which run has no machine.txt ("old", "new" or "both"), whose machine
 * and way of measuring compare cannot tell; NULL when both have one. */
const char *compare_machine_unknown(const struct cmp_view *v);
/* comparerows.c: v as CSV, a row a line, and as JSON. */
void compare_write_csv(FILE *out, const struct cmp_view *v);
void compare_write_json(FILE *out, const struct cmp_view *v);

#endif
