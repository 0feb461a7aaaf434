/* Statistics against values worked out by hand. */
#include "testutil.h"

#include "stats.h"
#include "summary.h"

#include <math.h>
#include <stdlib.h>
#include <unistd.h>

static void medians(void **state)
{
	(void)state;
	double odd[] = {5, 1, 3};
	double even[] = {4, 1, 3, 2};
	assert_true(stats_median(odd, 3) == 3);
	assert_true(stats_median(even, 4) == 2.5);
	assert_true(odd[0] == 5); /* input untouched */
}

static void ci_ranks(void **state)
{
	(void)state;
	double reached;
	/* n=10: P(Bin(10,1/2) <= 1) = 11/1024, so [x(2), x(9)] covers with
	 * 1 - 22/1024 = 0.978515625; [x(3), x(8)] only 1 - 112/1024. */
	assert_int_equal(stats_median_ci_rank(10, 0.95, &reached), 2);
	assert_true(fabs(reached - 0.978515625) < 1e-12);
	/* n=5: even [min, max] covers only 1 - 2/32 = 0.9375 */
	assert_int_equal(stats_median_ci_rank(5, 0.95, &reached), 0);
	assert_true(fabs(reached - 0.9375) < 1e-12);
	/* n=6: [min, max] covers 1 - 2/64 = 0.96875 */
	assert_int_equal(stats_median_ci_rank(6, 0.95, &reached), 1);
	/* SUMMARY_FEWEST is the fewest samples with a 95% interval */
	assert_int_equal(
	    stats_median_ci_rank(SUMMARY_FEWEST - 1, SUMMARY_LEVEL, NULL), 0);
	assert_int_equal(
	    stats_median_ci_rank(SUMMARY_FEWEST, SUMMARY_LEVEL, NULL), 1);
	assert_true(fabs(reached - 0.96875) < 1e-12);
	/* a coverage exactly at the level is enough */
	assert_int_equal(stats_median_ci_rank(6, reached, NULL), 1);
	assert_int_equal(stats_median_ci_rank(6, nextafter(reached, 1), NULL),
			 0);
	/* n=20: P(Bin <= 5) = 21700/1048576, cover 0.95861 >= 0.95;
	 * P(Bin <= 6) = 60460/1048576, cover 0.88468 */
	assert_int_equal(stats_median_ci_rank(20, 0.95, &reached), 6);
	assert_true(fabs(reached - (1 - 2 * 21700.0 / 1048576)) < 1e-12);
}

static void summarize(void **state)
{
	(void)state;
	double x[] = {7, 3, 10, 1, 5, 9, 2, 8, 4, 6};
	struct stats_summary s;
	stats_summarize(x, 10, 0.95, &s);
	assert_int_equal(s.n, 10);
	assert_true(s.median == 5.5);
	assert_true(s.min == 1 && s.max == 10);
	/* [x(2), x(9)] covers 0.978515625 and [x(3), x(8)] 0.890625
	 * (ci_ranks); i = (0.978515625 - 0.95) / (0.978515625 - 0.890625)
	 * = 73/225, lam = 8i / (2 + 6i) = 584/888: each end moves that far
	 * from x(2), x(9) toward x(3), x(8), and the interval is 95% */
	assert_true(fabs(s.ci_low - (2 + 584.0 / 888)) < 1e-12);
	assert_true(fabs(s.ci_high - (9 - 584.0 / 888)) < 1e-12);
	assert_true(s.ci_level == 0.95);
	/* the quartiles, between order statistics: 1 + 9 * 0.25 and 0.75 */
	assert_true(s.q1 == 3.25 && s.q3 == 7.75);
	double few[] = {3, 1, 2};
	stats_summarize(few, 3, 0.95, &s);
	assert_true(s.ci_low == 1 && s.ci_high == 3);
	assert_true(fabs(s.ci_level - 0.75) < 1e-12);
}

