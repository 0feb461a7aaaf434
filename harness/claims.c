#include "claims.h"

#include "summary.h"
#include "util.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct claim_pair {
	char *key, *value;
};

struct claim {
	char *name, *source; /* source: "file:line" of its first line */
	long order;
	const struct judge *judge;
	struct claim_pair *pairs;
	size_t npairs;
};

/* The value of key, NULL when the claim has none. */
static const char *value_of(const struct claim *c, const char *key)
{
	for (size_t i = 0; i < c->npairs; i++)
		if (!strcmp(c->pairs[i].key, key))
			return c->pairs[i].value;
	return NULL;
}

/* The value of a key the claim was checked to have at load. */
static const char *get(const struct claim *c, const char *key)
{
	const char *v = value_of(c, key);
	return v ? v : "";
}

/* The k-th value of a key given several times, NULL past the last. */
static const char *get_nth(const struct claim *c, const char *key, size_t k)
{
	for (size_t i = 0; i < c->npairs; i++)
		if (!strcmp(c->pairs[i].key, key) && k-- == 0)
			return c->pairs[i].value;
	return NULL;
}

/* The i-th number of key's value ("60 200": 0 is 60); checked at load. */
static double num(const struct claim *c, const char *key, int i)
{
	const char *v = value_of(c, key);
	char *end;
	double d = NAN;
	for (int k = 0; v && k <= i; k++) {
		d = strtod(v, &end);
		if (end == v)
			return NAN;
		v = end;
	}
	return d;
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


/* The verdict line of a claim judged per toolchain with judge: held
 * wholly, in part, or not, on each toolchain that measured it. */
typedef int (*judge_fn)(const struct claim *c, struct sbuf *detail,
			const struct summary_table *t, const char *tc);

static void generic(const struct claim *c, const struct summary_table *t,
		    judge_fn judge, struct sbuf *sb)
{
	size_t measured = 0, held = 0, part = 0;
	struct sbuf detail = {0};
	for (size_t i = 0; i < t->ntoolchains; i++) {
		int v = judge(c, &detail, t, t->toolchains[i]);
		if (v < 0)
			continue;
		measured++;
		held += v == 1;
		part += v == 2;
	}
	sbuf_addf(sb, "- *%s* ", get(c, "text"));
	if (!measured)
		sbuf_addf(sb, "Not measured: this run has no %s.\n",
			  get(c, "needs"));
	else
		sbuf_addf(sb, "%s.\n%s", verdict_parts(held, part, measured),
			  detail.buf);
	sbuf_free(&detail);
}

/* The figures a and b of a toolchain, both without a param; 0 when the
 * toolchain lacks either. */
static int pair_of(const struct claim *c, const struct summary_table *t,
		   const char *tc, double *a, double *b)
{
	const char *f = get(c, "family"), *u = get(c, "unit");
	long ra = summary_row_of(t, f, get(c, "a"), tc, "", u),
	     rb = summary_row_of(t, f, get(c, "b"), tc, "", u);
	if (ra < 0 || rb < 0)
		return 0;
	*a = t->rows[ra].s.median;
	*b = t->rows[rb].s.median;
	return 1;
}

static void not_measured_ab(const struct claim *c, struct sbuf *sb)
{
	sbuf_addf(sb, "Not measured: this run has no `%s` and `%s` timed in %s.\n",
		  get(c, "a"), get(c, "b"), get(c, "unit"));
}

/* ranges: a within a-range, b within b-range, a/b within ratio-range. */
static void judge_ranges(const struct claim *c, const struct summary_table *t,
			 struct sbuf *sb)
{
	size_t measured = 0, held = 0;
	struct sbuf detail = {0};
	double alo = num(c, "a-range", 0), ahi = num(c, "a-range", 1),
	       blo = num(c, "b-range", 0), bhi = num(c, "b-range", 1),
	       rlo = num(c, "ratio-range", 0), rhi = num(c, "ratio-range", 1);
	for (size_t i = 0; i < t->ntoolchains; i++) {
		double a, b;
		if (!pair_of(c, t, t->toolchains[i], &a, &b))
			continue;
		int ia = in(a, alo, ahi), ib = in(b, blo, bhi),
		    ir = in(a / b, rlo, rhi);
		measured++;
		held += ia && ib && ir;
		sbuf_addf(&detail,
			  "  - %s: `%s` %.4g ns (%s %g to %g), `%s` %.4g ns (%s "
			  "%g to %g), %.3g times (%s %g to %g)\n",
			  t->toolchains[i], get(c, "a"), a,
			  ia ? "within" : "outside", alo, ahi, get(c, "b"), b,
			  ib ? "within" : "outside", blo, bhi, a / b,
			  ir ? "within" : "outside", rlo, rhi);
	}
	sbuf_addf(sb, "- *%s* ", get(c, "text"));
	if (!measured)
		not_measured_ab(c, sb);
	else
		sbuf_addf(sb, "%s.\n%s", verdict_parts(held, 0, measured), detail.buf);
	sbuf_free(&detail);
}

/* times: a at least factor times b, and a within range. */
static void judge_times(const struct claim *c, const struct summary_table *t,
			struct sbuf *sb)
{
	size_t measured = 0, held = 0, within = 0;
	struct sbuf detail = {0};
	double f = num(c, "factor", 0);
	for (size_t i = 0; i < t->ntoolchains; i++) {
		double a, b;
		if (!pair_of(c, t, t->toolchains[i], &a, &b))
			continue;
		measured++;
		held += a >= f * b;
		within += in(a, num(c, "range", 0), num(c, "range", 1));
		sbuf_addf(&detail, "  - %s: `%s` %.4g ns, `%s` %.4g ns: %.3g times\n",
			  t->toolchains[i], get(c, "a"), a, get(c, "b"), b,
			  a / b);
	}
	sbuf_addf(sb, "- *%s* ", get(c, "text"));
	if (!measured)
		not_measured_ab(c, sb);
	else
		sbuf_addf(sb,
			  "Far more (taken as at least %s): %s. The %s figure: "
			  "%s.\n%s",
			  get(c, "factor-words"), verdict_parts(held, 0, measured),
			  get(c, "range-words"), verdict_parts(within, 0, measured),
			  detail.buf);
	sbuf_free(&detail);
}

/* The least batch size from which the crossing per batch costs under
 * share% of the work, or -1; *largest is the largest n measured. One
 * crossing of F ns for k items of w ns each costs w + F/k per item: the
 * crossing is under share% of the work where that is within share% of w,
 * taken as the least cost per item of any n. */
static long break_even(const struct claim *c, const struct summary_table *t,
		       const char *tc, long *largest)
{
	const char *f = get(c, "family"), *v = get(c, "batch"),
		   *pre = get(c, "prefix"), *u = get(c, "unit");
	long n = summary_max_param(t, f, v, tc, pre);
	*largest = n;
	char p[64];
	double w = NAN;
	for (long k = n; k >= 1; k /= 2) {
		snprintf(p, sizeof p, "%s%ld", pre, k);
		double m = summary_median_of(t, f, v, tc, p, u);
		if (!isnan(m) && !(m >= w))
			w = m;
	}
	long even = -1;
	double within = 1 + num(c, "share", 0) / 100;
	for (long k = n; k >= 1 && !isnan(w); k /= 2) {
		snprintf(p, sizeof p, "%s%ld", pre, k);
		double m = summary_median_of(t, f, v, tc, p, u);
		if (isnan(m))
			continue; /* a size not measured */
		if (m > within * w)
			break;
		even = k;
	}
	return even;
}

/* batching: at the largest batch, one crossing per batch costs less per
 * item than one per item (the intervals apart), and where the crossing
 * falls under share% of the work. */
static int judge_batching(const struct claim *c, struct sbuf *d,
			  const struct summary_table *t, const char *tc)
{
	const char *f = get(c, "family"), *pre = get(c, "prefix"),
		   *u = get(c, "unit");
	long n = summary_max_param(t, f, get(c, "batch"), tc, pre);
	if (n < 1)
		return -1;
	char p[64];
	snprintf(p, sizeof p, "%s%ld", pre, n);
	long b = summary_row_of(t, f, get(c, "batch"), tc, p, u);
	long e = summary_row_of(t, f, get(c, "each"), tc, p, u);
	if (b < 0 || e < 0)
		return -1;
	double bm = t->rows[b].s.median, em = t->rows[e].s.median;
	int ok = t->rows[(size_t)b].s.ci_high < t->rows[(size_t)e].s.ci_low;
	sbuf_addf(d,
		  "  - %s: at %s, `%s` %.4g %s against `%s` %.4g %s (%.3g "
		  "times less) and `%s` %.4g %s",
		  tc, p, get(c, "batch"), bm, u, get(c, "each"), em, u, em / bm,
		  get(c, "base"), summary_median_of(t, f, get(c, "base"), tc, p, u),
		  u);
	long largest, even = break_even(c, t, tc, &largest);
	if (even > 0)
		sbuf_addf(d,
			  "; the crossing costs under %g%% of the work (%s "
			  "within %g%% of its least) from %s%ld on\n",
			  num(c, "share", 0), u, num(c, "share", 0), pre, even);
	else
		sbuf_addf(d,
			  "; the crossing is not under %g%% of the work at "
			  "%s%ld, the largest measured (%s more than %g%% "
			  "above its least)\n",
			  num(c, "share", 0), pre, largest, u,
			  num(c, "share", 0));
	return ok;
}

/* contention: the locked map's overhead over its baseline grows from 1
 * goroutine to the most (the intervals apart); each remedy is faster
 * than it there (the intervals apart). */
static int judge_contention(const struct claim *c, struct sbuf *d,
			    const struct summary_table *t, const char *tc)
{
	const char *f = get(c, "family"), *lk = get(c, "locked"),
		   *pre = get(c, "prefix"), *u = get(c, "unit");
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
	int grows = t->rows[(size_t)rg].d.diff_low >
		    t->rows[r1].d.diff_high;
	sbuf_addf(d,
		  "  - %s: `%s` costs %.4g ns over the bare callback with 1 "
		  "goroutine and %.4g ns with %ld: contention %s\n",
		  tc, lk, t->rows[r1].d.diff, t->rows[rg].d.diff, g,
		  grows ? "grows" : "does not grow measurably");
	int all = grows, any = grows;
	const char *rem;
	for (size_t i = 0; (rem = get_nth(c, "remedy", i)); i++) {
		/* "VARIANT words saying what it does" */
		size_t vl = strcspn(rem, " ");
		char *v = xstrndup(rem, vl);
		long r = summary_row_of(t, f, v, tc, pg, u);
		if (r < 0) {
			all = 0;
			free(v);
			continue;
		}
		int relieves =
		    t->rows[(size_t)r].s.ci_high < t->rows[(size_t)rg].s.ci_low;
		all &= relieves;
		any |= relieves;
		sbuf_addf(d,
			  "    - %s (`%s`): %.4g %s with %ld goroutines against "
			  "%.4g: %s\n",
			  rem + vl + strspn(rem + vl, " "), v, t->rows[r].s.median,
			  u, g, t->rows[rg].s.median,
			  relieves ? "relieves it" : "does not relieve it");
		free(v);
	}
	return all ? 1 : any ? 2 : 0;
}

/* pool: fewer threads (strictly) and a cheaper burst (the intervals
 * apart) through the pool than direct, for each pair "DIRECT POOLED". */
static int judge_pool(const struct claim *c, struct sbuf *d,
		      const struct summary_table *t, const char *tc)
{
	const char *f = get(c, "family"), *p = get(c, "param"), *pair;
	int measured = 0, ok = 1, any = 0;
	for (size_t i = 0; (pair = get_nth(c, "pair", i)); i++) {
		size_t l = strcspn(pair, " ");
		char *dv = xstrndup(pair, l);
		const char *pv = pair + l + strspn(pair + l, " ");
		long dt = summary_row_of(t, f, dv, tc, p, "ns/op"),
		     pt = summary_row_of(t, f, pv, tc, p, "ns/op");
		double dth = summary_median_of(t, f, dv, tc, p, "threads"),
		       pth = summary_median_of(t, f, pv, tc, p, "threads");
		if (dt < 0 || pt < 0 || isnan(dth) || isnan(pth)) {
			free(dv);
			continue;
		}
		measured = 1;
		int fewer = pth < dth;
		int cheaper = t->rows[(size_t)pt].s.ci_high <
			      t->rows[(size_t)dt].s.ci_low;
		ok &= fewer && cheaper;
		any |= fewer || cheaper;
		sbuf_addf(d,
			  "  - %s, bursts of %s `%s` calls: %.4g threads "
			  "through the pool, %.4g direct (%s); %.4g ns per "
			  "burst through the pool, %.4g direct (%s)\n",
			  tc, get(c, "burst"), dv, pth, dth,
			  fewer ? "fewer" : "not fewer", t->rows[pt].s.median,
			  t->rows[dt].s.median,
			  cheaper ? "cheaper" : "not cheaper");
		free(dv);
	}
	return !measured ? -1 : ok ? 1 : any ? 2 : 0;
}

/* blocking: calls goroutines blocked in C at once grow at least share
 * of calls threads more than the same blocked in Go. */
static int judge_blocking(const struct claim *c, struct sbuf *d,
			  const struct summary_table *t, const char *tc)
{
	const char *f = get(c, "family"), *p = get(c, "param");
	double b = summary_median_of(t, f, get(c, "blocked"), tc, p, "threads");
	double g = summary_median_of(t, f, get(c, "baseline"), tc, p, "threads");
	if (isnan(b) || isnan(g))
		return -1;
	double calls = num(c, "calls", 0);
	int ok = b - g >= num(c, "share", 0) * calls;
	sbuf_addf(d,
		  "  - %s: %g goroutines blocking in C grew the process to "
		  "%.4g threads, blocking in Go to %.4g: %.4g threads for %g "
		  "blocking calls\n",
		  tc, calls, b, g, b - g, calls);
	return ok;
}

/* allocates: the copy makes at least allocs allocations and bytes bytes
 * per call, where the view makes none. */
static int judge_allocates(const struct claim *c, struct sbuf *d,
			   const struct summary_table *t, const char *tc)
{
	const char *f = get(c, "family"), *p = get(c, "param"),
		   *cp = get(c, "copy"), *vw = get(c, "view");
	double a = summary_median_of(t, f, cp, tc, p, "allocs/op");
	double by = summary_median_of(t, f, cp, tc, p, "B/op");
	double va = summary_median_of(t, f, vw, tc, p, "allocs/op");
	if (isnan(a) || isnan(by) || isnan(va))
		return -1;
	int ok = a >= num(c, "allocs", 0) && by >= num(c, "bytes", 0);
	sbuf_addf(d,
		  "  - %s: `%s` of a %g-byte C string: %.3g allocs/op, %.4g "
		  "B/op; reading it in place (`%s`): %.3g allocs/op\n",
		  tc, cp, num(c, "bytes", 0), a, by, vw, va);
	return ok;
}

/* A judge: its name in a claims file, the keys it reads (a number in
 * a key's name after ':' is how many numbers its value holds), and how it
 * writes its verdict: whole (write), or per toolchain (per_tc). */
struct judge {
	const char *name;
	const char *keys[12];
	void (*write)(const struct claim *c, const struct summary_table *t,
		      struct sbuf *sb);
	judge_fn per_tc;
};

static const struct judge judges[] = {
    {"ranges",
     {"family", "a", "b", "unit", "a-range:2", "b-range:2", "ratio-range:2"},
     judge_ranges, NULL},
    {"times",
     {"family", "a", "b", "unit", "factor:1", "factor-words", "range:2",
      "range-words"},
     judge_times, NULL},
    {"batching",
     {"needs", "family", "batch", "each", "base", "prefix", "unit", "share:1"},
     NULL, judge_batching},
    {"contention",
     {"needs", "family", "locked", "prefix", "unit", "remedy"},
     NULL, judge_contention},
    {"pool", {"needs", "family", "param", "burst", "pair"}, NULL, judge_pool},
    {"blocking",
     {"needs", "family", "param", "blocked", "baseline", "calls:1", "share:1"},
     NULL, judge_blocking},
    {"allocates",
     {"needs", "family", "param", "copy", "view", "allocs:1", "bytes:1"},
     NULL, judge_allocates},
};
#define NJUDGES (sizeof judges / sizeof *judges)

struct claim_set {
	struct claim *c;
	size_t n;
};

static const struct judge *judge_named(const char *name)
{
	for (size_t i = 0; i < NJUDGES; i++)
		if (!strcmp(judges[i].name, name))
			return &judges[i];
	return NULL;
}

/* Every key the claim's judge reads is there, with its numbers. */
static int check(const struct claim *c, char *err, size_t errlen)
{
	if (!value_of(c, "text"))
		return set_error(err, errlen, "%s: claim '%s' has no 'text'",
				 c->source, c->name);
	for (size_t i = 0; i < 12 && c->judge->keys[i]; i++) {
		const char *k = c->judge->keys[i], *colon = strchr(k, ':');
		char *key = xstrndup(k, colon ? (size_t)(colon - k) : strlen(k));
		const char *v = value_of(c, key);
		int rc = 0;
		if (!v)
			rc = set_error(err, errlen,
				       "%s: claim '%s' has no '%s' (judge "
				       "'%s' reads it)",
				       c->source, c->name, key, c->judge->name);
		for (int n = 0; rc == 0 && colon && n < atoi(colon + 1); n++)
			if (isnan(num(c, key, n)))
				rc = set_error(err, errlen,
					       "%s: claim '%s': '%s %s' wants "
					       "%d numbers",
					       c->source, c->name, key, v,
					       atoi(colon + 1));
		free(key);
		if (rc)
			return rc;
	}
	return 0;
}

static int finish(struct claim *c, char *err, size_t errlen)
{
	const char *j = value_of(c, "judge"), *o = value_of(c, "order");
	if (!j || !(c->judge = judge_named(j)))
		return set_error(err, errlen,
				 "%s: claim '%s': unknown judge '%s'",
				 c->source, c->name, j ? j : "");
	if (!o || parse_long(o, &c->order) != 0)
		return set_error(err, errlen,
				 "%s: claim '%s' wants 'order N', a whole "
				 "number",
				 c->source, c->name);
	return check(c, err, errlen);
}

int claims_parse(const char *text, const char *source, struct claim_set *s,
		 char *err, size_t errlen)
{
	char *copy = xstrdup(text), *line = copy, *next;
	int lineno = 0, rc = 0;
	struct claim *cur = NULL;
	for (; line && rc == 0; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		str_rstrip(line);
		line += strspn(line, " \t");
		if (!*line || *line == '#')
			continue;
		size_t kl = strcspn(line, " \t");
		char *value = line + kl + strspn(line + kl, " \t");
		line[kl] = '\0';
		if (!strcmp(line, "claim")) {
			if (cur && (rc = finish(cur, err, errlen)) != 0)
				break;
			s->c = xrealloc(s->c, (s->n + 1) * sizeof *s->c);
			cur = &s->c[s->n++];
			*cur = (struct claim){
			    .name = xstrdup(value),
			    .source = xasprintf("%s:%d", source, lineno)};
			for (size_t i = 0; i + 1 < s->n; i++)
				if (!strcmp(s->c[i].name, value))
					rc = set_error(err, errlen,
						       "%s:%d: claim '%s' is "
						       "there already (%s)",
						       source, lineno, value,
						       s->c[i].source);
		} else if (!cur) {
			rc = set_error(err, errlen,
				       "%s:%d: '%s' before any 'claim NAME'",
				       source, lineno, line);
		} else {
			cur->pairs = xrealloc(cur->pairs, (cur->npairs + 1) *
							      sizeof *cur->pairs);
			cur->pairs[cur->npairs++] =
			    (struct claim_pair){xstrdup(line), xstrdup(value)};
		}
	}
	if (rc == 0 && cur)
		rc = finish(cur, err, errlen);
	free(copy);
	return rc;
}

static int by_order(const void *a, const void *b)
{
	const struct claim *x = a, *y = b;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcmp(x->name, y->name);
}

int claims_load(const char *cases_dir, struct claim_set **out, char *err,
		size_t errlen)
{
	struct claim_set *s = xcalloc(1, sizeof *s);
	*out = s;
	size_t n;
	char **names = dir_list(cases_dir, &n);
	if (!names)
		return set_error(err, errlen, "cannot read the claims of '%s'",
				 cases_dir);
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *p = xasprintf("%s/%s/claims", cases_dir, names[i]), *text;
		if (path_exists(p) && !path_is_dir(p)) {
			rc = file_read(p, &text, NULL, err, errlen);
			if (rc == 0) {
				rc = claims_parse(text, p, s, err, errlen);
				free(text);
			}
		}
		free(p);
	}
	free_list(names);
	qsort(s->c, s->n, sizeof *s->c, by_order);
	return rc;
}

