#include "claims.h"

#include "summary.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The verdict over toolchains from how many of n held. */
static const char *verdict(size_t held, size_t n)
{
	return held == n ? "**holds**"
	       : held	 ? "**holds only for some toolchains**"
			 : "**does not hold**";
}

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

static int in(double v, double lo, double hi)
{
	return v >= lo && v <= hi;
}

static void claim_go_to_c(struct sbuf *sb, const struct summary_table *t)
{
	const char *const *tcs = t->toolchains;
	size_t ntc = t->ntoolchains, measured = 0, held = 0;
	struct sbuf detail = {0};
	for (size_t i = 0; i < ntc; i++) {
		long c = summary_row_of(t, "call", "go->c", tcs[i], "", "ns/op"),
		     g = summary_row_of(t, "call", "go->go", tcs[i], "", "ns/op");
		if (c < 0 || g < 0)
			continue;
		double gc = t->rows[(size_t)c].s.median,
		       gg = t->rows[(size_t)g].s.median;
		int ok =
		    in(gc, 60, 200) && in(gg, 1, 5) && in(gc / gg, 20, 100);
		measured++;
		held += ok;
		sbuf_addf(
		    &detail,
		    "  - %s: `go->c` %.4g ns (%s 60 to 200), `go->go` %.4g "
		    "ns (%s 1 to 5), %.3g times (%s 20 to 100)\n",
		    tcs[i], gc, in(gc, 60, 200) ? "within" : "outside", gg,
		    in(gg, 1, 5) ? "within" : "outside", gc / gg,
		    in(gc / gg, 20, 100) ? "within" : "outside");
	}
	sbuf_addstr(sb,
		    "- *A Go-to-C call costs roughly 60 to 200 ns against 1 "
		    "to 5 ns for a Go call, 20 to 100 times more.* ");
	if (!measured)
		sbuf_addstr(sb, "Not measured: this run has no `go->c` and "
				"`go->go` timed in ns/op.\n");
	else
		sbuf_addf(sb, "%s.\n%s", verdict(held, measured), detail.buf);
	sbuf_free(&detail);
}

static void claim_c_to_go(struct sbuf *sb, const struct summary_table *t)
{
	const char *const *tcs = t->toolchains;
	size_t ntc = t->ntoolchains, measured = 0, held = 0, ms = 0;
	struct sbuf detail = {0};
	for (size_t i = 0; i < ntc; i++) {
		long c =
		    summary_row_of(t, "call", "c->go(cthread)", tcs[i], "", "ns/op");
		long g = summary_row_of(t, "call", "go->c", tcs[i], "", "ns/op");
		if (c < 0 || g < 0)
			continue;
		double cg = t->rows[(size_t)c].s.median,
		       gc = t->rows[(size_t)g].s.median;
		measured++;
		held += cg >= 2 * gc;
		ms += in(cg, 1e6, 2e6);
		sbuf_addf(&detail,
			  "  - %s: `c->go(cthread)` %.4g ns, `go->c` %.4g ns: "
			  "%.3g times\n",
			  tcs[i], cg, gc, cg / gc);
	}
	sbuf_addstr(sb,
		    "- *Calling Go from C costs far more than calling C from "
		    "Go (one claim puts it at 1 to 2 ms).* ");
	if (!measured) {
		sbuf_addstr(sb,
			    "Not measured: this run has no `c->go(cthread)` "
			    "and `go->c` timed in ns/op.\n");
	} else {
		sbuf_addf(sb,
			  "Far more (taken as at least twice): %s. The 1 to 2 "
			  "ms figure: %s.\n%s",
			  verdict(held, measured), verdict(ms, measured),
			  detail.buf);
	}
	sbuf_free(&detail);
}

/* One claim judged per toolchain: judge appends a detail line and
 * returns 1 when the claim holds, 2 when it holds in part only, 0 when
 * not, -1 when the toolchain has not measured it. */
typedef int (*judge_fn)(struct sbuf *detail, const struct summary_table *t,
			const char *tc);

static void claim(struct sbuf *sb, const struct summary_table *t, const char *text,
		  const char *needs, judge_fn judge)
{
	const char *const *tcs = t->toolchains;
	size_t ntc = t->ntoolchains, measured = 0, held = 0, part = 0;
	struct sbuf detail = {0};
	for (size_t i = 0; i < ntc; i++) {
		int v = judge(&detail, t, tcs[i]);
		if (v < 0)
			continue;
		measured++;
		held += v == 1;
		part += v == 2;
	}
	sbuf_addf(sb, "- *%s* ", text);
	if (!measured)
		sbuf_addf(sb, "Not measured: this run has no %s.\n", needs);
	else
		sbuf_addf(sb, "%s.\n%s", verdict_parts(held, part, measured),
			  detail.buf);
	sbuf_free(&detail);
}

