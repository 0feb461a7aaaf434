/* sweeps: the judges of claims over a swept size, each size judged by
 * the intervals: from what batch size the crossing is under a share of
 * the work, from what input size a C library beats Go's, from what
 * block time blocking calls grow a thread each, at what size a pool
 * pays, whether a ratio grows with a size, and whether calls move
 * between threads. */
#include "claimsint.h"

#include "units.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct least sweeps_least_from(const struct summary_table *t, const char *f,
			       const char *v, const char *tc, const char *pre,
			       size_test test, const void *ctx)
{
	long *sizes;
	struct least l = {-1, -1};
	size_t n = summary_param_values(t, f, v, tc, pre, &sizes);
	int sure = 1;
	char p[64];
	for (size_t i = 0; i < n; i++) { /* the largest first */
		snprintf(p, sizeof p, "%s%ld", pre, sizes[i]);
		int r = test(t, p, ctx);
		if (r < 0)
			continue; /* a size not measured */
		if (!r)
			break;
		sure &= r == 1;
		if (sure)
			l.sure = sizes[i];
		l.maybe = sizes[i];
	}
	free(sizes);
	return l;
}

int sweeps_least_verdict(struct least l)
{
	return l.sure > 0 ? 1 : l.maybe > 0 ? 3 : 0;
}

void sweeps_least_words(struct sbuf *d, struct least l, const char *pre,
			const char *none)
{
	if (l.sure > 0 && l.maybe == l.sure)
		sbuf_addf(d, "from %s%ld on", pre, l.sure);
	else if (l.sure > 0)
		sbuf_addf(d,
			  "from %s%ld on, perhaps from %s%ld (the intervals "
			  "overlap between)",
			  pre, l.sure, pre, l.maybe);
	else if (l.maybe > 0)
		sbuf_addf(d,
			  "perhaps from %s%ld on: inconclusive (the intervals "
			  "overlap)",
			  pre, l.maybe);
	else
		sbuf_addstr(d, none);
}

/* Where x's interval lies against a bound: 1 wholly at or below it, 0
 * wholly above, 3 across it. */
static int under(double lo, double hi, double bound)
{
	return hi <= bound ? 1 : lo > bound ? 0 : 3;
}

/* The batching judge's size test: the cost per item within a share of
 * the least of any size (the row least), by the interval of their
 * ratio; the least within itself. */
struct per_item {
	const char *f, *v, *tc, *u;
	const struct stats_summary *least;
	double within;
};

static int within_least(const struct summary_table *t, const char *param,
			const void *ctx)
{
	const struct per_item *w = ctx;
	long r = summary_row_of(t, w->f, w->v, w->tc, param, w->u);
	if (r < 0)
		return -1;
	const struct stats_summary *s = &t->rows[r].s;
	if (s == w->least)
		return 1;
	double lo, hi, llo, lhi;
	judges_interval_of(s, &lo, &hi);
	judges_interval_of(w->least, &llo, &lhi);
	return under(lo / lhi, hi / llo, w->within);
}

struct least sweeps_break_even(const struct claim *c,
			       const struct summary_table *t, const char *tc,
			       long *largest)
{
	const char *f = claim_get(c, "family"), *v = claim_get(c, "batch"),
		   *pre = claim_get(c, "prefix"), *u = claim_get(c, "unit");
	long *sizes;
	size_t ns = summary_param_values(t, f, v, tc, pre, &sizes);
	*largest = ns ? sizes[0] : -1;
	char p[64];
	struct per_item w = {.f = f, .v = v, .tc = tc, .u = u};
	for (size_t i = 0; i < ns; i++) {
		snprintf(p, sizeof p, "%s%ld", pre, sizes[i]);
		long r = summary_row_of(t, f, v, tc, p, u);
		if (r >= 0 && !isnan(t->rows[r].s.median) &&
		    (!w.least || t->rows[r].s.median < w.least->median))
			w.least = &t->rows[r].s;
	}
	free(sizes);
	if (!w.least)
		return (struct least){-1, -1};
	w.within = 1 + claim_num(c, "share", 0) / 100;
	return sweeps_least_from(t, f, v, tc, pre, within_least, &w);
}

