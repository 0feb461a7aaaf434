/* judges: the judge of each kind of claim (claims.h), over a run's
 * summary rows, and the table that names them. */
#include "claimsint.h"

#include "units.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The verdict of a claim in parts, over toolchains: held of n held
 * wholly, part of them in part only. */
static const char *verdict_parts(size_t held, size_t part, size_t n)
{
	if (held == n)
		return "**holds**";
	if (held + part == n && part)
		return "**holds only in part**";
	if (held + part)
		return "**holds only for some toolchains**";
	return "**does not hold**";
}

void judges_tally_add(struct tally *y, int v)
{
	if (v < 0)
		return;
	y->measured++;
	y->held += v == 1;
	y->part += v == 2;
	y->open += v == 3;
}

void judges_tally_write(const struct tally *y, struct sbuf *sb)
{
	size_t decided = y->measured - y->open;
	if (!decided)
		sbuf_addstr(sb, "**inconclusive**: the intervals overlap");
	else if (y->open)
		sbuf_addf(sb,
			  "%s; inconclusive on %zu toolchain%s (the "
			  "intervals overlap)",
			  verdict_parts(y->held, y->part, decided), y->open,
			  y->open == 1 ? "" : "s");
	else
		sbuf_addstr(sb, verdict_parts(y->held, y->part, decided));
}

typedef void not_measured_fn(const struct claim *c, struct sbuf *sb);

/* A claim judged per toolchain with judge: its line, the verdict (or why
 * it was not measured, from missing) and judge's detail lines. */
static void verdict_of(const struct claim *c, const struct summary_table *t,
		       judge_fn judge, not_measured_fn missing, struct sbuf *sb)
{
	struct tally y = {0};
	struct sbuf detail = {0};
	for (size_t i = 0; i < t->ntoolchains; i++)
		judges_tally_add(&y, judge(c, &detail, t, t->toolchains[i]));
	sbuf_addf(sb, "- *%s* ", claim_get(c, "text"));
	if (!y.measured) {
		missing(c, sb);
	} else {
		judges_tally_write(&y, sb);
		sbuf_addf(sb, ".\n%s", detail.buf);
	}
	sbuf_free(&detail);
}

static void not_measured_needs(const struct claim *c, struct sbuf *sb)
{
	sbuf_addf(sb, "Not measured: this run has no %s.\n",
		  claim_get(c, "needs"));
}

void judges_generic(const struct claim *c, const struct summary_table *t,
		    judge_fn judge, struct sbuf *sb)
{
	verdict_of(c, t, judge, not_measured_needs, sb);
}

/* The rows a and b of a toolchain, both without a param; 0 when the
 * toolchain lacks either. */
static int pair_of(const struct claim *c, const struct summary_table *t,
		   const char *tc, const struct stats_summary **a,
		   const struct stats_summary **b)
{
	const char *f = claim_get(c, "family"), *u = claim_get(c, "unit");
	long ra = summary_row_of(t, f, claim_get(c, "a"), tc, "", u),
	     rb = summary_row_of(t, f, claim_get(c, "b"), tc, "", u);
	if (ra < 0 || rb < 0)
		return 0;
	*a = &t->rows[ra].s;
	*b = &t->rows[rb].s;
	return 1;
}

static void not_measured_ab(const struct claim *c, struct sbuf *sb)
{
	sbuf_addf(sb,
		  "Not measured: this run has no `%s` and `%s` timed in %s.\n",
		  claim_get(c, "a"), claim_get(c, "b"), claim_get(c, "unit"));
}

/* Where an interval [lo, hi] lies against a range: 1 within it, 0 wholly
 * outside, 3 across an end (open: the interval cannot tell). */
static int against(double lo, double hi, double rlo, double rhi)
{
	if (hi < rlo || lo > rhi)
		return 0;
	return lo >= rlo && hi <= rhi ? 1 : 3;
}

static const char *against_words(int v)
{
	return v == 1 ? "within" : v == 0 ? "outside" : "its interval across";
}

