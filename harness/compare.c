#include "compare.h"
#include "compareint.h"
#include "history.h"
#include "side.h"

#include "machine.h"
#include "stats.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Whether a slowdown of c holds beyond what the runs' loads could have
 * made of it: the new figures, lowered by the new run's load bound (a
 * load only slows), still above the old interval, raised by its
 * baseline's, and the threshold. For an overhead, the crossing alone is
 * taken as slowed in the new run (the least it could be) and the
 * baseline alone in the old; for a ratio, the crossing over its baseline
 * in the new, the baseline under its crossing in the old. */
static int beyond_load(const struct cmp_row *c, const struct compare_opts *o)
{
	/* a bound not known (NaN) makes every figure NaN: no regression */
	double nb = c->new_loaded ? c->load_bound : 1,
	       ob = c->old_base_loaded ? c->old_base_bound : 1;
	double med = c->new_med / nb, lo = c->new_lo / nb,
	       old_med = c->old_med * ob, old_hi = c->old_hi * ob;
	if (!strcmp(c->metric, "overhead")) {
		double cut = c->n->s.median * (1 - 1 / nb),
		       raise = c->o->baseline_median * (1 - 1 / ob);
		med = c->new_med - cut;
		lo = c->new_lo - cut;
		old_med = c->old_med + raise;
		old_hi = c->old_hi + raise;
	}
	return lo > old_hi &&
	       (med - old_med) / fabs(old_med) * 100 > o->threshold_pct;
}

/* Sets c's apart and within by its own history (compareint.h's
 * COMPARE_HISTORY_MIN): of any figure and unit, since the history's runs
 * are not the two compared, and a change of many rows at once does not
 * widen it. */
static void judge_history(struct cmp_row *c)
{
	double change, sd = c->hist.sd, above;
	if (!strcmp(c->metric, "overhead")) {
		if (c->old_med == 0)
			return;
		sd /= fabs(c->old_med);
		change = (c->new_med - c->old_med) / fabs(c->old_med);
		above = c->new_med - c->hist.center;
	} else if (c->old_med > 0 && c->new_med > 0) {
		change = log(c->new_med / c->old_med);
		above = log(c->new_med) - c->hist.center;
	} else {
		return;
	}
	c->apart = COMPARE_APART_Z * M_SQRT2 * sd;
	/* an old run far below its history's runs makes a typical new one
	 * look slower */
	int near = fabs(change) <= c->apart;
	c->typical = !near && above <= COMPARE_APART_Z * c->hist.sd;
	c->within = near || c->typical;
}

/* Sets c's apart and within (cmp_row), for the figures a spread of 1%
 * moves by as much as the threshold: an overhead, which moves by its
 * crossing's and its baseline's spreads as a fraction of it, and a value
 * or a ratio of a family on every CPU (a ratio by its crossing's and
 * its baseline's spreads together). A pinned value or ratio is judged by
 * the threshold and its own intervals alone (finish): so a change in
 * most rows at once, which widens the spread, is still caught by them. */
static void judge_apart(struct cmp_row *c)
{
	c->apart = NAN;
	c->within = 0;
	c->by_history = c->hist.runs >= COMPARE_HISTORY_MIN;
	if (c->by_history) {
		judge_history(c);
		return;
	}
	if (isnan(c->spread) || strncmp(c->o->unit, "ns/", 3))
		return;
	double change, sd = c->spread;
	if (!strcmp(c->metric, "overhead")) {
		if (c->old_med == 0)
			return;
		sd *= hypot(c->o->s.median, c->o->baseline_median) /
		      fabs(c->old_med);
		change = (c->new_med - c->old_med) / fabs(c->old_med);
	} else if (!c->pinned && c->old_med > 0 && c->new_med > 0) {
		change = log(c->new_med / c->old_med);
		if (!strcmp(c->metric, "ratio"))
			sd *= M_SQRT2;
	} else {
		return;
	}
	c->apart = COMPARE_APART_Z * sd;
	c->within = fabs(change) <= c->apart;
}

