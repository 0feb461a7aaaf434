#include "export.h"

#include "anatomy.h"
#include "benchtxt.h"
#include "charts.h"
#include "claims.h"
#include "page.h"
#include "raw.h"
#include "report.h"
#include "rundir.h"
#include "summary.h"
#include "trackers.h"
#include "units.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int summary_csv(const struct run_model *m, struct sbuf *sb)
{
	summary_format_csv(m->sum.rows, m->sum.nrows, sb);
	return 1;
}

static int machine_txt(const struct run_model *m, struct sbuf *sb)
{
	sbuf_addstr(sb, m->machine);
	return 1;
}

static int bench_txt(const struct run_model *m, struct sbuf *sb)
{
	benchtxt_format(m->machine, m->samples, m->nsamples, sb);
	return 1;
}

static int transfer_csv(const struct run_model *m, struct sbuf *sb)
{
	return raw_format_transfer(m->samples, m->nsamples, sb);
}

static int anatomy_csv(const struct run_model *m, struct sbuf *sb)
{
	if (m->counted)
		anatomy_format_csv(m->anatomy, m->nanatomy, sb);
	return m->counted;
}

static int anatomy_txt(const struct run_model *m, struct sbuf *sb)
{
	if (m->counted)
		anatomy_format_txt(m->anatomy, m->nanatomy, sb);
	return m->counted;
}

static int anatomy_dat(const struct run_model *m, struct sbuf *sb)
{
	if (m->counted)
		anatomy_format_dat(m->anatomy, m->nanatomy, m->sum.ntoolchains,
				   sb);
	return m->counted;
}

static int report_md(const struct run_model *m, struct sbuf *sb)
{
	report_markdown(m, sb);
	return 1;
}

static int overview_dat(const struct run_model *m, struct sbuf *sb)
{
	charts_overview(&m->sum, rundir_primary(m), sb);
	return 1;
}

static int toolchains_dat(const struct run_model *m, struct sbuf *sb)
{
	charts_toolchains(&m->sum, rundir_primary(m), sb);
	return 1;
}

/* The data of a swept family's chart (charts.h), named as its exporter;
 * 0 when the run has no row of it. */
static int series(const struct run_model *m, const char *data, struct sbuf *sb)
{
	return charts_series(&m->sum, charts_series_named(data), sb) > 0;
}

/* batch.dat, led by a "# break-even N TOOLCHAIN" line a toolchain: N the
 * least n from which the crossing is surely under the claim's share,
 * "open" where the intervals cannot tell, "none" where it is at no n */
static int batch_dat(const struct run_model *m, struct sbuf *sb)
{
	for (size_t k = 0; k < m->sum.ntoolchains; k++) {
		const char *tc = m->sum.toolchains[k];
		struct break_even b = claims_break_even(m->claims, &m->sum, tc);
		char mark[32];
		claims_mark(mark, sizeof mark, b.sure, b.maybe);
		if (b.largest > 0)
			sbuf_addf(sb, "# break-even %s %s\n", mark, tc);
	}
	return series(m, "batch", sb);
}

/* libraries.dat: ns/byte against the input size, led by the break-even
 * lines of the first toolchain. */
static int libraries_dat(const struct run_model *m, struct sbuf *sb)
{
	if (m->sum.ntoolchains)
		claims_library_marks(m->claims, &m->sum, m->sum.toolchains[0],
				     sb);
	return series(m, "libraries", sb);
}

/* The headline of the run for stdout: time per op and overhead. */
static int table(const struct run_model *m, struct sbuf *sb)
{
	const struct summary_row *rows = m->sum.rows;
	size_t n = m->sum.nrows;
	const char *primary = rundir_primary(m);
	/* every column as wide as its widest name */
	int w[4] = {4, 7, 9, 5};
	for (size_t i = 0; i < n; i++) {
		const char *f[4] = {rows[i].family, rows[i].variant,
				    rows[i].toolchain, rows[i].param};
		for (int k = 0; k < 4; k++)
			if ((int)strlen(f[k]) > w[k])
				w[k] = (int)strlen(f[k]);
	}
	sbuf_addf(sb, "%-*s %-*s %-*s %-*s %18s %26s %14s %8s  %s\n", w[0],
		  "case", w[1], "variant", w[2], "toolchain", w[3], "param",
		  "median", "95% interval", "overhead", "ratio", "n");
	for (size_t i = 0; i < n; i++) {
		const struct summary_row *row = &rows[i];
		if (strcmp(row->unit, primary) != 0)
			continue;
		sbuf_addf(sb, "%-*s %-*s %-*s %-*s ", w[0], row->family, w[1],
			  row->variant, w[2], row->toolchain, w[3], row->param);
		if (!row->s.n) {
			sbuf_addf(sb, "%18s  %s\n",
				  summary_status_names[row->status],
				  row->note ? row->note : "");
			continue;
		}
		char med[48], iv[96], ov[48] = "", ra[32] = "";
		units_format(med, sizeof med, row->s.median, row->unit, 0);
		units_format_ci(iv, sizeof iv, NAN, row->s.ci_low,
				row->s.ci_high, row->unit, 0);
		/* fewer than SUMMARY_FEWEST: their range, at its own level */
		if (!summary_at_level(&row->s)) {
			size_t l = strlen(iv);
			snprintf(iv + l, sizeof iv - l, " (%.3g%%)",
				 row->s.ci_level * 100);
		}
		if (row->baseline_found) {
			units_format(ov, sizeof ov, row->d.diff, row->unit, 1);
			snprintf(ra, sizeof ra, "%.3gx", row->d.ratio);
		}
		sbuf_addf(sb, "%18s %26s %14s %8s  %zu%s%s\n", med, iv, ov, ra,
			  row->s.n, row->status != SUMMARY_OK ? " " : "",
			  row->status != SUMMARY_OK
			      ? summary_status_names[row->status]
			      : "");
	}
	return 1;
}