/* Of several tests, the verdict: 0 when one fails, open (3) when none
 * fails and one is open, else 1. */
static int all_of(const int *v, size_t n)
{
	int open = 0;
	for (size_t i = 0; i < n; i++) {
		if (!v[i])
			return 0;
		open |= v[i] == 3;
	}
	return open ? 3 : 1;
}

/* The interval of a/b from the two intervals, as wide as they allow
 * (the two rows' samples are not paired). */
static void ratio_bounds(const struct stats_summary *a,
			 const struct stats_summary *b, double *lo, double *hi)
{
	*lo = a->ci_low / b->ci_high;
	*hi = a->ci_high / b->ci_low;
}

/* a and b with their intervals in unit u, into x and y. */
void judges_format_pair(const struct stats_summary *a,
			const struct stats_summary *b, const char *u, char *x,
			char *y, size_t len)
{
	units_format_ci(x, len, a->median, a->ci_low, a->ci_high, u, 0);
	units_format_ci(y, len, b->median, b->ci_low, b->ci_high, u, 0);
}

/* a and b with their intervals in the claim's unit, into x and y. */
static void format_ab(const struct claim *c, const struct stats_summary *a,
		      const struct stats_summary *b, char *x, char *y,
		      size_t len)
{
	judges_format_pair(a, b, claim_get(c, "unit"), x, y, len);
}

/* ranges: a within a-range, b within b-range, a/b within ratio-range,
 * each judged from its interval. */
static int ranges_of(const struct claim *c, struct sbuf *d,
		     const struct summary_table *t, const char *tc)
{
	const struct stats_summary *a, *b;
	if (!pair_of(c, t, tc, &a, &b))
		return -1;
	double alo = claim_num(c, "a-range", 0),
	       ahi = claim_num(c, "a-range", 1),
	       blo = claim_num(c, "b-range", 0),
	       bhi = claim_num(c, "b-range", 1),
	       rlo = claim_num(c, "ratio-range", 0),
	       rhi = claim_num(c, "ratio-range", 1);
	double qlo, qhi;
	ratio_bounds(a, b, &qlo, &qhi);
	int v[3] = {against(a->ci_low, a->ci_high, alo, ahi),
		    against(b->ci_low, b->ci_high, blo, bhi),
		    against(qlo, qhi, rlo, rhi)};
	char x[64], y[64];
	format_ab(c, a, b, x, y, sizeof x);
	sbuf_addf(d,
		  "  - %s: `%s` %s (%s %g to %g), `%s` %s (%s %g to %g), "
		  "%.3g [%.3g, %.3g] times (%s %g to %g)\n",
		  tc, claim_get(c, "a"), x, against_words(v[0]), alo, ahi,
		  claim_get(c, "b"), y, against_words(v[1]), blo, bhi,
		  a->median / b->median, qlo, qhi, against_words(v[2]), rlo,
		  rhi);
	return all_of(v, 3);
}

static void judge_ranges(const struct claim *c, const struct summary_table *t,
			 struct sbuf *sb)
{
	verdict_of(c, t, ranges_of, not_measured_ab, sb);
}

/* times: a at least factor times b, and a within range, each judged
 * from the intervals. */
static int factor_of(const struct claim *c, const struct summary_table *t,
		     const char *tc, struct sbuf *d)
{
	const struct stats_summary *a, *b;
	if (!pair_of(c, t, tc, &a, &b))
		return -1;
	double f = claim_num(c, "factor", 0), lo, hi;
	ratio_bounds(a, b, &lo, &hi);
	char x[64], y[64];
	format_ab(c, a, b, x, y, sizeof x);
	sbuf_addf(d, "  - %s: `%s` %s, `%s` %s: %.3g [%.3g, %.3g] times\n", tc,
		  claim_get(c, "a"), x, claim_get(c, "b"), y,
		  a->median / b->median, lo, hi);
	return lo >= f ? 1 : hi < f ? 0 : 3;
}