/* The least batch size from which go->c(batch)'s crossing costs under 10%
 * of the work, or -1; *largest is the largest n measured. One crossing of
 * F ns for k items of w ns each costs w + F/k per item: the crossing is
 * under 10% of the work where that is within 10% of w, taken as the least
 * cost per item of any n. */
long claims_break_even(const struct summary_table *t, const char *tc,
			long *largest)
{
	long n = summary_max_param(t, "batch", "go->c(batch)", tc, "n=");
	*largest = n;
	char p[32];
	double w = NAN;
	for (long k = n; k >= 1; k /= 2) {
		snprintf(p, sizeof p, "n=%ld", k);
		double m =
		    summary_median_of(t, "batch", "go->c(batch)", tc, p, "ns/item");
		if (!isnan(m) && !(m >= w))
			w = m;
	}
	long even = -1;
	for (long k = n; k >= 1 && !isnan(w); k /= 2) {
		snprintf(p, sizeof p, "n=%ld", k);
		double m =
		    summary_median_of(t, "batch", "go->c(batch)", tc, p, "ns/item");
		if (isnan(m) || m > 1.1 * w)
			break;
		even = k;
	}
	return even;
}

/* Batching: at the largest batch, one crossing per batch costs less per
 * item than one per item (the intervals apart), and where the crossing
 * falls under 10% of the work. */
static int judge_batching(struct sbuf *d, const struct summary_table *t,
			  const char *tc)
{
	long n = summary_max_param(t, "batch", "go->c(batch)", tc, "n=");
	if (n < 1)
		return -1;
	char p[32];
	snprintf(p, sizeof p, "n=%ld", n);
	long b = summary_row_of(t, "batch", "go->c(batch)", tc, p, "ns/item");
	long e = summary_row_of(t, "batch", "go->c(each)", tc, p, "ns/item");
	if (b < 0 || e < 0)
		return -1;
	double bm = t->rows[(size_t)b].s.median,
	       em = t->rows[(size_t)e].s.median;
	int ok = t->rows[(size_t)b].s.ci_high < t->rows[(size_t)e].s.ci_low;
	sbuf_addf(d,
		  "  - %s: at n=%ld, `go->c(batch)` %.4g ns/item against "
		  "`go->c(each)` %.4g ns/item (%.3g times less) and `c->c` "
		  "%.4g ns/item",
		  tc, n, bm, em, em / bm,
		  summary_median_of(t, "batch", "c->c", tc, p, "ns/item"));
	long largest, even = claims_break_even(t, tc, &largest);
	sbuf_addf(d,
		  "; the crossing costs under 10%% of the work (ns/item within "
		  "10%% of its least) from n=%ld on\n",
		  even);
	return ok;
}

/* Contention: the big locked map's overhead over the bare callback grows
 * from 1 goroutine to the most; each remedy is faster than it there. */
static int judge_handles(struct sbuf *d, const struct summary_table *t,
			 const char *tc)
{
	long g =
	    summary_max_param(t, "handles", "rwmutex-map(mutex-id)", tc, "goroutines=");
	if (g < 2)
		return -1;
	char pg[32];
	snprintf(pg, sizeof pg, "goroutines=%ld", g);
	long r1 = summary_row_of(t, "handles", "rwmutex-map(mutex-id)", tc,
			 "goroutines=1", "ns/op");
	long rg =
	    summary_row_of(t, "handles", "rwmutex-map(mutex-id)", tc, pg, "ns/op");
	if (r1 < 0 || rg < 0)
		return -1;
	double o1 = t->rows[r1].d.diff,
	       og = t->rows[(size_t)rg].d.diff;
	int grows = t->rows[(size_t)rg].d.diff_low >
		    t->rows[r1].d.diff_high;
	sbuf_addf(d,
		  "  - %s: `rwmutex-map(mutex-id)` costs %.4g ns over the bare "
		  "callback with 1 goroutine and %.4g ns with %ld: contention "
		  "%s\n",
		  tc, o1, og, g, grows ? "grows" : "does not grow measurably");
	static const char *const remedies[][2] = {
	    {"rwmutex-map", "atomic ids"},
	    {"sharded-map", "sharding"},
	    {"sync.Map", "sync.Map"},
	    {"rwmutex-map(object-key)", "the object's own key"},
	    {"sharded-map(object-key)", "sharding by the object's own key"}};
	int all = grows, any = grows;
	double base = t->rows[(size_t)rg].s.median;
	for (size_t i = 0; i < sizeof remedies / sizeof *remedies; i++) {
		long r = summary_row_of(t, "handles", remedies[i][0], tc, pg, "ns/op");
		if (r < 0) {
			all = 0;
			continue;
		}
		double m = t->rows[(size_t)r].s.median;
		int relieves =
		    t->rows[(size_t)r].s.ci_high < t->rows[(size_t)rg].s.ci_low;
		all &= relieves;
		any |= relieves;
		sbuf_addf(d,
			  "    - %s (`%s`): %.4g ns/op with %ld goroutines "
			  "against %.4g: %s\n",
			  remedies[i][1], remedies[i][0], m, g, base,
			  relieves ? "relieves it" : "does not relieve it");
	}
	return all ? 1 : any ? 2 : 0;
}