static void quantiles(void **state)
{
	(void)state;
	double x[] = {1, 2, 3, 4, 5};
	assert_true(stats_quantile_sorted(x, 5, 0) == 1);
	assert_true(stats_quantile_sorted(x, 5, 1) == 5);
	assert_true(stats_quantile_sorted(x, 5, 0.5) == 3);
	assert_true(stats_quantile_sorted(x, 5, 0.125) == 1.5);
}

static void bootstrap_constant(void **state)
{
	(void)state;
	double a[] = {10, 10, 10, 10}, b[] = {4, 4, 4};
	struct stats_diff d;
	stats_bootstrap_diff(a, 4, b, 3, 0.95, 1000, 1, &d);
	assert_true(d.diff == 6 && d.diff_low == 6 && d.diff_high == 6);
	assert_true(d.ratio == 2.5 && d.ratio_low == 2.5 &&
		    d.ratio_high == 2.5);
}

static void bootstrap_brackets_and_repeats(void **state)
{
	(void)state;
	double a[] = {30, 31, 29, 30.5, 29.5, 30, 31.5, 28.5, 30, 30};
	double b[] = {1.5, 1.4, 1.6, 1.5, 1.45, 1.55, 1.5, 1.5, 1.52, 1.48};
	struct stats_diff d1, d2;
	stats_bootstrap_diff(a, 10, b, 10, 0.95, 5000, 42, &d1);
	stats_bootstrap_diff(a, 10, b, 10, 0.95, 5000, 42, &d2);
	assert_true(d1.diff == 28.5); /* 30 - 1.5 */
	assert_true(d1.diff_low <= d1.diff && d1.diff <= d1.diff_high);
	assert_true(d1.diff_low >= 29 - 1.6 && d1.diff_high <= 31 - 1.4);
	assert_true(d1.ratio_low <= d1.ratio && d1.ratio <= d1.ratio_high);
	assert_memory_equal(&d1, &d2, sizeof d1);
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* A resample of n values drawn as the direct path draws them (n indexes
 * of stats_rand, each modulo n), sorted, its median. */
static double drawn_median(const double *x, size_t n, double *buf,
			   uint64_t *rng)
{
	for (size_t i = 0; i < n; i++)
		buf[i] = x[stats_rand(rng) % n];
	qsort(buf, n, sizeof *buf, by_value);
	return n % 2 ? buf[n / 2] : (buf[n / 2 - 1] + buf[n / 2]) / 2;
}

/* The direct path's interval is the sorted resamples' own, to the bit,
 * however each resample's median is found: against the definition
 * above, with ties, odd and even n, and the largest direct n. */
static void bootstrap_direct_exact(void **state)
{
	(void)state;
	const size_t sizes[] = {1, 2, 7, 8, 31, STATS_BOOTSTRAP_DIRECT_MAX};
	for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
		size_t n = sizes[s], nb = n / 2 + 1;
		double *a = malloc(n * sizeof *a), *b = malloc(nb * sizeof *b);
		double *buf = malloc(n * sizeof *buf);
		for (size_t i = 0; i < n; i++) /* ties: a value each 5 */
			a[i] = 20 + (double)((i * 7919) % n / 5) * 0.25;
		for (size_t i = 0; i < nb; i++)
			b[i] = 1 + (double)((i * 31) % nb) * 0.01;
		const int resamples = 501;
		/* the tails as the code finds them: (1 - 0.95) / 2 is not
		 * 0.025 to the bit */
		const double t = (1 - 0.95) / 2;
		double *diffs = malloc(resamples * sizeof *diffs);
		double *ratios = malloc(resamples * sizeof *ratios);
		uint64_t rng = 99;
		for (int i = 0; i < resamples; i++) {
			double ra = drawn_median(a, n, buf, &rng);
			double rb = drawn_median(b, nb, buf, &rng);
			diffs[i] = ra - rb;
			ratios[i] = ra / rb;
		}
		qsort(diffs, resamples, sizeof *diffs, by_value);
		qsort(ratios, resamples, sizeof *ratios, by_value);
		struct stats_diff d;
		stats_bootstrap_diff(a, n, b, nb, 0.95, resamples, 99, &d);
		assert_true(d.diff_low ==
			    stats_quantile_sorted(diffs, resamples, t));
		assert_true(d.diff_high ==
			    stats_quantile_sorted(diffs, resamples, 1 - t));
		assert_true(d.ratio_low ==
			    stats_quantile_sorted(ratios, resamples, t));
		assert_true(d.ratio_high ==
			    stats_quantile_sorted(ratios, resamples, 1 - t));
		/* the change of two overheads draws a1, b1, a2, b2 in turn */
		rng = 5;
		for (int i = 0; i < resamples; i++) {
			double o1 = drawn_median(a, n, buf, &rng) -
				    drawn_median(b, nb, buf, &rng);
			double o2 = drawn_median(b, nb, buf, &rng) -
				    drawn_median(a, n, buf, &rng);
			diffs[i] = o2 - o1;
		}
		qsort(diffs, resamples, sizeof *diffs, by_value);
		double lo, hi;
		stats_bootstrap_change(a, n, b, nb, b, nb, a, n, 0.95,
				       resamples, 5, &lo, &hi);
		assert_true(lo == stats_quantile_sorted(diffs, resamples, t));
		assert_true(hi ==
			    stats_quantile_sorted(diffs, resamples, 1 - t));
		free(a);
		free(b);
		free(buf);
		free(diffs);
		free(ratios);
	}
}