/* Significance from the intervals alone, when there are no samples. */
static int apart(double lo1, double hi1, double lo2, double hi2)
{
	return hi1 < lo2 || hi2 < lo1;
}

static void finish(struct cmp_row *c, const struct compare_opts *o)
{
	if (c->old_med == c->new_med)
		c->delta_pct = 0;
	else
		c->delta_pct =
		    (c->new_med - c->old_med) / fabs(c->old_med) * 100;
	judge_apart(c);
	c->few = strcmp(c->o->unit, "instructions/op") &&
		 (c->old_n < COMPARE_MIN_N || c->new_n < COMPARE_MIN_N);
	c->significant &= !c->few;
	/* intervals unknown (a row of one sample) neither overlap nor part */
	c->overlap = isfinite(c->old_hi - c->old_lo + c->new_hi - c->new_lo) &&
		     !apart(c->old_lo, c->old_hi, c->new_lo, c->new_hi);
	int loaded = c->new_loaded || c->old_base_loaded;
	c->regression = c->significant && c->delta_pct > o->threshold_pct &&
			summary_is_cost(c->o->unit) && !c->old_unsure &&
			!c->placed && !c->amortized && !c->within &&
			!c->overlap && (!loaded || beyond_load(c, o));
}

/* Whether r was disturbed: by its own status, or by that of w, its
 * summary.csv row (summary_of). */
static int disturbed_in(const struct summary_row *r,
			const struct summary_row *w)
{
	return r->status == SUMMARY_DISTURBED ||
	       (w && w->status == SUMMARY_DISTURBED);
}

/* Whether r, a row of s, is of B/op from under one allocation an op:
 * its row of allocs/op has a median under 1 (struct cmp_row's
 * amortized). */
static int amortized(const struct side *s, const struct summary_row *r)
{
	if (strcmp(r->unit, "B/op"))
		return 0;
	struct summary_row k = *r;
	k.unit = "allocs/op";
	const struct summary_row *a = side_match(s, &k, 0);
	return a && a->s.n > 0 && a->s.median < 1;
}

/* The load bound of r: that of w, its summary.csv row (summary_of; NULL:
 * none), where w has one, else its own; NaN where unknown. */
static double bound_of(const struct summary_row *r, const struct summary_row *w)
{
	double bound = w && w->load_bound > 0 ? w->load_bound : r->load_bound;
	return bound > 0 ? bound : NAN;
}

/* Of a row comparing a of os with b of ns, on every CPU in either run:
 * side_placed's verdict on it where both runs recorded its samples'
 * transfer, and on an overhead's or a ratio's baseline (base) where it
 * holds the row's none; known 0 otherwise. */
static struct side_placed placed_of(const struct side *os,
				    const struct summary_row *a,
				    const struct side *ns,
				    const struct summary_row *b, int base,
				    double alpha)
{
	struct side_placed p = side_placed(os, a, ns, b, alpha);
	const struct summary_row *x = base ? side_baseline_row(os, a) : NULL,
				 *y = base ? side_baseline_row(ns, b) : NULL;
	if (p.known && !p.placed && x && y) {
		struct side_placed q = side_placed(os, x, ns, y, alpha);
		if (q.placed)
			p = q;
	}
	return p;
}

/* A row comparing a of os with b of ns, its figures still to come, by
 * how far the runs lie apart (ap). Of a
 * new run, a row disturbed, or any on a busy machine, is judged by its
 * load bound (a load that flags some samples slows the rest a little:
 * docs/precision.md, item 12), but a pinned family's B/op and
 * allocs/op, which no load moves. Of an old run, such a row of a pinned
 * family is judged as any (pinned_family: a slowdown, if anything, too
 * small), but for its ratio or overhead over a baseline that bore a
 * load, which may have slowed the baseline more and lowered them (item
 * 55): judged by that baseline's bound; of any other family the load may
 * have sped it up, and its slowdown is no finding. */
