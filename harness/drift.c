#include "drift.h"

#include "stats.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One pinned sample: where its observations start in o, how many there
 * are, its row and its log time. */
struct dsample {
	size_t first, nobs;
	size_t row;
	double logv;
};

static int same_row(const struct obs *a, const struct obs *b)
{
	return !strcmp(a->family, b->family) &&
	       !strcmp(a->variant, b->variant) &&
	       !strcmp(a->toolchain, b->toolchain) && !strcmp(a->cc, b->cc) &&
	       !strcmp(a->param, b->param);
}

/* The pinned samples of o with an ns/op above 0, in the order taken. */
static struct dsample *samples_of(const struct obs *o, size_t n,
				  drift_pinned_fn pinned, const void *ctx,
				  size_t *ns)
{
	struct dsample *s = xcalloc(n ? n : 1, sizeof *s);
	*ns = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && o[j].rep == o[i].rep && same_row(&o[i], &o[j]))
			j++;
		double v = NAN;
		for (size_t k = i; k < j; k++)
			if (!strcmp(o[k].unit, "ns/op"))
				v = o[k].value;
		if (v > 0 && isfinite(v) && pinned(ctx, o[i].family))
			s[(*ns)++] = (struct dsample){
			    .first = i, .nobs = j - i, .logv = log(v)};
		i = j;
	}
	return s;
}

/* Numbers the rows of s in the order each first appears (with a
 * key_index, as summary_compute groups them); returns how many there are
 * and, in *order, the samples' indices grouped by row. */
static size_t number_rows(const struct obs *o, struct dsample *s, size_t ns,
			  size_t **order)
{
	struct key_index by_key = {0};
	size_t nrows = 0;
	for (size_t i = 0; i < ns; i++) {
		const struct obs *x = &o[s[i].first];
		const char *k[] = {x->family, x->variant, x->toolchain, x->cc,
				   x->param};
		s[i].row = key_index_put(&by_key, k, 5, nrows);
		nrows += s[i].row == nrows;
	}
	key_index_free(&by_key);
	/* a counting sort: at[r] is where row r's next index goes */
	size_t *at = xcalloc(nrows + 1, sizeof *at);
	for (size_t i = 0; i < ns; i++)
		at[s[i].row + 1]++;
	for (size_t r = 0; r < nrows; r++)
		at[r + 1] += at[r];
	*order = xcalloc(ns ? ns : 1, sizeof **order);
	for (size_t i = 0; i < ns; i++)
		(*order)[at[s[i].row]++] = i;
	free(at);
	return nrows;
}

/* The median of each row's corrected log times into med. */
static void row_medians(const struct dsample *s, const double *corr,
			const size_t *order, size_t ns, double *med,
			double *scratch)
{
	for (size_t i = 0; i < ns;) {
		size_t j = i;
		while (j < ns && s[order[j]].row == s[order[i]].row) {
			scratch[j - i] = corr[order[j]];
			j++;
		}
		med[s[order[i]].row] = stats_median(scratch, j - i);
		i = j;
	}
}

size_t drift_correct(struct obs *o, size_t n, drift_pinned_fn pinned,
		     const void *ctx)
{
	size_t ns;
	struct dsample *s = samples_of(o, n, pinned, ctx, &ns);
	if (ns < 2 * DRIFT_WINDOW + 1) {
		free(s);
		return 0;
	}
	size_t *order;
	size_t nrows = number_rows(o, s, ns, &order);
	double *med = xcalloc(nrows, sizeof *med),
	       *dev = xcalloc(ns, sizeof *dev),
	       *corr = xcalloc(ns, sizeof *corr),
	       *shift = xcalloc(ns, sizeof *shift),
	       *scratch = xcalloc(ns, sizeof *scratch);
	for (size_t i = 0; i < ns; i++)
		corr[i] = s[i].logv;
	for (int pass = 0; pass < DRIFT_PASSES; pass++) {
		row_medians(s, corr, order, ns, med, scratch);
		for (size_t i = 0; i < ns; i++)
			dev[i] = s[i].logv - med[s[i].row];
		for (size_t i = 0; i < ns; i++) {
			size_t lo = i > DRIFT_WINDOW ? i - DRIFT_WINDOW : 0,
			       hi = i + DRIFT_WINDOW < ns ? i + DRIFT_WINDOW
							  : ns - 1,
			       k = 0;
			for (size_t j = lo; j <= hi; j++)
				if (j != i)
					scratch[k++] = dev[j];
			shift[i] = stats_median(scratch, k);
		}
		for (size_t i = 0; i < ns; i++)
			corr[i] = s[i].logv - shift[i];
	}
	for (size_t i = 0; i < ns; i++)
		for (size_t k = s[i].first; k < s[i].first + s[i].nobs; k++)
			if (!strncmp(o[k].unit, "ns/", 3))
				o[k].value /= exp(shift[i]);
	free(med);
	free(dev);
	free(corr);
	free(shift);
	free(scratch);
	free(order);
	free(s);
	return ns;
}