/* A baseline of 0 in some resamples makes their ratio NaN: the ratio's
 * interval is still that of the resamples sorted as stats_sort sorts
 * them, NaN and all, as it was. */
static void bootstrap_nan_ratios(void **state)
{
	(void)state;
	double a[] = {10, 11, 12, 13, 14, 15, 16}, b[] = {0, 0, 0, 1, 2, 3};
	const int resamples = 301;
	double *buf = malloc(8 * sizeof *buf), r[301];
	uint64_t rng = 3;
	size_t nans = 0;
	for (int i = 0; i < resamples; i++) {
		double ra = drawn_median(a, 7, buf, &rng);
		double rb = drawn_median(b, 6, buf, &rng);
		r[i] = rb != 0 ? ra / rb : NAN;
		nans += isnan(r[i]);
	}
	assert_true(nans > 10 && nans < 290);
	qsort(r, resamples, sizeof *r, by_value);
	const double t = (1 - 0.95) / 2;
	double lo = stats_quantile_sorted(r, resamples, t),
	       hi = stats_quantile_sorted(r, resamples, 1 - t);
	struct stats_diff d;
	stats_bootstrap_diff(a, 7, b, 6, 0.95, resamples, 3, &d);
	assert_memory_equal(&d.ratio_low, &lo, sizeof lo);
	assert_memory_equal(&d.ratio_high, &hi, sizeof hi);
	free(buf);
}

/* The 95% interval of the median of n uniforms on [0, 1] is about
 * +-1.96 / (2 sqrt n) wide each side, whether each resample is drawn
 * (n up to STATS_BOOTSTRAP_DIRECT_MAX) or its median is drawn as an order
 * statistic (above): both paths, odd and even n, against the theory. */
