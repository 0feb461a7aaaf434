#include "compare.h"
#include "compareint.h"
#include "drift.h"

#include "csv.h"
#include "load.h"
#include "machine.h"
#include "raw.h"
#include "stats.h"
#include "summary.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* One run as read: its samples when it has them, its summary.csv when
 * it has one, and the rows compared: computed from the samples, or
 * summary.csv's own. */
struct side {
	const char *path;
	struct raw_table raw;
	int has_raw;
	struct summary_table sum;
	int has_sum;
	struct summary_row *rows;
	size_t nrows;
	/* lookups that would scan a table per row: rows by every key, and
	 * without toolchain and compiler; summary.csv's rows by case and
	 * variant, by case, variant, param and unit, and by every key */
	struct key_index by_key, by_key_any, sum_variant, sum_order, sum_key;
	struct summary_samples samples; /* of rows, when has_raw */
	char *machine; /* machine.txt beside its files, or NULL */
	int busy;      /* machine.txt says the machine was busy (load_busy) */
	/* machine.txt's pinned CPU ("none", or "unknown" without one), and
	 * the families it names as run unpinned */
	char *pinned, *unpinned;
};

static const char *sum_baseline(void *ctx, const char *family,
				const char *variant)
{
	const struct side *s = ctx;
	const char *k[] = {family, variant};
	long r = key_index_get(&s->sum_variant, k, 2);
	return r < 0 ? NULL : s->sum.rows[r].baseline;
}

/* The indexes of a side's summary.csv. */
static void index_side(struct side *s)
{
	for (size_t r = 0; s->has_sum && r < s->sum.nrows; r++) {
		const struct summary_row *x = &s->sum.rows[r];
		const char *k[] = {x->family, x->variant,   x->param,
				   x->unit,   x->toolchain, x->cc};
		key_index_put(&s->sum_variant, k, 2, r);
		key_index_put(&s->sum_order, k, 4, r);
		key_index_put(&s->sum_key, k, 6, r);
	}
}

/* 1 when path is there, 0 when it is not, -1 with err set when that
 * cannot be told (a directory that cannot be searched, a link loop). */
static int findable(const char *path, char *err, size_t errlen)
{
	struct stat st;
	if (stat(path, &st) == 0)
		return 1;
	if (errno == ENOENT)
		return 0;
	return set_error(err, errlen, "cannot read '%s': %s", path,
			 strerror(errno));
}

/* The indexes of a side's rows compared. */
static void index_rows(struct side *s)
{
	for (size_t r = 0; r < s->nrows; r++) {
		const struct summary_row *x = &s->rows[r];
		const char *k[] = {x->family, x->variant,   x->param,
				   x->unit,   x->toolchain, x->cc};
		key_index_put(&s->by_key, k, 6, r);
		key_index_put(&s->by_key_any, k, 4, r);
	}
}

static int csv_has(const char *path, const char *col)
{
	struct csv_table t;
	char err[ERRLEN];
	if (csv_read_file(path, &t, err, sizeof err) != 0)
		return 0;
	int has = csv_col(&t, col) >= 0;
	csv_free(&t);
	return has;
}

/* machine.txt in a run directory, or beside a CSV of one; NULL when
 * there is none. */
static char *machine_of(const char *path)
{
	char *p, *text, err[ERRLEN];
	if (path_is_dir(path)) {
		p = xasprintf("%s/machine.txt", path);
	} else {
		const char *slash = strrchr(path, '/');
		p = slash ? xasprintf("%.*s/machine.txt", (int)(slash - path),
				      path)
			  : xstrdup("machine.txt");
	}
	if (file_read(p, &text, NULL, err, sizeof err) != 0)
		text = NULL;
	free(p);
	return text;
}

/* Whether machine.txt (NULL: none) says its run's machine was busy: the
 * load of other processes or the hypervisor, averaged over the samples,
 * that of a CPU-bound process sharing the CPUs part of the time (a
 * load it does not give, "unknown", is none). */