/* batching: at the largest batch, one crossing per batch costs less per
 * item than one per item (the intervals apart; wholly at or above it
 * does not hold), and where the crossing falls under share% of the
 * work. */
int sweeps_batching(const struct claim *c, struct sbuf *d,
		    const struct summary_table *t, const char *tc)
{
	const char *f = claim_get(c, "family"), *pre = claim_get(c, "prefix"),
		   *u = claim_get(c, "unit");
	long n = summary_max_param(t, f, claim_get(c, "batch"), tc, pre);
	if (n < 1)
		return -1;
	char p[64];
	snprintf(p, sizeof p, "%s%ld", pre, n);
	long b = summary_row_of(t, f, claim_get(c, "batch"), tc, p, u);
	long e = summary_row_of(t, f, claim_get(c, "each"), tc, p, u);
	long k = summary_row_of(t, f, claim_get(c, "base"), tc, p, u);
	if (b < 0 || e < 0)
		return -1;
	const struct stats_summary *bs = &t->rows[b].s, *es = &t->rows[e].s;
	int v = judges_below(bs, es);
	char x[96], y[96], z[96] = "not measured";
	judges_format_pair(bs, es, u, x, y, sizeof x);
	if (k >= 0)
		units_format_ci(z, sizeof z, t->rows[k].s.median,
				t->rows[k].s.ci_low, t->rows[k].s.ci_high, u,
				0);
	sbuf_addf(d,
		  "  - %s: at %s, `%s` %s against `%s` %s (%.3g times less%s) "
		  "and `%s` %s",
		  tc, p, claim_get(c, "batch"), x, claim_get(c, "each"), y,
		  es->median / bs->median,
		  v == 0 ? ": inconclusive, the intervals overlap" : "",
		  claim_get(c, "base"), z);
	long largest;
	struct least even = sweeps_break_even(c, t, tc, &largest);
	double share = claim_num(c, "share", 0);
	char none[160];
	snprintf(none, sizeof none,
		 "not at %s%ld, the largest measured (%s more than %g%% above "
		 "its least)",
		 pre, largest, u, share);
	sbuf_addf(d,
		  "; the crossing costs under %g%% of the work (%s within "
		  "%g%% of its least) ",
		  share, u, share);
	sweeps_least_words(d, even, pre, none);
	sbuf_addstr(d, "\n");
	return judges_part_verdict(v);
}

/* Two rows at one param, a and b (of family f, on tc, in unit u), for
 * the tests of sizes. */
struct two_rows {
	const char *f, *a, *b, *tc, *u;
	double share;
};

/* a's interval wholly below b's (1), wholly at or above it (0), across
 * it (3). */
static int a_below_b(const struct summary_table *t, const char *param,
		     const void *ctx)
{
	const struct two_rows *x = ctx;
	long ra = summary_row_of(t, x->f, x->a, x->tc, param, x->u),
	     rb = summary_row_of(t, x->f, x->b, x->tc, param, x->u);
	if (ra < 0 || rb < 0)
		return -1; /* a size one of them lacks */
	return judges_part_verdict(
	    judges_below(&t->rows[ra].s, &t->rows[rb].s));
}

struct least sweeps_faster_from(const struct summary_table *t, const char *f,
				const char *a, const char *b, const char *tc,
				const char *pre, const char *u)
{
	struct two_rows x = {.f = f, .a = a, .b = b, .tc = tc, .u = u};
	return sweeps_least_from(t, f, a, tc, pre, a_below_b, &x);
}

/* The interval of a's overhead against share% of its median. */
static int overhead_under(const struct summary_table *t, const char *param,
			  const void *ctx)
{
	const struct two_rows *x = ctx;
	long r = summary_row_of(t, x->f, x->a, x->tc, param, x->u);
	if (r < 0 || !isfinite(t->rows[r].d.diff_high))
		return -1; /* no overhead at this size */
	double bound = x->share / 100 * t->rows[r].s.median;
	if (t->rows[r].d.diff_high < bound)
		return 1;
	return t->rows[r].d.diff_low >= bound ? 0 : 3;
}