static void bootstrap_many_samples(void **state)
{
	(void)state;
	const size_t sizes[] = {999, 1000, 2001, 4000};
	double zero = 0;
	for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
		size_t n = sizes[s];
		double *a = malloc(n * sizeof *a);
		for (size_t i = 0; i < n; i++) /* out of order on purpose */
			a[i] = (double)((i * 7919) % n) / (double)(n - 1);
		struct stats_diff d;
		stats_bootstrap_diff(a, n, &zero, 1, 0.95, 4000, 7, &d);
		double want = 2 * 1.96 / (2 * sqrt((double)n));
		double got = d.diff_high - d.diff_low;
		assert_true(got > 0.85 * want && got < 1.15 * want);
		assert_true(fabs(d.diff - 0.5) < 1e-9);
		assert_true(fabs((d.diff_low + d.diff_high) / 2 - 0.5) <
			    0.15 * want);
		double lo, hi;
		stats_bootstrap_change(&zero, 1, &zero, 1, a, n, &zero, 1, 0.95,
				       4000, 7, &lo, &hi);
		assert_true(hi - lo > 0.85 * want && hi - lo < 1.15 * want);
		free(a);
	}
}

/* 100,000 samples: the rank near n/2 - 1.96 sqrt(n) / 2, found in
 * linear time (the quadratic sum took minutes). */
/* Paired samples: the median of the differences and of the ratios, with
 * the order-statistics interval of each (n=6: between [min, max] and
 * [x(2), x(5)]; n=5: [min, max], below 95%); a pair whose
 * baseline is 0 has a difference but no ratio. */
static void paired(void **state)
{
	(void)state;
	const double a[] = {10, 11, 12, 13, 14, 15},
		     b[] = {5, 5.5, 6, 6.5, 7, 7.5};
	struct stats_diff d;
	stats_paired_diff(a, b, 6, 0.95, &d);
	assert_true(d.diff == 6.25);
	/* n=6: [min, max] covers 62/64, [x(2), x(5)] 50/64: i = 0.1, lam =
	 * 5i / (1 + 4i) = 5/14 of the gap of 0.5 at each end */
	assert_true(fabs(d.diff_low - (5 + 2.5 / 14)) < 1e-12);
	assert_true(fabs(d.diff_high - (7.5 - 2.5 / 14)) < 1e-12);
	assert_true(d.ratio == 2 && d.ratio_low == 2 && d.ratio_high == 2);
	const double z[] = {0, 1, 1, 1, 1, 1};
	stats_paired_diff(a, z, 6, 0.95, &d);
	assert_true(d.diff == 11.5);
	assert_true(d.ratio == 13 && d.ratio_low == 11 && d.ratio_high == 15);
	stats_paired_diff(a, (const double[]){0, 0, 0, 0, 0, 0}, 6, 0.95, &d);
	assert_true(isnan(d.ratio) && isnan(d.ratio_low));
}

static void ci_rank_large(void **state)
{
	(void)state;
	double reached;
	size_t k = stats_median_ci_rank(100000, 0.95, &reached);
	assert_true(k > 49685 && k < 49695);
	assert_true(reached >= 0.95 && reached < 0.952);
}

/* The interval covers the true median 95% of the time (94.7% to 95.1%
 * here), not the 95.6% to 99.2% of its order statistics alone at these n
 * (or less, had the interpolation gone the wrong way): 20,000 draws each
 * of n exponential samples (skewed, as timings are, with median ln 2), a
 * fixed seed. docs/precision.md cites these figures. */
static void ci_covers_level(void **state)
{
	(void)state;
	const size_t sizes[] = {7, 8, 10, 15, 20, 30};
	uint64_t rng = 11;
	double x[30];
	for (size_t z = 0; z < sizeof sizes / sizeof *sizes; z++) {
		int hits = 0, draws = 20000;
		for (int d = 0; d < draws; d++) {
			for (size_t i = 0; i < sizes[z]; i++)
				x[i] =
				    -log1p(-(double)(stats_rand(&rng) >> 11) *
					   0x1p-53);
			struct stats_summary s;
			stats_summarize(x, sizes[z], 0.95, &s);
			hits += s.ci_low <= M_LN2 && M_LN2 <= s.ci_high;
		}
		assert_in_range(hits, (int)(0.94 * draws),
				(int)(0.955 * draws));
	}
}