static struct cmp_row row_of(const struct side *os, const struct summary_row *a,
			     const struct side *ns, const struct summary_row *b,
			     const struct runs_apart *ap,
			     enum history_figure what)
{
	int pinned = side_pinned_in_both(os, a, ns, b);
	const struct summary_row *w = side_summary_of(ns, b);
	int new_disturbed = disturbed_in(b, w),
	    old_disturbed = disturbed_in(a, side_summary_of(os, a));
	int time = !strncmp(b->unit, "ns/", 3);
	/* an overhead's or a ratio's baseline in the old run, and whether
	 * it bore a load (as the new run's rows do) */
	const struct summary_row *base =
	    what == HISTORY_VALUE ? NULL : side_baseline_row(os, a);
	const struct summary_row *bw = base ? side_summary_of(os, base) : NULL;
	int base_loaded = base && (disturbed_in(base, bw) || os->busy) &&
			  (time || !side_pinned_family(os, a));
	struct cmp_row c = {.o = a,
			    .n = b,
			    .change_lo = NAN,
			    .change_hi = NAN,
			    .disturbed = old_disturbed || new_disturbed,
			    .old_unsure = (old_disturbed || os->busy) &&
					  !side_pinned_family(os, a),
			    .new_loaded = (new_disturbed || ns->busy) &&
					  (time || !side_pinned_family(ns, b)),
			    .amortized = amortized(os, a) || amortized(ns, b),
			    .pinned = pinned,
			    .spread = pinned ? ap->pinned.sd : ap->every.sd,
			    .hist = {NAN, NAN, 0},
			    .load_bound = bound_of(b, w),
			    .old_base_loaded = base_loaded,
			    .old_base_bound = base ? bound_of(base, bw) : NAN};
	if (!pinned)
		c.placed_by =
		    placed_of(os, a, ns, b, what != HISTORY_VALUE, ap->alpha);
	c.placed =
	    c.placed_by.known ? c.placed_by.placed : ap->placed && !pinned;
	if (ap->history)
		c.hist = history_spread(ap->history, b, what);
	return c;
}

/* c's old and new figures as each run's summary gives them: its
 * overhead (d.diff), or its ratio, with their intervals. */
static void figures_of(struct cmp_row *c, int ratio)
{
	const struct stats_diff *o = &c->o->d, *n = &c->n->d;
	c->old_med = ratio ? o->ratio : o->diff;
	c->old_lo = ratio ? o->ratio_low : o->diff_low;
	c->old_hi = ratio ? o->ratio_high : o->diff_high;
	c->new_med = ratio ? n->ratio : n->diff;
	c->new_lo = ratio ? n->ratio_low : n->diff_low;
	c->new_hi = ratio ? n->ratio_high : n->diff_high;
}

/* The change of the overhead between the runs from each run's paired
 * differences (a crossing's sample less its baseline's of the same
 * round), where both runs have enough of them; 0 when either has not. */
static int paired_change(struct cmp_row *c, const struct side *os,
			 const struct summary_row *ob, const struct side *ns,
			 const struct summary_row *nb,
			 const struct compare_opts *o)
{
	size_t n1, n2;
	double *d1 =
	    summary_paired_diffs(&os->samples, (size_t)(c->o - os->rows),
				 (size_t)(ob - os->rows), &n1);
	double *d2 =
	    summary_paired_diffs(&ns->samples, (size_t)(c->n - ns->rows),
				 (size_t)(nb - ns->rows), &n2);
	if (d1 && d2) {
		struct stats_diff d;
		stats_bootstrap_diff(d2, n2, d1, n1, 1 - o->alpha,
				     STATS_BOOTSTRAP_RESAMPLES,
				     STATS_BOOTSTRAP_SEED, &d);
		c->significant = d.diff_low > 0 || d.diff_high < 0;
		c->change_lo = d.diff_low;
		c->change_hi = d.diff_high;
	}
	int both = d1 && d2;
	free(d1);
	free(d2);
	return both;
}