void claims_free(struct claim_set *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++) {
		for (size_t k = 0; k < s->c[i].npairs; k++) {
			free(s->c[i].pairs[k].key);
			free(s->c[i].pairs[k].value);
		}
		free(s->c[i].pairs);
		free(s->c[i].name);
		free(s->c[i].source);
	}
	free(s->c);
	free(s);
}

/* Below this many samples a row carries no verdict (the median's 95%
 * interval needs at least 6 to be one; 5 keeps a counted run's rows). */
#define VERDICT_MIN_N 5

/* Why the rows a claim reads cannot carry a verdict, or NULL: one with
 * samples but fewer than VERDICT_MIN_N, as when a run was stopped. The
 * rows read are those of its family whose variant one of its keys names.
 */
static char *too_few(const struct claim *c, const struct summary_table *t)
{
	const char *f = value_of(c, "family");
	for (size_t r = 0; f && r < t->nrows; r++) {
		const struct summary_row *x = &t->rows[r];
		/* a count of instructions repeats to the instruction */
		if (strcmp(x->family, f) || !x->s.n ||
		    x->s.n >= VERDICT_MIN_N ||
		    !strcmp(x->unit, "instructions/op"))
			continue;
		for (size_t k = 0; k < c->npairs; k++)
			if (!strcmp(c->pairs[k].value, x->variant))
				return xasprintf(
				    "`%s`%s%s has %zu samples, fewer than %d "
				    "(%s)",
				    x->variant, x->param[0] ? " " : "",
				    x->param, x->s.n, VERDICT_MIN_N,
				    x->status == SUMMARY_INCOMPLETE
					? "the run was stopped"
					: "raise --count");
	}
	return NULL;
}

void claims_write(const struct claim_set *s, const struct summary_table *t,
		  struct sbuf *sb)
{
	sbuf_addstr(sb, "## Claims about cgo\n\n");
	for (size_t i = 0; s && i < s->n; i++) {
		const struct claim *c = &s->c[i];
		char *why = too_few(c, t);
		if (why) {
			sbuf_addf(sb, "- *%s* **inconclusive**: %s.\n",
				  get(c, "text"), why);
			free(why);
		} else if (c->judge->write)
			c->judge->write(c, t, sb);
		else
			generic(c, t, c->judge->per_tc, sb);
	}
	sbuf_addstr(sb, "\n");
}

long claims_break_even(const struct claim_set *s, const struct summary_table *t,
		       const char *tc, long *largest)
{
	*largest = -1;
	for (size_t i = 0; s && i < s->n; i++)
		if (s->c[i].judge->per_tc == judge_batching)
			return break_even(&s->c[i], t, tc, largest);
	return -1;
}
