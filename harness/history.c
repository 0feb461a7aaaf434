#include "history.h"

#include "csv.h"
#include "machine.h"
#include "stats.h"
#include "summary.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* schema 3's columns; schema 1 has the first NCOLS1 of them, schema 2
 * the first NCOLS2 */
static const char *const columns[] = {"schema",
				      "date",
				      "commit",
				      "toolchain",
				      "cc",
				      "case",
				      "variant",
				      "param",
				      "unit",
				      "n",
				      "median",
				      "ci_low",
				      "ci_high",
				      "status",
				      "load_bound",
				      "baseline",
				      "overhead",
				      "overhead_ci_low",
				      "overhead_ci_high",
				      "ratio",
				      "ratio_ci_low",
				      "ratio_ci_high",
				      "measured"};
#define NCOLS	 (sizeof columns / sizeof *columns)
#define NCOLS1	 13
#define NCOLS2	 22
#define MEASURED (NCOLS - 1)

/* A figure of a row, "" where it has none (v NaN, or not wanted). */
static const char *cell(char buf[32], double v, int wanted)
{
	buf[0] = 0;
	return wanted ? csv_double(buf, v) : buf;
}

/* The columns of a history of schema sc. */
static size_t ncols_of(int sc)
{
	return sc == 1 ? NCOLS1 : sc == 2 ? NCOLS2 : NCOLS;
}

/* Summary row x's history row, of a history of schema sc, from a run of
 * this date and commit, measured as told (machine_told_line), appended
 * to sb. */
static void add_row(struct sbuf *sb, int sc, const char *date,
		    const char *commit, const char *told,
		    const struct summary_row *x)
{
	char scn[8];
	snprintf(scn, sizeof scn, "%d", sc);
	char n[24], v[10][32];
	snprintf(n, sizeof n, "%zu", x->s.n);
	int b = x->baseline_found;
	const char *f[NCOLS] = {
	    scn,
	    date,
	    commit,
	    x->toolchain,
	    x->cc,
	    x->family,
	    x->variant,
	    x->param,
	    x->unit,
	    n,
	    cell(v[0], x->s.median, 1),
	    cell(v[1], x->s.ci_low, 1),
	    cell(v[2], x->s.ci_high, 1),
	    summary_status_names[x->status],
	    cell(v[3], x->load_bound, x->load_bound > 0), /* 0: not known */
	    b ? x->baseline : "",
	    cell(v[4], x->d.diff, b),
	    cell(v[5], x->d.diff_low, b),
	    cell(v[6], x->d.diff_high, b),
	    cell(v[7], x->d.ratio, b),
	    cell(v[8], x->d.ratio_low, b),
	    cell(v[9], x->d.ratio_high, b),
	    told};
	csv_add_row(sb, f, ncols_of(sc));
}

/* The history rows of one run directory, of a history of this schema,
 * appended to sb; the run's date and commit, which name it in the
 * history, in *key. */
static int run_rows(const char *run_dir, int schema, struct sbuf *sb,
		    char **key, char *err, size_t errlen)
{
	char *mpath = xasprintf("%s/machine.txt", run_dir);
	char *spath = xasprintf("%s/summary.csv", run_dir);
	char *mtext = NULL;
	struct summary_table t = {0};
	int rc = file_read(mpath, &mtext, NULL, err, errlen);
	if (rc == 0)
		rc = summary_read(spath, &t, err, errlen);
	if (rc == 0) {
		char *date = machine_lookup(mtext, "date"),
		     *commit = machine_lookup(mtext, "harness-commit"),
		     *told = machine_told_line(mtext);
		*key = xasprintf("%s\n%s", date, commit);
		for (size_t r = 0; r < t.nrows; r++)
			if (t.rows[r].s.n) /* failed or skipped: no figure */
				add_row(sb, schema, date, commit, told,
					&t.rows[r]);
		free(date);
		free(commit);
		free(told);
	}
	summary_table_free(&t);
	free(mtext);
	free(mpath);
	free(spath);
	return rc;
}

/* The runs a history holds already, as "date\ncommit" keys; whether its
 * text ends without its last newline; its schema. */
