/* stats: the statistics of a set of samples, all distribution-free.
 *
 * The interval for a median comes from order statistics (the binomial
 * distribution of how many samples fall below the true median), so it
 * assumes nothing about the shape of the timings. The interval for the
 * difference and the ratio of two medians comes from a percentile
 * bootstrap with a fixed seed, so that the same samples always give the
 * same interval. Inputs are never modified. */
#ifndef CGOBENCH_STATS_H
#define CGOBENCH_STATS_H

#include <stddef.h>
#include <stdint.h>

struct stats_summary {
	size_t n;
	double median, min, max;
	double ci_low, ci_high;
	double ci_level; /* the coverage actually reached, e.g. 0.9785 */
};

double stats_median(const double *x, size_t n);

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

/* Sorts an array of doubles in place. */
void stats_sort(double *x, size_t n);
/* The q-quantile (0..1) of sorted x by linear interpolation. */
double stats_quantile_sorted(const double *x, size_t n, double q);

/* splitmix64: a small, well-mixed generator for shuffles and bootstraps. */
uint64_t stats_rand(uint64_t *state);

#endif