static int ran_busy(const char *machine)
{
	char *others = machine_lookup(machine, "load-others"),
	     *steal = machine_lookup(machine, "load-steal");
	int busy = load_busy(atof(others), atof(steal));
	free(others);
	free(steal);
	return busy;
}

/* Whether family, of the run s (a struct side), ran pinned to one CPU:
 * machine.txt names a CPU, and family is not among those it ran
 * unpinned ("unpinned: GOMAXPROCS=2, no pinning: handles,parallel,
 * threads"). There a load only slows its time and leaves its B/op and
 * allocs/op alone. Spread over every CPU, a contended family can run
 * faster beside a load, with fewer of its threads contending
 * (busy-bound's `handles` rows at 2 goroutines took 207 ns against 374
 * ns quiet, docs/precision.md item 12), and allocate otherwise. */
static int pinned_name(const void *side, const char *family)
{
	const struct side *s = side;
	if (strncmp(s->pinned, "cpu ", 4))
		return 0;
	const char *list = strrchr(s->unpinned, ':');
	list = list ? list + 1 : s->unpinned;
	size_t n = strlen(family);
	for (const char *p = list; *p;) {
		p += strspn(p, " ,");
		size_t len = strcspn(p, ",");
		if (len == n && !strncmp(p, family, n))
			return 0;
		p += len;
	}
	return 1;
}

/* The same of r, a row of s. */
static int pinned_family(const struct side *s, const struct summary_row *r)
{
	return pinned_name(s, r->family);
}

/* Whether a of os and b of ns both ran pinned to one CPU. */
static int pinned_in_both(const struct side *os, const struct summary_row *a,
			  const struct side *ns, const struct summary_row *b)
{
	return pinned_family(os, a) && pinned_family(ns, b);
}

static int load_side(struct side *s, const char *path, char *err, size_t errlen)
{
	memset(s, 0, sizeof *s);
	s->path = path;
	s->machine = machine_of(path);
	s->busy = ran_busy(s->machine);
	s->pinned = machine_lookup(s->machine, "pinned");
	s->unpinned = machine_lookup(s->machine, "unpinned");
	char *raw = NULL, *sum = NULL;
	if (path_is_dir(path)) {
		raw = xasprintf("%s/raw.csv", path);
		sum = xasprintf("%s/summary.csv", path);
		int has = findable(raw, err, errlen);
		if (has < 0 || findable(sum, err, errlen) < 0) {
			free(raw);
			free(sum);
			return -1;
		}
		if (!has) {
			free(raw);
			raw = NULL;
		}
	} else if (!path_exists(path)) {
		return set_error(err, errlen, "no such run: '%s'", path);
	} else if (csv_has(path, "rep")) {
		raw = xstrdup(path);
		const char *slash = strrchr(path, '/');
		sum = slash ? xasprintf("%.*s/summary.csv", (int)(slash - path),
					path)
			    : xstrdup("summary.csv");
	} else {
		sum = xstrdup(path);
	}
	int rc = 0;
	if (sum && path_exists(sum)) {
		rc = summary_read(sum, &s->sum, err, errlen);
		s->has_sum = rc == 0;
		index_side(s);
	}
	if (rc == 0 && raw) {
		rc = raw_read(raw, &s->raw, err, errlen);
		s->has_raw = rc == 0;
		/* a run that took the drift off its summary: its samples
		 * are read the same way */
		char *drift = machine_lookup(s->machine, "drift");
		if (rc == 0 && !strncmp(drift, "corrected", 9))
			drift_correct(s->raw.obs, s->raw.n, pinned_name, s);
		free(drift);
		if (rc == 0)
			summary_compute(s->raw.obs, s->raw.n, sum_baseline, s,
					&s->rows, &s->nrows, &s->samples);
	} else if (rc == 0 && s->has_sum) {
		s->rows = s->sum.rows;
		s->nrows = s->sum.nrows;
	} else if (rc == 0) {
		rc = set_error(err, errlen,
			       "'%s' has neither raw.csv nor summary.csv (want "
			       "a run directory or one of its CSVs)",
			       path);
	}
	if (rc == 0)
		index_rows(s);
	free(raw);
	free(sum);
	return rc;
}