static int history_keys(const char *path, struct sbuf *keys, int *unended,
			int *schema, char *err, size_t errlen)
{
	struct csv_table h;
	char *text;
	if (file_read(path, &text, NULL, err, errlen) != 0)
		return -1;
	*unended = text[0] && text[strlen(text) - 1] != '\n';
	int rc = csv_parse(text, path, &h, err, errlen);
	free(text);
	if (rc != 0)
		return -1;
	*schema = h.ncols == NCOLS ? 3 : h.ncols == NCOLS2 ? 2 : 1;
	int same = h.ncols == ncols_of(*schema);
	for (size_t i = 0; same && i < h.ncols; i++)
		same = !strcmp(h.header[i], columns[i]);
	if (!same)
		rc = set_error(err, errlen,
			       "%s:1: not a history file of schema 1 to %d",
			       path, HISTORY_SCHEMA);
	for (size_t r = 0; rc == 0 && r < h.nrows; r++)
		sbuf_addf(keys, "\n%s\n%s\n", h.rows[r][1], h.rows[r][2]);
	csv_free(&h);
	return rc;
}

int history_append(const char *const *runs, size_t n, const char *history_path,
		   int *schema, char *err, size_t errlen)
{
	struct sbuf sb = {0}, keys = {0};
	int unended = 0, rc = 0;
	sbuf_addstr(&keys, "\n");
	*schema = HISTORY_SCHEMA;
	if (path_exists(history_path))
		rc = history_keys(history_path, &keys, &unended, schema, err,
				  errlen);
	else
		csv_add_row(&sb, columns, NCOLS);
	if (rc == 0 && unended)
		sbuf_addstr(&sb, "\n"); /* its last row, ended */
	/* every run read before anything is written: all or nothing */
	for (size_t i = 0; rc == 0 && i < n; i++) {
		char *key = NULL;
		rc = run_rows(runs[i], *schema, &sb, &key, err, errlen);
		char *k = key ? xasprintf("\n%s\n", key) : NULL;
		if (rc == 0 && strstr(keys.buf, k))
			rc = set_error(err, errlen,
				       "'%s' is in '%s' already (the same date "
				       "and commit)",
				       runs[i], history_path);
		if (rc == 0)
			sbuf_addstr(&keys, k + 1);
		free(k);
		free(key);
	}
	if (rc == 0) {
		FILE *f = fopen(history_path, "a");
		if (!f || fwrite(sb.buf, 1, sb.len, f) != sb.len)
			rc = set_error(err, errlen, "cannot append to '%s'",
				       history_path) *
			     2;
		if (f && fclose(f) != 0)
			rc = set_error(err, errlen, "cannot append to '%s'",
				       history_path) *
			     2;
	}
	sbuf_free(&sb);
	sbuf_free(&keys);
	return rc;
}

/* Whether a history row's scenario is among the comma-separated
 * "case/variant" of select ("" selects every one without a param). */
static int chosen(const char *select, const char *fam, const char *variant,
		  const char *param)
{
	if (!*select)
		return !*param;
	size_t lf = strlen(fam), lv = strlen(variant);
	for (const char *p = select; *p;) {
		size_t n = strcspn(p, ",");
		if (n == lf + 1 + lv && !strncmp(p, fam, lf) && p[lf] == '/' &&
		    !strncmp(p + lf + 1, variant, lv) && !*param)
			return 1;
		p += n + (p[n] == ',');
	}
	return 0;
}

#define F(r, name) h->rows[r][csv_col(h, name)]

/* The columns of each figure the chart draws: its value and interval. */
static const char *const figure_cols[][3] = {
    [HISTORY_VALUE] = {"median", "ci_low", "ci_high"},
    [HISTORY_OVERHEAD] = {"overhead", "overhead_ci_low", "overhead_ci_high"},
    [HISTORY_RATIO] = {"ratio", "ratio_ci_low", "ratio_ci_high"}};

/* The chart's cells of history row r: the figure, its low and high, and
 * where the run's load may have moved it (status disturbed, schema 2):
 * for a time its median over its load bound, the least it might have
 * been; for an overhead or a ratio, which a load moves either way, the
 * figure itself; else NaN. */