/* A normal variate from two uniforms (Box-Muller), for the test below. */
static double normal(uint64_t *rng)
{
	double u1 = ((double)(stats_rand(rng) >> 11) + 1) * 0x1p-53,
	       u2 = (double)(stats_rand(rng) >> 11) * 0x1p-53;
	return sqrt(-2 * log(u1)) * cos(2 * M_PI * u2);
}

/* A run stops a row once its interval is within the goal (schedule.c):
 * 8 samples, then one more at a time up to 30 until within +-3%. Looking
 * again after each sample costs coverage: of 4,000 rows of lognormal
 * samples (median 1, sigma 0.05, as wide as a row here that stops after
 * about 20 samples), 92.6% cover the true median (93.5% with one rank's
 * interval alone, before the interpolation), against 95% at any fixed
 * n. docs/precision.md cites these figures. */
static void ci_covers_with_stopping(void **state)
{
	(void)state;
	uint64_t rng = 5;
	int hits = 0, rows = 4000;
	double x[30];
	for (int r = 0; r < rows; r++) {
		struct stats_summary s;
		size_t n = 0;
		do {
			for (size_t want = n < 8 ? 8 : n + 1; n < want; n++)
				x[n] = exp(0.05 * normal(&rng));
			stats_summarize(x, n, 0.95, &s);
		} while (n < 30 && !(s.ci_low >= 0.97 * s.median &&
				     s.ci_high <= 1.03 * s.median));
		hits += s.ci_low <= 1 && 1 <= s.ci_high;
	}
	assert_in_range(hits, (int)(0.92 * rows), (int)(0.94 * rows));
}

static void rand_spreads(void **state)
{
	(void)state;
	uint64_t s = 7;
	int buckets[4] = {0};
	for (int i = 0; i < 4000; i++)
		buckets[stats_rand(&s) % 4]++;
	for (int i = 0; i < 4; i++)
		assert_in_range(buckets[i], 850, 1150);
}

/* A value that is not a number has no rank: the test says nothing (NaN)
 * rather than counting its ties forever, as it did on compare's ratios
 * to a baseline of 0 B/op (0/0). Infinities rank, as the largest. */
static void mann_whitney_without_a_number(void **state)
{
	(void)state;
	alarm(10); /* a hang is a failure, not a stalled make unit */
	double u, a[] = {1, 2, NAN}, b[] = {4, 5, 6};
	assert_true(isnan(stats_mann_whitney(a, 3, b, 3, &u)));
	assert_true(isnan(u));
	assert_true(isnan(stats_mann_whitney(b, 3, a, 3, NULL)));
	double n[] = {NAN, NAN}, i[] = {7, INFINITY, 8};
	assert_true(isnan(stats_mann_whitney(n, 2, n, 2, NULL)));
	assert_true(fabs(stats_mann_whitney(b, 3, i, 3, &u) - 0.1) < 1e-12);
	assert_true(u == 0);
	alarm(0);
}