static int range_of(const struct claim *c, const struct summary_table *t,
		    const char *tc)
{
	const struct stats_summary *a, *b;
	if (!pair_of(c, t, tc, &a, &b))
		return -1;
	return against(a->ci_low, a->ci_high, claim_num(c, "range", 0),
		       claim_num(c, "range", 1));
}

static void judge_times(const struct claim *c, const struct summary_table *t,
			struct sbuf *sb)
{
	struct tally far = {0}, within = {0};
	struct sbuf detail = {0};
	for (size_t i = 0; i < t->ntoolchains; i++) {
		judges_tally_add(&far,
				 factor_of(c, t, t->toolchains[i], &detail));
		judges_tally_add(&within, range_of(c, t, t->toolchains[i]));
	}
	sbuf_addf(sb, "- *%s* ", claim_get(c, "text"));
	if (!far.measured) {
		not_measured_ab(c, sb);
	} else {
		sbuf_addf(sb, "Far more (taken as at least %s): ",
			  claim_get(c, "factor-words"));
		judges_tally_write(&far, sb);
		sbuf_addf(sb, ". The %s figure: ", claim_get(c, "range-words"));
		judges_tally_write(&within, sb);
		sbuf_addf(sb, ".\n%s", detail.buf);
	}
	sbuf_free(&detail);
}

/* The first word of s, allocated, and in *rest what follows its
 * spaces ("DIRECT POOLED", "VARIANT words"). */
static char *first_word(const char *s, const char **rest)
{
	size_t l = strcspn(s, " ");
	*rest = s + l + strspn(s + l, " ");
	return xstrndup(s, l);
}

int judges_apart(double alo, double ahi, double blo, double bhi)
{
	return ahi < blo ? 1 : alo >= bhi ? -1 : 0;
}

int judges_below(const struct stats_summary *a, const struct stats_summary *b)
{
	return judges_apart(a->ci_low, a->ci_high, b->ci_low, b->ci_high);
}

int judges_part_verdict(int part)
{
	return part > 0 ? 1 : part < 0 ? 0 : 3;
}

int judges_parts(int won, int lost, int parts)
{
	if (won == parts)
		return 1;
	if (lost == parts)
		return 0;
	return won && lost ? 2 : 3;
}

/* Whether the locked map's overhead grows from 1 goroutine (r1) to the
 * most (rg), by the intervals: 1 grows, -1 does not (wholly at or
 * below), 0 open; its line into d. */
static int contention_grows(const char *tc, const char *lk, long g,
			    const struct summary_row *r1,
			    const struct summary_row *rg, struct sbuf *d)
{
	static const char *const words[] = {
	    "does not grow", "inconclusive (the intervals overlap)", "grows"};
	int v = judges_apart(r1->d.diff_low, r1->d.diff_high, rg->d.diff_low,
			     rg->d.diff_high);
	char x[96], y[96];
	units_format_ci(x, sizeof x, r1->d.diff, r1->d.diff_low,
			r1->d.diff_high, "ns", 0);
	units_format_ci(y, sizeof y, rg->d.diff, rg->d.diff_low,
			rg->d.diff_high, "ns", 0);
	sbuf_addf(d,
		  "  - %s: `%s` costs %s over the bare callback with 1 "
		  "goroutine and %s with %ld: contention %s\n",
		  tc, lk, x, y, g, words[v + 1]);
	return v;
}

/* contention: the locked map's overhead over its baseline grows from 1
 * goroutine to the most; each remedy is faster than it there; each part
 * by the intervals (a missing remedy fails its part). */