static void chart_cells(const struct csv_table *h, long r,
			enum history_figure fig, struct sbuf *sb)
{
	if (r < 0) {
		sbuf_addstr(sb, "\tNaN\tNaN\tNaN\tNaN");
		return;
	}
	const char *const *c = figure_cols[fig];
	sbuf_addf(sb, "\t%s\t%s\t%s", F(r, c[0]), F(r, c[1]), F(r, c[2]));
	int st = csv_col(h, "status"), lb = csv_col(h, "load_bound");
	double m, b;
	if (st < 0 || lb < 0 ||
	    strcmp(h->rows[r][st], summary_status_names[SUMMARY_DISTURBED]) ||
	    parse_double(F(r, c[0]), &m) != 0)
		sbuf_addstr(sb, "\tNaN");
	else if (fig != HISTORY_VALUE)
		sbuf_addf(sb, "\t%s", F(r, c[0]));
	else if (parse_double(h->rows[r][lb], &b) == 0 && b > 1)
		sbuf_addf(sb, "\t%.17g", m / b);
	else
		sbuf_addstr(sb, "\tNaN");
}

/* Whether history row r is charted: of the unit, chosen, and with the
 * figure (an overhead or ratio only where it has a baseline). */
static int charted(const struct csv_table *h, size_t r, const char *unit,
		   const char *select, enum history_figure fig)
{
	return !strcmp(F(r, "unit"), unit) &&
	       chosen(select, F(r, "case"), F(r, "variant"), F(r, "param")) &&
	       *F(r, figure_cols[fig][0]);
}

/* The chart's header: "# UNIT" (for a ratio "ratio"), then a column a
 * figure, its low and high and its load, of each series. */
static void chart_header(const struct csv_table *h, const size_t *series,
			 size_t ns, const char *unit, enum history_figure fig,
			 struct sbuf *sb)
{
	static const char *const sep[] = {[HISTORY_VALUE] = "",
					  [HISTORY_OVERHEAD] = " - ",
					  [HISTORY_RATIO] = " / "};
	sbuf_addf(sb, "# %s\nrun", fig == HISTORY_RATIO ? "ratio" : unit);
	for (size_t i = 0; i < ns; i++)
		sbuf_addf(
		    sb, "\t\"%s: %s%s%s %s\"\t\"low\"\t\"high\"\t\"load\"",
		    F(series[i], "case"), F(series[i], "variant"), sep[fig],
		    fig == HISTORY_VALUE ? "" : F(series[i], "baseline"),
		    F(series[i], "toolchain"));
	sbuf_addstr(sb, "\n");
}

int history_chart_data(const struct csv_table *h, const char *select,
		       enum history_figure fig, struct sbuf *sb, char *err,
		       size_t errlen)
{
	size_t need = fig == HISTORY_VALUE ? NCOLS1 : NCOLS;
	for (size_t i = 0; i < need; i++)
		if (csv_col(h, columns[i]) < 0)
			return set_error(
			    err, errlen, "the history has no column '%s'%s",
			    columns[i],
			    i < NCOLS1 ? ""
				       : " (a history of schema 1 keeps no "
					 "overhead or ratio)");
	/* the unit: the first row's, so that one chart has one unit */
	const char *unit = h->nrows ? F(0, "unit") : "ns/op";
	/* the series (case, variant, toolchain) and the runs (date,
	 * commit), in order of appearance */
	size_t *series = NULL, ns = 0, *runs = NULL, nr = 0;
	/* (case, variant, toolchain), (date, commit), and the two -> the
	 * first such row */
	struct key_index sx = {0}, rx = {0}, cells = {0};
	for (size_t r = 0; r < h->nrows; r++) {
		if (!charted(h, r, unit, select, fig))
			continue;
		const char *k[] = {F(r, "case"), F(r, "variant"),
				   F(r, "toolchain"), F(r, "date"),
				   F(r, "commit")};
		if (key_index_put(&sx, k, 3, ns) == ns) {
			series = xrealloc(series, (ns + 1) * sizeof *series);
			series[ns++] = r;
		}
		if (key_index_put(&rx, k + 3, 2, nr) == nr) {
			runs = xrealloc(runs, (nr + 1) * sizeof *runs);
			runs[nr++] = r;
		}
		key_index_put(&cells, k, 5, r);
	}
	key_index_free(&sx);
	key_index_free(&rx);
	if (!ns) {
		free(series);
		free(runs);
		return set_error(err, errlen,
				 "the history has no scenario to chart%s%s%s",
				 fig == HISTORY_VALUE ? "" : " with a baseline",
				 *select ? " among " : "", select);
	}
	chart_header(h, series, ns, unit, fig, sb);
	for (size_t k = 0; k < nr; k++) {
		/* "2026-11-24 d99114e": the day and the commit's first 7 */
		sbuf_addf(sb, "\"%.10s %.7s\"", F(runs[k], "date"),
			  F(runs[k], "commit"));
		for (size_t i = 0; i < ns; i++) {
			const char *c[] = {
			    F(series[i], "case"), F(series[i], "variant"),
			    F(series[i], "toolchain"), F(runs[k], "date"),
			    F(runs[k], "commit")};
			chart_cells(h, key_index_get(&cells, c, 5), fig, sb);
		}
		sbuf_addstr(sb, "\n");
	}
#undef F
	key_index_free(&cells);
	free(series);
	free(runs);
	return 0;
}