static void mann_whitney(void **state)
{
	(void)state;
	double u;
	/* no overlap, 3 and 3: one order in C(6,3) = 20 gives U = 0, so the
	 * two-sided p is 2/20 */
	double a[] = {1, 2, 3}, b[] = {4, 5, 6};
	assert_true(fabs(stats_mann_whitney(a, 3, b, 3, &u) - 0.1) < 1e-12);
	assert_true(u == 0);
	assert_true(fabs(stats_mann_whitney(b, 3, a, 3, &u) - 0.1) < 1e-12);
	assert_true(u == 9);
	/* 4 and 4 apart: 2/70 */
	double c[] = {1, 2, 3, 4}, d[] = {5, 6, 7, 8};
	assert_true(fabs(stats_mann_whitney(c, 4, d, 4, &u) - 2.0 / 70) <
		    1e-12);
	/* {1,3,5} against {2,4,6}: U = 0+1+2 = 3; orders with U <= 3 are
	 * 1,1,2,3 of the 20 (U = 0, 1, 2, 2, 3, 3, 3): 7/20, doubled 0.7 */
	double e[] = {1, 3, 5}, f[] = {2, 4, 6};
	assert_true(fabs(stats_mann_whitney(e, 3, f, 3, &u) - 0.7) < 1e-12);
	assert_true(u == 3);
	/* identical samples: ties everywhere, nothing to see */
	double g[] = {5, 5, 5, 5}, h[] = {5, 5, 5, 5};
	assert_true(stats_mann_whitney(g, 4, h, 4, &u) == 1);
	/* 10 against 10 apart: 2 / C(20,10) = 2/184756 */
	double x[10], y[10];
	for (int i = 0; i < 10; i++) {
		x[i] = i;
		y[i] = 100 + i;
	}
	assert_true(fabs(stats_mann_whitney(x, 10, y, 10, &u) - 2.0 / 184756) <
		    1e-15);
	/* large and apart: the normal approximation, tiny p */
	double big_a[60], big_b[60];
	for (int i = 0; i < 60; i++) {
		big_a[i] = i;
		big_b[i] = 1000 + i;
	}
	assert_true(stats_mann_whitney(big_a, 60, big_b, 60, &u) < 1e-15);
}

/* Pearson's r of 12 samples of handles sharded-map at 2 goroutines, 0.1 s
 * each, fresh processes: ns/op and the CPUs each kept busy (the metric
 * cpus of cases/internal/par), against Python's statistics.correlation;
 * NaN for fewer than 3 pairs or a side that does not vary. */
static void correlation(void **state)
{
	(void)state;
	static const double ns[] = {420.2, 273.5, 375.0, 479.9, 485.5, 390.6,
				    445.1, 444.5, 475.3, 373.6, 271.0, 434.4};
	static const double cpus[] = {1.873, 1.551, 1.848, 1.952, 1.948, 1.857,
				      1.915, 1.904, 1.948, 1.826, 1.512, 1.944};
	assert_true(fabs(stats_correlation(ns, cpus, 12) - 0.9571220457951923) <
		    1e-12);
	assert_true(fabs(stats_correlation(cpus, ns, 12) - 0.9571220457951923) <
		    1e-12);
	static const double down[] = {3, 2, 1}, up[] = {10, 20, 30},
			    flat[] = {5, 5, 5};
	assert_true(fabs(stats_correlation(up, down, 3) + 1) < 1e-12);
	assert_true(isnan(stats_correlation(up, flat, 3)));
	assert_true(isnan(stats_correlation(ns, cpus, 2)));
}

/* Two groups: pty-quiet-10's handles sharded-map(object-key) at 2
 * goroutines (results/vm/precision/pty-quiet-10/raw.csv), the shards'
 * false sharing before cb69b5c; pty-quiet-12's data CString+free
 * cgocheck=1, two samples of a slow spell; and the same row at 1
 * goroutine, one group. D against Python's statistics (fmean, pvariance
 * of the logs). */
