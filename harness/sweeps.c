/* sweeps: the judges of the families that sweep what another family
 * holds at one value (cases/blocking): from what block time blocking
 * calls grow a thread each, and at what size a pool pays. */
#include "claimsint.h"

#include "units.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The threads that blocking in C grew over blocking in Go at one param:
 * at least share of a thread a call. */
struct blocked {
	const char *f, *blocked, *baseline, *tc;
	double need;
};

/* The threads blocking in C grew over blocking in Go at param: NaN when
 * either is not measured there. */
static double threads_over(const struct summary_table *t,
			   const struct blocked *x, const char *param)
{
	return summary_median_of(t, x->f, x->blocked, x->tc, param, "threads") -
	       summary_median_of(t, x->f, x->baseline, x->tc, param, "threads");
}

static int thread_a_call(const struct summary_table *t, const char *param,
			 const void *ctx)
{
	double over = threads_over(t, ctx, param);
	if (isnan(over))
		return -1;
	return over >= ((const struct blocked *)ctx)->need;
}

int sweeps_blocking(const struct claim *c, struct sbuf *d,
		    const struct summary_table *t, const char *tc)
{
	const char *pre = claim_get(c, "prefix");
	double calls = claim_num(c, "calls", 0);
	struct blocked x = {.f = claim_get(c, "family"),
			    .blocked = claim_get(c, "blocked"),
			    .baseline = claim_get(c, "baseline"),
			    .tc = tc,
			    .need = claim_num(c, "share", 0) * calls};
	long *v;
	size_t n = summary_param_values(t, x.f, x.blocked, tc, pre, &v);
	struct sbuf at = {0};
	char p[64];
	for (size_t i = n; i-- > 0;) { /* least first */
		snprintf(p, sizeof p, "%s%ld", pre, v[i]);
		double over = threads_over(t, &x, p);
		if (!isnan(over))
			sbuf_addf(&at, "%s%.4g at %s", at.len ? ", " : "", over,
				  p);
	}
	free(v);
	if (!at.len)
		return -1;
	long from =
	    judges_least_from(t, x.f, x.blocked, tc, pre, thread_a_call, &x);
	sbuf_addf(d,
		  "  - %s: the threads %g calls blocking in C grew over the "
		  "same in Go: %s; at least %g%% of a thread a call ",
		  tc, calls, at.buf, 100 * claim_num(c, "share", 0));
	sbuf_free(&at);
	if (from > 0)
		sbuf_addf(d, "from %s%ld on\n", pre, from);
	else
		sbuf_addf(d, "at no %s measured\n", pre);
	return from > 0;
}

/* One row's threads and time, for a pool's line. */
static int threads_and_time(const struct summary_table *t, const char *f,
			    const char *v, const char *tc, const char *p,
			    double *threads, const struct stats_summary **s)
{
	long r = summary_row_of(t, f, v, tc, p, "ns/op");
	*threads = summary_median_of(t, f, v, tc, p, "threads");
	if (r < 0 || isnan(*threads))
		return 0;
	*s = &t->rows[r].s;
	return 1;
}

/* One pair "POOLED DIRECT [PARAM]": a line, and the least pool size that
 * grows fewer threads than the direct calls, not dearer, or -1; -2 when
 * a row is missing. */
static long pool_pays(const struct claim *c, const char *pair,
		      const struct summary_table *t, const char *tc,
		      struct sbuf *d)
{
	const char *f = claim_get(c, "family"), *pre = claim_get(c, "prefix");
	char pv[64] = "", dv[64] = "", dp[64] = "";
	sscanf(pair, "%63s %63s %63s", pv, dv, dp);
	double dth, pth;
	const struct stats_summary *ds, *ps;
	if (!threads_and_time(t, f, dv, tc, dp, &dth, &ds))
		return -2;
	char a[96], b[96];
	units_format(a, sizeof a, ds->median, "ns/op", 0);
	sbuf_addf(d, "  - %s, `%s` against `%s`%s%s (%.4g threads, %s):", tc,
		  pv, dv, dp[0] ? " " : "", dp, dth, a);
	long *v, least = -1;
	size_t n = summary_param_values(t, f, pv, tc, pre, &v);
	char p[64];
	for (size_t i = n; i-- > 0;) { /* least first */
		snprintf(p, sizeof p, "%s%ld", pre, v[i]);
		if (!threads_and_time(t, f, pv, tc, p, &pth, &ps))
			continue;
		int fewer = pth < dth;
		int dearer = ps->ci_low > ds->ci_high;
		units_format_ci(b, sizeof b, ps->median, ps->ci_low,
				ps->ci_high, "ns/op", 0);
		sbuf_addf(d, " %s %.4g threads, %s (%s, %s);", p, pth, b,
			  fewer ? "fewer" : "not fewer",
			  dearer ? "dearer" : "not dearer");
		if (fewer && !dearer && least < 0)
			least = v[i];
	}
	free(v);
	if (least > 0)
		sbuf_addf(d,
			  " the least size with fewer threads at no "
			  "higher cost: %s%ld\n",
			  pre, least);
	else
		sbuf_addf(d, " no size measured has fewer threads at no "
			     "higher cost\n");
	return least;
}

