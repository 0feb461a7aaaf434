#include "report.h"

#include "anatomy.h"
#include "claims.h"
#include "machine.h"
#include "rundir.h"
#include "summary.h"
#include "units.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *str0(const char *s)
{
	return s ? s : "";
}

/* The chart that shows a swept family's every param. */
static const char *chart_of(const char *family)
{
	static const char *const charts[][2] = {
	    {"batch", "batch.png"},
	    {"handles", "scaling-handles.png"},
	    {"parallel", "scaling-parallel.png"}};
	for (size_t i = 0; i < sizeof charts / sizeof *charts; i++)
		if (!strcmp(family, charts[i][0]))
			return charts[i][1];
	return NULL;
}

/* A row of the headline: a crossing with its baseline and overhead. */
static int crossing(const struct summary_row *x)
{
	return (!strcmp(x->unit, "ns/op") ||
		!strcmp(x->unit, "instructions/op")) &&
	       str0(x->baseline)[0] && !isnan(x->d.diff);
}

/* The number of a param "key=N", its key's length in *klen; NaN when
 * the param is not one. */
static double param_number(const char *param, size_t *klen)
{
	const char *eq = strchr(param, '=');
	char *end;
	if (!eq || strchr(eq, '/'))
		return NAN;
	double v = strtod(eq + 1, &end);
	*klen = (size_t)(eq - param) + 1;
	return *end || end == eq + 1 ? NAN : v;
}

/* Whether a family sweeps a numeric param over more than two values
 * (batch sizes, goroutines), its key in key: then only the least and
 * the largest value of each variant go into the headline. */
