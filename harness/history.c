#include "history.h"

#include "csv.h"
#include "machine.h"
#include "summary.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const columns[] = {
    "schema", "date", "commit", "toolchain", "cc",     "case",	 "variant",
    "param",  "unit", "n",	"median",    "ci_low", "ci_high"};
#define NCOLS (sizeof columns / sizeof *columns)

/* The history rows of one run directory, appended to sb; the run's date
 * and commit, which name it in the history, in *key. */
static int run_rows(const char *run_dir, struct sbuf *sb, char **key, char *err,
		    size_t errlen)
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
		     *commit = machine_lookup(mtext, "harness-commit");
		*key = xasprintf("%s\n%s", date, commit);
		char schema[8];
		snprintf(schema, sizeof schema, "%d", HISTORY_SCHEMA);
		for (size_t r = 0; r < t.nrows; r++) {
			const struct summary_row *x = &t.rows[r];
			if (!x->s.n)
				continue; /* failed or skipped: no figure */
			char n[24], m[32], lo[32], hi[32];
			snprintf(n, sizeof n, "%zu", x->s.n);
			const char *f[NCOLS] = {schema,
						date,
						commit,
						x->toolchain,
						x->cc,
						x->family,
						x->variant,
						x->param,
						x->unit,
						n,
						csv_double(m, x->s.median),
						csv_double(lo, x->s.ci_low),
						csv_double(hi, x->s.ci_high)};
			csv_add_row(sb, f, NCOLS);
		}
		free(date);
		free(commit);
	}
	summary_table_free(&t);
	free(mtext);
	free(mpath);
	free(spath);
	return rc;
}

/* The runs a history holds already, as "date\ncommit" keys; whether its
 * text ends without its last newline. */
static int history_keys(const char *path, struct sbuf *keys, int *unended,
			char *err, size_t errlen)
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
	int same = h.ncols == NCOLS;
	for (size_t i = 0; same && i < NCOLS; i++)
		same = !strcmp(h.header[i], columns[i]);
	if (!same)
		rc = set_error(err, errlen,
			       "%s:1: not a history file of schema %d", path,
			       HISTORY_SCHEMA);
	for (size_t r = 0; rc == 0 && r < h.nrows; r++)
		sbuf_addf(keys, "\n%s\n%s\n", h.rows[r][1], h.rows[r][2]);
	csv_free(&h);
	return rc;
}

int history_append(const char *const *runs, size_t n, const char *history_path,
		   char *err, size_t errlen)
{
	struct sbuf sb = {0}, keys = {0};
	int unended = 0, rc = 0;
	sbuf_addstr(&keys, "\n");
	if (path_exists(history_path))
		rc = history_keys(history_path, &keys, &unended, err, errlen);
	else
		csv_add_row(&sb, columns, NCOLS);
	if (rc == 0 && unended)
		sbuf_addstr(&sb, "\n"); /* its last row, ended */
	/* every run read before anything is written: all or nothing */
	for (size_t i = 0; rc == 0 && i < n; i++) {
		char *key = NULL;
		rc = run_rows(runs[i], &sb, &key, err, errlen);
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

/* The row of the run of row `run` and the scenario of row `series`, in
 * unit and without a param; h->nrows when the run has none. */
static size_t figure_of(const struct csv_table *h, size_t run, size_t series,
			const char *unit)
{
	size_t r;
	for (r = 0; r < h->nrows; r++)
		if (!strcmp(F(r, "date"), F(run, "date")) &&
		    !strcmp(F(r, "commit"), F(run, "commit")) &&
		    !strcmp(F(r, "unit"), unit) && !*F(r, "param") &&
		    !strcmp(F(r, "case"), F(series, "case")) &&
		    !strcmp(F(r, "variant"), F(series, "variant")) &&
		    !strcmp(F(r, "toolchain"), F(series, "toolchain")))
			break;
	return r;
}

int history_chart_data(const struct csv_table *h, const char *select,
		       struct sbuf *sb, char *err, size_t errlen)
{
	for (size_t i = 0; i < NCOLS; i++)
		if (csv_col(h, columns[i]) < 0)
			return set_error(err, errlen,
					 "the history has no column '%s'",
					 columns[i]);
	/* the unit: the first row's, so that one chart has one unit */
	const char *unit = h->nrows ? F(0, "unit") : "ns/op";
	/* the series (case, variant, toolchain) and the runs (date,
	 * commit), in order of appearance */
	size_t *series = NULL, ns = 0, *runs = NULL, nr = 0;
	for (size_t r = 0; r < h->nrows; r++) {
		if (strcmp(F(r, "unit"), unit) ||
		    !chosen(select, F(r, "case"), F(r, "variant"),
			    F(r, "param")))
			continue;
		size_t i = 0;
		while (i < ns &&
		       (strcmp(F(series[i], "case"), F(r, "case")) ||
			strcmp(F(series[i], "variant"), F(r, "variant")) ||
			strcmp(F(series[i], "toolchain"), F(r, "toolchain"))))
			i++;
		if (i == ns) {
			series = xrealloc(series, (ns + 1) * sizeof *series);
			series[ns++] = r;
		}
		for (i = 0;
		     i < nr && (strcmp(F(runs[i], "date"), F(r, "date")) ||
				strcmp(F(runs[i], "commit"), F(r, "commit")));
		     i++)
			;
		if (i == nr) {
			runs = xrealloc(runs, (nr + 1) * sizeof *runs);
			runs[nr++] = r;
		}
	}
	if (!ns) {
		free(series);
		free(runs);
		return set_error(err, errlen,
				 "the history has no scenario to chart%s%s",
				 *select ? " among " : "", select);
	}
	sbuf_addf(sb, "# %s\nrun", unit);
	for (size_t i = 0; i < ns; i++)
		sbuf_addf(sb, "\t\"%s: %s %s\"\t\"low\"\t\"high\"",
			  F(series[i], "case"), F(series[i], "variant"),
			  F(series[i], "toolchain"));
	sbuf_addstr(sb, "\n");
	for (size_t k = 0; k < nr; k++) {
		/* "2026-11-24 d99114e": the day and the commit's first 7 */
		sbuf_addf(sb, "\"%.10s %.7s\"", F(runs[k], "date"),
			  F(runs[k], "commit"));
		for (size_t i = 0; i < ns; i++) {
			size_t r = figure_of(h, runs[k], series[i], unit);
			if (r == h->nrows)
				sbuf_addstr(sb, "\tNaN\tNaN\tNaN");
			else
				sbuf_addf(sb, "\t%s\t%s\t%s", F(r, "median"),
					  F(r, "ci_low"), F(r, "ci_high"));
		}
		sbuf_addstr(sb, "\n");
	}
#undef F
	free(series);
	free(runs);
	return 0;
}