/* How a history row's run was measured otherwise than like (the new
 * run's machine.txt text; NULL: not asked), or NULL where it was not or
 * the row does not say (schema 1 and 2). */
static char *unlike(const struct history_runs *h, size_t r, const char *like)
{
	if (!like || h->t->ncols != NCOLS)
		return NULL;
	char *text = machine_told_text(h->t->rows[r][MEASURED]);
	char *why = machine_hardware_differs(text, like);
	if (!why)
		why = machine_method_differs(text, like);
	free(text);
	return why;
}

/* Numbers the history's runs in order, but those of skip and those
 * measured otherwise than like (as each run's first row says):
 * h->run_of; counts the latter. */
static void list_runs(struct history_runs *h, const struct history_run_id *skip,
		      size_t nskip, const char *like)
{
	struct key_index seen = {0}, other = {0};
	h->run_of = xcalloc(h->t->nrows + 1, sizeof *h->run_of);
	for (size_t r = 0; r < h->t->nrows; r++) {
		/* date, commit */
		const char *k[] = {h->t->rows[r][1], h->t->rows[r][2]};
		int skipped = 0;
		for (size_t i = 0; i < nskip; i++)
			skipped |= !strcmp(skip[i].date, k[0]) &&
				   !strcmp(skip[i].commit, k[1]);
		h->run_of[r] = SIZE_MAX;
		if (!skipped && key_index_get(&other, k, 2) >= 0)
			continue;
		/* a run is measured as its first row says: the rest of its
		 * rows are not read again (a history of 100,000 rows) */
		char *why = skipped || key_index_get(&seen, k, 2) >= 0
				? NULL
				: unlike(h, r, like);
		if (why) {
			/* the run's first row counts it; its later rows
			 * went on above */
			key_index_put(&other, k, 2, h->nunlike);
			if (!h->nunlike)
				h->unlike_why = xstrdup(why);
			h->nunlike++;
		} else if (!skipped) {
			h->run_of[r] = key_index_put(&seen, k, 2, h->nruns);
			h->nruns += h->run_of[r] == h->nruns;
		}
		free(why);
	}
	key_index_free(&seen);
	key_index_free(&other);
}

/* The log medians of the history's ns/op rows, a series (case, variant,
 * param, toolchain, cc) a line of h->nruns (NaN where a run lacks it);
 * *ns of them. */
static double *ns_series(const struct history_runs *h, size_t *ns)
{
	struct key_index series = {0};
	double *x = NULL;
	*ns = 0;
	for (size_t r = 0; r < h->t->nrows; r++) {
		char **f = h->t->rows[r];
		size_t at = h->run_of[r];
		double m;
		if (at == SIZE_MAX || strcmp(f[8], "ns/op") ||
		    parse_double(f[10], &m) != 0 || !(m > 0))
			continue;
		const char *k[] = {f[5], f[6], f[7], f[3], f[4]};
		size_t s = key_index_put(&series, k, 5, *ns);
		if (s == *ns) {
			x = xrealloc(x, (*ns + 1) * h->nruns * sizeof *x);
			for (size_t i = 0; i < h->nruns; i++)
				x[s * h->nruns + i] = NAN;
			++*ns;
		}
		x[s * h->nruns + at] = log(m);
	}
	key_index_free(&series);
	return x;
}