#define RUN  EXPORT_RUN
#define BOTH (EXPORT_RUN | EXPORT_REPORT)
const struct exporter exporters[] = {
    {"summary", "summary.csv", RUN, summary_csv, NULL},
    {"bench", "bench.txt", RUN, bench_txt, NULL},
    {"machine", "machine.txt", RUN, machine_txt, NULL},
    {"transfer", RAW_TRANSFER_FILE, RUN, transfer_csv, NULL},
    {"anatomy", "anatomy.csv", RUN, anatomy_csv, NULL},
    {"anatomy-text", "anatomy.txt", RUN, anatomy_txt, NULL},
    {"anatomy-chart", "anatomy.dat", RUN, anatomy_dat, NULL},
    {"report", "report.md", BOTH, report_md, NULL},
    {"overview", "overview.dat", BOTH, overview_dat, NULL},
    {"toolchains", "toolchains.dat", BOTH, toolchains_dat, NULL},
    {"batch", "batch.dat", BOTH, batch_dat, NULL},
    {"blocking", "blocking.dat", BOTH, NULL, "blocking"},
    {"busy", "busy.dat", BOTH, NULL, "busy"},
    {"cthreads", "cthreads.dat", BOTH, NULL, "cthreads"},
    {"handles", "handles.dat", BOTH, NULL, "handles"},
    {"libraries", "libraries.dat", BOTH, libraries_dat, NULL},
    {"mainthread", "mainthread.dat", BOTH, NULL, "mainthread"},
    {"parallel", "parallel.dat", BOTH, NULL, "parallel"},
    {"pool", "pool.dat", BOTH, NULL, "pool"},
    {"bmf", "bmf.json", BOTH, trackers_bmf, NULL},
    {"gab", "gab.json", BOTH, trackers_gab, NULL},
    {"page", "index.html", BOTH, page_html, NULL},
    {"table", NULL, RUN, table, NULL},
    {NULL, NULL, 0, NULL, NULL}};
#undef RUN
#undef BOTH

int export_make(const struct exporter *x, const struct run_model *m,
		struct sbuf *sb)
{
	return x->make ? x->make(m, sb) : series(m, x->series, sb);
}

/* Writes one exporter's output; -2 with err set when it cannot. */
static int export_one(const struct exporter *x, const struct run_model *m,
		      char *err, size_t errlen)
{
	struct sbuf sb = {0};
	sbuf_add(&sb, "", 0);
	int has = export_make(x, m, &sb), rc = 0;
	if (!x->file) {
		if (fwrite(sb.buf, 1, sb.len, stdout) != sb.len ||
		    fflush(stdout) != 0)
			rc = set_error(err, errlen,
				       "cannot write the %s to standard output",
				       x->name) *
			     2;
	} else {
		char *p = xasprintf("%s/%s", m->dir, x->file);
		if (has)
			rc = file_write_atomic(p, sb.buf, sb.len, err, errlen)
				 ? -2
				 : 0;
		else
			unlink(p);
		free(p);
	}
	sbuf_free(&sb);
	return rc;
}

int export_all(const struct run_model *m, unsigned when,
	       void (*warn)(void *ctx, const char *msg), void *ctx, char *err,
	       size_t errlen)
{
	int rc = 0;
	char e[ERRLEN];
	for (const struct exporter *x = exporters; x->name; x++) {
		if (!(x->when & when) || export_one(x, m, e, sizeof e) == 0)
			continue;
		if (warn)
			warn(ctx, e);
		if (rc == 0)
			rc = set_error(err, errlen, "%s", e) * 2;
	}
	return rc;
}
