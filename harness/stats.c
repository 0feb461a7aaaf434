#include "stats.h"

#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The split of sorted logs y[0..n) that leaves the least sum of squares
 * within its two groups, each of at least m; its lower group's size. */
static size_t least_split(const double *y, size_t n, size_t m)
{
	double tot = 0, tot2 = 0, best = INFINITY;
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		tot += y[i];
		tot2 += y[i] * y[i];
	}
	double s = 0, s2 = 0;
	for (size_t i = 1; i < n; i++) {
		s += y[i - 1];
		s2 += y[i - 1] * y[i - 1];
		if (i < m || n - i < m)
			continue;
		double a = (double)i, b = (double)(n - i);
		double ss =
		    (s2 - s * s / a) + (tot2 - s2 - (tot - s) * (tot - s) / b);
		if (ss < best) {
			best = ss;
			at = i;
		}
	}
	return at;
}

/* The mean and population variance of y[0..n). */
static void mean_var(const double *y, size_t n, double *mean, double *var)
{
	double m = 0, v = 0;
	for (size_t i = 0; i < n; i++)
		m += y[i] / (double)n;
	for (size_t i = 0; i < n; i++)
		v += (y[i] - m) * (y[i] - m) / (double)n;
	*mean = m;
	*var = v;
}

int stats_two_groups(const double *x, size_t n, struct stats_groups *g)
{
	size_t m = (n + 4) / 5 > 2 ? (n + 4) / 5 : 2;
	if (n < 2 * m)
		return 0;
	double *v = xcalloc(n, sizeof *v), *y = xcalloc(n, sizeof *y);
	memcpy(v, x, n * sizeof *v);
	stats_sort(v, n);
	for (size_t i = 0; i < n; i++)
		y[i] = log(v[i]);
	size_t k = v[0] > 0 && isfinite(y[n - 1]) ? least_split(y, n, m) : 0;
	int two = 0;
	if (k) {
		double ma, va, mb, vb;
		mean_var(y, k, &ma, &va);
		mean_var(y + k, n - k, &mb, &vb);
		double d = mb > ma ? M_SQRT2 * (mb - ma) / sqrt(va + vb) : 0;
		two = d > 4 + 40 / (double)n;
		if (two)
			*g = (struct stats_groups){
			    k,
			    {v[0], v[k - 1]},
			    {v[k], v[n - 1]},
			    d,
			    {stats_quantile_sorted(v, k, 0.5),
			     stats_quantile_sorted(v + k, n - k, 0.5)}};
	}
	free(v);
	free(y);
	return two;
}

void stats_sort(double *x, size_t n)
{
	qsort(x, n, sizeof *x, cmp_double);
}

static double median_sorted(const double *x, size_t n)
{
	return n % 2 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
}

double stats_median(const double *x, size_t n)
{
	double *c = xmalloc(n * sizeof *c);
	memcpy(c, x, n * sizeof *c);
	stats_sort(c, n);
	double m = median_sorted(c, n);
	free(c);
	return m;
}

double stats_robust_sd(const double *x, size_t n)
{
	if (!n)
		return NAN;
	double m = stats_median(x, n), *d = xmalloc(n * sizeof *d);
	for (size_t i = 0; i < n; i++)
		d[i] = fabs(x[i] - m);
	double mad = stats_median(d, n);
	free(d);
	return 1.4826 * mad;
}

double stats_quantile_sorted(const double *x, size_t n, double q)
{
	if (n == 1)
		return x[0];
	double pos = q * (double)(n - 1);
	size_t i = (size_t)pos;
	if (i >= n - 1)
		return x[n - 1];
	return x[i] + (pos - (double)i) * (x[i + 1] - x[i]);
}

/* P(Bin(n, 1/2) = i), in logs so that large n cannot overflow. */
static double binom_pmf_half(size_t n, size_t i)
{
	return exp(lgamma((double)n + 1) - lgamma((double)i + 1) -
		   lgamma((double)(n - i) + 1) - (double)n * log(2.0));
}

static double at_most_one(double p)
{
	return p > 1 ? 1 : p;
}