static int judge_contention(const struct claim *c, struct sbuf *d,
			    const struct summary_table *t, const char *tc)
{
	static const char *const words[] = {
	    "does not relieve it", "inconclusive (the intervals overlap)",
	    "relieves it"};
	const char *f = claim_get(c, "family"), *lk = claim_get(c, "locked"),
		   *pre = claim_get(c, "prefix"), *u = claim_get(c, "unit");
	long g = summary_max_param(t, f, lk, tc, pre);
	if (g < 2)
		return -1;
	char p1[64], pg[64];
	snprintf(p1, sizeof p1, "%s1", pre);
	snprintf(pg, sizeof pg, "%s%ld", pre, g);
	long r1 = summary_row_of(t, f, lk, tc, p1, u),
	     rg = summary_row_of(t, f, lk, tc, pg, u);
	if (r1 < 0 || rg < 0)
		return -1;
	int v = contention_grows(tc, lk, g, &t->rows[r1], &t->rows[rg], d);
	int parts = 1, won = v > 0, lost = v < 0;
	const char *rem;
	for (size_t i = 0; (rem = claim_get_nth(c, "remedy", i)); i++) {
		/* "VARIANT words saying what it does" */
		const char *what;
		char *rv = first_word(rem, &what);
		long r = summary_row_of(t, f, rv, tc, pg, u);
		parts++;
		v = r < 0 ? -1 : judges_below(&t->rows[r].s, &t->rows[rg].s);
		won += v > 0;
		lost += v < 0;
		if (r >= 0) {
			char x[96], y[96];
			judges_format_pair(&t->rows[r].s, &t->rows[rg].s, u, x,
					   y, sizeof x);
			sbuf_addf(d,
				  "    - %s (`%s`): %s with %ld goroutines "
				  "against %s: %s\n",
				  what, rv, x, g, y, words[v + 1]);
		}
		free(rv);
	}
	return judges_parts(won, lost, parts);
}

/* pool: fewer threads and a cheaper burst through the pool than direct,
 * for each pair "DIRECT POOLED", each by the intervals: a part whose
 * intervals overlap is inconclusive, and so is the claim when no part
 * fails. */
static int judge_pool(const struct claim *c, struct sbuf *d,
		      const struct summary_table *t, const char *tc)
{
	static const char *const fewer[] = {"more", "inconclusive", "fewer"},
				 *const cheaper[] = {"dearer", "inconclusive",
						     "cheaper"};
	const char *f = claim_get(c, "family"), *p = claim_get(c, "param"),
		   *pair;
	int measured = 0, parts = 0, won = 0, lost = 0;
	for (size_t i = 0; (pair = claim_get_nth(c, "pair", i)); i++) {
		const char *pv;
		char *dv = first_word(pair, &pv);
		long dt = summary_row_of(t, f, dv, tc, p, "ns/op"),
		     pt = summary_row_of(t, f, pv, tc, p, "ns/op"),
		     dn = summary_row_of(t, f, dv, tc, p, "threads"),
		     pn = summary_row_of(t, f, pv, tc, p, "threads");
		if (dt < 0 || pt < 0 || dn < 0 || pn < 0) {
			free(dv);
			continue;
		}
		measured = 1;
		const struct stats_summary *ds = &t->rows[dt].s,
					   *ps = &t->rows[pt].s,
					   *dth = &t->rows[dn].s,
					   *pth = &t->rows[pn].s;
		int th = judges_below(pth, dth), ti = judges_below(ps, ds);
		parts += 2;
		won += (th > 0) + (ti > 0);
		lost += (th < 0) + (ti < 0);
		char pn_[96], dn_[96], pt_[96], dt_[96];
		judges_format_pair(pth, dth, "threads", pn_, dn_, sizeof pn_);
		judges_format_pair(ps, ds, "ns/op", pt_, dt_, sizeof pt_);
		sbuf_addf(d,
			  "  - %s, bursts of %s `%s` calls: %s through the "
			  "pool, %s direct (%s); %s a burst through the pool, "
			  "%s direct (%s)\n",
			  tc, claim_get(c, "burst"), dv, pn_, dn_,
			  fewer[th + 1], pt_, dt_, cheaper[ti + 1]);
		free(dv);
	}
	if (!measured)
		return -1;
	return judges_parts(won, lost, parts);
}

/* A row's interval, or its median where it has none. */
void judges_interval_of(const struct stats_summary *s, double *lo, double *hi)
{
	int has = !isnan(s->ci_low) && !isnan(s->ci_high);
	*lo = has ? s->ci_low : s->median;
	*hi = has ? s->ci_high : s->median;
}