/* The least size from which the crossing (row v over its baseline)
 * costs under share% of the whole, at it and every larger size. */
static struct least cheap_from(const struct summary_table *t, const char *f,
			       const char *v, const char *tc, const char *pre,
			       const char *u, double share)
{
	struct two_rows x = {.f = f, .a = v, .tc = tc, .u = u, .share = share};
	return sweeps_least_from(t, f, v, tc, pre, overhead_under, &x);
}

/* library: a C library through cgo (key cgo) beats Go's own (key go) from
 * some input size on, the intervals apart there and at every larger
 * size; and from what size the crossing is under share% of the work. */
int sweeps_library(const struct claim *c, struct sbuf *d,
		   const struct summary_table *t, const char *tc)
{
	const char *f = claim_get(c, "family"), *pre = claim_get(c, "prefix"),
		   *u = claim_get(c, "unit"), *go = claim_get(c, "go"),
		   *cgo = claim_get(c, "cgo");
	long n = summary_max_param(t, f, cgo, tc, pre);
	char p[64];
	snprintf(p, sizeof p, "%s%ld", pre, n);
	long rc = summary_row_of(t, f, cgo, tc, p, u),
	     rg = summary_row_of(t, f, go, tc, p, u);
	if (n < 1 || rc < 0 || rg < 0)
		return -1;
	struct least even = sweeps_faster_from(t, f, cgo, go, tc, pre, u);
	double share = claim_num(c, "share", 0);
	struct least cheap = cheap_from(t, f, cgo, tc, pre, u, share);
	const struct stats_summary *cs = &t->rows[rc].s, *gs = &t->rows[rg].s;
	char a[96], b[96], none[96];
	judges_format_pair(cs, gs, u, a, b, sizeof a);
	snprintf(none, sizeof none,
		 "(the intervals apart) at no size up to %s%ld", pre, n);
	sbuf_addf(d, "  - %s: `%s` faster than `%s` ", tc, cgo, go);
	sweeps_least_words(d, even, pre, none);
	/* bytes a second, as a library's users quote it: n bytes in m ns */
	sbuf_addf(d,
		  "; at %s%ld %s against %s (%.0f against %.0f MB/s); the "
		  "crossing under %g%% of the work ",
		  pre, n, a, b, n / cs->median * 1e3, n / gs->median * 1e3,
		  share);
	sweeps_least_words(d, cheap, pre, "at no size");
	sbuf_addstr(d, "\n");
	return sweeps_least_verdict(even);
}

/* The threads that blocking in C grew over blocking in Go at one param:
 * at least share of a thread a call. */
struct blocked {
	const char *f, *blocked, *baseline, *tc;
	double need;
};

/* The threads blocking in C grew over blocking in Go at param, as
 * judges_threads_over gives them against x's need: -1 when either is
 * not measured there. */
static int threads_over(const struct summary_table *t, const struct blocked *x,
			const char *param, double over[3])
{
	long rb = summary_row_of(t, x->f, x->blocked, x->tc, param, "threads"),
	     rg = summary_row_of(t, x->f, x->baseline, x->tc, param, "threads");
	if (rb < 0 || rg < 0)
		return -1;
	return judges_threads_over(&t->rows[rb].s, &t->rows[rg].s, x->need,
				   over);
}

/* At least share of a thread a call: 1 the least growth the intervals
 * allow reaches it, 0 the most does not, else 3. */
static int thread_a_call(const struct summary_table *t, const char *param,
			 const void *ctx)
{
	double over[3];
	return threads_over(t, ctx, param, over);
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
	char p[64], o[96];
	for (size_t i = n; i-- > 0;) { /* least first */
		snprintf(p, sizeof p, "%s%ld", pre, v[i]);
		double over[3];
		if (threads_over(t, &x, p, over) < 0)
			continue;
		units_format_ci(o, sizeof o, over[0], over[1], over[2],
				"threads", 0);
		sbuf_addf(&at, "%s%s at %s", at.len ? ", " : "", o, p);
	}
	free(v);
	if (!at.len)
		return -1;
	struct least from =
	    sweeps_least_from(t, x.f, x.blocked, tc, pre, thread_a_call, &x);
	char none[96];
	snprintf(none, sizeof none, "at no %s measured", pre);
	sbuf_addf(d,
		  "  - %s: the threads %g calls blocking in C grew over the "
		  "same in Go: %s; at least %g%% of a thread a call ",
		  tc, calls, at.buf, 100 * claim_num(c, "share", 0));
	sbuf_free(&at);
	sweeps_least_words(d, from, pre, none);
	sbuf_addstr(d, "\n");
	return sweeps_least_verdict(from);
}

