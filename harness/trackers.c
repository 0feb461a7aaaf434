#include "trackers.h"

#include "rundir.h"
#include "summary.h"
#include "util.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const measures[][2] = {
    {"ns/op", "latency"},
    {"ns/item", "latency-per-item"},
    {"instructions/op", "instructions"},
    {"B/op", "bytes"},
    {"allocs/op", "allocations"},
};

/* The measure of a unit: a slug of Bencher's kind ("ns/op" is latency);
 * a unit not listed becomes its own, "/" as "-". */
static char *measure_of(const char *unit)
{
	for (size_t i = 0; i < sizeof measures / sizeof *measures; i++)
		if (!strcmp(unit, measures[i][0]))
			return xstrdup(measures[i][1]);
	char *m = xstrdup(unit);
	for (char *p = m; *p; p++)
		if (*p == '/')
			*p = '-';
	return m;
}

static char *name_of(const struct summary_table *t, const struct summary_row *x)
{
	return xasprintf("%s/%s%s%s%s%s", x->family, x->variant,
			 x->param[0] ? "/" : "", x->param,
			 t->ntoolchains > 1 ? "@" : "",
			 t->ntoolchains > 1 ? x->toolchain : "");
}

static json_t *metric(double v, double lo, double hi)
{
	json_t *o = json_object();
	json_object_set_new(o, "value", json_real(v));
	if (isfinite(lo) && isfinite(hi)) {
		json_object_set_new(o, "lower_value", json_real(lo));
		json_object_set_new(o, "upper_value", json_real(hi));
	}
	return o;
}

/* Calls f for each measured row and, where it has one, its overhead. */
static void each_figure(const struct run_model *m,
			void (*f)(void *ctx, const char *name,
				  const char *measure, const char *unit,
				  double v, double lo, double hi,
				  const struct summary_row *x),
			void *ctx)
{
	const struct summary_table *t = &m->sum;
	const char *primary = rundir_primary(m);
	for (size_t r = 0; r < t->nrows; r++) {
		const struct summary_row *x = &t->rows[r];
		/* a tracker alerts on every series it gets: costs only */
		if (!summary_measured(t, r) || !isfinite(x->s.median) ||
		    !summary_is_cost(x->unit))
			continue;
		char *name = name_of(t, x), *measure = measure_of(x->unit);
		f(ctx, name, measure, x->unit, x->s.median, x->s.ci_low,
		  x->s.ci_high, x);
		if (!strcmp(x->unit, primary) && x->baseline_found &&
		    isfinite(x->d.diff))
			f(ctx, name, "overhead", x->unit, x->d.diff,
			  x->d.diff_low, x->d.diff_high, x);
		free(name);
		free(measure);
	}
}

static void bmf_figure(void *ctx, const char *name, const char *measure,
		       const char *unit, double v, double lo, double hi,
		       const struct summary_row *x)
{
	(void)unit;
	(void)x;
	json_t *root = ctx, *b = json_object_get(root, name);
	if (!b) {
		b = json_object();
		json_object_set_new(root, name, b);
	}
	json_object_set_new(b, measure, metric(v, lo, hi));
}

static int dump(json_t *root, struct sbuf *sb)
{
	char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
					  JSON_REAL_PRECISION(15));
	json_decref(root);
	if (!text)
		return 0;
	sbuf_addf(sb, "%s\n", text);
	free(text);
	return 1;
}

int trackers_bmf(const struct run_model *m, struct sbuf *sb)
{
	json_t *root = json_object();
	each_figure(m, bmf_figure, root);
	return dump(root, sb);
}

static void gab_figure(void *ctx, const char *name, const char *measure,
		       const char *unit, double v, double lo, double hi,
		       const struct summary_row *x)
{
	json_t *o = json_object();
	char *full =
	    strcmp(measure, "overhead")
		? xstrdup(name)
		: xasprintf("%s (overhead over %s)", name, x->baseline);
	char *range = xasprintf("± %.4g", fmax(hi - v, v - lo));
	char *extra =
	    xasprintf("median of %zu samples, 95%% interval "
		      "[%.17g, %.17g], status %s",
		      x->s.n, lo, hi, summary_status_names[x->status]);
	json_object_set_new(o, "name", json_string(full));
	json_object_set_new(o, "unit", json_string(unit));
	json_object_set_new(o, "value", json_real(v));
	if (isfinite(lo) && isfinite(hi))
		json_object_set_new(o, "range", json_string(range));
	json_object_set_new(o, "extra", json_string(extra));
	json_array_append_new(ctx, o);
	free(full);
	free(range);
	free(extra);
}

int trackers_gab(const struct run_model *m, struct sbuf *sb)
{
	json_t *root = json_array();
	each_figure(m, gab_figure, root);
	return dump(root, sb);
}