void judges_format_row(char *buf, size_t len, const struct stats_summary *s,
		       const char *u)
{
	double lo, hi;
	judges_interval_of(s, &lo, &hi);
	units_format_ci(buf, len, s->median, lo, hi, u, 0);
}

int judges_threads_over(const struct stats_summary *b,
			const struct stats_summary *g, double need,
			double over[3])
{
	double blo, bhi, glo, ghi;
	judges_interval_of(b, &blo, &bhi);
	judges_interval_of(g, &glo, &ghi);
	over[0] = b->median - g->median;
	over[1] = blo - ghi;
	over[2] = bhi - glo;
	return judges_reaches(over[1], over[2], need);
}

int judges_reaches(double lo, double hi, double need)
{
	return lo >= need ? 1 : hi < need ? 0 : 3;
}

/* blocking: calls goroutines blocked in C at once grow at least share
 * of calls threads more than the same blocked in Go: held where the
 * least the intervals allow does, failed where the most does not, else
 * inconclusive. */
static int judge_blocking(const struct claim *c, struct sbuf *d,
			  const struct summary_table *t, const char *tc)
{
	const char *f = claim_get(c, "family"), *p = claim_get(c, "param");
	long rb = summary_row_of(t, f, claim_get(c, "blocked"), tc, p,
				 "threads"),
	     rg = summary_row_of(t, f, claim_get(c, "baseline"), tc, p,
				 "threads");
	if (rb < 0 || rg < 0)
		return -1;
	const struct stats_summary *b = &t->rows[rb].s, *g = &t->rows[rg].s;
	double over[3], calls = claim_num(c, "calls", 0);
	int v =
	    judges_threads_over(b, g, claim_num(c, "share", 0) * calls, over);
	char bs[96], gs[96], os[96];
	judges_format_row(bs, sizeof bs, b, "threads");
	judges_format_row(gs, sizeof gs, g, "threads");
	units_format_ci(os, sizeof os, over[0], over[1], over[2], "threads", 0);
	sbuf_addf(d,
		  "  - %s: %g goroutines blocking in C grew the process to "
		  "%s, blocking in Go to %s: %s more for %g blocking calls\n",
		  tc, calls, bs, gs, os, calls);
	return v;
}

/* allocates: the copy makes at least allocs allocations and bytes bytes
 * per call, where the view makes none; each count a part of the claim,
 * won where its interval reaches the figure, lost where it falls wholly
 * short (judges_reaches). */
static int judge_allocates(const struct claim *c, struct sbuf *d,
			   const struct summary_table *t, const char *tc)
{
	const char *f = claim_get(c, "family"), *p = claim_get(c, "param"),
		   *cp = claim_get(c, "copy"), *vw = claim_get(c, "view");
	const char *unit[3] = {"allocs/op", "B/op", "allocs/op"};
	const char *variant[3] = {cp, cp, vw};
	double need[2] = {claim_num(c, "allocs", 0), claim_num(c, "bytes", 0)};
	char fig[3][96];
	int won = 0, lost = 0;
	for (int i = 0; i < 3; i++) {
		long r = summary_row_of(t, f, variant[i], tc, p, unit[i]);
		if (r < 0)
			return -1;
		const struct stats_summary *s = &t->rows[r].s;
		judges_format_row(fig[i], sizeof fig[i], s, unit[i]);
		if (i < 2) {
			double lo, hi;
			judges_interval_of(s, &lo, &hi);
			int v = judges_reaches(lo, hi, need[i]);
			won += v == 1;
			lost += v == 0;
		}
	}
	sbuf_addf(d,
		  "  - %s: `%s` of a %g-byte C string: %s, %s; reading it "
		  "in place (`%s`): %s\n",
		  tc, cp, need[1], fig[0], fig[1], vw, fig[2]);
	return judges_parts(won, lost, 2);
}