static void two_groups(void **state)
{
	(void)state;
	static const double shared[] = {210.4, 216.5, 472.2, 447.9,
					429.3, 439.7, 205.6, 449.1};
	static const double slow[] = {65.79, 64.42, 65.54, 100.3, 95.1,
				      65.3,  65.24, 68.18, 67.59, 67.51};
	static const double one[] = {147,   160.1, 151, 165.3,
				     155.4, 152.7, 149, 157.5};
	struct stats_groups g = {0};
	assert_int_equal(stats_two_groups(shared, 8, &g), 1);
	assert_int_equal(g.nlow, 3);
	assert_true(g.low[0] == 205.6 && g.low[1] == 216.5);
	assert_true(g.high[0] == 429.3 && g.high[1] == 472.2);
	assert_true(fabs(g.d - 28.117577035014378) < 1e-9);
	assert_true(g.med[0] == 210.4 && g.med[1] == 447.9);
	assert_int_equal(stats_two_groups(slow, 10, &g), 1);
	assert_int_equal(g.nlow, 8);
	assert_true(g.high[0] == 95.1 && g.high[1] == 100.3);
	assert_true(fabs(g.d - 16.749657995381167) < 1e-9);
	assert_true(fabs(g.med[0] - 65.665) < 1e-9 &&
		    fabs(g.med[1] - 97.7) < 1e-9);
	assert_int_equal(stats_two_groups(one, 8, &g), 0);
	/* one outlier is no group: pty-quiet-10's parallel go->go at 1
	 * goroutine, one sample of 2.62 among nine of 1.73 to 1.84 */
	static const double outlier[] = {1.731, 1.735, 1.74,  1.747, 1.844,
					 1.735, 1.726, 1.728, 2.623, 1.764};
	assert_int_equal(stats_two_groups(outlier, 10, &g), 0);
	/* too few for two groups of 2; none where nothing varies */
	assert_int_equal(stats_two_groups(shared, 3, &g), 0);
	static const double flat[] = {5, 5, 5, 5, 5, 5, 5, 5};
	assert_int_equal(stats_two_groups(flat, 8, &g), 0);
}

/* The bound 4 + 40/n: 8 values whose logs are -a -+ 0.01 and a -+ 0.01,
 * two of each, have D = 2a / 0.01, and the bound at 8 is 9. */
static void two_groups_bound(void **state)
{
	(void)state;
	for (int k = 0; k < 2; k++) {
		double a = k ? 0.0451 : 0.0449, x[8];
		for (int i = 0; i < 8; i++)
			x[i] = exp((i < 4 ? -a : a) + (i % 2 ? 0.01 : -0.01));
		struct stats_groups g = {0};
		assert_int_equal(stats_two_groups(x, 8, &g), k);
	}
}

/* The robust spread: the median absolute deviation times 1.4826; one far
 * value moves it no more than any other above the median would. */
static void robust_sd(void **state)
{
	(void)state;
	static const double x[] = {1, 2, 3, 4, 5}, far[] = {1, 2, 3, 4, 500};
	/* median 3, deviations 2 1 0 1 2: their median 1 */
	assert_true(fabs(stats_robust_sd(x, 5) - 1.4826) < 1e-12);
	assert_true(fabs(stats_robust_sd(far, 5) - 1.4826) < 1e-12);
	static const double even[] = {10, 11, 13, 20};
	/* median 12, deviations 2 1 1 8: their median 1.5 */
	assert_true(fabs(stats_robust_sd(even, 4) - 1.5 * 1.4826) < 1e-12);
	assert_true(stats_robust_sd(x, 1) == 0);
	assert_true(isnan(stats_robust_sd(x, 0)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(medians),
	    cmocka_unit_test(ci_ranks),
	    cmocka_unit_test(summarize),
	    cmocka_unit_test(quantiles),
	    cmocka_unit_test(bootstrap_constant),
	    cmocka_unit_test(bootstrap_brackets_and_repeats),
	    cmocka_unit_test(bootstrap_direct_exact),
	    cmocka_unit_test(bootstrap_nan_ratios),
	    cmocka_unit_test(bootstrap_many_samples),
	    cmocka_unit_test(paired),
	    cmocka_unit_test(ci_rank_large),
	    cmocka_unit_test(ci_covers_level),
	    cmocka_unit_test(ci_covers_with_stopping),
	    cmocka_unit_test(rand_spreads),
	    cmocka_unit_test(mann_whitney),
	    cmocka_unit_test(mann_whitney_without_a_number),
	    cmocka_unit_test(correlation),
	    cmocka_unit_test(two_groups),
	    cmocka_unit_test(two_groups_bound),
	    cmocka_unit_test(robust_sd),
	};
	return cmocka_run_group_tests_name("stats", tests, NULL, NULL);
}