static void compare_overhead(struct cmp_row *c, const struct side *os,
			     const struct side *ns,
			     const struct compare_opts *o)
{
	c->metric = "overhead";
	snprintf(c->unit, sizeof c->unit, "%s", c->o->unit);
	figures_of(c, 0);
	c->old_n = c->o->s.n;
	c->new_n = c->n->s.n;
	c->p = NAN;
	const struct summary_row *ob = side_baseline_row(os, c->o);
	const struct summary_row *nb = side_baseline_row(ns, c->n);
	int raw = os->has_raw && ns->has_raw && ob && nb;
	/* from the pairs of each run where it has them, as its overhead
	 * was; else from the bootstrap of four independent medians */
	if (raw && !paired_change(c, os, ob, ns, nb, o)) {
		size_t n1, n2, n3, n4;
		double *a1 = side_samples(os, c->o, &n1),
		       *b1 = side_samples(os, ob, &n2);
		double *a2 = side_samples(ns, c->n, &n3),
		       *b2 = side_samples(ns, nb, &n4);
		double lo, hi;
		stats_bootstrap_change(a1, n1, b1, n2, a2, n3, b2, n4,
				       1 - o->alpha, STATS_BOOTSTRAP_RESAMPLES,
				       STATS_BOOTSTRAP_SEED, &lo, &hi);
		c->significant = lo > 0 || hi < 0;
		c->change_lo = lo;
		c->change_hi = hi;
		free(a1);
		free(b1);
		free(a2);
		free(b2);
	} else if (!raw) {
		c->significant =
		    apart(c->old_lo, c->old_hi, c->new_lo, c->new_hi);
	}
	finish(c, o);
}

/* c's p and significance from the samples a of the old run and b of
 * the new. */
static void mann_whitney(struct cmp_row *c, const double *a, size_t na,
			 const double *b, size_t nb,
			 const struct compare_opts *o)
{
	c->p = stats_mann_whitney(a, na, b, nb, NULL);
	c->significant = c->p < o->alpha;
}

/* The figure of each run divided by old_scale and new_scale (1 for the
 * figure itself, the baseline's median for a ratio), with a Mann-Whitney
 * p-value over the samples scaled the same way. */
static void compare_scaled(struct cmp_row *c, const struct side *os,
			   const struct side *ns, const struct compare_opts *o,
			   double old_scale, double new_scale)
{
	c->old_med = c->o->s.median / old_scale;
	c->old_lo = c->o->s.ci_low / old_scale;
	c->old_hi = c->o->s.ci_high / old_scale;
	c->new_med = c->n->s.median / new_scale;
	c->new_lo = c->n->s.ci_low / new_scale;
	c->new_hi = c->n->s.ci_high / new_scale;
	c->old_n = c->o->s.n;
	c->new_n = c->n->s.n;
	c->p = NAN;
	if (os->has_raw && ns->has_raw) {
		size_t na, nb;
		double *a = side_samples(os, c->o, &na),
		       *b = side_samples(ns, c->n, &nb);
		for (size_t i = 0; i < na; i++)
			a[i] /= old_scale;
		for (size_t i = 0; i < nb; i++)
			b[i] /= new_scale;
		mann_whitney(c, a, na, b, nb, o);
		free(a);
		free(b);
	} else {
		c->significant =
		    apart(c->old_lo, c->old_hi, c->new_lo, c->new_hi);
	}
	finish(c, o);
}

static void compare_values(struct cmp_row *c, const struct side *os,
			   const struct side *ns, const struct compare_opts *o)
{
	c->metric = "value";
	snprintf(c->unit, sizeof c->unit, "%s", c->o->unit);
	compare_scaled(c, os, ns, o, 1, 1);
}