/* One row's threads and time, for a pool's line. */
static int threads_and_time(const struct summary_table *t, const char *f,
			    const char *v, const char *tc, const char *p,
			    const struct stats_summary **threads,
			    const struct stats_summary **s)
{
	long r = summary_row_of(t, f, v, tc, p, "ns/op"),
	     k = summary_row_of(t, f, v, tc, p, "threads");
	if (r < 0 || k < 0)
		return 0;
	*threads = &t->rows[k].s;
	*s = &t->rows[r].s;
	return 1;
}

/* Whether a pool of one size pays against the direct calls: 1 fewer
 * threads and cheaper (each pair of intervals apart), 0 not fewer or
 * dearer (the pool's interval wholly at or above theirs), else 3: an
 * overlap shows neither fewer nor "costs no more"; its words into d. */
static int pool_size_pays(const struct stats_summary *pth,
			  const struct stats_summary *ps,
			  const struct stats_summary *dth,
			  const struct stats_summary *ds, struct sbuf *d)
{
	static const char *const fewer_words[] = {"not fewer",
						  "threads inconclusive",
						  "fewer"},
				 *const cost_words[] = {
				     "dearer", "cost inconclusive", "cheaper"};
	double plo, phi, dlo, dhi;
	judges_interval_of(pth, &plo, &phi);
	judges_interval_of(dth, &dlo, &dhi);
	int fewer = judges_apart(plo, phi, dlo, dhi);
	int cost = judges_below(ps, ds);
	char a[96], b[96];
	judges_format_row(a, sizeof a, pth, "threads");
	units_format_ci(b, sizeof b, ps->median, ps->ci_low, ps->ci_high,
			"ns/op", 0);
	sbuf_addf(d, " %s, %s (%s, %s);", a, b, fewer_words[fewer + 1],
		  cost_words[cost + 1]);
	return fewer < 0 || cost < 0 ? 0 : fewer && cost ? 1 : 3;
}

/* One pair "POOLED DIRECT [PARAM]": a line, and whether some pool size
 * pays (1), none does (0), the intervals cannot tell (3), or a row is
 * missing (-1); the least size that pays is named. */
static int pool_pays(const struct claim *c, const char *pair,
		     const struct summary_table *t, const char *tc,
		     struct sbuf *d)
{
	const char *f = claim_get(c, "family"), *pre = claim_get(c, "prefix");
	char pv[64] = "", dv[64] = "", dp[64] = "";
	sscanf(pair, "%63s %63s %63s", pv, dv, dp);
	const struct stats_summary *dth, *ds, *pth, *ps;
	if (!threads_and_time(t, f, dv, tc, dp, &dth, &ds))
		return -1;
	char a[96], b[96];
	judges_format_row(b, sizeof b, dth, "threads");
	units_format(a, sizeof a, ds->median, "ns/op", 0);
	sbuf_addf(d, "  - %s, `%s` against `%s`%s%s (%s, %s):", tc, pv, dv,
		  dp[0] ? " " : "", dp, b, a);
	long *v, least = -1;
	int open = 0;
	size_t n = summary_param_values(t, f, pv, tc, pre, &v);
	char p[64];
	for (size_t i = n; i-- > 0;) { /* least first */
		snprintf(p, sizeof p, "%s%ld", pre, v[i]);
		if (!threads_and_time(t, f, pv, tc, p, &pth, &ps))
			continue;
		sbuf_addf(d, " %s", p);
		int r = pool_size_pays(pth, ps, dth, ds, d);
		if (r == 1 && least < 0)
			least = v[i];
		open |= r == 3;
	}
	free(v);
	if (least > 0)
		sbuf_addf(d,
			  " the least size with fewer threads and a cheaper "
			  "call: %s%ld\n",
			  pre, least);
	else if (open)
		sbuf_addf(d, " inconclusive: no size measured has fewer "
			     "threads and a cheaper call with the intervals "
			     "apart, and some overlap\n");
	else
		sbuf_addf(d, " no size measured has fewer threads at no "
			     "higher cost\n");
	return least > 0 ? 1 : open ? 3 : 0;
}