size_t stats_median_ci_rank(size_t n, double level, double *reached)
{
	size_t best = 0;
	/* [x(k), x(n+1-k)] misses the median when k-1 or fewer samples fall
	 * below it, or k-1 or fewer above: 2 * P(Bin <= k-1), summed one
	 * term per k (linear in n, not quadratic). */
	double cdf = 0, cdf_best = binom_pmf_half(n, 0);
	for (size_t k = 1; 2 * k <= n + 1; k++) {
		cdf += binom_pmf_half(n, k - 1);
		if (1 - 2 * at_most_one(cdf) < level)
			break;
		best = k;
		cdf_best = cdf;
	}
	if (reached)
		*reached = 1 - 2 * at_most_one(cdf_best);
	return best;
}

/* The coverage of [x(k), x(n+1-k)]: it misses the median when k-1 or
 * fewer samples fall below it, or k-1 or fewer above. */
static double cover(size_t n, size_t k)
{
	double cdf = 0;
	for (size_t i = 0; i < k; i++)
		cdf += binom_pmf_half(n, i);
	return 1 - 2 * at_most_one(cdf);
}

/* Hettmansperger and Sheather's interpolation between the order-statistic
 * intervals of rank k and k+1 (Statistics & Probability Letters 4, 1986):
 * the first covers at least the level, the second less, and the weight
 * lam of the inner one brings the coverage to the level itself, where
 * [x(k), x(n+1-k)] alone may cover far more (97.9% for n=10). */
static void median_ci_sorted(const double *c, size_t n, double level,
			     struct stats_summary *s)
{
	size_t k = stats_median_ci_rank(n, level, &s->ci_level);
	if (k == 0)
		k = 1;
	s->ci_low = c[k - 1];
	s->ci_high = c[n - k];
	if (s->ci_level < level || 2 * k + 1 > n)
		return;
	double inner = cover(n, k + 1);
	double i = (s->ci_level - level) / (s->ci_level - inner);
	double lam =
	    (double)(n - k) * i / ((double)k + (double)(n - 2 * k) * i);
	s->ci_low += lam * (c[k] - c[k - 1]);
	s->ci_high -= lam * (c[n - k] - c[n - k - 1]);
	s->ci_level = level;
}

void stats_summarize(const double *x, size_t n, double level,
		     struct stats_summary *s)
{
	double *c = xmalloc(n * sizeof *c);
	memcpy(c, x, n * sizeof *c);
	stats_sort(c, n);
	s->n = n;
	s->median = median_sorted(c, n);
	s->min = c[0];
	s->max = c[n - 1];
	s->q1 = stats_quantile_sorted(c, n, 0.25);
	s->q3 = stats_quantile_sorted(c, n, 0.75);
	median_ci_sorted(c, n, level, s);
	free(c);
}

uint64_t stats_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform on (0, 1], never 0, for logs. */
static double uniform(uint64_t *rng)
{
	return ((double)(stats_rand(rng) >> 11) + 1) * 0x1p-53;
}

/* Gamma(shape, 1) for shape >= 1 (Marsaglia and Tsang 2000), its normal
 * variates by Box and Muller. */
static double gamma_variate(double shape, uint64_t *rng)
{
	double d = shape - 1.0 / 3, c = 1 / sqrt(9 * d);
	for (;;) {
		double z =
		    sqrt(-2 * log(uniform(rng))) * cos(2 * M_PI * uniform(rng));
		double v = 1 + c * z;
		if (v <= 0)
			continue;
		v = v * v * v;
		double u = uniform(rng);
		if (log(u) < z * z / 2 + d - d * v + d * log(v))
			return d * v;
	}
}

/* The k-th smallest of n uniforms on (0, 1): Beta(k, n + 1 - k). */
static double uniform_order_stat(size_t k, size_t n, uint64_t *rng)
{
	double a = gamma_variate((double)k, rng),
	       b = gamma_variate((double)(n + 1 - k), rng);
	return a / (a + b);
}

static size_t index_of(double u, size_t n)
{
	size_t i = (size_t)(u * (double)n);
	return i < n ? i : n - 1;
}

/* What resampled_median draws from: sorted, the n values in order; of
 * few (up to STATS_BOOTSTRAP_DIRECT_MAX), also place (the i-th value as
 * given is sorted[place[i]]) and count, a draw's tally of each place,
 * all 0 between draws. */
struct resample {
	size_t n;
	double *sorted;
	size_t *place;
	unsigned *count;
};