static int swept(const struct summary_table *t, const char *family,
		 char *key, size_t keylen, size_t *values)
{
	double *seen = NULL;
	size_t n = 0, klen = 0;
	key[0] = '\0';
	for (size_t r = 0; r < t->nrows; r++) {
		const struct summary_row *x = &t->rows[r];
		if (strcmp(x->family, family) || !crossing(x))
			continue;
		size_t l;
		double v = param_number(x->param, &l);
		if (isnan(v) || (key[0] && (l != klen ||
					    strncmp(key, x->param, l)))) {
			free(seen);
			return 0;
		}
		if (!key[0])
			snprintf(key, keylen, "%.*s", (int)(klen = l), x->param);
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

/* Whether row x is at the least or the largest param value of its
 * variant and toolchain. */
static int at_an_end(const struct summary_table *t, const struct summary_row *x)
{
	size_t l;
	double v = param_number(x->param, &l), lo = v, hi = v;
	for (size_t r = 0; r < t->nrows; r++) {
		const struct summary_row *y = &t->rows[r];
		if (strcmp(y->family, x->family) ||
		    strcmp(y->variant, x->variant) ||
		    strcmp(y->toolchain, x->toolchain) || !crossing(y))
			continue;
		double w = param_number(y->param, &l);
		lo = fmin(lo, w);
		hi = fmax(hi, w);
	}
	return v == lo || v == hi;
}

static void headline_row(struct sbuf *sb, const struct summary_row *x)
{
	char m[96], o[96], ra[96];
	units_format_ci(m, sizeof m, x->s.median, x->s.ci_low, x->s.ci_high,
			x->unit, 0);
	units_format_ci(o, sizeof o, x->d.diff, x->d.diff_low, x->d.diff_high,
			x->unit, 1);
	units_format_ci(ra, sizeof ra, x->d.ratio, x->d.ratio_low,
			x->d.ratio_high, "x", 0);
	sbuf_addf(sb, "| `%s` | %s | %s | %s | `%s` | %s | %s | %zu |\n",
		  x->variant, x->toolchain, x->param, m, str0(x->baseline), o,
		  ra, x->s.n);
}

/* One table a family: each crossing against its baseline; a swept
 * family's least and largest param only, the rest left to its chart. */
static void headline(struct sbuf *sb, const struct summary_table *t)
{
	sbuf_addstr(sb, "## Headline\n\nEach crossing, its baseline (the "
			"same work without the crossing), the overhead "
			"(crossing minus baseline) and the ratio, with 95% "
			"intervals.\n\n");
	struct key_index done = {0};
	for (size_t r = 0; r < t->nrows; r++) {
		const char *f = t->rows[r].family;
		if (!crossing(&t->rows[r]) ||
		    key_index_put(&done, &f, 1, r) != r)
			continue;
		char key[64];
		size_t values;
		int sweep = swept(t, f, key, sizeof key, &values);
		sbuf_addf(sb,
			  "### %s\n\n| variant | toolchain | param | median "
			  "[95%%] | baseline | overhead [95%%] | ratio [95%%] "
			  "| n |\n|---|---|---|---|---|---|---|---|\n",
			  f);
		for (size_t k = r; k < t->nrows; k++)
			if (!strcmp(t->rows[k].family, f) &&
			    crossing(&t->rows[k]) &&
			    (!sweep || at_an_end(t, &t->rows[k])))
				headline_row(sb, &t->rows[k]);
		if (sweep)
			sbuf_addf(sb,
				  "\nOnly the least and the largest %s here; all "
				  "%zu are in summary.csv%s%s.\n",
				  key, values, chart_of(f) ? " and " : "",
				  chart_of(f) ? chart_of(f) : "");
		sbuf_addstr(sb, "\n");
	}
	key_index_free(&done);
}

static void anatomy_lines(struct sbuf *sb, const struct anatomy_row *a,
			  size_t n)
{
	sbuf_addstr(sb, "## Anatomy of each crossing\n\n");
	for (size_t r = 0; r < n; r++) {
		double total = 0;
		for (int g = 0; g < ANATOMY_NGROUPS; g++)
			total += a[r].groups[g];
		sbuf_addf(sb, "- `%s`%s%s (%s): %.0f instructions per op",
			  a[r].variant, a[r].param[0] ? " " : "", a[r].param,
			  a[r].toolchain, total);
		for (int g = 0; g < ANATOMY_NGROUPS; g++) {
			double share = total > 0 ? a[r].groups[g] / total : 0;
			if (share >= 0.005)
				sbuf_addf(sb, ", %.0f%% %s", 100 * share,
					  anatomy_groups[g]);
		}
		sbuf_addstr(sb, "\n");
	}
	sbuf_addstr(sb, "\n");
}

void report_markdown(const struct run_model *m, struct sbuf *sb)
{
	sbuf_addf(sb,
		  "# cgobench report\n\nGenerated by `cgobench report` from "
		  "the files of this run directory; every figure is one of "
		  "theirs. Intervals are 95%%.\n\n## Machine\n\n");
	static const char *const keys[] = {"date",	  "harness-commit",
					   "cpu",	  "cores",
					   "os",	  "kernel",
					   "virtualised", "governor",
					   "cc-version",  "benchmark-version",
					   "repetitions", "benchtime",
					   "pinned",	  "status"};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		char *v = machine_lookup(m->machine, keys[i]);
		sbuf_addf(sb, "- %s: %s\n", keys[i], v);
		free(v);
	}
	sbuf_addstr(sb, "- toolchains:");
	for (size_t i = 0; i < m->sum.ntoolchains; i++)
		sbuf_addf(sb, "%s %s", i ? "," : "", m->sum.toolchains[i]);
	sbuf_addstr(sb, "\n\n");
	headline(sb, &m->sum);
	claims_write(m->claims, &m->sum, sb);
	if (m->counted)
		anatomy_lines(sb, m->anatomy, m->nanatomy);
}

int report_build(const char *run_dir, const char *cases_dir, struct sbuf *sb,
		 char *err, size_t errlen)
{
	struct run_model m;
	struct claim_set *claims;
	int rc = claims_load(cases_dir, &claims, err, errlen);
	if (rc == 0)
		rc = rundir_read(run_dir, &m, err, errlen);
	if (rc == 0) {
		m.claims = claims;
		report_markdown(&m, sb);
		rundir_free(&m);
	}
	claims_free(claims);
	return rc;
}