static void free_side(struct side *s)
{
	if (s->has_raw) {
		summary_free(s->rows, s->nrows);
		raw_free(&s->raw);
	}
	if (s->has_sum)
		summary_table_free(&s->sum);
	key_index_free(&s->by_key);
	key_index_free(&s->by_key_any);
	key_index_free(&s->sum_variant);
	key_index_free(&s->sum_order);
	key_index_free(&s->sum_key);
	summary_samples_free(&s->samples);
	free(s->machine);
	free(s->pinned);
	free(s->unpinned);
}

/* 1 when the run holds exactly one toolchain and C compiler. */
static int one_toolchain(const struct side *s)
{
	for (size_t i = 1; i < s->nrows; i++)
		if (strcmp(s->rows[i].toolchain, s->rows[0].toolchain) ||
		    strcmp(s->rows[i].cc, s->rows[0].cc))
			return 0;
	return 1;
}

static const struct summary_row *match(const struct side *s,
				       const struct summary_row *r, int any_tc)
{
	const char *k[] = {r->family, r->variant,   r->param,
			   r->unit,   r->toolchain, r->cc};
	long i = key_index_get(any_tc ? &s->by_key_any : &s->by_key, k,
			       any_tc ? 4 : 6);
	return i < 0 ? NULL : &s->rows[i];
}

/* r's baseline row in s: of the same param, or the first one without. */
static const struct summary_row *baseline_row(const struct side *s,
					      const struct summary_row *r)
{
	const char *k[] = {r->family, r->baseline,  r->param,
			   r->unit,   r->toolchain, r->cc};
	long same = key_index_get(&s->by_key, k, 6);
	if (same < 0) {
		k[2] = "";
		same = key_index_get(&s->by_key, k, 6);
	}
	return same < 0 ? NULL : &s->rows[same];
}

/* A copy of r's samples, r a row of s. */
static double *samples(const struct side *s, const struct summary_row *r,
		       size_t *n)
{
	size_t i = (size_t)(r - s->rows);
	*n = s->samples.count[i];
	double *v = xmalloc((*n ? *n : 1) * sizeof *v);
	memcpy(v, s->samples.values[i], *n * sizeof *v);
	return v;
}

/* Whether a slowdown of c holds beyond what the new run's load could
 * have made of it: the new figures, lowered by that load's bound (a
 * load only slows), still above the old interval and the threshold. For
 * an overhead, the crossing alone is taken as slowed (the least it could
 * be); for a ratio, the crossing over its baseline. */
static int beyond_load(const struct cmp_row *c, const struct compare_opts *o)
{
	/* a bound not known (NaN) makes every figure NaN: no regression */
	double med = c->new_med / c->load_bound, lo = c->new_lo / c->load_bound;
	if (!strcmp(c->metric, "overhead")) {
		double cut = c->n->s.median * (1 - 1 / c->load_bound);
		med = c->new_med - cut;
		lo = c->new_lo - cut;
	}
	return lo > c->old_hi &&
	       (med - c->old_med) / fabs(c->old_med) * 100 > o->threshold_pct;
}

/* Sets c's apart and within (cmp_row), for the figures a spread of 1%
 * moves by as much as the threshold: an overhead, which moves by its
 * crossing's and its baseline's spreads as a fraction of it, and a value
 * of a family on every CPU. A pinned value, and a ratio, are judged by
 * the threshold alone: so a change in most rows at once, which widens
 * the spread, is still caught by them. */
