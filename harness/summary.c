#include "summary.h"

#include "csv.h"
#include "util.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int same(const char *a, const char *b)
{
	return !strcmp(a, b);
}

struct summary_row *summary_find(struct summary_row *rows, size_t n,
				 const char *family, const char *variant,
				 const char *toolchain, const char *cc,
				 const char *param, const char *unit)
{
	for (size_t i = 0; i < n; i++)
		if (same(rows[i].family, family) &&
		    same(rows[i].variant, variant) &&
		    same(rows[i].toolchain, toolchain) &&
		    same(rows[i].cc, cc) && same(rows[i].param, param) &&
		    same(rows[i].unit, unit))
			return &rows[i];
	return NULL;
}

/* The six fields that make a row, of a row and of an obs. */
#define KEY_OF(x)                                                              \
	{                                                                      \
		(x)->family, (x)->variant, (x)->toolchain, (x)->cc,            \
		    (x)->param, (x)->unit                                      \
	}
enum { NKEY = 6 };

/* Groups o under the rows of by_key (an obs to its row) in one pass. */
static void samples_of(const struct obs *o, size_t n,
		       const struct key_index *by_key, size_t nrows,
		       struct summary_samples *g)
{
	long *row_of = xmalloc((n ? n : 1) * sizeof *row_of);
	g->n = nrows;
	g->count = xcalloc(nrows + 1, sizeof *g->count);
	g->values = xcalloc(nrows + 1, sizeof *g->values);
	for (size_t i = 0; i < n; i++) {
		const char *k[NKEY] = KEY_OF(&o[i]);
		row_of[i] =
		    isnan(o[i].value) ? -1 : key_index_get(by_key, k, NKEY);
		if (row_of[i] >= 0)
			g->count[row_of[i]]++;
	}
	g->reps = xcalloc(nrows + 1, sizeof *g->reps);
	for (size_t r = 0; r < nrows; r++) {
		size_t c = g->count[r] ? g->count[r] : 1;
		g->values[r] = xmalloc(c * sizeof **g->values);
		g->reps[r] = xmalloc(c * sizeof **g->reps);
		g->count[r] = 0;
	}
	for (size_t i = 0; i < n; i++)
		if (row_of[i] >= 0) {
			size_t r = (size_t)row_of[i];
			g->reps[r][g->count[r]] = o[i].rep;
			g->values[r][g->count[r]++] = o[i].value;
		}
	free(row_of);
}

struct rep_value {
	int rep;
	double value;
};

static int by_rep(const void *x, const void *y)
{
	int a = ((const struct rep_value *)x)->rep,
	    b = ((const struct rep_value *)y)->rep;
	return (a > b) - (a < b);
}

/* The samples of rows a and b of one repetition, each a pair, into pa
 * and pb (the caller frees them); returns how many. */
static size_t pairs_of(const struct summary_samples *g, size_t a, size_t b,
		       double **pa, double **pb)
{
	size_t nb = g->count[b], n = 0;
	struct rep_value *sb = xmalloc((nb ? nb : 1) * sizeof *sb);
	for (size_t k = 0; k < nb; k++)
		sb[k] = (struct rep_value){g->reps[b][k], g->values[b][k]};
	qsort(sb, nb, sizeof *sb, by_rep);
	*pa = xmalloc((g->count[a] ? g->count[a] : 1) * sizeof **pa);
	*pb = xmalloc((g->count[a] ? g->count[a] : 1) * sizeof **pb);
	for (size_t k = 0; k < g->count[a]; k++) {
		struct rep_value key = {g->reps[a][k], 0};
		const struct rep_value *m =
		    bsearch(&key, sb, nb, sizeof *sb, by_rep);
		if (!m)
			continue;
		(*pa)[n] = g->values[a][k];
		(*pb)[n++] = m->value;
	}
	free(sb);
	return n;
}

/* Whether n pairs are enough to take row i's overhead from them. */
static int paired_enough(const struct summary_samples *g, size_t i, size_t n)
{
	return n >= SUMMARY_PAIRED_MIN && 2 * n >= g->count[i];
}

double *summary_paired_diffs(const struct summary_samples *g, size_t i,
			     size_t bi, size_t *n)
{
	double *pa, *pb;
	*n = pairs_of(g, i, bi, &pa, &pb);
	if (!paired_enough(g, i, *n)) {
		free(pa);
		pa = NULL;
	}
	for (size_t k = 0; pa && k < *n; k++)
		pa[k] -= pb[k];
	free(pb);
	return pa;
}