int sweeps_pool(const struct claim *c, struct sbuf *d,
		const struct summary_table *t, const char *tc)
{
	const char *pair;
	size_t measured = 0, pays = 0;
	for (size_t i = 0; (pair = claim_get_nth(c, "pair", i)); i++) {
		long least = pool_pays(c, pair, t, tc, d);
		measured += least != -2;
		pays += least > 0;
	}
	if (!measured)
		return -1;
	return pays == measured ? 1 : pays ? 2 : 0;
}

/* The row of the crossing v at param p in ns/op with its ratio over its
 * baseline, or NULL. */
static const struct summary_row *ratio_row(const struct summary_table *t,
					   const char *f, const char *v,
					   const char *tc, const char *p)
{
	long r = summary_row_of(t, f, v, tc, p, "ns/op");
	if (r < 0 || !isfinite(t->rows[r].d.ratio_low))
		return NULL;
	return &t->rows[r];
}

int sweeps_grows(const struct claim *c, struct sbuf *d,
		 const struct summary_table *t, const char *tc)
{
	const char *f = claim_get(c, "family"), *v = claim_get(c, "variant"),
		   *pre = claim_get(c, "prefix");
	long *sizes;
	size_t n = summary_param_values(t, f, v, tc, pre, &sizes);
	char lo[64], hi[64];
	snprintf(lo, sizeof lo, "%s%ld", pre, n ? sizes[n - 1] : 0);
	snprintf(hi, sizeof hi, "%s%ld", pre, n ? sizes[0] : 0);
	free(sizes);
	const struct summary_row *a = ratio_row(t, f, v, tc, lo),
				 *b = ratio_row(t, f, v, tc, hi);
	if (n < 2 || !a || !b)
		return -1;
	/* grows by more than `by` times, or by less: the intervals apart */
	double by = claim_num(c, "by", 0);
	int verdict = b->d.ratio_low > by * a->d.ratio_high   ? 1
		      : b->d.ratio_high < by * a->d.ratio_low ? 0
							      : 3;
	char more[48] = "grows", less[48] = "shrinks";
	if (by != 1) {
		snprintf(more, sizeof more, "grows more than %gx", by);
		snprintf(less, sizeof less, "grows less than %gx", by);
	}
	char x[96], y[96];
	units_format_ci(x, sizeof x, a->d.ratio, a->d.ratio_low,
			a->d.ratio_high, "x", 0);
	units_format_ci(y, sizeof y, b->d.ratio, b->d.ratio_low,
			b->d.ratio_high, "x", 0);
	sbuf_addf(d, "  - %s: `%s` over `%s`: %s at %s, %s at %s: %s\n", tc, v,
		  a->baseline ? a->baseline : "", x, lo, y, hi,
		  verdict == 1	 ? more
		  : verdict == 0 ? less
				 : "inconclusive (the intervals overlap)");
	return verdict;
}

/* The share of calls that changed thread, at every param of each prefix
 * of the claim's key params, as "none at busy=0, 1 in 8 at busy=1, ...";
 * the largest in *most, -1 when there is none. */
static void moved_shares(const struct claim *c, const struct summary_table *t,
			 const char *tc, const char *v, struct sbuf *sb,
			 double *most)
{
	const char *f = claim_get(c, "family"), *pres = claim_get(c, "params");
	*most = -1;
	for (const char *w = pres; *w; w += strspn(w, " ")) {
		size_t l = strcspn(w, " ");
		char *pre = xstrndup(w, l);
		long *s;
		size_t n = summary_param_values(t, f, v, tc, pre, &s);
		char p[64];
		for (size_t i = n; i-- > 0;) {
			snprintf(p, sizeof p, "%s%ld", pre, s[i]);
			double m =
			    summary_median_of(t, f, v, tc, p, "moved/op");
			if (isnan(m))
				continue;
			if (m > 0)
				sbuf_addf(sb, "%s1 in %.0f at %s",
					  sb->len ? ", " : "", 1 / m, p);
			else
				sbuf_addf(sb, "%snone at %s",
					  sb->len ? ", " : "", p);
			*most = fmax(*most, m);
		}
		free(s);
		free(pre);
		w += l;
	}
}

int sweeps_moves(const struct claim *c, struct sbuf *d,
		 const struct summary_table *t, const char *tc)
{
	const char *free_ = claim_get(c, "free"),
		   *locked = claim_get(c, "locked");
	struct sbuf a = {0}, b = {0};
	double fm, lm;
	moved_shares(c, t, tc, free_, &a, &fm);
	moved_shares(c, t, tc, locked, &b, &lm);
	int v = fm < 0 || lm < 0 ? -1 : fm > 0 && lm == 0;
	if (v >= 0)
		sbuf_addf(d,
			  "  - %s: calls that ran on another thread than the "
			  "one before, `%s`: %s; `%s`: %s\n",
			  tc, free_, a.buf, locked, b.buf);
	sbuf_free(&a);
	sbuf_free(&b);
	return v;
}