/* The ratios of c's row of s over its baseline's of the same rounds
 * (summary_paired_ratios), or NULL. */
static double *pair_ratios(const struct side *s, const struct summary_row *r,
			   size_t *n)
{
	const struct summary_row *b = side_baseline_row(s, r);
	*n = 0;
	if (!s->has_raw || !b)
		return NULL;
	return summary_paired_ratios(&s->samples, (size_t)(r - s->rows),
				     (size_t)(b - s->rows), n);
}

/* Each figure over its own run's baseline: where both runs took the two
 * in the same rounds, the median of the ratios of those pairs, with
 * their interval (summary.csv's ratio) and a Mann-Whitney test over
 * them, which carries the baseline's spread as well as the figure's; else
 * the figure's median and samples divided by the baseline's median. */
static void compare_ratio(struct cmp_row *c, const struct side *os,
			  const struct side *ns, const struct compare_opts *o)
{
	c->metric = "ratio";
	snprintf(c->unit, sizeof c->unit, "x %s", c->o->baseline);
	size_t na, nb;
	double *a = pair_ratios(os, c->o, &na), *b = pair_ratios(ns, c->n, &nb);
	if (a && b) {
		figures_of(c, 1);
		c->old_n = na;
		c->new_n = nb;
		mann_whitney(c, a, na, b, nb, o);
		finish(c, o);
	} else {
		compare_scaled(c, os, ns, o, c->o->baseline_median,
			       c->n->baseline_median);
	}
	free(a);
	free(b);
}

/* Where a row stands in its run's summary.csv, for the order of the
 * output; past the end when the run has none. */
static size_t order_of(const struct side *s, const struct summary_row *r)
{
	const char *k[] = {r->family, r->variant, r->param, r->unit};
	long i = key_index_get(&s->sum_order, k, 4);
	return i < 0 ? (size_t)-1 : (size_t)i;
}

static int cmp_order(const void *a, const void *b)
{
	const struct cmp_row *x = a, *y = b;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	/* the figure itself before its overhead */
	return (strcmp(x->metric, "overhead") == 0) -
	       (strcmp(y->metric, "overhead") == 0);
}

/* A class of struct runs_apart from the ratios x[0..n) of new over old
 * median, which it turns into their logs, sorted. */
static struct apart_class apart_class(double *x, size_t n)
{
	struct apart_class c = {NAN, NAN, n, 0, 0};
	if (n < COMPARE_APART_MIN)
		return c;
	struct stats_groups g;
	int two = stats_two_groups(x, n, &g);
	stats_sort(x, n);
	double *l = x;
	for (size_t i = 0; i < n; i++)
		l[i] = log(x[i]);
	c.shift = stats_median(l, n);
	if (two) {
		double lo = stats_median(l, g.nlow),
		       hi = stats_median(l + g.nlow, n - g.nlow);
		for (size_t i = 0; i < n; i++)
			l[i] -= i < g.nlow ? lo : hi;
		c.upper = n - g.nlow;
		c.gap = hi - lo;
	}
	c.sd = stats_robust_sd(l, n);
	return c;
}

/* How far os and ns lie apart (struct runs_apart), but for placed: by
 * their ns/op alone, which a row of ns/item repeats. */
static struct runs_apart runs_apart(const struct side *os,
				    const struct side *ns, int any_tc)
{
	double *lp = xcalloc(os->nrows + 1, sizeof *lp),
	       *le = xcalloc(os->nrows + 1, sizeof *le);
	size_t np = 0, ne = 0;
	for (size_t i = 0; i < os->nrows; i++) {
		const struct summary_row *a = &os->rows[i];
		const struct summary_row *b = side_match(ns, a, any_tc);
		if (!b || strcmp(a->unit, "ns/op") || !(a->s.n && b->s.n) ||
		    !(a->s.median > 0) || !(b->s.median > 0))
			continue;
		double x = b->s.median / a->s.median;
		if (side_pinned_in_both(os, a, ns, b))
			lp[np++] = x;
		else
			le[ne++] = x;
	}
	struct runs_apart ap = {.pinned = apart_class(lp, np),
				.every = apart_class(le, ne)};
	free(lp);
	free(le);
	return ap;
}