double *summary_paired_ratios(const struct summary_samples *g, size_t i,
			      size_t bi, size_t *n)
{
	double *pa, *pb;
	size_t np = pairs_of(g, i, bi, &pa, &pb);
	*n = paired_enough(g, i, np) ? stats_pair_ratios(pa, pb, np, pa) : 0;
	free(pb);
	if (!*n) {
		free(pa);
		return NULL;
	}
	return pa;
}

/* The overhead and ratio of row i over its baseline row bi: from the
 * samples of the same repetitions where at least SUMMARY_PAIRED_MIN of
 * them and half of row i's are paired (a run takes a crossing and its
 * baseline in every round), else from the bootstrap of two independent
 * medians. Paired, a machine that drifts moves both samples of a pair:
 * on the 2-core VM of docs/methodology.md the ratio's interval was 4 to 6
 * times narrower so. */
static void overhead_of(const struct summary_samples *g, size_t i, size_t bi,
			struct stats_diff *d)
{
	double *pa, *pb;
	size_t n = pairs_of(g, i, bi, &pa, &pb);
	if (paired_enough(g, i, n))
		stats_paired_diff(pa, pb, n, SUMMARY_LEVEL, d);
	else
		stats_bootstrap_diff(g->values[i], g->count[i], g->values[bi],
				     g->count[bi], SUMMARY_LEVEL,
				     STATS_BOOTSTRAP_RESAMPLES,
				     STATS_BOOTSTRAP_SEED, d);
	free(pa);
	free(pb);
}

void summary_samples_free(struct summary_samples *g)
{
	for (size_t r = 0; r < g->n; r++) {
		free(g->values[r]);
		free(g->reps[r]);
	}
	free(g->values);
	free(g->reps);
	free(g->count);
	memset(g, 0, sizeof *g);
}

/* The rows of o's groups, in the order each group first appears. */
static struct summary_row *group(const struct obs *o, size_t n, size_t *nrows,
				 struct key_index *by_key)
{
	struct summary_row *r = NULL;
	size_t nr = 0, cap = 0;
	for (size_t i = 0; i < n; i++) {
		const char *k[NKEY] = KEY_OF(&o[i]);
		if (key_index_put(by_key, k, NKEY, nr) != nr)
			continue;
		if (nr == cap) {
			cap = cap ? 2 * cap : 16;
			r = xrealloc(r, cap * sizeof *r);
		}
		r[nr] = (struct summary_row){
		    .family = o[i].family,
		    .variant = o[i].variant,
		    .toolchain = o[i].toolchain,
		    .cc = o[i].cc,
		    .param = o[i].param,
		    .unit = o[i].unit,
		    .status = SUMMARY_OK,
		};
		nr++;
	}
	*nrows = nr;
	return r;
}

long summary_baseline_at(const char *param,
			 long (*find)(const void *ctx, const char *param),
			 const void *ctx)
{
	long b = find(ctx, param);
	return b >= 0 || !param[0] ? b : find(ctx, "");
}

struct row_key {
	const struct key_index *by_key;
	const struct summary_row *row;
};

static long find_row(const void *ctx, const char *param)
{
	const struct row_key *rk = ctx;
	const struct summary_row *row = rk->row;
	const char *k[NKEY] = {row->family, row->baseline, row->toolchain,
			       row->cc,	    param,	   row->unit};
	return key_index_get(rk->by_key, k, NKEY);
}

/* The row of row's baseline (summary_baseline_at). */
static struct summary_row *baseline_of_row(struct summary_row *rows,
					   const struct key_index *by_key,
					   const struct summary_row *row)
{
	struct row_key rk = {by_key, row};
	long b = summary_baseline_at(row->param, find_row, &rk);
	return b < 0 ? NULL : &rows[b];
}