/* h->shift: each run's median of its series' logs less their centers. */
static void find_shifts(struct history_runs *h)
{
	size_t ns, nr = h->nruns;
	double *x = ns_series(h, &ns), *v = xcalloc(nr + ns + 1, sizeof *v);
	h->shift = xcalloc(nr + 1, sizeof *h->shift);
	for (size_t s = 0; s < ns; s++) {
		size_t n = 0;
		for (size_t i = 0; i < nr; i++)
			if (!isnan(x[s * nr + i]))
				v[n++] = x[s * nr + i];
		double center = n >= 2 ? stats_median(v, n) : NAN;
		for (size_t i = 0; i < nr; i++)
			x[s * nr + i] -= center;
	}
	for (size_t i = 0; i < nr; i++) {
		size_t n = 0;
		for (size_t s = 0; s < ns; s++)
			if (!isnan(x[s * nr + i]))
				v[n++] = x[s * nr + i];
		h->shift[i] = n ? stats_median(v, n) : 0;
	}
	free(x);
	free(v);
}

int history_runs_read(const char *path, const struct history_run_id *skip,
		      size_t nskip, const char *like, struct history_runs *h,
		      char *err, size_t errlen)
{
	memset(h, 0, sizeof *h);
	h->t = xcalloc(1, sizeof *h->t);
	if (csv_read_file(path, h->t, err, errlen) != 0)
		return -1;
	for (size_t i = 0; i < NCOLS1; i++)
		if (csv_col(h->t, columns[i]) != (int)i)
			return set_error(err, errlen,
					 "%s:1: not a history file of schema "
					 "1 to %d",
					 path, HISTORY_SCHEMA);
	list_runs(h, skip, nskip, like);
	find_shifts(h);
	for (size_t r = 0; r < h->t->nrows; r++) {
		char **f = h->t->rows[r], run[24];
		if (h->run_of[r] == SIZE_MAX)
			continue;
		snprintf(run, sizeof run, "%zu", h->run_of[r]);
		/* case, variant, param, unit, toolchain, cc, run */
		const char *k[] = {f[5], f[6], f[7], f[8], f[3], f[4], run};
		key_index_put(&h->rows, k, 7, r);
	}
	return 0;
}

void history_runs_free(struct history_runs *h)
{
	if (h->t)
		csv_free(h->t);
	free(h->t);
	key_index_free(&h->rows);
	free(h->run_of);
	free(h->shift);
	free(h->unlike_why);
	memset(h, 0, sizeof *h);
}

/* The median of the row of this variant and param like r in the run
 * numbered run, NaN when the history has none. */
static double median_in(const struct history_runs *h,
			const struct summary_row *r, const char *variant,
			const char *param, size_t run)
{
	char n[24];
	snprintf(n, sizeof n, "%zu", run);
	const char *k[] = {r->family,	 variant, param, r->unit,
			   r->toolchain, r->cc,	  n};
	long i = key_index_get(&h->rows, k, 7);
	double m;
	if (i < 0 || parse_double(h->t->rows[i][10], &m) != 0)
		return NAN;
	return m;
}

struct history_spread history_spread(const struct history_runs *h,
				     const struct summary_row *r,
				     enum history_figure what)
{
	double *x = xcalloc(h->nruns + 1, sizeof *x);
	size_t n = 0;
	for (size_t i = 0; i < h->nruns; i++) {
		double v = median_in(h, r, r->variant, r->param, i), b = NAN;
		if (what != HISTORY_VALUE) {
			b = median_in(h, r, r->baseline, r->param, i);
			if (isnan(b))
				b = median_in(h, r, r->baseline, "", i);
		}
		/* the hour's speed off a time; a ratio's mostly cancels,
		 * but not a slow hour's (docs/precision.md item 55), which
		 * widens its spread */
		double shift = strncmp(r->unit, "ns/", 3) ? 0 : h->shift[i];
		double f = what == HISTORY_VALUE      ? log(v) - shift
			   : what == HISTORY_OVERHEAD ? (v - b) * exp(-shift)
						      : log(v / b);
		if (isfinite(f))
			x[n++] = f;
	}
	struct history_spread s = {NAN, NAN, n};
	if (n >= 2) {
		s.center = stats_median(x, n);
		s.sd = stats_robust_sd(x, n);
	}
	free(x);
	return s;
}