static void judge_apart(struct cmp_row *c)
{
	c->apart = NAN;
	c->within = 0;
	if (isnan(c->spread) || strncmp(c->o->unit, "ns/", 3))
		return;
	double change, sd = c->spread;
	if (!strcmp(c->metric, "overhead")) {
		if (c->old_med == 0)
			return;
		sd *= hypot(c->o->s.median, c->o->baseline_median) /
		      fabs(c->old_med);
		change = (c->new_med - c->old_med) / fabs(c->old_med);
	} else if (!strcmp(c->metric, "value") && !c->pinned &&
		   c->old_med > 0 && c->new_med > 0) {
		change = log(c->new_med / c->old_med);
	} else {
		return;
	}
	c->apart = COMPARE_APART_Z * sd;
	c->within = fabs(change) <= c->apart;
}

static void finish(struct cmp_row *c, const struct compare_opts *o)
{
	if (c->old_med == c->new_med)
		c->delta_pct = 0;
	else
		c->delta_pct =
		    (c->new_med - c->old_med) / fabs(c->old_med) * 100;
	judge_apart(c);
	c->regression = c->significant && c->delta_pct > o->threshold_pct &&
			summary_is_cost(c->o->unit) && !c->old_unsure &&
			!c->placed && !c->within &&
			(!c->new_loaded || beyond_load(c, o));
}

/* The row of s's summary.csv that r stands for: r itself, or for a row
 * computed from raw.csv, its summary.csv row's (NULL when none). */
static const struct summary_row *summary_of(const struct side *s,
					    const struct summary_row *r)
{
	const char *k[] = {r->family, r->variant,   r->param,
			   r->unit,   r->toolchain, r->cc};
	long i = s->has_sum ? key_index_get(&s->sum_key, k, 6) : -1;
	return i >= 0 ? &s->sum.rows[i] : NULL;
}

/* Whether r was disturbed: by its own status, or by that of w, its
 * summary.csv row (summary_of). */
static int disturbed_in(const struct summary_row *r,
			const struct summary_row *w)
{
	return r->status == SUMMARY_DISTURBED ||
	       (w && w->status == SUMMARY_DISTURBED);
}

/* A row comparing a of os with b of ns, its figures still to come, by
 * how far the runs lie apart (ap). Of a
 * new run, a row disturbed, or any on a busy machine, is judged by its
 * load bound (a load that flags some samples slows the rest a little:
 * docs/precision.md, item 12), but a pinned family's B/op and
 * allocs/op, which no load moves. Of an old run, such a row of a pinned
 * family is judged as any (pinned_family: a slowdown, if anything, too
 * small); of any other family the load may have sped it up, and its
 * slowdown is no finding. */
static struct cmp_row row_of(const struct side *os, const struct summary_row *a,
			     const struct side *ns, const struct summary_row *b,
			     const struct runs_apart *ap)
{
	int pinned = pinned_in_both(os, a, ns, b);
	const struct summary_row *w = summary_of(ns, b);
	double bound = w && w->load_bound > 0 ? w->load_bound : b->load_bound;
	int new_disturbed = disturbed_in(b, w),
	    old_disturbed = disturbed_in(a, summary_of(os, a));
	int time = !strncmp(b->unit, "ns/", 3);
	return (struct cmp_row){.o = a,
				.n = b,
				.change_lo = NAN,
				.change_hi = NAN,
				.disturbed = old_disturbed || new_disturbed,
				.old_unsure = (old_disturbed || os->busy) &&
					      !pinned_family(os, a),
				.new_loaded = (new_disturbed || ns->busy) &&
					      (time || !pinned_family(ns, b)),
				.placed = ap->placed && !pinned,
				.pinned = pinned,
				.spread = pinned ? ap->pinned.sd : ap->every.sd,
				.load_bound = bound > 0 ? bound : NAN};
}

