/* stats: the statistics of a set of samples, all distribution-free.
 *
 * The interval for a median comes from order statistics (the binomial
 * distribution of how many samples fall below the true median), so it
 * assumes nothing about the shape of the timings, interpolated between
 * two ranks so that it covers 95%, not the 95.6% (n=30) to 99.2% (n=8)
 * of one rank alone (Hettmansperger and Sheather's interpolation;
 * test_stats measures its coverage). The interval for the
 * difference and the ratio of two medians comes from a percentile
 * bootstrap with a fixed seed, so that the same samples always give the
 * same interval; that of paired samples, from the order statistics of
 * their differences and ratios. Inputs are never modified. */
#ifndef CGOBENCH_STATS_H
#define CGOBENCH_STATS_H

/* The bootstrap of every interval of a difference: resamples and seed,
 * one pair for the whole harness so that summary.csv and compare agree. */
#define STATS_BOOTSTRAP_RESAMPLES 10000
#define STATS_BOOTSTRAP_SEED	  0x5eed
/* Above this many samples a resample's median is drawn as an order
 * statistic (a Beta variate) of the sorted samples instead of resampling
 * and sorting n values: the same distribution, in constant time. */
#define STATS_BOOTSTRAP_DIRECT_MAX 1000

#include <stddef.h>
#include <stdint.h>

struct stats_summary {
	size_t n;
	double median, min, max;
	double q1, q3; /* the quartiles (stats_quantile_sorted) */
	double ci_low, ci_high;
	double ci_level; /* the level asked for; below it when n < 6 */
};

double stats_median(const double *x, size_t n);
/* The spread of x[0..n) that a few far values do not move: the median
 * absolute deviation from the median, times 1.4826 (the standard
 * deviation, for normal values); NaN when n is 0. */
double stats_robust_sd(const double *x, size_t n);

/* The largest k such that [x(k), x(n+1-k)] (1-based order statistics)
 * covers the median with probability >= level; 0 when no such k exists
 * (too few samples). *reached is the exact coverage of that interval, or
 * of [min, max] when k is 0. */
size_t stats_median_ci_rank(size_t n, double level, double *reached);

/* Fills s from x[0..n); with n < 6 no 95% interval exists and the
 * interval is [min, max] with its lower ci_level. n must be > 0. */
void stats_summarize(const double *x, size_t n, double level,
		     struct stats_summary *s);

struct stats_diff {
	double diff, diff_low, diff_high;    /* median(a) - median(b) */
	double ratio, ratio_low, ratio_high; /* median(a) / median(b) */
};

/* Percentile bootstrap of the difference and ratio of the medians of a
 * and b with `resamples` draws from seed. */
void stats_bootstrap_diff(const double *a, size_t na, const double *b,
			  size_t nb, double level, int resamples, uint64_t seed,
			  struct stats_diff *d);

/* The ratios a[i] / b[i] of n pairs into out (which may be a), the pairs
 * whose b[i] is 0 left out; returns how many. */
size_t stats_pair_ratios(const double *a, const double *b, size_t n,
			 double *out);

/* The median of the differences a[i] - b[i] and of the ratios a[i] / b[i]
 * of n paired samples (each pair taken in the same round, so that a
 * machine that drifts moves both), with order-statistics intervals as
 * stats_summarize's; n must be > 0. */
void stats_paired_diff(const double *a, const double *b, size_t n, double level,
		       struct stats_diff *d);

/* Percentile bootstrap of how the difference of two medians changed from
 * one run to another: (median(a2) - median(b2)) - (median(a1) - median(b1)),
 * as [*low, *high] at level. */
void stats_bootstrap_change(const double *a1, size_t na1, const double *b1,
			    size_t nb1, const double *a2, size_t na2,
			    const double *b2, size_t nb2, double level,
			    int resamples, uint64_t seed, double *low,
			    double *high);

/* Two-sided Mann-Whitney U test of a against b: the probability of a
 * rank difference at least this large if both came from one distribution.
 * Exact (the distribution of U counted over all rank orders) when there
 * are no ties and na, nb <= 50; otherwise the normal approximation with
 * the tie and continuity corrections. *u is U of a. NaN (and *u NaN)
 * when a value is NaN. */
double stats_mann_whitney(const double *a, size_t na, const double *b,
			  size_t nb, double *u);

/* Pearson's correlation of x and y, n pairs; NaN with fewer than 3, or
 * when either does not vary. */
double stats_correlation(const double *x, const double *y, size_t n);

/* Two groups among n positive values: the split of their logs, sorted,
 * into a lower group of nlow and an upper one, each of at least
 * max(2, n/5), that leaves the least spread within them (2-means in
 * one dimension), kept when the groups lie further apart than their own
 * spread explains: Ashman's D, the distance of the groups' means over
 * their pooled standard deviation, times the root of 2, above 4 + 40/n,
 * which 1% or fewer of normal or heavy-tailed samples reach (simulated,
 * docs/precision.md item 34). low and high are each group's least and
 * largest value, med each group's median (the lower group's first). */
struct stats_groups {
	size_t nlow;
	double low[2], high[2];
	double d;
	double med[2];
};

/* 1 and g filled when x[0..n) falls in two groups, else 0. */
int stats_two_groups(const double *x, size_t n, struct stats_groups *g);

/* Sorts an array of doubles in place. */
void stats_sort(double *x, size_t n);
/* The q-quantile (0..1) of sorted x by linear interpolation. */
double stats_quantile_sorted(const double *x, size_t n, double q);

/* splitmix64: a small, well-mixed generator for shuffles and bootstraps. */
uint64_t stats_rand(uint64_t *state);

#endif