void summary_compute(const struct obs *o, size_t n,
		     summary_baseline_fn baseline_of, void *ctx,
		     struct summary_row **rows, size_t *nrows,
		     struct summary_samples *samples)
{
	struct key_index by_key = {0};
	size_t nr;
	struct summary_row *r = group(o, n, &nr, &by_key);
	struct summary_samples g;
	samples_of(o, n, &by_key, nr, &g);
	for (size_t i = 0; i < nr; i++)
		if (g.count[i])
			stats_summarize(g.values[i], g.count[i], SUMMARY_LEVEL,
					&r[i].s);
	for (size_t i = 0; i < nr && baseline_of; i++) {
		struct summary_row *row = &r[i];
		row->baseline = baseline_of(ctx, row->family, row->variant);
		if (!row->baseline || !row->s.n)
			continue;
		struct summary_row *b = baseline_of_row(r, &by_key, row);
		if (!b || !b->s.n)
			continue;
		overhead_of(&g, i, (size_t)(b - r), &row->d);
		row->baseline_found = 1;
		row->baseline_median = b->s.median;
	}
	if (samples)
		*samples = g;
	else
		summary_samples_free(&g);
	key_index_free(&by_key);
	*rows = r;
	*nrows = nr;
}

void summary_drop_deleted_baselines(struct summary_row *rows, size_t n)
{
	struct key_index by_key = {0};
	for (size_t i = 0; i < n; i++) {
		const char *k[NKEY] = KEY_OF(&rows[i]);
		key_index_put(&by_key, k, NKEY, i);
	}
	for (size_t i = 0; i < n; i++) {
		struct summary_row *row = &rows[i];
		if (!row->baseline_found)
			continue;
		const struct summary_row *b =
		    baseline_of_row(rows, &by_key, row);
		if (!b || b->status != SUMMARY_DELETED)
			continue;
		/* as summary.csv reads back a row without them */
		row->baseline_found = 0;
		row->baseline_median = NAN;
		row->d = (struct stats_diff){NAN, NAN, NAN, NAN, NAN, NAN};
		char *note = xasprintf(
		    "%s%sno overhead or ratio: its baseline %s is deleted",
		    row->note ? row->note : "", row->note ? "; " : "",
		    row->baseline);
		free(row->note);
		row->note = note;
	}
	key_index_free(&by_key);
}

int summary_is_cost(const char *unit)
{
	return strcmp(unit, SUMMARY_CPUS) != 0;
}

int summary_at_level(const struct stats_summary *s)
{
	/* a margin for a level written with fewer digits than summary.csv's
	 * 17 (0.94999999999999996) */
	return s->n > 0 && s->ci_level >= SUMMARY_LEVEL - 1e-9;
}

int summary_within(const struct stats_summary *s, double pct)
{
	return summary_at_level(s) &&
	       s->ci_low >= s->median * (1 - pct / 100) &&
	       s->ci_high <= s->median * (1 + pct / 100);
}

double summary_half_pct(const struct stats_summary *s)
{
	if (!s->n)
		return NAN;
	return fmax(s->ci_high - s->median, s->median - s->ci_low) /
	       fabs(s->median) * 100;
}

double summary_samples_for(size_t n, double half_pct, double goal_pct)
{
	double need = ceil((double)n * pow(half_pct / goal_pct, 2));
	return isfinite(need) ? need : NAN;
}

/* The median's 95% interval of n normal samples is +-1.96 sqrt(pi/2)
 * sigma/sqrt(n), and their middle half 1.349 sigma wide: the interval is
 * 1.82 middle halves over sqrt(n). */
#define SUMMARY_IQR_K 1.82

double summary_samples_at_spread(const struct stats_summary *s, double goal_pct)
{
	double mid = (s->q3 - s->q1) / fabs(s->median) * 100;
	double need = ceil(pow(SUMMARY_IQR_K * mid / goal_pct, 2));
	return s->n >= 4 && isfinite(need) ? need : NAN;
}

void summary_precision_of(const struct summary_row *rows, size_t nrows,
			  const char *unit, struct summary_precision *p)
{
	memset(p, 0, sizeof *p);
	for (size_t i = 0; i < nrows; i++) {
		const struct summary_row *x = &rows[i];
		if (strcmp(x->unit, unit) || !x->s.n ||
		    x->status == SUMMARY_DELETED)
			continue;
		p->measured++;
		p->within1 += summary_within(&x->s, 1);
		p->within3 += summary_within(&x->s, 3);
		p->within5 += summary_within(&x->s, 5);
		p->ok += x->status == SUMMARY_OK && summary_at_level(&x->s);
		p->few += !summary_at_level(&x->s);
		p->wide += x->status == SUMMARY_WIDE;
		p->disturbed += x->status == SUMMARY_DISTURBED;
		p->spread += x->status == SUMMARY_SPREAD;
	}
}

void summary_free(struct summary_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(rows[i].note);
	free(rows);
}