/* A value and its index in x, to sort by value. */
struct valued {
	double v;
	size_t i;
};

static int cmp_valued(const void *a, const void *b)
{
	const struct valued *x = a, *y = b;
	return (x->v > y->v) - (x->v < y->v);
}

static void resample_init(struct resample *r, const double *x, size_t n)
{
	*r = (struct resample){n, xmalloc((n ? n : 1) * sizeof *r->sorted),
			       NULL, NULL};
	if (n > STATS_BOOTSTRAP_DIRECT_MAX) {
		memcpy(r->sorted, x, n * sizeof *x);
		stats_sort(r->sorted, n);
		return;
	}
	struct valued *v = xmalloc((n ? n : 1) * sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = (struct valued){x[i], i};
	qsort(v, n, sizeof *v, cmp_valued);
	r->place = xmalloc((n ? n : 1) * sizeof *r->place);
	r->count = xcalloc(n ? n : 1, sizeof *r->count);
	for (size_t j = 0; j < n; j++) {
		r->sorted[j] = v[j].v;
		r->place[v[j].i] = j;
	}
	free(v);
}

static void resample_free(struct resample *r)
{
	free(r->sorted);
	free(r->place);
	free(r->count);
}

/* The median of n values drawn from x with replacement. Of few values,
 * drawn (n indexes of stats_rand, each modulo n), and the middle of the
 * draws found by tallying them by their value's place, which gives what
 * sorting the draws would, in linear time; of many, the k-th smallest of
 * n draws is x at the k-th smallest of n uniform indexes, and the next
 * one above it is the least of the n - k uniforms left above that. */
static double resampled_median(const struct resample *r, uint64_t *rng)
{
	size_t n = r->n;
	if (n <= STATS_BOOTSTRAP_DIRECT_MAX) {
		for (size_t i = 0; i < n; i++)
			r->count[r->place[stats_rand(rng) % n]]++;
		/* the draws of rank lo and hi (from 0), the same when n is
		 * odd */
		size_t lo = (n - 1) / 2, hi = n / 2, seen = 0;
		double vlo = NAN, vhi = NAN;
		for (size_t j = 0; j < n; j++) {
			if (seen <= lo && seen + r->count[j] > lo)
				vlo = r->sorted[j];
			if (seen <= hi && seen + r->count[j] > hi)
				vhi = r->sorted[j];
			seen += r->count[j];
			r->count[j] = 0;
		}
		return n % 2 ? vhi : (vlo + vhi) / 2;
	}
	const double *x = r->sorted;
	size_t k = (n + 1) / 2;
	double u = uniform_order_stat(k, n, rng);
	if (n % 2)
		return x[index_of(u, n)];
	double next =
	    u + (1 - u) * (1 - pow(uniform(rng), 1.0 / (double)(n - k)));
	return (x[index_of(u, n)] + x[index_of(next, n)]) / 2;
}

/* Moves the k-th smallest of x[0..n) (from 0) to x[k], those below it
 * before and those above after (Hoare's selection, the middle of three
 * as pivot); x holds no NaN. */
static void select_kth(double *x, long n, long k)
{
	long lo = 0, hi = n - 1;
	while (lo < hi) {
		double a = x[lo], b = x[lo + (hi - lo) / 2], c = x[hi];
		double p = a < b ? (b < c   ? b
				    : a < c ? c
					    : a)
				 : (a < c   ? a
				    : b < c ? c
					    : b);
		long i = lo, j = hi;
		while (i <= j) {
			while (x[i] < p)
				i++;
			while (x[j] > p)
				j--;
			if (i <= j) {
				double t = x[i];
				x[i++] = x[j];
				x[j--] = t;
			}
		}
		/* x[lo..j] <= p <= x[i..hi], and p between */
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			return;
	}
}

/* The q-quantile of x[0..n) as stats_quantile_sorted gives it of x
 * sorted, to the bit, in linear time: the two order statistics it
 * interpolates between, selected (x reordered). */
static double quantile_select(double *x, long n, double q)
{
	if (n == 1)
		return x[0];
	double pos = q * (double)(n - 1);
	long i = (long)pos;
	if (i >= n - 1) {
		select_kth(x, n, n - 1);
		return x[n - 1];
	}
	select_kth(x, n, i);
	double next = x[i + 1];
	for (long j = i + 2; j < n; j++)
		next = x[j] < next ? x[j] : next;
	return x[i] + (pos - (double)i) * (next - x[i]);
}

/* The tail and 1 - tail quantiles of the n resampled figures x (x
 * reordered): by selection, or where one is NaN (a ratio over a
 * baseline of 0) from x sorted, as before. */
static void tails(double *x, size_t n, double tail, double *low, double *high)
{
	int nan = 0;
	for (size_t i = 0; i < n; i++)
		nan |= isnan(x[i]);
	if (nan) {
		stats_sort(x, n);
		*low = stats_quantile_sorted(x, n, tail);
		*high = stats_quantile_sorted(x, n, 1 - tail);
		return;
	}
	*low = quantile_select(x, (long)n, tail);
	*high = quantile_select(x, (long)n, 1 - tail);
}

void stats_bootstrap_diff(const double *a, size_t na, const double *b,
			  size_t nb, double level, int resamples, uint64_t seed,
			  struct stats_diff *d)
{
	double ma = stats_median(a, na), mb = stats_median(b, nb);
	d->diff = ma - mb;
	d->ratio = mb != 0 ? ma / mb : NAN;
	double *diffs = xmalloc((size_t)resamples * sizeof *diffs);
	double *ratios = xmalloc((size_t)resamples * sizeof *ratios);
	struct resample ra_from, rb_from;
	resample_init(&ra_from, a, na);
	resample_init(&rb_from, b, nb);
	uint64_t rng = seed;
	for (int i = 0; i < resamples; i++) {
		double ra = resampled_median(&ra_from, &rng);
		double rb = resampled_median(&rb_from, &rng);
		diffs[i] = ra - rb;
		ratios[i] = rb != 0 ? ra / rb : NAN;
	}
	double tail = (1 - level) / 2;
	tails(diffs, (size_t)resamples, tail, &d->diff_low, &d->diff_high);
	tails(ratios, (size_t)resamples, tail, &d->ratio_low, &d->ratio_high);
	free(diffs);
	free(ratios);
	resample_free(&ra_from);
	resample_free(&rb_from);
}

size_t stats_pair_ratios(const double *a, const double *b, size_t n,
			 double *out)
{
	size_t nr = 0;
	for (size_t i = 0; i < n; i++)
		if (b[i] != 0)
			out[nr++] = a[i] / b[i];
	return nr;
}

void stats_paired_diff(const double *a, const double *b, size_t n, double level,
		       struct stats_diff *d)
{
	double *diffs = xmalloc(n * sizeof *diffs),
	       *ratios = xmalloc(n * sizeof *ratios);
	size_t nr = stats_pair_ratios(a, b, n, ratios);
	for (size_t i = 0; i < n; i++)
		diffs[i] = a[i] - b[i];
	struct stats_summary s;
	stats_summarize(diffs, n, level, &s);
	d->diff = s.median;
	d->diff_low = s.ci_low;
	d->diff_high = s.ci_high;
	d->ratio = d->ratio_low = d->ratio_high = NAN;
	if (nr) {
		stats_summarize(ratios, nr, level, &s);
		d->ratio = s.median;
		d->ratio_low = s.ci_low;
		d->ratio_high = s.ci_high;
	}
	free(diffs);
	free(ratios);
}

void stats_bootstrap_change(const double *a1, size_t na1, const double *b1,
			    size_t nb1, const double *a2, size_t na2,
			    const double *b2, size_t nb2, double level,
			    int resamples, uint64_t seed, double *low,
			    double *high)
{
	const double *x[] = {a1, b1, a2, b2};
	const size_t n[] = {na1, nb1, na2, nb2};
	struct resample r[4];
	for (int i = 0; i < 4; i++)
		resample_init(&r[i], x[i], n[i]);
	double *d = xmalloc((size_t)resamples * sizeof *d);
	uint64_t rng = seed;
	for (int i = 0; i < resamples; i++) {
		double o1 = resampled_median(&r[0], &rng) -
			    resampled_median(&r[1], &rng);
		double o2 = resampled_median(&r[2], &rng) -
			    resampled_median(&r[3], &rng);
		d[i] = o2 - o1;
	}
	tails(d, (size_t)resamples, (1 - level) / 2, low, high);
	free(d);
	for (int i = 0; i < 4; i++)
		resample_free(&r[i]);
}

/* P(U <= u) for sample sizes m and n without ties: the number of rank
 * orders with U = k is the coefficient of q^k in the Gaussian binomial
 * [m+n choose m]_q, built as a product of (1 - q^(n+i)) / (1 - q^i). */
static double mw_exact_cdf(size_t m, size_t n, double u)
{
	size_t deg = m * n;
	/* before each division the product reaches degree i*n + i */
	double *c = xcalloc(deg + m + 1, sizeof *c);
	c[0] = 1;
	size_t cur = 0; /* degree reached so far */
	for (size_t i = 1; i <= m; i++) {
		size_t up = n + i;
		/* multiply by (1 - q^up) */
		for (size_t k = cur + up; k >= up; k--)
			c[k] -= c[k - up];
		cur += up;
		/* divide by (1 - q^i): c[k] += c[k - i], ascending */
		for (size_t k = i; k <= cur; k++)
			c[k] += c[k - i];
		cur -= i;
	}
	double total = 0, below = 0;
	for (size_t k = 0; k <= deg; k++) {
		total += c[k];
		if ((double)k <= u + 1e-9)
			below += c[k];
	}
	free(c);
	return below / total;
}

struct ranked {
	double v;
	int from_a;
};

static int cmp_ranked(const void *x, const void *y)
{
	double a = ((const struct ranked *)x)->v,
	       b = ((const struct ranked *)y)->v;
	return (a > b) - (a < b);
}

double stats_mann_whitney(const double *a, size_t na, const double *b,
			  size_t nb, double *u)
{
	/* NaN has no rank, and would tie with nothing, itself included */
	for (size_t i = 0; i < na + nb; i++) {
		if (isnan(i < na ? a[i] : b[i - na])) {
			if (u)
				*u = NAN;
			return NAN;
		}
	}
	size_t n = na + nb;
	struct ranked *r = xmalloc(n * sizeof *r);
	for (size_t i = 0; i < na; i++)
		r[i] = (struct ranked){a[i], 1};
	for (size_t i = 0; i < nb; i++)
		r[na + i] = (struct ranked){b[i], 0};
	qsort(r, n, sizeof *r, cmp_ranked);
	double rank_a = 0, ties = 0;
	int tied = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && r[j].v == r[i].v)
			j++;
		double t = (double)(j - i);
		double mid = ((double)i + 1 + (double)j) / 2; /* mean rank */
		for (size_t k = i; k < j; k++)
			if (r[k].from_a)
				rank_a += mid;
		if (t > 1) {
			tied = 1;
			ties += t * t * t - t;
		}
		i = j;
	}
	free(r);
	double ua = rank_a - (double)na * ((double)na + 1) / 2;
	if (u)
		*u = ua;
	double mn = (double)na * (double)nb;
	double lo = ua < mn - ua ? ua : mn - ua; /* the smaller tail */
	double p;
	if (!tied && na <= 50 && nb <= 50) {
		p = 2 * mw_exact_cdf(na, nb, lo);
	} else {
		double mean = mn / 2;
		double var =
		    mn / 12 *
		    ((double)n + 1 - ties / ((double)n * ((double)n - 1)));
		if (var <= 0)
			return 1;
		double z = (mean - lo - 0.5) / sqrt(var);
		if (z < 0)
			z = 0;
		p = erfc(z / sqrt(2.0));
	}
	return p > 1 ? 1 : p;
}

double stats_correlation(const double *x, const double *y, size_t n)
{
	if (n < 3)
		return NAN;
	double mx = 0, my = 0;
	for (size_t i = 0; i < n; i++) {
		mx += x[i] / (double)n;
		my += y[i] / (double)n;
	}
	double sxy = 0, sxx = 0, syy = 0;
	for (size_t i = 0; i < n; i++) {
		sxy += (x[i] - mx) * (y[i] - my);
		sxx += (x[i] - mx) * (x[i] - mx);
		syy += (y[i] - my) * (y[i] - my);
	}
	if (!(sxx > 0 && syy > 0))
		return NAN;
	return sxy / sqrt(sxx * syy);
}