/* The rows comparing os with ns into rows (room for two per row of os):
 * a value and, with a baseline in both, its overhead; or under
 * o->normalize the ratio alone; judged by how far the runs lie apart.
 * Returns how many. */
static size_t compare_rows(const struct side *os, const struct side *ns,
			   const struct compare_opts *o, int any_tc,
			   const struct runs_apart *ap, struct cmp_row *rows)
{
	size_t n = 0;
	for (size_t i = 0; i < os->nrows; i++) {
		const struct summary_row *a = &os->rows[i];
		const struct summary_row *b = side_match(ns, a, any_tc);
		if (!b || !a->s.n || !b->s.n)
			continue;
		int both = a->baseline_found && b->baseline_found &&
			   !strcmp(a->baseline, b->baseline);
		if (o->normalize) {
			/* a figure over nothing (0 B/op) has no ratio */
			if (!both || !(a->baseline_median > 0) ||
			    !(b->baseline_median > 0))
				continue;
			rows[n] = row_of(os, a, ns, b, ap, HISTORY_RATIO);
			compare_ratio(&rows[n++], os, ns, o);
			continue;
		}
		rows[n] = row_of(os, a, ns, b, ap, HISTORY_VALUE);
		compare_values(&rows[n++], os, ns, o);
		if (both) {
			rows[n] = row_of(os, a, ns, b, ap, HISTORY_OVERHEAD);
			compare_overhead(&rows[n++], os, ns, o);
		}
	}
	return n;
}

/* The benchmark and metric of c, all but its unit, into k[6]. */
static void repeat_key(const struct cmp_row *c, const char *k[6])
{
	const struct summary_row *r = c->o;
	const char *const all[] = {r->family,	 r->variant, r->param,
				   r->toolchain, r->cc,	     c->metric};
	memcpy(k, all, sizeof all);
}

/* Sets the repeats of the n rows (struct cmp_row). */
static void mark_repeats(struct cmp_row *rows, size_t n)
{
	struct key_index ops = {0};
	const char *k[6];
	for (size_t i = 0; i < n; i++)
		if (!strcmp(rows[i].o->unit, "ns/op")) {
			repeat_key(&rows[i], k);
			key_index_put(&ops, k, 6, i);
		}
	for (size_t i = 0; i < n; i++) {
		repeat_key(&rows[i], k);
		rows[i].repeats = !strcmp(rows[i].o->unit, "ns/item") &&
				  key_index_get(&ops, k, 6) >= 0;
	}
	key_index_free(&ops);
}

/* The history at path into h, but for the runs os and ns (by machine.txt's
 * date and harness-commit, as cgobench history names them) and those
 * measured otherwise than ns. */
static int read_history(const char *path, const struct side *os,
			const struct side *ns, struct history_runs *h,
			char *err, size_t errlen)
{
	char *date[] = {machine_lookup(os->machine, "date"),
			machine_lookup(ns->machine, "date")},
	     *commit[] = {machine_lookup(os->machine, "harness-commit"),
			  machine_lookup(ns->machine, "harness-commit")};
	const struct history_run_id skip[] = {{date[0], commit[0]},
					      {date[1], commit[1]}};
	int rc = history_runs_read(path, skip, 2, ns->machine, h, err, errlen);
	for (int i = 0; i < 2; i++) {
		free(date[i]);
		free(commit[i]);
	}
	return rc;
}

int compare_exit_status(size_t regressions, int fail_on_regression)
{
	return fail_on_regression && regressions > 0 ? 1 : 0;
}