/* Whether a row has a figure to judge by: samples, and not one the
 * compiler made by deleting the work. */
int summary_measured(const struct summary_table *t, size_t r)
{
	return !isnan(t->rows[r].s.median) &&
	       t->rows[r].status != SUMMARY_DELETED;
}

/* The row of these keys with a figure (see measured), or -1. */
long summary_row_of(const struct summary_table *t, const char *family,
		    const char *variant, const char *toolchain,
		    const char *param, const char *unit)
{
	const char *k[] = {family, variant, toolchain, param, unit};
	long first = t->first ? key_index_get(t->first, k, 5) : 0;
	/* from the key's first row on: the first measured one */
	for (size_t r = first < 0 ? t->nrows : (size_t)first; r < t->nrows; r++)
		if (!strcmp(t->rows[r].family, family) &&
		    !strcmp(t->rows[r].variant, variant) &&
		    !strcmp(t->rows[r].toolchain, toolchain) &&
		    !strcmp(t->rows[r].param, param) &&
		    !strcmp(t->rows[r].unit, unit) && summary_measured(t, r))
			return (long)r;
	return -1;
}

/* The median of row_of, NaN when there is no such row. */
double summary_median_of(const struct summary_table *t, const char *family,
			 const char *variant, const char *toolchain,
			 const char *param, const char *unit)
{
	long r = summary_row_of(t, family, variant, toolchain, param, unit);
	return r < 0 ? NAN : t->rows[(size_t)r].s.median;
}

/* The largest N of the params "<prefix>N" of a family's variant. */

static int by_value_down(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return x < y ? 1 : x > y ? -1 : 0;
}

size_t summary_param_values(const struct summary_table *t, const char *family,
			    const char *variant, const char *toolchain,
			    const char *prefix, long **out)
{
	size_t n = 0, l = strlen(prefix);
	*out = xcalloc(t->nrows + 1, sizeof **out);
	for (size_t r = 0; r < t->nrows; r++) {
		const char *p = t->rows[r].param;
		if (strcmp(t->rows[r].family, family) ||
		    strcmp(t->rows[r].variant, variant) ||
		    strcmp(t->rows[r].toolchain, toolchain) ||
		    strncmp(p, prefix, l))
			continue;
		long v = atol(p + l);
		size_t k = 0;
		while (k < n && (*out)[k] != v)
			k++;
		if (k == n)
			(*out)[n++] = v;
	}
	qsort(*out, n, sizeof **out, by_value_down);
	return n;
}

long summary_max_param(const struct summary_table *t, const char *family,
		       const char *variant, const char *toolchain,
		       const char *prefix)
{
	long *v;
	size_t n =
	    summary_param_values(t, family, variant, toolchain, prefix, &v);
	long most = n ? v[0] : -1;
	free(v);
	return most;
}

/* The number of a param "key=N", its key's length in *klen; NaN when
 * the param is not one. */
double summary_param_number(const char *param, size_t *klen)
{
	const char *eq = strchr(param, '=');
	char *end;
	if (!eq || strchr(eq, '/'))
		return NAN;
	double v = strtod(eq + 1, &end);
	*klen = (size_t)(eq - param) + 1;
	return *end || end == eq + 1 ? NAN : v;
}

/* Whether a family's rows of unit sweep a numeric param over more than
 * two values (batch sizes, goroutines): its key ("n=") in key and how
 * many values in *values. */
int summary_sweep(const struct summary_table *t, const char *family,
		  const char *unit, char *key, size_t keylen, size_t *values)
{
	double *seen = NULL;
	size_t n = 0, klen = 0;
	key[0] = '\0';
	for (size_t r = 0; r < t->nrows; r++) {
		const struct summary_row *x = &t->rows[r];
		if (strcmp(x->family, family) || strcmp(x->unit, unit))
			continue;
		size_t l;
		double v = summary_param_number(x->param, &l);
		if (isnan(v) ||
		    (key[0] && (l != klen || strncmp(key, x->param, l)))) {
			free(seen);
			return 0;
		}
		if (!key[0])
			snprintf(key, keylen, "%.*s", (int)(klen = l),
				 x->param);
		int dup = 0;
		for (size_t i = 0; i < n; i++)
			dup |= seen[i] == v;
		if (!dup) {
			seen = xrealloc(seen, (n + 1) * sizeof *seen);
			seen[n++] = v;
		}
	}
	free(seen);
	*values = n;
	return n > 2;
}