int sweeps_pool(const struct claim *c, struct sbuf *d,
		const struct summary_table *t, const char *tc)
{
	const char *pair;
	int measured = 0, pays = 0, lost = 0;
	for (size_t i = 0; (pair = claim_get_nth(c, "pair", i)); i++) {
		int v = pool_pays(c, pair, t, tc, d);
		measured += v >= 0;
		pays += v == 1;
		lost += v == 0;
	}
	if (!measured)
		return -1;
	return judges_parts(pays, lost, measured);
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

/* A share of calls as words: "none" or "1 in 8". */
static void share_words(char *buf, size_t len, double m)
{
	if (m > 0)
		snprintf(buf, len, "1 in %.0f", 1 / m);
	else
		snprintf(buf, len, "none");
}

/* The share of calls that changed thread, at every param of each prefix
 * of the claim's key params, as "none at busy=0, 1 in 8 [none, 1 in 6]
 * at busy=1, ..." (the interval where its ends differ); over the params,
 * the largest low end of an interval in most[0] and high end in most[1],
 * each -1 when there is none. */
static void moved_shares(const struct claim *c, const struct summary_table *t,
			 const char *tc, const char *v, struct sbuf *sb,
			 double most[2])
{
	const char *f = claim_get(c, "family"), *pres = claim_get(c, "params");
	most[0] = most[1] = -1;
	for (const char *w = pres; *w; w += strspn(w, " ")) {
		size_t l = strcspn(w, " ");
		char *pre = xstrndup(w, l);
		long *s;
		size_t n = summary_param_values(t, f, v, tc, pre, &s);
		char p[64], m[32], lo[32], hi[32];
		for (size_t i = n; i-- > 0;) {
			snprintf(p, sizeof p, "%s%ld", pre, s[i]);
			long r = summary_row_of(t, f, v, tc, p, "moved/op");
			if (r < 0)
				continue;
			double a, b;
			judges_interval_of(&t->rows[r].s, &a, &b);
			share_words(m, sizeof m, t->rows[r].s.median);
			share_words(lo, sizeof lo, a);
			share_words(hi, sizeof hi, b);
			sbuf_addf(sb, "%s%s", sb->len ? ", " : "", m);
			if (strcmp(lo, hi))
				sbuf_addf(sb, " [%s, %s]", lo, hi);
			sbuf_addf(sb, " at %s", p);
			most[0] = fmax(most[0], a);
			most[1] = fmax(most[1], b);
		}
		free(s);
		free(pre);
		w += l;
	}
}

/* moves: calls of the free goroutine ran on another thread than the one
 * before at some param, the interval above none (a part); the locked
 * goroutine's at none, every interval at none (the other part). */
int sweeps_moves(const struct claim *c, struct sbuf *d,
		 const struct summary_table *t, const char *tc)
{
	const char *free_ = claim_get(c, "free"),
		   *locked = claim_get(c, "locked");
	struct sbuf a = {0}, b = {0};
	double fm[2], lm[2];
	moved_shares(c, t, tc, free_, &a, fm);
	moved_shares(c, t, tc, locked, &b, lm);
	int v = -1;
	if (fm[1] >= 0 && lm[1] >= 0) {
		int won = (fm[0] > 0) + (lm[1] <= 0),
		    lost = (fm[1] <= 0) + (lm[0] > 0);
		v = judges_parts(won, lost, 2);
		sbuf_addf(d,
			  "  - %s: calls that ran on another thread than the "
			  "one before, `%s`: %s; `%s`: %s\n",
			  tc, free_, a.buf, locked, b.buf);
	}
	sbuf_free(&a);
	sbuf_free(&b);
	return v;
}
