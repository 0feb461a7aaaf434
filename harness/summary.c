#include "summary.h"

#include "csv.h"
#include "util.h"

#include <math.h>
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

double *summary_values(const struct obs *o, size_t n,
		       const struct summary_row *r, size_t *count)
{
	double *v = xmalloc(n * sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (same(o[i].family, r->family) &&
		    same(o[i].variant, r->variant) &&
		    same(o[i].toolchain, r->toolchain) &&
		    same(o[i].cc, r->cc) && same(o[i].param, r->param) &&
		    same(o[i].unit, r->unit) && !isnan(o[i].value))
			v[k++] = o[i].value;
	*count = k;
	return v;
}

void summary_compute(const struct obs *o, size_t n,
		     summary_baseline_fn baseline_of, void *ctx,
		     struct summary_row **rows, size_t *nrows)
{
	struct summary_row *r = NULL;
	size_t nr = 0;
	for (size_t i = 0; i < n; i++) {
		if (summary_find(r, nr, o[i].family, o[i].variant,
				 o[i].toolchain, o[i].cc, o[i].param,
				 o[i].unit))
			continue;
		r = xrealloc(r, (nr + 1) * sizeof *r);
		memset(&r[nr], 0, sizeof *r);
		r[nr].family = o[i].family;
		r[nr].variant = o[i].variant;
		r[nr].toolchain = o[i].toolchain;
		r[nr].cc = o[i].cc;
		r[nr].param = o[i].param;
		r[nr].unit = o[i].unit;
		r[nr].status = "ok";
		nr++;
	}
	for (size_t i = 0; i < nr; i++) {
		size_t k;
		double *v = summary_values(o, n, &r[i], &k);
		if (k)
			stats_summarize(v, k, SUMMARY_LEVEL, &r[i].s);
		free(v);
	}
	for (size_t i = 0; i < nr && baseline_of; i++) {
		struct summary_row *row = &r[i];
		row->baseline = baseline_of(ctx, row->family, row->variant);
		if (!row->baseline || !row->s.n)
			continue;
		struct summary_row *b = summary_find(
		    r, nr, row->family, row->baseline, row->toolchain, row->cc,
		    row->param, row->unit);
		if (!b)
			b = summary_find(r, nr, row->family, row->baseline,
					 row->toolchain, row->cc, "",
					 row->unit);
		if (!b || !b->s.n)
			continue;
		size_t na, nb;
		double *a = summary_values(o, n, row, &na);
		double *bv = summary_values(o, n, b, &nb);
		stats_bootstrap_diff(a, na, bv, nb, SUMMARY_LEVEL,
				     STATS_BOOTSTRAP_RESAMPLES, STATS_BOOTSTRAP_SEED,
				     &row->d);
		row->baseline_found = 1;
		row->baseline_median = b->s.median;
		free(a);
		free(bv);
	}
	*rows = r;
	*nrows = nr;
}

int summary_within(const struct stats_summary *s, double pct)
{
	return s->n > 0 && s->ci_low >= s->median * (1 - pct / 100) &&
	       s->ci_high <= s->median * (1 + pct / 100);
}

const char *const summary_columns[] = {"schema",
				       "case",
				       "variant",
				       "toolchain",
				       "cc",
				       "param",
				       "unit",
				       "n",
				       "median",
				       "min",
				       "max",
				       "ci_low",
				       "ci_high",
				       "ci_level",
				       "baseline",
				       "baseline_median",
				       "overhead",
				       "overhead_ci_low",
				       "overhead_ci_high",
				       "ratio",
				       "ratio_ci_low",
				       "ratio_ci_high",
				       "status",
				       "note",
				       NULL};

void summary_format_csv(const struct summary_row *rows, size_t n,
			struct sbuf *sb)
{
	size_t nh = sizeof summary_columns / sizeof *summary_columns - 1;
	csv_add_row(sb, summary_columns, nh);
	for (size_t i = 0; i < n; i++) {
		const struct summary_row *r = &rows[i];
		char num[15][32], schema[8], count[24];
		snprintf(schema, sizeof schema, "%d", SUMMARY_SCHEMA);
		snprintf(count, sizeof count, "%zu", r->s.n);
		int has = r->s.n > 0, b = r->baseline_found;
		double v[15] = {
		    has ? r->s.median : NAN,	  has ? r->s.min : NAN,
		    has ? r->s.max : NAN,	  has ? r->s.ci_low : NAN,
		    has ? r->s.ci_high : NAN,	  has ? r->s.ci_level : NAN,
		    b ? r->baseline_median : NAN, b ? r->d.diff : NAN,
		    b ? r->d.diff_low : NAN,	  b ? r->d.diff_high : NAN,
		    b ? r->d.ratio : NAN,	  b ? r->d.ratio_low : NAN,
		    b ? r->d.ratio_high : NAN};
		for (int k = 0; k < 13; k++)
			csv_double(num[k], v[k]);
		const char *f[] = {
		    schema,	  r->family, r->variant,
		    r->toolchain, r->cc,     r->param,
		    r->unit,	  count,     num[0],
		    num[1],	  num[2],    num[3],
		    num[4],	  num[5],    r->baseline ? r->baseline : "",
		    num[6],	  num[7],    num[8],
		    num[9],	  num[10],   num[11],
		    num[12],	  r->status, r->note ? r->note : ""};
		csv_add_row(sb, f, nh);
	}
}

/* The columns summary_from_csv reads, as indices into summary_columns:
 * schema, case, variant, toolchain, cc, param, unit, n, median, ci_low,
 * ci_high, baseline, baseline_median, overhead, overhead_ci_low,
 * overhead_ci_high, status. */
static const int read_columns[] = {0,  1,  2,  3,  4,  5,  6,  7, 8,
				   11, 12, 14, 15, 16, 17, 18, 22};
#define COLUMN(i) summary_columns[read_columns[i]]

int summary_require(const struct csv_table *t, char *err, size_t errlen)
{
	return csv_require(t, summary_columns, err, errlen);
}

/* Summary rows from summary.csv alone, without samples. */
int summary_from_csv(const struct csv_table *t, struct summary_row **rows,
		     size_t *nrows, char *err, size_t errlen)
{
	*rows = NULL;
	*nrows = 0;
	if (summary_require(t, err, errlen) != 0)
		return -1;
	int c[17];
	for (int i = 0; i < 17; i++)
		c[i] = csv_col(t, COLUMN(i));
	*rows = xcalloc(t->nrows + 1, sizeof **rows);
	for (size_t r = 0; r < t->nrows; r++) {
		char **f = t->rows[r];
		long schema, n;
		if (parse_long(f[c[0]], &schema) != 0 ||
		    schema != SUMMARY_SCHEMA)
			return set_error(err, errlen,
					 "%s:%d: schema '%s', this cgobench "
					 "reads %d",
					 t->source, t->lines[r], f[c[0]],
					 SUMMARY_SCHEMA);
		if (parse_long(f[c[7]], &n) != 0 || n < 0)
			return set_error(err, errlen, "%s:%d: bad n '%s'",
					 t->source, t->lines[r], f[c[7]]);
		if (n == 0)
			continue; /* failed or skipped: nothing to compare */
		struct summary_row *row = &(*rows)[*nrows];
		memset(row, 0, sizeof *row);
		row->family = f[c[1]];
		row->variant = f[c[2]];
		row->toolchain = f[c[3]];
		row->cc = f[c[4]];
		row->param = f[c[5]];
		row->unit = f[c[6]];
		row->status = f[c[16]];
		row->s.n = (size_t)n;
		double *dst[] = {&row->s.median, &row->s.ci_low,
				 &row->s.ci_high};
		for (int k = 0; k < 3; k++)
			if (parse_double(f[c[8 + k]], dst[k]) != 0)
				return set_error(err, errlen,
						 "%s:%d: bad %s '%s'",
						 t->source, t->lines[r],
						 COLUMN(8 + k), f[c[8 + k]]);
		row->baseline = f[c[11]][0] ? f[c[11]] : NULL;
		if (row->baseline && f[c[12]][0]) {
			double *b[] = {&row->baseline_median, &row->d.diff,
				       &row->d.diff_low, &row->d.diff_high};
			for (int k = 0; k < 4; k++)
				if (parse_double(f[c[12 + k]], b[k]) != 0)
					return set_error(
					    err, errlen, "%s:%d: bad %s '%s'",
					    t->source, t->lines[r],
					    COLUMN(12 + k), f[c[12 + k]]);
			row->baseline_found = 1;
		}
		(*nrows)++;
	}
	return 0;
}

void summary_free(struct summary_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(rows[i].note);
	free(rows);
}