/* Significance from the intervals alone, when there are no samples. */
static int apart(double lo1, double hi1, double lo2, double hi2)
{
	return hi1 < lo2 || hi2 < lo1;
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
	c->old_med = c->o->d.diff;
	c->old_lo = c->o->d.diff_low;
	c->old_hi = c->o->d.diff_high;
	c->new_med = c->n->d.diff;
	c->new_lo = c->n->d.diff_low;
	c->new_hi = c->n->d.diff_high;
	c->old_n = c->o->s.n;
	c->new_n = c->n->s.n;
	c->p = NAN;
	const struct summary_row *ob = baseline_row(os, c->o);
	const struct summary_row *nb = baseline_row(ns, c->n);
	int raw = os->has_raw && ns->has_raw && ob && nb;
	/* from the pairs of each run where it has them, as its overhead
	 * was; else from the bootstrap of four independent medians */
	if (raw && !paired_change(c, os, ob, ns, nb, o)) {
		size_t n1, n2, n3, n4;
		double *a1 = samples(os, c->o, &n1), *b1 = samples(os, ob, &n2);
		double *a2 = samples(ns, c->n, &n3), *b2 = samples(ns, nb, &n4);
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
		double *a = samples(os, c->o, &na), *b = samples(ns, c->n, &nb);
		for (size_t i = 0; i < na; i++)
			a[i] /= old_scale;
		for (size_t i = 0; i < nb; i++)
			b[i] /= new_scale;
		c->p = stats_mann_whitney(a, na, b, nb, NULL);
		c->significant = c->p < o->alpha;
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

/* Each figure divided by its own run's baseline median. */
static void compare_ratio(struct cmp_row *c, const struct side *os,
			  const struct side *ns, const struct compare_opts *o)
{
	c->metric = "ratio";
	snprintf(c->unit, sizeof c->unit, "x %s", c->o->baseline);
	compare_scaled(c, os, ns, o, c->o->baseline_median,
		       c->n->baseline_median);
}

static const char *toolchain_label(const struct side *s, char *buf, size_t len)
{
	if (!s->nrows)
		return "";
	snprintf(buf, len, "%s %s%s", s->rows[0].toolchain, s->rows[0].cc,
		 one_toolchain(s) ? "" : " and others");
	return buf;
}

/* The benchmarks ("case variant param", and the toolchain when rows
 * match by it) of side a that side b has no row of, each once; a unit of
 * a benchmark that b has in another unit, with it ("... (cpus)"). */
static void only_in(const struct side *a, const struct side *b, int any_tc,
		    char ***names, size_t *n)
{
	/* the benchmarks of a that b has in some unit */
	struct key_index both = {0}, seen = {0};
	for (size_t i = 0; i < a->nrows; i++) {
		const struct summary_row *r = &a->rows[i];
		const char *k[] = {r->family, r->variant, r->param,
				   any_tc ? "" : r->toolchain};
		if (match(b, r, any_tc))
			key_index_put(&both, k, 4, i);
	}
	*names = NULL;
	*n = 0;
	for (size_t i = 0; i < a->nrows; i++) {
		const struct summary_row *r = &a->rows[i];
		if (match(b, r, any_tc))
			continue;
		const char *k[] = {r->family, r->variant, r->param,
				   any_tc ? "" : r->toolchain, ""};
		/* a unit of a benchmark both have is named with its unit */
		int unit = key_index_get(&both, k, 4) >= 0;
		k[4] = unit ? r->unit : "";
		if (key_index_put(&seen, k, 5, *n) != *n)
			continue;
		*names = xrealloc(*names, (*n + 1) * sizeof **names);
		(*names)[(*n)++] = xasprintf(
		    "%s %s%s%s%s%s%s%s%s", r->family, r->variant,
		    r->param[0] ? " " : "", r->param, any_tc ? "" : " ",
		    any_tc ? "" : r->toolchain, unit ? " (" : "",
		    unit ? r->unit : "", unit ? ")" : "");
	}
	key_index_free(&both);
	key_index_free(&seen);
	if (*n)
		qsort(*names, *n, sizeof **names, str_ptr_cmp);
}

static void free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
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
	struct apart_class c = {NAN, n, 0, 0};
	if (n < COMPARE_APART_MIN)
		return c;
	struct stats_groups g;
	int two = stats_two_groups(x, n, &g);
	stats_sort(x, n);
	double *l = x;
	for (size_t i = 0; i < n; i++)
		l[i] = log(x[i]);
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
		const struct summary_row *b = match(ns, a, any_tc);
		if (!b || strcmp(a->unit, "ns/op") || !(a->s.n && b->s.n) ||
		    !(a->s.median > 0) || !(b->s.median > 0))
			continue;
		double x = b->s.median / a->s.median;
		if (pinned_in_both(os, a, ns, b))
			lp[np++] = x;
		else
			le[ne++] = x;
	}
	struct runs_apart ap = {apart_class(lp, np), apart_class(le, ne), 0};
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
		const struct summary_row *b = match(ns, a, any_tc);
		if (!b || !a->s.n || !b->s.n)
			continue;
		int both = a->baseline_found && b->baseline_found &&
			   !strcmp(a->baseline, b->baseline);
		if (o->normalize) {
			if (!both)
				continue;
			rows[n] = row_of(os, a, ns, b, ap);
			compare_ratio(&rows[n++], os, ns, o);
			continue;
		}
		rows[n] = row_of(os, a, ns, b, ap);
		compare_values(&rows[n++], os, ns, o);
		if (both) {
			rows[n] = row_of(os, a, ns, b, ap);
			compare_overhead(&rows[n++], os, ns, o);
		}
	}
	return n;
}