/* The pool: fewer threads and a cheaper burst than direct calls, for
 * computing and for blocking calls. */
static int judge_pool(struct sbuf *d, const struct summary_table *t, const char *tc)
{
	static const char *const pairs[][2] = {{"go->c", "go->c(pool)"},
					       {"sleep(c)", "sleep(c,pool)"}};
	int measured = 0, ok = 1, any = 0;
	for (size_t i = 0; i < 2; i++) {
		long dt = summary_row_of(t, "threads", pairs[i][0], tc, "goroutines=64",
				 "ns/op");
		long pt = summary_row_of(t, "threads", pairs[i][1], tc, "goroutines=64",
				 "ns/op");
		double dth = summary_median_of(t, "threads", pairs[i][0], tc,
				       "goroutines=64", "threads");
		double pth = summary_median_of(t, "threads", pairs[i][1], tc,
				       "goroutines=64", "threads");
		if (dt < 0 || pt < 0 || isnan(dth) || isnan(pth))
			continue;
		measured = 1;
		int fewer = pth < dth;
		int cheaper = t->rows[(size_t)pt].s.ci_high <
			      t->rows[(size_t)dt].s.ci_low;
		ok &= fewer && cheaper;
		any |= fewer || cheaper;
		sbuf_addf(
		    d,
		    "  - %s, bursts of 64 `%s` calls: %.4g threads "
		    "through the pool, %.4g direct (%s); %.4g ns per "
		    "burst through the pool, %.4g direct (%s)\n",
		    tc, pairs[i][0], pth, dth, fewer ? "fewer" : "not fewer",
		    t->rows[(size_t)pt].s.median, t->rows[(size_t)dt].s.median,
		    cheaper ? "cheaper" : "not cheaper");
	}
	return !measured ? -1 : ok ? 1 : any ? 2 : 0;
}

/* Blocking calls: 64 goroutines blocked in C at once grow about 64
 * threads more than the same blocked in Go (at least 90% of them). */
static int judge_blocking(struct sbuf *d, const struct summary_table *t,
			  const char *tc)
{
	double c =
	    summary_median_of(t, "threads", "sleep(c)", tc, "goroutines=64", "threads");
	double g = summary_median_of(t, "threads", "sleep(go)", tc, "goroutines=64",
			     "threads");
	if (isnan(c) || isnan(g))
		return -1;
	int ok = c - g >= 0.9 * 64;
	sbuf_addf(d,
		  "  - %s: 64 goroutines blocking in C grew the process to "
		  "%.4g threads, blocking in Go to %.4g: %.4g threads for 64 "
		  "blocking calls\n",
		  tc, c, g, c - g);
	return ok;
}

/* GoString: at least one allocation and the string's bytes per call,
 * where reading the C memory in place has none. */
static int judge_gostring(struct sbuf *d, const struct summary_table *t,
			  const char *tc)
{
	double a =
	    summary_median_of(t, "data", "GoString", tc, "cgocheck=1", "allocs/op");
	double by = summary_median_of(t, "data", "GoString", tc, "cgocheck=1", "B/op");
	double va = summary_median_of(t, "data", "view", tc, "cgocheck=1", "allocs/op");
	if (isnan(a) || isnan(by) || isnan(va))
		return -1;
	int ok = a >= 1 && by >= 64;
	sbuf_addf(d,
		  "  - %s: `GoString` of a 64-byte C string: %.3g allocs/op, "
		  "%.4g B/op; reading it in place (`view`): %.3g allocs/op\n",
		  tc, a, by, va);
	return ok;
}

void claims_write(const struct summary_table *t, struct sbuf *sb)
{
	sbuf_addstr(sb, "## Claims about cgo\n\n");
	claim_go_to_c(sb, t);
	claim_c_to_go(sb, t);
	claim(sb, t,
	      "Batching amortises the crossing: one crossing for N items "
	      "instead of N crossings.",
	      "batch family", judge_batching);
	claim(sb, t,
	      "A big map behind a lock suffers contention as cores grow, and "
	      "sharding, sync.Map and atomic ids relieve it.",
	      "handles family at more than one goroutine", judge_handles);
	claim(sb, t,
	      "A worker pool with runtime.LockOSThread limits thread growth "
	      "and lowers the cost of bursts.",
	      "threads family", judge_pool);
	claim(sb, t, "Blocking C calls grow one OS thread each.",
	      "threads family", judge_blocking);
	claim(sb, t, "C.GoString allocates and copies on every call.",
	      "data family", judge_gostring);
	sbuf_addstr(sb, "\n");
}