int judges_cheaper_pair(const struct claim *c, const char *pair,
			const struct summary_table *t, const char *tc,
			struct sbuf *d, double *ratio)
{
	const char *f = claim_get(c, "family"), *g = claim_get(c, "than"),
		   *u = claim_get(c, "unit");
	const char *bv;
	char *av = first_word(pair, &bv);
	long ra = summary_row_of(t, f, av, tc, "", u),
	     rb = summary_row_of(t, g, bv, tc, "", u);
	if (ra < 0 || rb < 0) {
		free(av);
		return -1;
	}
	const struct stats_summary *a = &t->rows[ra].s, *b = &t->rows[rb].s;
	int v = judges_part_verdict(judges_below(a, b));
	*ratio = a->median / b->median;
	if (d) {
		char x[80], y[80];
		judges_format_pair(a, b, u, x, y, sizeof x);
		sbuf_addf(d,
			  "  - %s: `%s` %s against %s's `%s` %s: %.3g times "
			  "the time, %s\n",
			  tc, av, x, g, bv, y, *ratio,
			  v == 1   ? "cheaper"
			  : v == 0 ? "dearer"
				   : "inconclusive (the intervals overlap)");
	}
	free(av);
	return v;
}

/* cheaper: each pair's first variant (of family) costs less than its
 * second (of than), the intervals apart; each pair a part of the claim
 * (judges_parts). */
static int judge_cheaper(const struct claim *c, struct sbuf *d,
			 const struct summary_table *t, const char *tc)
{
	const char *pair;
	int n = 0, cheaper = 0, dearer = 0;
	for (size_t i = 0; (pair = claim_get_nth(c, "pair", i)); i++) {
		double ratio;
		int v = judges_cheaper_pair(c, pair, t, tc, d, &ratio);
		n += v >= 0;
		cheaper += v == 1;
		dearer += v == 0;
	}
	if (!n)
		return -1;
	return judges_parts(cheaper, dearer, n);
}

/* A judge: its name in a claims file, the keys it reads (a number in
 * a key's name after ':' is how many numbers its value holds), and how it
 * writes its verdict: whole (write), or per toolchain (per_tc). */
const struct judge claims_judges[] = {
    {"ranges",
     {"family", "a", "b", "unit", "a-range:2", "b-range:2", "ratio-range:2"},
     judge_ranges,
     NULL},
    {"times",
     {"family", "a", "b", "unit", "factor:1", "factor-words", "range:2",
      "range-words"},
     judge_times,
     NULL},
    {"batching",
     {"needs", "family", "batch", "each", "base", "prefix", "unit", "share:1"},
     NULL,
     sweeps_batching},
    {"contention",
     {"needs", "family", "locked", "prefix", "unit", "remedy"},
     NULL,
     judge_contention},
    {"pool", {"needs", "family", "param", "burst", "pair"}, NULL, judge_pool},
    {"blocking",
     {"needs", "family", "param", "blocked", "baseline", "calls:1", "share:1"},
     NULL,
     judge_blocking},
    {"library",
     {"needs", "family", "go", "cgo", "prefix", "unit", "share:1"},
     NULL,
     sweeps_library},
    {"allocates",
     {"needs", "family", "param", "copy", "view", "allocs:1", "bytes:1"},
     NULL,
     judge_allocates},
    {"cheaper",
     {"needs", "family", "than", "unit", "pair", "way", "than-way"},
     NULL,
     judge_cheaper},
    {"blocking-sweep",
     {"needs", "family", "prefix", "blocked", "baseline", "calls:1", "share:1"},
     NULL,
     sweeps_blocking},
    {"pool-sweep", {"needs", "family", "prefix", "pair"}, NULL, sweeps_pool},
    {"grows",
     {"needs", "family", "variant", "prefix", "by:1"},
     NULL,
     sweeps_grows},
    {"moves",
     {"needs", "family", "free", "locked", "params"},
     NULL,
     sweeps_moves},
};
const size_t claims_njudges = sizeof claims_judges / sizeof *claims_judges;