int compare_exit_status(size_t regressions, int fail_on_regression)
{
	return fail_on_regression && regressions > 0 ? 1 : 0;
}

int compare_runs(const char *old_path, const char *new_path,
		 const struct compare_opts *o, FILE *out, size_t *regressions,
		 char *err, size_t errlen)
{
	struct side os, ns;
	if (load_side(&os, old_path, err, errlen) != 0) {
		free_side(&os);
		return -1;
	}
	if (load_side(&ns, new_path, err, errlen) != 0) {
		free_side(&os);
		free_side(&ns);
		return -1;
	}
	int any_tc = one_toolchain(&os) && one_toolchain(&ns);
	char *differ = machine_hardware_differs(os.machine, ns.machine),
	     *measured = machine_method_differs(os.machine, ns.machine),
	     *placed = machine_placement_differs(os.machine, ns.machine);
	struct cmp_row *rows = xcalloc(2 * os.nrows + 1, sizeof *rows);
	struct runs_apart ap = runs_apart(&os, &ns, any_tc);
	ap.placed = placed != NULL;
	size_t n = compare_rows(&os, &ns, o, any_tc, &ap, rows);
	struct cmp_view v = {.old_path = old_path,
			     .new_path = new_path,
			     .threshold_pct = o->threshold_pct,
			     .machines_differ = differ,
			     .methods_differ = measured,
			     .placement_differs = placed,
			     .apart = ap};
	only_in(&os, &ns, any_tc, &v.only_old, &v.nonly_old);
	only_in(&ns, &os, any_tc, &v.only_new, &v.nonly_new);
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
		for (size_t i = 0; i < n; i++)
			*regressions += rows[i].regression;
		char b1[128], b2[128];
		v.old_label = toolchain_label(&os, b1, sizeof b1);
		v.new_label = toolchain_label(&ns, b2, sizeof b2);
		v.rows = rows;
		v.n = n;
		v.regressions = *regressions;
		compare_write(o->format, out, &v);
		fflush(out);
	}
	free_names(v.only_old, v.nonly_old);
	free_names(v.only_new, v.nonly_new);
	free(differ);
	free(measured);
	free(placed);
	free(rows);
	free_side(&os);
	free_side(&ns);
	return rc;
}