/* The two runs into os and ns, and o's history into hist, warning where
 * the two are one run; 0, or -1 with err set and nothing left to free. */
static int load_sides(const char *old_path, const char *new_path,
		      const struct compare_opts *o, struct side *os,
		      struct side *ns, struct history_runs *hist, char *err,
		      size_t errlen)
{
	if (side_load(os, old_path, err, errlen) != 0) {
		side_free(os);
		return -1;
	}
	if (side_load(ns, new_path, err, errlen) != 0 ||
	    (o->history &&
	     read_history(o->history, os, ns, hist, err, errlen) != 0)) {
		history_runs_free(hist);
		side_free(os);
		side_free(ns);
		return -1;
	}
	if (side_same_run(os, ns))
		fprintf(stderr,
			"cgobench: warning: '%s' and '%s' are one run, which "
			"compared with itself shows no change\n",
			old_path, new_path);
	return 0;
}

int compare_runs(const char *old_path, const char *new_path,
		 const struct compare_opts *o, FILE *out, size_t *regressions,
		 char *err, size_t errlen)
{
	struct side os, ns;
	struct history_runs hist = {0};
	if (load_sides(old_path, new_path, o, &os, &ns, &hist, err, errlen) !=
	    0)
		return -1;
	int any_tc = side_one_toolchain(&os) && side_one_toolchain(&ns);
	char *differ = machine_hardware_differs(os.machine, ns.machine),
	     *measured = machine_method_differs(os.machine, ns.machine),
	     *placed = machine_placement_differs(os.machine, ns.machine),
	     *faulted = machine_faults_differ(os.machine, ns.machine);
	struct cmp_row *rows = xcalloc(2 * os.nrows + 1, sizeof *rows);
	struct runs_apart ap = runs_apart(&os, &ns, any_tc);
	ap.placed = placed != NULL;
	ap.alpha = o->alpha;
	if (o->history) {
		ap.history = &hist;
		ap.history_path = o->history;
	}
	size_t n = compare_rows(&os, &ns, o, any_tc, &ap, rows);
	struct cmp_view v = {.old_path = old_path,
			     .new_path = new_path,
			     .threshold_pct = o->threshold_pct,
			     .machines_differ = differ,
			     .methods_differ = measured,
			     .placement_differs = placed,
			     .faults_differ = faulted,
			     .old_machine = os.machine,
			     .new_machine = ns.machine,
			     .apart = ap,
			     .normalize = o->normalize};
	side_only_in(&os, &ns, any_tc, &v.only_old, &v.nonly_old);
	side_only_in(&ns, &os, any_tc, &v.only_new, &v.nonly_new);
	for (size_t i = 0; i < n; i++)
		rows[i].order = order_of(&os, rows[i].o);
	qsort(rows, n, sizeof *rows, cmp_order);
	int rc = 0;
	*regressions = 0;
	if (!n) {
		rc = set_error(err, errlen,
			       "'%s' and '%s' have no benchmark in common%s",
			       old_path, new_path,
			       o->normalize ? " that has a baseline" : "");
	} else {
		mark_repeats(rows, n);
		for (size_t i = 0; i < n; i++)
			*regressions += rows[i].regression && !rows[i].repeats;
		char b1[128], b2[128];
		v.old_label = side_toolchain_label(&os, b1, sizeof b1);
		v.new_label = side_toolchain_label(&ns, b2, sizeof b2);
		v.rows = rows;
		v.n = n;
		v.regressions = *regressions;
		compare_write(o->format, out, &v);
		fflush(out);
	}
	side_names_free(v.only_old, v.nonly_old);
	side_names_free(v.only_new, v.nonly_new);
	free(differ);
	free(measured);
	free(placed);
	free(faulted);
	free(rows);
	history_runs_free(&hist);
	side_free(&os);
	side_free(&ns);
	return rc;
}
