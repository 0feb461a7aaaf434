/* report.md against a golden file from a committed run (three toolchains,
 * counted, with its anatomy), and every median, overhead and ratio of its
 * headline table equal to summary.csv's. */
#include "testutil.h"

#include "csv.h"
#include "export.h"
#include "rundir.h"
#include "charts.h"
#include "claims.h"
#include "page.h"
#include "report.h"
#include "summary.h"
#include "trackers.h"
#include "units.h"

#include <glob.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#define RUN "results/vm/anatomy-toolchains"
/* the reference run of every family */
#define SUITE "results/vm/20261126T062326Z"

static void golden(void **state)
{
	(void)state;
	struct sbuf sb = {0};
	char err[ERRLEN];
	if (report_build(RUN, "cases", &sb, err, sizeof err) != 0)
		fail_msg("%s", err);
	assert_golden(FIXTURE("report-golden.md"), sb.buf);
	sbuf_free(&sb);
}

/* The table a run prints on stdout, of a timed run and a counted one:
 * figures scaled, each with its unit; the counted run's 3 samples give
 * their range's level (75%), short of the header's 95%. */
static void stdout_table(void **state)
{
	(void)state;
	const char *runs[] = {SUITE, RUN};
	const char *goldens[] = {FIXTURE("table-golden.txt"),
				 FIXTURE("table-counted-golden.txt")};
	for (int k = 0; k < 2; k++) {
		struct run_model m;
		char err[ERRLEN];
		if (rundir_read(runs[k], &m, err, sizeof err) != 0)
			fail_msg("%s", err);
		const struct exporter *x = exporters;
		while (strcmp(x->name, "table"))
			x++;
		struct sbuf sb = {0};
		export_make(x, &m, &sb);
		assert_golden(goldens[k], sb.buf);
		sbuf_free(&sb);
		rundir_free(&m);
	}
}

/* The markdown index.html renders report.md with: headings, nested lists,
 * a table, a paragraph over lines, inline marks, HTML escaped. */
static void page_renders_markdown(void **state)
{
	(void)state;
	struct sbuf sb = {0};
	page_markdown("## T\n\n- *a* **b** `c<d`\n  - sub\n- two\n\n"
		      "| x | y |\n|---|---|\n| 1 | `go->c` |\n\npara\nline\n",
		      &sb);
	assert_string_equal(
	    sb.buf, "<h2>T</h2>\n<ul>\n<li><em>a</em> <strong>b</strong> "
		    "<code>c&lt;d</code><ul>\n<li>sub</li></ul>\n</li>\n"
		    "<li>two</li></ul>\n<table class=\"sortable\"><thead><tr>"
		    "<th>x</th><th>y</th></tr>\n</thead><tbody>\n<tr><td>1"
		    "</td><td><code>go-&gt;c</code></td></tr>\n</tbody>"
		    "</table>\n<p>para line</p>\n");
	sbuf_free(&sb);
}

/* Every committed run's report.md, time-measured and counted, is what
 * report makes of its files today: a change to a verdict, a threshold or
 * a figure shows here as the line it changes. */
static void committed_reports_render_again(void **state)
{
	(void)state;
	glob_t g;
	committed("report.md", &g);
	for (size_t i = 0; i < g.gl_pathc; i++) {
		char *dir = xstrndup(g.gl_pathv[i], strlen(g.gl_pathv[i]) -
							strlen("/report.md"));
		struct sbuf sb = {0};
		char err[ERRLEN];
		if (report_build(dir, "cases", &sb, err, sizeof err) != 0)
			fail_msg("%s", err);
		assert_golden(g.gl_pathv[i], sb.buf);
		sbuf_free(&sb);
		free(dir);
	}
	globfree(&g);
}

/* A run with --benchtime-unpinned: its report renders as committed and
 * names both sample lengths in its machine list. */
static void machine_names_both_lengths(void **state)
{
	(void)state;
	const char *dir = "results/vm/precision/unpinned-quiet-1";
	struct sbuf sb = {0};
	char err[ERRLEN];
	if (report_build(dir, "cases", &sb, err, sizeof err) != 0)
		fail_msg("%s", err);
	char *path = xasprintf("%s/report.md", dir);
	assert_golden(path, sb.buf);
	assert_non_null(strstr(sb.buf, "\n- benchtime: 0.03s\n"));
	assert_non_null(strstr(sb.buf, "\n- benchtime-unpinned: 0.1s\n"));
	free(path);
	sbuf_free(&sb);
}

/* A run whose benchmarks met the user's GOGC: its report renders as
 * committed and names it in the machine list; one without, none; a run
 * since build-env, the flags its binaries were built with too. */
static void machine_names_runtime_env(void **state)
{
	(void)state;
	const char *dirs[] = {"results/vm/precision/runtime-env/gogc200",
			      "results/vm/precision/runtime-env/plain-1",
			      "results/vm/precision/env-quiet-1"};
	const char *want[] = {
	    "\n- runtime-env: GOGC=200\n", "\n- runtime-env: none\n",
	    "\n- runtime-env: none\n- build-env: CGO_CFLAGS=-O2 "
	    "-g; CGO_CXXFLAGS=-O2 -g; CGO_LDFLAGS=-O2 -g; "
	    "GOAMD64=v1; GOFLAGS=-buildvcs=false\n"};
	for (size_t i = 0; i < 3; i++) {
		struct sbuf sb = {0};
		char err[ERRLEN];
		if (report_build(dirs[i], "cases", &sb, err, sizeof err) != 0)
			fail_msg("%s", err);
		char *path = xasprintf("%s/report.md", dirs[i]);
		assert_golden(path, sb.buf);
		assert_non_null(strstr(sb.buf, want[i]));
		free(path);
		sbuf_free(&sb);
	}
}

static void numbers_are_the_summary(void **state)
{
	(void)state;
	struct sbuf sb = {0};
	char err[ERRLEN];
	const char *runs[] = {RUN, "results/vm/toolchains", SUITE};
	for (int k = 0; k < 3; k++) {
		sb.len = 0;
		if (report_build(runs[k], "cases", &sb, err, sizeof err) != 0)
			fail_msg("%s", err);
		char *path = xasprintf("%s/summary.csv", runs[k]);
		struct csv_table t;
		if (csv_read_file(path, &t, err, sizeof err) != 0)
			fail_msg("%s", err);
		size_t checked = 0;
		for (size_t r = 0; r < t.nrows; r++) {
			const char *ov = t.rows[r][csv_col(&t, "overhead")];
			const char *unit = t.rows[r][csv_col(&t, "unit")];
			if (!ov[0] || (strcmp(unit, "ns/op") &&
				       strcmp(unit, "instructions/op")))
				continue;
			double m = atof(t.rows[r][csv_col(&t, "median")]);
			double lo = atof(t.rows[r][csv_col(&t, "ci_low")]);
			double hi = atof(t.rows[r][csv_col(&t, "ci_high")]);
			double o = atof(ov);
			double ra = atof(t.rows[r][csv_col(&t, "ratio")]);
			char mf[96];
			units_format_ci(mf, sizeof mf, m, lo, hi, unit, 0);
			char *line =
			    xasprintf("| `%s` | %s | %s | %.*s",
				      t.rows[r][csv_col(&t, "variant")],
				      t.rows[r][csv_col(&t, "toolchain")],
				      t.rows[r][csv_col(&t, "param")],
				      (int)strcspn(mf, " "), mf);
			char *at = strstr(sb.buf, line);
			if (!at) {
				free(line);
				continue; /* a swept param left to its chart */
			}
			char *end = strchr(at, '\n');
			char *row = xstrndup(at, (size_t)(end - at));
			char of[96], rf[96];
			units_format_ci(
			    of, sizeof of, o,
			    atof(t.rows[r][csv_col(&t, "overhead_ci_low")]),
			    atof(t.rows[r][csv_col(&t, "overhead_ci_high")]),
			    unit, 1);
			units_format_ci(
			    rf, sizeof rf, ra,
			    atof(t.rows[r][csv_col(&t, "ratio_ci_low")]),
			    atof(t.rows[r][csv_col(&t, "ratio_ci_high")]), "x",
			    0);
			char *o_s = xasprintf("| %s |", of);
			char *r_s = xasprintf("| %s |", rf);
			if (!strstr(row, mf) || !strstr(row, o_s) ||
			    !strstr(row, r_s))
				fail_msg(
				    "%s: row '%s' lacks median %s, overhead %s or "
				    "ratio %s",
				    runs[k], row, mf, o_s, r_s);
			free(o_s);
			free(r_s);
			free(row);
			free(line);
			checked++;
		}
		assert_true(checked >= 12);
		csv_free(&t);
		free(path);
	}
	sbuf_free(&sb);
}

static void chart_data(void **state)
{
	(void)state;
	struct summary_table t;
	read_summary("results/vm/toolchains/summary.csv", &t);
	struct sbuf ov = {0}, tc = {0};
	charts_overview(&t, "ns/op", &ov);
	charts_toolchains(&t, "ns/op", &tc);
	assert_golden(FIXTURE("overview-golden.dat"), ov.buf);
	assert_golden(FIXTURE("toolchains-golden.dat"), tc.buf);
	/* 7 variants times 3 toolchains, grouped: the baselines first */
	size_t lines = 0;
	for (const char *p = ov.buf; (p = strchr(p, '\n')); p++)
		lines++;
	assert_int_equal(lines, 1 + 21);
	/* of the whole suite: no swept family (their charts show them),
	 * the data family's crossings at their first level beside their
	 * baselines, and each crossing after its own baseline, with only
	 * other crossings of that baseline between them */
	struct sbuf suite = {0};
	struct summary_table st;
	read_summary(SUITE "/summary.csv", &st);
	charts_overview(&st, "ns/op", &suite);
	assert_null(strstr(suite.buf, "\"batch: "));
	assert_null(strstr(suite.buf, "\"handles: "));
	assert_null(strstr(suite.buf, "\"parallel: "));
	assert_non_null(strstr(suite.buf,
			       "\n\"data: c->c(dup+free)\"\t\"baseline\"\t0\t"
			       "8.239"));
	assert_non_null(
	    strstr(suite.buf, "\n\"data: CString+free cgocheck=1\"\t"));
	size_t checked = 0;
	for (size_t r = 0; r < st.nrows; r++) {
		const struct summary_row *x = &st.rows[r];
		if (!x->baseline || strcmp(x->unit, "ns/op"))
			continue;
		char *label =
		    xasprintf("\n\"%s: %s%s%s\"", x->family, x->variant,
			      x->param[0] ? " " : "", x->param);
		/* the baseline at the same param, or at none */
		char *base =
		    xasprintf("\n\"%s: %s%s%s\"", x->family, x->baseline,
			      x->param[0] ? " " : "", x->param);
		if (!strstr(suite.buf, base)) {
			free(base);
			base =
			    xasprintf("\n\"%s: %s\"", x->family, x->baseline);
		}
		char *at = strstr(suite.buf, label), *b = NULL;
		for (char *p = suite.buf; at && (p = strstr(p, base)) && p < at;
		     p++)
			b = p;
		if (at) {
			if (!b)
				fail_msg("%s shown without its baseline above",
					 label + 1);
			for (char *p = strchr(b + 1, '\n'); p < at;
			     p = strchr(p + 1, '\n'))
				if (strstr(p, "\"baseline\"") &&
				    strstr(p, "\"baseline\"") <
					strchr(p + 1, '\n'))
					fail_msg("%s: another baseline between "
						 "it and %s",
						 label + 1, base + 1);
			checked++;
		}
		free(label);
		free(base);
	}
	assert_true(checked >= 20);
	summary_table_free(&st);
	sbuf_free(&suite);
	assert_true(str_starts(strchr(ov.buf, '\n') + 1,
			       "\"c->c go1.26.8\"\t\"baseline\"\t0\t"));
	sbuf_free(&ov);
	sbuf_free(&tc);
	summary_table_free(&t);
}

/* The median of a row of summary.csv, as text formatted with fmt. */
static char *figure(const struct csv_table *t, const char *family,
		    const char *variant, const char *param, const char *unit,
		    const char *col, const char *fmt)
{
	for (size_t r = 0; r < t->nrows; r++) {
		char *const *row = t->rows[r];
		if (!strcmp(row[csv_col(t, "case")], family) &&
		    !strcmp(row[csv_col(t, "variant")], variant) &&
		    !strcmp(row[csv_col(t, "param")], param) &&
		    !strcmp(row[csv_col(t, "unit")], unit))
			return xasprintf(fmt, atof(row[csv_col(t, col)]));
	}
	fail_msg("no row %s %s %s %s", family, variant, param, unit);
	return NULL;
}

/* The claims of the whole suite: a verdict on each, and the figures it
 * quotes are summary.csv's. */
static void claims_are_the_summary(void **state)
{
	(void)state;
	struct sbuf sb = {0};
	char err[ERRLEN];
	if (report_build(SUITE, "cases", &sb, err, sizeof err) != 0)
		fail_msg("%s", err);
	struct csv_table t;
	if (csv_read_file(SUITE "/summary.csv", &t, err, sizeof err) != 0)
		fail_msg("%s", err);
	/* every family but those that came after this run */
	for (const char *p = sb.buf; (p = strstr(p, "Not measured")); p++)
		assert_true(
		    str_starts(p, "Not measured: this run has no "
				  "libraries family.") ||
		    str_starts(p, "Not measured: this run has no "
				  "purego family beside the call family.") ||
		    str_starts(p, "Not measured: this run has no "
				  "blocking family.") ||
		    str_starts(p, "Not measured: this run has no "
				  "scheduling family.") ||
		    str_starts(p, "Not measured: this run has no "
				  "mainthread family."));
	static const struct {
		const char *family, *variant, *param, *unit, *col, *fmt;
	} figs[] = {
	    {"batch", "go->c(batch)", "n=4096", "ns/item", "median",
	     "`go->c(batch)` %.3g ["},
	    {"batch", "go->c(each)", "n=4096", "ns/item", "median",
	     "`go->c(each)` %.3g ["},
	    {"handles", "rwmutex-map(mutex-id)", "goroutines=1", "ns/op",
	     "overhead", "`rwmutex-map(mutex-id)` costs %.3g ["},
	    {"handles", "sharded-map(object-key)", "goroutines=4", "ns/op",
	     "median", "(`sharded-map(object-key)`): %.3g ["},
	    {"threads", "sleep(c)", "goroutines=64", "threads", "median",
	     "grew the process to %.4g ["},
	    {"threads", "go->c(pool)", "goroutines=64", "threads", "median",
	     "`go->c` calls: %.4g ["},
	    {"data", "GoString", "cgocheck=1", "allocs/op", "median",
	     "string: %.3g ["},
	    {"data", "GoString", "cgocheck=1", "B/op", "median",
	     "allocs, %.3g ["},
	};
	for (size_t i = 0; i < sizeof figs / sizeof *figs; i++) {
		char *want =
		    figure(&t, figs[i].family, figs[i].variant, figs[i].param,
			   figs[i].unit, figs[i].col, figs[i].fmt);
		if (!strstr(sb.buf, want))
			fail_msg("report.md lacks '%s'", want);
		free(want);
	}
	static const char *const verdicts[] = {
	    "20 to 100 times more.* **does not hold**.",
	    /* 1.97 [1.89, 2.06] times: across twice */
	    "(taken as at least twice): **inconclusive**: the intervals "
	    "overlap. The 1 to 2 ms figure: **does not hold**.",
	    "one crossing for N items instead of N crossings.* **holds**.",
	    "atomic ids relieve it.* **holds only in part**.",
	    "lowers the cost of bursts.* **holds only in part**.",
	    "one OS thread each.* **does not hold**.",
	    "copies on every call.* **holds**."};
	for (size_t i = 0; i < sizeof verdicts / sizeof *verdicts; i++)
		if (!strstr(sb.buf, verdicts[i]))
			fail_msg("report.md lacks '%s'", verdicts[i]);
	csv_free(&t);
	sbuf_free(&sb);
}

/* The n of every row claims_of makes (summary.csv has it, the rows not). */
static const char *rows_n = "10";

/* The whole of a summary.csv from rows of the columns header names, the
 * other columns at their defaults. */
static char *summary_text_with(const char *header, const char *rows)
{
	char *text = xasprintf("%s\n%s", header, rows);
	struct csv_table t;
	char err[ERRLEN];
	if (csv_parse(text, "rows", &t, err, sizeof err) != 0)
		fail_msg("%s", err);
	struct sbuf full = {0};
	for (size_t k = 0; summary_columns[k]; k++)
		sbuf_addf(&full, "%s%s", k ? "," : "", summary_columns[k]);
	sbuf_addstr(&full, "\n");
	for (size_t r = 0; r < t.nrows; r++) {
		for (size_t k = 0; summary_columns[k]; k++) {
			const char *c = summary_columns[k];
			int i = csv_col(&t, c);
			const char *v = i >= 0		       ? t.rows[r][i]
					: !strcmp(c, "schema") ? "1"
					: !strcmp(c, "n")      ? rows_n
					: !strcmp(c, "cc")     ? "gcc"
							       : "";
			sbuf_addf(&full, "%s\"%s\"", k ? "," : "", v);
		}
		sbuf_addstr(&full, "\n");
	}
	csv_free(&t);
	free(text);
	return full.buf;
}

/* The main columns of the rows of the boundary tests. */
#define MAIN_COLUMNS                                                           \
	"case,variant,toolchain,param,unit,median,ci_low,ci_high,overhead,"    \
	"overhead_ci_low,overhead_ci_high,status"

static char *summary_text(const char *rows)
{
	return summary_text_with(MAIN_COLUMNS, rows);
}

/* Claims judged on a small table of summary rows with these columns (the
 * others at their defaults). */
static char *claims_of_with(const char *header, const char *rows)
{
	char *full = summary_text_with(header, rows), err[ERRLEN];
	struct summary_table st;
	if (summary_parse(full, "rows", &st, err, sizeof err) != 0)
		fail_msg("%s", err);
	struct sbuf sb = {0};
	struct claim_set *claims;
	if (claims_load("cases", &claims, err, sizeof err) != 0)
		fail_msg("%s", err);
	claims_write(claims, &st, &sb);
	claims_free(claims);
	summary_table_free(&st);
	free(full);
	return sb.buf;
}

/* Claims judged on a small table of summary rows, for the boundary
 * tests: rows are MAIN_COLUMNS lines. */
static char *claims_of(const char *rows)
{
	return claims_of_with(MAIN_COLUMNS, rows);
}

/* The verdict that follows the claim starting with claim: the text from
 * its end to the end of its line. */
static char *verdict_of(const char *claims, const char *claim)
{
	const char *at = strstr(claims, claim);
	if (!at)
		fail_msg("no claim '%s' in:\n%s", claim, claims);
	at = strstr(at, "* ");
	if (!at)
		fail_msg("claim '%s' has no verdict", claim);
	at += 2;
	return xstrndup(at, strcspn(at, "\n"));
}

static void assert_verdict(const char *rows, const char *claim,
			   const char *want)
{
	char *c = claims_of(rows);
	char *v = verdict_of(c, claim);
	if (strcmp(v, want))
		fail_msg("claim '%s': verdict '%s', want '%s', from:\n%s",
			 claim, v, want, rows);
	free(v);
	free(c);
}

/* claim's verdict on rows (none checked when verdict is NULL), and its
 * lines hold want; rows is freed. */
static void assert_claim(char *rows, const char *claim, const char *verdict,
			 const char *want)
{
	if (verdict)
		assert_verdict(rows, claim, verdict);
	char *c = claims_of(rows);
	const char *at = strstr(c, claim);
	if (!strstr(c, want))
		fail_msg("no '%s' in:\n%s", want, at ? at : c);
	free(c);
	free(rows);
}

#define GO_TO_C "*A Go-to-C call"
#define HOLDS	"**holds**."
#define NOT	"**does not hold**."
#define SOME	"**holds only for some toolchains**."
#define PART	"**holds only in part**."
#define OPEN	"**inconclusive**: the intervals overlap."

/* go->c and go->go of a toolchain, each with an interval of no width
 * (the boundary tests) */
static char *call_rows(const char *tc, double gc, double gg)
{
	return xasprintf("call,go->c,%s,,ns/op,%.17g,%.17g,%.17g,,,,ok\n"
			 "call,go->go,%s,,ns/op,%.17g,%.17g,%.17g,,,,ok\n",
			 tc, gc, gc, gc, tc, gg, gg, gg);
}

/* A claim whose rows have fewer than 5 samples (a run stopped early)
 * gets no verdict but "inconclusive", with the row and why; a counted
 * row's few samples are enough. */
static void few_samples_inconclusive(void **state)
{
	(void)state;
	rows_n = "2";
	char *rows = xasprintf("call,go->c,go1.26.8,,ns/op,100,90,110,,,,"
			       "incomplete\ncall,go->go,go1.26.8,,ns/op,2,1.9,"
			       "2.1,,,,incomplete\n");
	char *c = claims_of(rows);
	assert_non_null(strstr(c, "**inconclusive**: `go->c` has 2 samples, "
				  "fewer than 5 (the run was stopped)."));
	assert_null(strstr(c, "**holds**"));
	free(c);
	free(rows);
	/* a variant named by a word of a value: the pool's "pair" */
	rows = xasprintf("threads,go->c(pool),go1.26.8,goroutines=64,ns/op,"
			 "100,90,110,,,,wide\n");
	c = claims_of(rows);
	assert_non_null(strstr(c, "**inconclusive**: `go->c(pool)` "
				  "goroutines=64 has 2 samples, fewer than 5 "
				  "(raise --count)."));
	free(c);
	free(rows);
	rows = xasprintf("call,go->c,go1.26.8,,instructions/op,300,300,300,,,,"
			 "ok\n");
	c = claims_of(rows);
	assert_null(strstr(c, "inconclusive"));
	free(c);
	free(rows);
	rows_n = "10";
}

static void verdict_go_to_c(double gc, double gg, const char *want)
{
	char *rows = call_rows("go1.26.8", gc, gg);
	assert_verdict(rows, GO_TO_C, want);
	free(rows);
}

/* Every toolchain of a run is judged, however many (report kept 16). */
static void seventeen_toolchains(void **state)
{
	(void)state;
	struct sbuf rows = {0};
	for (int i = 0; i < 17; i++) {
		char tc[16];
		snprintf(tc, sizeof tc, "go1.%d", 10 + i);
		char *r = call_rows(tc, 100, 2);
		sbuf_addstr(&rows, r);
		free(r);
	}
	char *c = claims_of(rows.buf);
	size_t n = 0;
	for (const char *p = c; (p = strstr(p, "\n  - go1.")); p++)
		n++;
	assert_int_equal(n, 17);
	assert_non_null(strstr(c, "  - go1.26: `go->c` 100 [100, 100] ns"));
	free(c);
	sbuf_free(&rows);
}

/* The go->c claim: 60 to 200 ns, 1 to 5 ns for go->go, 20 to 100 times;
 * each bound just inside and just outside, over one or two toolchains. */
static void claim_go_to_c_bounds(void **state)
{
	(void)state;
	verdict_go_to_c(60, 2, HOLDS);
	verdict_go_to_c(59.9, 2, NOT);
	verdict_go_to_c(200, 2.5, HOLDS);
	verdict_go_to_c(200.1, 2.5, NOT);
	verdict_go_to_c(60, 1, HOLDS);
	verdict_go_to_c(60, 0.99, NOT);
	verdict_go_to_c(150, 5, HOLDS);
	verdict_go_to_c(150, 5.01, NOT);
	verdict_go_to_c(100, 5, HOLDS); /* 20 times */
	verdict_go_to_c(99.9, 5, NOT);
	verdict_go_to_c(100, 1, HOLDS); /* 100 times */
	verdict_go_to_c(100.1, 1, NOT);
	char *a = call_rows("go1.26.8", 100, 2),
	     *b = call_rows("go1.19.8", 30, 2);
	char *both = xasprintf("%s%s", a, b);
	assert_verdict(both, GO_TO_C, SOME);
	free(both);
	both = xasprintf("%s%s", b, b);
	assert_verdict(both, GO_TO_C, NOT);
	free(both);
	free(a);
	free(b);
	assert_verdict("call,go->c,go1.26.8,,ns/op,100,,,,,,deleted\n"
		       "call,go->go,go1.26.8,,ns/op,2,,,,,,ok\n",
		       GO_TO_C,
		       "Not measured: this run has no `go->c` and `go->go` "
		       "timed in ns/op.");
}

static void verdict_c_to_go(double cg, double gc, const char *far,
			    const char *ms)
{
	char *rows =
	    xasprintf("call,c->go(cthread),go1.26.8,,ns/op,%.17g,%.17g,"
		      "%.17g,,,,ok\ncall,go->c,go1.26.8,,ns/op,%.17g,"
		      "%.17g,%.17g,,,,ok\n",
		      cg, cg, cg, gc, gc, gc);
	char *want = xasprintf("Far more (taken as at least twice): %s The 1 "
			       "to 2 ms figure: %s",
			       far, ms);
	assert_verdict(rows, "*Calling Go from C", want);
	free(want);
	free(rows);
}

/* The c->go claim: at least twice go->c, and 1 to 2 ms. */
static void claim_c_to_go_bounds(void **state)
{
	(void)state;
	verdict_c_to_go(60, 30, HOLDS, NOT);
	verdict_c_to_go(59.99, 30, NOT, NOT);
	verdict_c_to_go(1e6, 30, HOLDS, HOLDS);
	verdict_c_to_go(0.999e6, 30, HOLDS, NOT);
	verdict_c_to_go(2e6, 30, HOLDS, HOLDS);
	verdict_c_to_go(2.001e6, 30, HOLDS, NOT);
}

/* The ranges and times judges read the intervals: a figure whose
 * interval lies across a bound is inconclusive, one wholly past it
 * decides whatever the others say, and a ratio's interval is the widest
 * the two rows' intervals allow. */
static void claims_weigh_intervals(void **state)
{
	(void)state;
	const char *open = "**inconclusive**: the intervals overlap.";
	/* go->c across 60 ns */
	assert_verdict("call,go->c,go1.26.8,,ns/op,61,59,63,,,,ok\n"
		       "call,go->go,go1.26.8,,ns/op,2,1.9,2.1,,,,ok\n",
		       GO_TO_C, open);
	/* go->c wholly below 60 ns: decided, though go->go is open */
	assert_verdict("call,go->c,go1.26.8,,ns/op,50,49,51,,,,ok\n"
		       "call,go->go,go1.26.8,,ns/op,1,0.9,1.1,,,,ok\n",
		       GO_TO_C, NOT);
	/* 21.7 times, [64/3.1, 66/2.9] = [20.6, 22.8]: within */
	assert_verdict("call,go->c,go1.26.8,,ns/op,65,64,66,,,,ok\n"
		       "call,go->go,go1.26.8,,ns/op,3,2.9,3.1,,,,ok\n",
		       GO_TO_C, HOLDS);
	/* [61/3.1, 66/2.9] reaches below 20 times */
	assert_verdict("call,go->c,go1.26.8,,ns/op,65,61,66,,,,ok\n"
		       "call,go->go,go1.26.8,,ns/op,3,2.9,3.1,,,,ok\n",
		       GO_TO_C, open);
	char *c = claims_of("call,go->c,go1.26.8,,ns/op,61,59,63,,,,ok\n"
			    "call,go->go,go1.26.8,,ns/op,2,1.9,2.1,,,,ok\n"
			    "call,go->c,go1.19.8,,ns/op,30,29,31,,,,ok\n"
			    "call,go->go,go1.19.8,,ns/op,2,1.9,2.1,,,,ok\n");
	char *v = verdict_of(c, GO_TO_C);
	assert_string_equal(v, "**does not hold**; inconclusive on 1 toolchain "
			       "(the intervals overlap).");
	assert_non_null(strstr(c, "`go->c` 61 [59, 63] ns (its interval across "
				  "60 to 200)"));
	free(v);
	free(c);
	/* c->go 70 [55, 80] against go->c 30 [29, 31]: [1.77, 2.76] times */
	assert_verdict(
	    "call,c->go(cthread),go1.26.8,,ns/op,70,55,80,,,,ok\n"
	    "call,go->c,go1.26.8,,ns/op,30,29,31,,,,ok\n",
	    "*Calling Go from C",
	    "Far more (taken as at least twice): **inconclusive**: "
	    "the intervals overlap. The 1 to 2 ms figure: **does not "
	    "hold**.");
	/* 1 ms across its lower bound, far more decided */
	assert_verdict(
	    "call,c->go(cthread),go1.26.8,,ns/op,1e6,0.9e6,1.1e6,,,,"
	    "ok\ncall,go->c,go1.26.8,,ns/op,30,29,31,,,,ok\n",
	    "*Calling Go from C",
	    "Far more (taken as at least twice): **holds**. The 1 to "
	    "2 ms figure: **inconclusive**: the intervals overlap.");
}

/* The pool claim by intervals: fewer threads and a cheaper burst through
 * the pool, each part decided only where the intervals part, the claim
 * inconclusive where a part overlaps and none fails. Rows: go->c and
 * sleep(c), direct and pooled, their burst time and their threads, each
 * "median,low,high". */
static char *pool_pair_rows(const char *gt, const char *gpt, const char *gn,
			    const char *gpn, const char *st, const char *spt,
			    const char *sn, const char *spn)
{
	const char *f = "threads,\"%s\",go1.26.8,goroutines=64,%s,%s,,,,ok\n";
	struct sbuf sb = {0};
	const char *v[] = {"go->c",	  "go->c(pool)",  "go->c",
			   "go->c(pool)", "sleep(c)",	  "sleep(c,pool)",
			   "sleep(c)",	  "sleep(c,pool)"};
	const char *x[] = {gt, gpt, gn, gpn, st, spt, sn, spn};
	for (int i = 0; i < 8; i++)
		sbuf_addf(&sb, f, v[i], i % 4 < 2 ? "ns/op" : "threads", x[i]);
	return sb.buf;
}

static void pool_by_intervals(void **state)
{
	(void)state;
	const char *claim = "*A worker pool with runtime.LockOSThread";
	struct {
		const char *x[8], *want;
	} cases[] = {
	    /* every part wins */
	    {{"90,89,91", "80,79,81", "9,9,9", "6,6,6", "5e6,4.9e6,5.1e6",
	      "4e6,3.9e6,4.1e6", "27,26,28", "7,7,8"},
	     HOLDS},
	    /* go->c's threads overlap: 6.5 [6, 7] against 7 [6, 8] */
	    {{"90,89,91", "80,79,81", "7,6,8", "6.5,6,7", "5e6,4.9e6,5.1e6",
	      "4e6,3.9e6,4.1e6", "27,26,28", "7,7,8"},
	     "**inconclusive**: the intervals overlap."},
	    /* as the committed runs: go->c more threads and dearer, sleep(c)
	     * fewer threads and dearer */
	    {{"67.5e3,65.7e3,78.5e3", "90.1e3,86.2e3,92.2e3", "6,6,6",
	      "9.5,9,10", "5.52e6,5.45e6,5.6e6", "36.2e6,36.1e6,36.5e6",
	      "27,26,27", "7.5,7,8.06"},
	     PART},
	    /* every part lost (go->c's pool at 7 [6, 8] threads against 6
	     * [6, 6]): does not hold */
	    {{"80,79,81", "90,89,91", "6,6,6", "7,6,8", "4e6,3.9e6,4.1e6",
	      "5e6,4.9e6,5.1e6", "7,7,8", "27,26,28"},
	     NOT},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *const *x = cases[i].x;
		char *rows = pool_pair_rows(x[0], x[1], x[2], x[3], x[4], x[5],
					    x[6], x[7]);
		assert_verdict(rows, claim, cases[i].want);
		free(rows);
	}
	char *rows =
	    pool_pair_rows("67.5e3,65.7e3,78.5e3", "90.1e3,86.2e3,92.2e3",
			   "6,6,6", "9.5,9,10", "5.52e6,5.45e6,5.6e6",
			   "36.2e6,36.1e6,36.5e6", "27,26,27", "7.5,7,8.06");
	char *c = claims_of(rows);
	assert_non_null(strstr(
	    c, "  - go1.26.8, bursts of 64 `go->c` calls: 9.5 [9, 10] threads "
	       "through the pool, 6 [6, 6] threads direct (more); 90.1 [86.2, "
	       "92.2] µs a burst through the pool, 67.5 [65.7, 78.5] µs "
	       "direct (dearer)\n"));
	free(c);
	free(rows);
}

/* A row measured while other work shared its CPUs carries no verdict. */
static void disturbed_inconclusive(void **state)
{
	(void)state;
	char *c =
	    claims_of("call,go->c,go1.26.8,,ns/op,100,99,101,,,,"
		      "disturbed\ncall,go->go,go1.26.8,,ns/op,2,1.99,2.01,"
		      ",,,ok\n");
	assert_non_null(strstr(c,
			       "**inconclusive**: `go->c` was measured while "
			       "other work shared its CPUs ()."));
	free(c);
	/* too few samples is said first: it holds however quiet the machine */
	rows_n = "2";
	c = claims_of("call,go->c,go1.26.8,,ns/op,100,99,101,,,,disturbed\n"
		      "call,go->go,go1.26.8,,ns/op,2,1.99,2.01,,,,ok\n");
	assert_non_null(strstr(c, "**inconclusive**: `go->c` has 2 samples, "
				  "fewer than 5 (raise --count)."));
	free(c);
	rows_n = "10";
}

#define BATCHING "*Batching amortises"

/* The half-width of batch_rows' intervals, as a share of the median. */
static double batch_w = 0.01;

/* Rows of the batch family: go->c(batch) per item at n=1..16 as given,
 * each +-batch_w but n=16's top at batch_hi; go->c(each) and c->c at
 * n=16, with the intervals given. */
static char *batch_rows(const double *batch, double batch_hi, double each_lo)
{
	struct sbuf sb = {0};
	for (int i = 0, n = 1; i < 5; i++, n *= 2)
		sbuf_addf(
		    &sb,
		    "batch,go->c(batch),go1.26.8,n=%d,ns/item,%.17g,%.17g,"
		    "%.17g,,,,ok\n",
		    n, batch[i], batch[i] * (1 - batch_w),
		    n == 16 ? batch_hi : batch[i] * (1 + batch_w));
	sbuf_addf(&sb,
		  "batch,go->c(each),go1.26.8,n=16,ns/item,30,%.17g,31,,,,ok\n"
		  "batch,c->c,go1.26.8,n=16,ns/item,8,7.9,8.1,,,,ok\n",
		  each_lo);
	return sb.buf;
}

/* The break-even said for the batch rows of series (+-w each). */
static void assert_break_even(const double *series, double w, const char *want)
{
	batch_w = w;
	char *rows = batch_rows(series, series[4] * (1 + w), 30);
	char *c = claims_of(rows);
	if (!strstr(c, want))
		fail_msg("no '%s' in:\n%s", want, strstr(c, BATCHING));
	free(c);
	free(rows);
	batch_w = 0.01;
}

/* Batching holds when per batch is below per item at the largest n, the
 * intervals apart; touching is inconclusive, wholly at or above does not
 * hold. The break-even is the least n from which ns/item stays within
 * 10% of its least, by the interval of their ratio: surely from where
 * that interval lies within, perhaps from where it overlaps 1.1. */
static void claim_batching_bounds(void **state)
{
	(void)state;
	const double series[] = {100, 50, 11.1, 1.1 * 10, 10};
	char *rows = batch_rows(series, 10.5, 10.51);
	assert_verdict(rows, BATCHING, HOLDS);
	char *c = claims_of(rows);
	assert_non_null(strstr(c, "at n=16, `go->c(batch)` 10 [9.9, 10.5] "
				  "ns/item against `go->c(each)` 30 [10.5, 31] "
				  "ns/item (3 times less) and `c->c` 8 [7.9, "
				  "8.1] ns/item"));
	free(c);
	free(rows);
	rows = batch_rows(series, 10.5, 10.5);
	assert_verdict(rows, BATCHING, OPEN);
	c = claims_of(rows);
	assert_non_null(strstr(c, "(3 times less: inconclusive, the intervals "
				  "overlap)"));
	free(c);
	free(rows);
	const double dear[] = {100, 50, 40, 35, 32};
	rows = batch_rows(dear, 32.3, 29);
	assert_verdict(rows, BATCHING, NOT);
	free(rows);
	const double flat[] = {100, 50, 10.8, 10.5, 10};
	assert_break_even(flat, 0.001, "of its least) from n=4 on\n");
	const double edge[] = {100, 50, 11, 10.5, 10};
	assert_break_even(edge, 0.001,
			  "of its least) from n=8 on, perhaps from n=4 (the "
			  "intervals overlap between)\n");
	const double rising[] = {100, 50, 10, 10.5, 11.2};
	assert_break_even(rising, 0.03,
			  "of its least) perhaps from n=4 on: inconclusive "
			  "(the intervals overlap)\n");
	/* the largest n surely more than 10% above the least: no size from
	 * which it stays under, said so, never "n=-1" */
	assert_break_even(rising, 0.001,
			  "of its least) not at n=16, the largest measured "
			  "(ns/item more than 10% above its least)\n");
	/* the least within itself, however wide its interval (10 [9.99,
	 * 11.5] at n=16) */
	batch_w = 0.001;
	rows = batch_rows(flat, 11.5, 30);
	batch_w = 0.01;
	c = claims_of(rows);
	assert_non_null(strstr(c, "of its least) from n=4 on\n"));
	free(c);
	free(rows);
	/* a size not measured (n=8 here) is passed over, not the end */
	{
		batch_w = 0.001;
		char *full = batch_rows(flat, 10.01, 30), *cut = xstrdup("");
		batch_w = 0.01;
		for (char *l = full; *l;) {
			size_t n = strcspn(l, "\n") + 1;
			if (strncmp(l, "batch,go->c(batch),go1.26.8,n=8,",
				    32)) {
				char *more =
				    xasprintf("%s%.*s", cut, (int)n, l);
				free(cut);
				cut = more;
			}
			l += n;
		}
		assert_int_equal(strlen(full) - strlen(cut) > 0, 1);
		c = claims_of(cut);
		assert_non_null(strstr(c, "from n=4 on\n"));
		free(c);
		free(cut);
		free(full);
	}
}

#define LIBRARY                                                                \
	"*A C library is worth its crossing from some input size on: zlib"

/* Rows of the libraries family's crc32 at bytes=1, 16, 256: Go's at
 * go[i] (+-1%), cgo's at cgo[i] (+-1%, its overhead over the C call
 * overhead[i], its interval +-5% of it). */
static char *library_rows(const double *go, const double *cgo,
			  const double *overhead)
{
	struct sbuf sb = {0};
	for (int i = 0, n = 1; i < 3; i++, n *= 16) {
		sbuf_addf(&sb,
			  "libraries,crc32(go),go1.26.8,bytes=%d,ns/op,%.17g,"
			  "%.17g,%.17g,,,,ok\n",
			  n, go[i], go[i] * 0.99, go[i] * 1.01);
		sbuf_addf(&sb,
			  "libraries,crc32(cgo),go1.26.8,bytes=%d,ns/op,%.17g,"
			  "%.17g,%.17g,%.17g,%.17g,%.17g,ok\n",
			  n, cgo[i], cgo[i] * 0.99, cgo[i] * 1.01, overhead[i],
			  overhead[i] * 0.95, overhead[i] * 1.05);
	}
	return sb.buf;
}

/* The library claim on library_rows with Go at 10, 100, 1000 ns: its
 * verdict (none checked when NULL), and its lines hold want. */
static void assert_library(const double *cgo, const double *overhead,
			   const char *verdict, const char *want)
{
	const double go[] = {10, 100, 1000};
	assert_claim(library_rows(go, cgo, overhead), LIBRARY, verdict, want);
}

/* A library holds from the least size from which its cgo interval lies
 * below Go's at it and every larger size, perhaps from the least from
 * which none lies wholly at or above; the crossing is under 10% of the
 * work where its overhead's whole interval is, perhaps where it crosses
 * 10%. */
static void claim_library_bounds(void **state)
{
	(void)state;
	const double go[] = {10, 100, 1000}, cgo[] = {50, 90, 500},
		     ov[] = {40, 20, 40};
	static const struct {
		double cgo[3];
		const char *verdict, *want;
	} at[] = {
	    {{50, 90, 500},
	     HOLDS,
	     "`crc32(cgo)` faster than `crc32(go)` from bytes=16 on; at "
	     "bytes=256 500 [495, 505] ns against 1 [0.99, 1.01] µs (512 "
	     "against 256 MB/s); the crossing under 10% of the work from "
	     "bytes=256 on\n"},
	    /* at bytes=16 the intervals overlap: faster from 256 surely,
	     * perhaps from 16 */
	    {{50, 98.5, 500},
	     HOLDS,
	     "from bytes=256 on, perhaps from bytes=16 (the intervals overlap "
	     "between); at"},
	    /* overlapping at the largest size: inconclusive */
	    {{50, 90, 1000},
	     OPEN,
	     "faster than `crc32(go)` perhaps from bytes=16 on: inconclusive "
	     "(the intervals overlap); at"},
	    /* Go faster at the largest size: no break-even */
	    {{5, 50, 1100},
	     NOT,
	     "faster than `crc32(go)` (the intervals apart) at no size up to "
	     "bytes=256"},
	};
	for (size_t i = 0; i < sizeof at / sizeof *at; i++)
		assert_library(at[i].cgo, ov, at[i].verdict, at[i].want);
	/* 47.7 ns of 500 is 9.5%, but its interval reaches 50.1 (10.02%):
	 * open; 52.7 [50.065, 55.3]: wholly at or above, at no size */
	const double tight[] = {40, 20, 47.7}, over[] = {40, 20, 52.7};
	assert_library(cgo, tight, NULL,
		       "the crossing under 10% of the work perhaps from "
		       "bytes=256 on: inconclusive (the intervals overlap)\n");
	assert_library(cgo, over, NULL,
		       "the crossing under 10% of the work at no size\n");
	/* a size Go was not measured at is passed over, not the end */
	const double fast[] = {5, 90, 500};
	char *rows = library_rows(go, fast, ov);
	char *gap = strstr(rows, "libraries,crc32(go),go1.26.8,bytes=16,");
	assert_non_null(gap);
	size_t line = strcspn(gap, "\n") + 1;
	memmove(gap, gap + line, strlen(gap + line) + 1);
	char *c = claims_of(rows);
	assert_non_null(strstr(c, "faster than `crc32(go)` from bytes=1 on"));
	free(c);
	free(rows);
}

/* What a run of rows leads batch.dat with, the libraries chart's marks
 * and report.md's advice, one after the other, by the claims of the
 * families in cases_dir. */
static char *marks_of_in(const char *rows, const char *cases_dir)
{
	struct run_model m = {.dir = "x", .machine = ""};
	char err[ERRLEN], *full = summary_text(rows);
	struct claim_set *claims;
	if (summary_parse(full, "rows", &m.sum, err, sizeof err) != 0 ||
	    claims_load(cases_dir, &claims, err, sizeof err) != 0)
		fail_msg("%s", err);
	m.claims = claims;
	struct sbuf sb = {0};
	const struct exporter *x = exporters;
	while (strcmp(x->name, "batch"))
		x++;
	export_make(x, &m, &sb);
	claims_library_marks(claims, &m.sum, "go1.26.8", &sb);
	report_markdown(&m, &sb);
	claims_free(claims);
	summary_table_free(&m.sum);
	free(full);
	return sb.buf;
}

static char *marks_of(const char *rows)
{
	return marks_of_in(rows, "cases");
}

static void assert_marks(const char *rows, const char *want)
{
	char *out = marks_of(rows);
	if (!strstr(out, want))
		fail_msg("no '%s' in:\n%s", want, out);
	free(out);
}

/* The advice on the batch rows of series says the batching claim's own
 * share: the claims of a family dir whose batch claims say 15. */
static void advice_says_share(const double *series)
{
	char dir[] = "/tmp/cgobench-share-XXXXXX", err[ERRLEN];
	assert_non_null(mkdtemp(dir));
	char *fam = xasprintf("%s/batch", dir),
	     *path = xasprintf("%s/claims", fam), *text;
	size_t len;
	if (file_read("cases/batch/claims", &text, &len, err, sizeof err))
		fail_msg("%s", err);
	char *share = strstr(text, "share 10");
	assert_non_null(share);
	share[6] = '5';
	assert_int_equal(mkdir(fam, 0755), 0);
	if (file_write_atomic(path, text, len, err, sizeof err))
		fail_msg("%s", err);
	char *rows = batch_rows(series, 10.01, 30),
	     *out = marks_of_in(rows, dir);
	if (!strstr(out, "the crossing is under 50% of the work"))
		fail_msg("no 'under 50%%' in:\n%s", out);
	free(out);
	free(rows);
	remove_tree(dir);
	free(text);
	free(path);
	free(fam);
}

/* The break-even marks of the charts and the advice say a size only
 * where the intervals carry it, "open" and "cannot tell" where they
 * overlap, "none" where the largest size is lost. */
static void break_even_marks(void **state)
{
	(void)state;
	const double flat[] = {100, 50, 10.8, 10.5, 10},
		     rising[] = {100, 50, 10, 10.5, 11.2};
	batch_w = 0.001;
	char *rows = batch_rows(flat, 10.01, 30);
	assert_marks(rows, "# break-even 4 go1.26.8\n");
	assert_marks(rows, "- go1.26.8: carry at least 4 items a crossing: "
			   "from n=4 on the crossing is under 10% of the "
			   "work.\n");
	free(rows);
	const double edge[] = {100, 50, 11, 10.5, 10};
	rows = batch_rows(edge, 10.01, 30);
	assert_marks(rows, "# break-even 8 go1.26.8\n");
	assert_marks(rows, "- go1.26.8: carry at least 8 items a crossing: "
			   "from n=8 on the crossing is under 10% of the "
			   "work, perhaps from n=4 on (the intervals cannot "
			   "tell between).\n");
	free(rows);
	rows = batch_rows(rising, 11.2112, 30);
	assert_marks(rows, "# break-even none go1.26.8\n");
	free(rows);
	batch_w = 0.03;
	rows = batch_rows(rising, 11.536, 30);
	assert_marks(rows, "# break-even open go1.26.8\n");
	assert_marks(rows, "- go1.26.8: how many items a crossing should "
			   "carry, the intervals cannot tell: the crossing "
			   "is under 10% of the work perhaps from n=4 on.\n");
	free(rows);
	batch_w = 0.001;
	advice_says_share(flat);
	batch_w = 0.01;
	static const struct {
		double cgo256;
		const char *mark, *advice;
	} lib[] = {
	    {500, "crc32:16",
	     "crc32 through cgo pays from 16 bytes an input "
	     "on (faster there and at every larger size, the "
	     "intervals apart).\n"},
	    {1000, "crc32:open",
	     "whether crc32 through cgo pays, the "
	     "intervals cannot tell"},
	    {1100, "crc32:none",
	     "keep Go's own crc32: through cgo the C "
	     "library is not faster at the largest input "
	     "size measured.\n"},
	};
	const double go[] = {10, 100, 1000}, ov[] = {40, 20, 40};
	for (size_t i = 0; i < sizeof lib / sizeof *lib; i++) {
		const double cgo[] = {50, 90, lib[i].cgo256};
		rows = library_rows(go, cgo, ov);
		char *mark =
		    xasprintf("# break-even %s go1.26.8\n", lib[i].mark);
		assert_marks(rows, mark);
		assert_marks(rows, lib[i].advice);
		free(mark);
		free(rows);
	}
}

/* The advice section says what the directives save only where the
 * intervals are apart, and nothing where the run has no directives. */
static void advice_from_intervals(void **state)
{
	(void)state;
	struct run_model m = {.dir = "x", .machine = ""};
	char err[ERRLEN];
	const char *text[] = {
	    "directives,plain,go1.26.8,,ns/op,74,72,76,,,,ok\n"
	    "directives,noescape+nocallback,go1.26.8,,ns/op,63,61.6,64.6,,,,"
	    "ok\n",
	    "directives,plain,go1.26.8,,ns/op,74,72,76,,,,ok\n"
	    "directives,noescape+nocallback,go1.26.8,,ns/op,71,70,72,,,,ok\n",
	    "call,go->c,go1.26.8,,ns/op,30,29,31,,,,ok\n"};
	const char *want[] = {"together save 11 ns a call (63 ns against 74 "
			      "ns)",
			      "save nothing the intervals can show here (71 ns "
			      "against 74 ns)",
			      NULL};
	for (int i = 0; i < 3; i++) {
		char *full = summary_text(text[i]);
		if (summary_parse(full, "rows", &m.sum, err, sizeof err) != 0)
			fail_msg("%s", err);
		struct sbuf sb = {0};
		report_markdown(&m, &sb);
		if (want[i] && !strstr(sb.buf, want[i]))
			fail_msg("no '%s' in:\n%s", want[i],
				 strstr(sb.buf, "## Claims"));
		if (!want[i] && strstr(sb.buf, "## Advice"))
			fail_msg("advice from a run without it");
		sbuf_free(&sb);
		summary_table_free(&m.sum);
		free(full);
	}
}

/* A family with a spread row gives the middle half of each crossing's
 * samples in its headline table, and the CPUs they kept busy where its
 * rows report them (the metric cpus), and the top says how many ended
 * spread; a family without one has no such columns. */
static void spread_rows_give_quartiles(void **state)
{
	(void)state;
	struct run_model m = {.dir = "x", .machine = ""};
	char err[ERRLEN];
	char *full = summary_text_with(
	    "case,variant,toolchain,param,unit,median,ci_low,ci_high,q1,q3,"
	    "baseline,overhead,overhead_ci_low,overhead_ci_high,status",
	    "handles,sync.Map,go1.26.8,,ns/op,25,18,33,20,30,callback,5,1,9,"
	    "spread\n"
	    "handles,sync.Map,go1.26.8,,cpus,1.64,1.6,1.7,1.61,1.69,,,,,"
	    "spread\n"
	    "handles,callback,go1.26.8,,ns/op,20,19,21,19.5,20.5,,,,,ok\n"
	    "threads,sleep(c),go1.26.8,,ns/op,9,8,10,8.5,9.5,sleep(go),3,2,4,"
	    "spread\n"
	    "threads,sleep(go),go1.26.8,,ns/op,6,5.9,6.1,6,6,,,,,ok\n"
	    "call,go->c,go1.26.8,,ns/op,30,29,31,29.5,30.5,c->c,28,27,29,ok\n"
	    "call,c->c,go1.26.8,,ns/op,2,1.9,2.1,1.95,2.05,,,,,ok\n");
	if (summary_parse(full, "rows", &m.sum, err, sizeof err) != 0)
		fail_msg("%s", err);
	struct sbuf sb = {0};
	report_markdown(&m, &sb);
	assert_non_null(
	    strstr(sb.buf, " 2 ended `spread`: contention spreads"));
	assert_non_null(strstr(sb.buf, "### handles\n\n| variant | toolchain | "
				       "param | median [95%] | baseline | "
				       "overhead [95%] | ratio [95%] | n | "
				       "middle half of the samples | CPUs kept "
				       "busy, median [middle half] |\n"));
	assert_non_null(
	    strstr(sb.buf, " | [20, 30] ns | 1.64 [1.61, 1.69] |\n"));
	assert_non_null(strstr(sb.buf, "### threads\n\n| variant | toolchain | "
				       "param | median [95%] | baseline | "
				       "overhead [95%] | ratio [95%] | n | "
				       "middle half of the samples |\n"));
	/* the trackers get no series of CPUs, which they would alert on */
	struct sbuf tr = {0};
	assert_int_equal(trackers_bmf(&m, &tr), 1);
	assert_non_null(strstr(tr.buf, "\"latency\""));
	assert_null(strstr(tr.buf, "cpus"));
	tr.len = 0;
	assert_int_equal(trackers_gab(&m, &tr), 1);
	assert_non_null(strstr(tr.buf, "ns/op"));
	assert_null(strstr(tr.buf, "cpus"));
	sbuf_free(&tr);
	assert_non_null(strstr(sb.buf, "### call\n\n| variant | toolchain | "
				       "param | median [95%] | baseline | "
				       "overhead [95%] | ratio [95%] | n |\n"));
	sbuf_free(&sb);
	summary_table_free(&m.sum);
	free(full);
}

/* The rows short of their goal get a section of their own after the
 * headline, with their figures and note: the wide ones only (a disturbed
 * row's reason is the machine's, which the top says; a spread row's
 * quartiles are in the headline), before the rows not measured. */
static void short_of_the_goal(void **state)
{
	(void)state;
	struct run_model m = {.dir = "x", .machine = ""};
	char err[ERRLEN];
	char *full = summary_text_with(
	    "case,variant,toolchain,param,unit,median,ci_low,ci_high,status,"
	    "note",
	    "call,c->c(fnptr),go1.26.8,,ns/op,1.54,1.536,1.675,wide,"
	    "95% interval +-8.8% after 30 repetitions\n"
	    "call,c->c(fnptr),go1.26.8,,B/op,0,0,0,wide,other unit\n"
	    "call,c->c,go1.26.8,,ns/op,1.2,1.1,1.3,disturbed,busy\n"
	    "handles,sync.Map,go1.26.8,,ns/op,25,18,33,spread,contention\n"
	    "call,go->c,go1.26.8,,ns/op,30,29.9,30.1,ok,\n"
	    "data,GoBytes,gccgo,,ns/op,,,,failed,it crashed\n");
	if (summary_parse(full, "rows", &m.sum, err, sizeof err) != 0)
		fail_msg("%s", err);
	struct sbuf sb = {0};
	report_markdown(&m, &sb);
	const char *want =
	    "## Short of the goal\n\n- `call` `c->c(fnptr)` with go1.26.8: "
	    "wide, 1.54 [1.536, 1.675] ns: 95% interval +-8.8% after 30 "
	    "repetitions\n\n## Not measured\n\n- `data` `GoBytes` with "
	    "gccgo: failed: it crashed\n\n";
	const char *at = strstr(sb.buf, "## Short of the goal");
	assert_non_null(at);
	assert_true(str_starts(at, want));
	assert_true(at > strstr(sb.buf, "## Headline"));
	sbuf_free(&sb);
	summary_table_free(&m.sum);
	free(full);
	/* 22 wide rows: the first 20, and how many more */
	struct sbuf rows = {0};
	for (int i = 1; i <= 22; i++)
		sbuf_addf(&rows,
			  "batch,go->c,go1.26.8,n=%d,ns/op,9,8,10,wide,"
			  "w%d\n",
			  i, i);
	full = summary_text_with("case,variant,toolchain,param,unit,median,"
				 "ci_low,ci_high,status,note",
				 rows.buf);
	if (summary_parse(full, "rows", &m.sum, err, sizeof err) != 0)
		fail_msg("%s", err);
	report_markdown(&m, &sb);
	assert_non_null(strstr(sb.buf,
			       "n=20 with go1.26.8: wide, 9 [8, 10] ns: "
			       "w20\n- and 2 more, which summary.csv's "
			       "`status` column gives\n\n"));
	assert_null(strstr(sb.buf, "w21"));
	sbuf_free(&sb);
	sbuf_free(&rows);
	summary_table_free(&m.sum);
	free(full);
}

/* The run's last lines name the budget when it ended rounds that rows
 * short of their goal still wanted (machine.txt's rounds-ended), and only
 * then: not when the rounds ended otherwise, nor with no row wide or
 * disturbed, nor for a run before the key. */
static void precision_says_the_budget_ended(void **state)
{
	(void)state;
	const char *say = " The budget ended the rounds while rows short of "
			  "their goal still wanted samples: `--budget` "
			  "(BUDGET= under make) gives them more.";
	const char *machines[] = {"rounds-ended: budget\n",
				  "rounds-ended: done\n",
				  "rounds-ended: signal\n", ""};
	const int said[] = {1, 0, 0, 0};
	for (int short_of = 0; short_of < 3; short_of++)
		for (int i = 0; i < 4; i++) {
			struct summary_precision p = {.measured = 3,
						      .ok = 2,
						      .wide = short_of == 1,
						      .disturbed =
							  short_of == 2};
			struct sbuf sb = {0};
			report_precision(&p, machines[i], 1, &sb);
			int got = strstr(sb.buf, say) != NULL;
			if (got != (short_of && said[i]))
				fail_msg("short %d, %s: %s", short_of,
					 machines[i], sb.buf);
			sbuf_free(&sb);
		}
}

/* Rows of fewer samples than a 95% interval needs are counted and said;
 * a summary.csv from before they were flagged called them ok, and they
 * are not counted as meeting the goal either (an instructions run of 5
 * samples: results/vm/anatomy-toolchains). */
static void precision_says_too_few(void **state)
{
	(void)state;
	struct summary_precision p = {.measured = 3, .ok = 1, .few = 2};
	struct sbuf sb = {0};
	report_precision(&p, "", 1, &sb);
	if (!strstr(sb.buf, "Of the 3 benchmarks measured, 1 met the run's "
			    "interval goal;") ||
	    !strstr(sb.buf, " 2 had fewer than 6 samples, too few for a 95% "
			    "interval: their range covers the median less "
			    "often (93.8% of the time with 5)."))
		fail_msg("%s", sb.buf);
	sbuf_free(&sb);
	p.few = 0;
	report_precision(&p, "", 1, &sb);
	assert_null(strstr(sb.buf, "fewer than"));
	sbuf_free(&sb);
	/* from the rows: status ok, 5 samples */
	struct summary_row rows[2] = {{.unit = "ns/op", .status = SUMMARY_OK},
				      {.unit = "ns/op", .status = SUMMARY_OK}};
	const double v[SUMMARY_FEWEST] = {5, 5, 5, 5, 5, 5};
	stats_summarize(v, SUMMARY_FEWEST - 1, SUMMARY_LEVEL, &rows[0].s);
	stats_summarize(v, SUMMARY_FEWEST, SUMMARY_LEVEL, &rows[1].s);
	summary_precision_of(rows, 2, "ns/op", &p);
	assert_int_equal(p.measured, 2);
	assert_int_equal(p.ok, 1);
	assert_int_equal(p.few, 1);
	assert_int_equal(p.within1, 1);
}

/* A run whose pinned takes a slow CPU alone disturbed, for good, with no
 * other process's time on it (a loop on the other CPU of a VM whose two
 * CPUs share a core of the host), says the machine was slow and how many
 * takes ran so, not that it was quiet; a busy one says how many too; one
 * with none, or from before the count, says nothing of them. */
static void precision_says_the_cpu_was_slow(void **state)
{
	(void)state;
	struct summary_precision p = {.measured = 35, .disturbed = 35};
	const char *base = "load-steal: 0\n"
			   "samples-retaken: 78\nsamples-disturbed: 121\n"
			   "held-seconds: 0.0\npinned-disturbed: 199 of 288\n"
			   "lasting-load: pinned-disturbed\n";
	const char *said = ", but 187 takes ran on a CPU below 0.8 of its "
			   "full speed with no other process's time to show "
			   "for it (work this machine cannot see: its host's, "
			   "or a process on a CPU that shares its core), 12 "
			   "beside other processes or the hypervisor; 78 "
			   "samples";
	const struct {
		const char *others, *by, *word;
		int says;
	} cases[] = {
	    {"0.037", "12 upset, 187 slow", "slow", 1},
	    {"0.037", "187 upset, 12 slow", "quiet", 1},
	    {"0.037", "0 upset, 0 slow", "quiet", 0},
	    {"0.037", "unknown", "quiet", 0},
	    {"0.32", "12 upset, 187 slow", "busy", 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *m = xasprintf("load-others: %s\n%sdisturbed-by: %s\n",
				    cases[i].others, base, cases[i].by);
		struct sbuf sb = {0};
		report_precision(&p, m, 0, &sb);
		char *word =
		    xasprintf(" The machine was %s while", cases[i].word);
		if (!strstr(sb.buf, word) ||
		    (strstr(sb.buf, " takes ran on a CPU below ") != NULL) !=
			cases[i].says ||
		    (i == 0 && !strstr(sb.buf, said)))
			fail_msg("%s, %s: %s", cases[i].others, cases[i].by,
				 sb.buf);
		free(word);
		sbuf_free(&sb);
		free(m);
	}
	struct sbuf sb = {0};
	report_precision(&p,
			 "load-others: 0.32\nload-steal: 0\n"
			 "disturbed-by: 400 upset, 71 slow\n",
			 0, &sb);
	assert_non_null(strstr(sb.buf, "the hypervisor stole 0, and 71 takes "
				       "ran on a CPU below 0.8"));
	sbuf_free(&sb);
}

/* The run's last lines say how busy the other CPUs than a pinned
 * sample's were (machine.txt's load-elsewhere), and call the machine busy
 * past half a CPU there, with why it matters; a run before the key says
 * nothing of them. */
static void precision_says_the_other_cpus(void **state)
{
	(void)state;
	struct summary_precision p = {.measured = 2, .ok = 2};
	const char *load = "load-others: 0.023\nload-steal: 0\n"
			   "samples-retaken: 5\nsamples-disturbed: 0\n"
			   "held-seconds: 0.0\n";
	const struct {
		const char *key, *said;
	} cases[] = {
	    {"load-elsewhere: 0.98\n",
	     " The machine was busy while the samples were taken: other "
	     "processes used 0.023 of a CPU on average on the CPUs of each "
	     "sample and 0.98 on the other CPUs of a pinned one (work that "
	     "can slow the pinned CPU, by less than its probe flags, where "
	     "they share a core or a power budget), the hypervisor stole 0;"},
	    {"load-elsewhere: 0.5\n",
	     " The machine was quiet while the samples were taken: other "
	     "processes used 0.023 of a CPU on average on the CPUs of each "
	     "sample and 0.5 on the other CPUs of a pinned one, the "
	     "hypervisor stole 0;"},
	    {"", " The machine was quiet while the samples were taken: other "
		 "processes used 0.023 of a CPU on average on the CPUs of each "
		 "sample, the hypervisor stole 0;"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *m = xasprintf("%s%s", load, cases[i].key);
		struct sbuf sb = {0};
		report_precision(&p, m, 0, &sb);
		if (!strstr(sb.buf, cases[i].said))
			fail_msg("%s: %s", cases[i].key, sb.buf);
		assert_null(strstr(sb.buf, "lasted"));
		sbuf_free(&sb);
		free(m);
	}
}

/* A busy run's load, as machine.txt gives it. */
#define LOAD                                                                   \
	"load-others: 0.29\nload-steal: 0\nsamples-retaken: 656\n"             \
	"samples-disturbed: 531\nheld-seconds: 0.0\n"

/* The run's last lines say how the machine was and what was retaken:
 * how many retakes ran undisturbed when machine.txt says, nothing of them
 * when it does not (runs before the count). */
static void precision_says_the_load(void **state)
{
	(void)state;
	struct summary_precision p = {.measured = 2, .ok = 1, .within5 = 1};
	const char *load = LOAD;
	char *with = xasprintf("%sretakes-undisturbed: 120 of 650\n", load);
	struct sbuf sb = {0};
	report_precision(&p, with, 0, &sb);
	assert_non_null(strstr(
	    sb.buf, " The machine was busy while the samples were taken: "
		    "other processes used 0.29 of a CPU on average on the CPUs "
		    "of each sample, the hypervisor stole 0; 656 samples were "
		    "disturbed and taken again (120 of 650 retakes ran "
		    "undisturbed), 531 kept though disturbed; samples waited "
		    "0.0 s for a slow CPU to run at full speed."));
	assert_null(strstr(sb.buf, "lasted"));
	sbuf_free(&sb);
	sb = (struct sbuf){0};
	report_precision(&p, load, 1, &sb);
	assert_non_null(strstr(sb.buf, "; 656 samples were disturbed and taken "
				       "again, 531 kept though disturbed;"));
	sbuf_free(&sb);
	free(with);
	/* a quarter of the pinned takes disturbed: a lasting load, said;
	 * less, nothing */
	const char *shares[] = {"548 of 1485", "371 of 1484", "36 of 1726",
				"NaN of 3"};
	const int lasted[] = {1, 1, 0, 0};
	for (int i = 0; i < 4; i++) {
		char *m =
		    xasprintf("%spinned-disturbed: %s\n", load, shares[i]);
		sb = (struct sbuf){0};
		report_precision(&p, m, 1, &sb);
		int said = strstr(sb.buf, " ran disturbed in ") != NULL;
		/* and instructions to compare instead, only then */
		int told = strstr(sb.buf, "`cgobench run --metric "
					  "instructions` counts them") != NULL;
		if (said != lasted[i] || told != lasted[i])
			fail_msg("pinned-disturbed %s: %s", shares[i], sb.buf);
		sbuf_free(&sb);
		free(m);
	}
	sb = (struct sbuf){0};
	char *m = xasprintf("%spinned-disturbed: 548 of 1485\n", load);
	report_precision(&p, m, 1, &sb);
	assert_non_null(strstr(
	    sb.buf, " The pinned families' samples ran disturbed in 548 of "
		    "1485 takes (37%): a load that lasted, whose toll the "
		    "samples that passed may bear too, so every pinned row is "
		    "`disturbed`. Instructions an op, which no load moves, are "
		    "what to compare from such a machine: `cgobench run "
		    "--metric instructions` counts them under callgrind "
		    "(docs/ci.md)."));
	sbuf_free(&sb);
	free(m);
}

/* A run that says why (lasting-load) is taken at its word: busy, a
 * share, or none though the share is a quarter; and told what to compare
 * instead where a load lasted. */
static void lasting_load_at_its_word(void **state)
{
	(void)state;
	struct summary_precision p = {.measured = 2, .ok = 1, .within5 = 1};
	const char *load = LOAD;
	const char *why[][2] = {
	    {"busy", " The machine was busy through the run: a load that "
		     "lasted, whose toll the samples that passed may bear too "
		     "(the pinned families' ran disturbed in 36 of 1726 "
		     "takes), so every pinned row is `disturbed`."},
	    {"pinned-disturbed", " The pinned families' samples ran disturbed "
				 "in 36 of 1726 takes (2%): a load that "
				 "lasted"},
	    {"none", NULL}};
	for (int i = 0; i < 3; i++) {
		char *m = xasprintf(
		    "%spinned-disturbed: %s\nlasting-load: %s\n", load,
		    i == 2 ? "548 of 1485" : "36 of 1726", why[i][0]);
		struct sbuf sb = {0};
		report_precision(&p, m, 1, &sb);
		if (why[i][1] ? !strstr(sb.buf, why[i][1]) ||
				    !strstr(sb.buf, "--metric instructions")
			      : strstr(sb.buf, "lasted") != NULL ||
				    strstr(sb.buf, "--metric") != NULL)
			fail_msg("lasting-load %s: %s", why[i][0], sb.buf);
		sbuf_free(&sb);
		free(m);
	}
}

#define CHEAPER "*purego, which calls C"

/* purego's four ways against cgo's: each purego row at p[i] (+-2%), each
 * cgo row at 100 (+-2%), on tc. */
static char *purego_rows(const char *tc, const double *p)
{
	static const char *const pairs[][2] = {
	    {"go->c(purego)", "go->c"},
	    {"go->c(purego,syscall)", "go->c"},
	    {"go->c->go(purego)", "go->c->go"},
	    {"c->go(purego,cthread)", "c->go(cthread)"}};
	struct sbuf sb = {0};
	for (int i = 0; i < 4; i++)
		sbuf_addf(&sb,
			  "purego,\"%s\",%s,,ns/op,%.17g,%.17g,%.17g,,,,ok\n"
			  "call,%s,%s,,ns/op,100,98,102,,,,ok\n",
			  pairs[i][0], tc, p[i], p[i] * 0.98, p[i] * 1.02,
			  pairs[i][1], tc);
	return sb.buf;
}

/* purego's medians in each way, against cgo's 100 [98, 102] ns: all
 * cheaper, all dearer, touching cgo's interval in one way, mixed. */
static const double cheap[] = {90, 50, 10, 95.9},
		    dear[] = {300, 104.1, 700, 1e4},
		    touch[] = {300, 104, 700, 1e4},
		    mixed[] = {90, 300, 90, 300}, three[] = {90, 300, 104, 300},
		    won_open[] = {90, 90, 104, 90};

/* Cheaper is the intervals apart, each way: an overlap in any way makes
 * a toolchain inconclusive. */
static void claim_cheaper_bounds(void **state)
{
	(void)state;
	char *rows = purego_rows("go1.26.8", cheap);
	assert_verdict(rows, CHEAPER, HOLDS);
	char *c = claims_of(rows);
	assert_non_null(strstr(c, "`c->go(purego,cthread)` 95.9 [94, 97.8] ns "
				  "against call's `c->go(cthread)` 100 [98, "
				  "102] ns: 0.959 times the time, cheaper\n"));
	free(c);
	free(rows);
	rows = purego_rows("go1.26.8", dear);
	assert_verdict(rows, CHEAPER, NOT);
	free(rows);
	/* 104 * 0.98 = 101.92, under cgo's 102: the intervals overlap */
	rows = purego_rows("go1.26.8", touch);
	assert_verdict(rows, CHEAPER,
		       "**inconclusive**: the intervals overlap.");
	free(rows);
	rows = purego_rows("go1.26.8", mixed);
	assert_verdict(rows, CHEAPER, PART);
	free(rows);
	/* one pair cheaper, one dearer, one open: in part whatever the
	 * open one is; cheaper and open: inconclusive */
	rows = purego_rows("go1.26.8", three);
	assert_verdict(rows, CHEAPER, PART);
	free(rows);
	rows = purego_rows("go1.26.8", won_open);
	assert_verdict(rows, CHEAPER, OPEN);
	free(rows);
	/* one toolchain conclusive, one not */
	char *a = purego_rows("go1.26.8", dear),
	     *b = purego_rows("go1.27.3", touch);
	rows = xasprintf("%s%s", a, b);
	assert_verdict(rows, CHEAPER,
		       "**does not hold**; inconclusive on 1 toolchain (the "
		       "intervals overlap).");
	free(rows);
	free(a);
	free(b);
}

/* A claim across two families has no verdict while a row of either has
 * too few samples. */
static void cheaper_few_samples(void **state)
{
	(void)state;
	char *rows = purego_rows("go1.26.8", dear);
	char *full = summary_text(rows), err[ERRLEN];
	const char *ten = "\"c->go(cthread)\",\"go1.26.8\",\"gcc\",\"\","
			  "\"ns/op\",\"10\"";
	char *at = strstr(full, ten);
	assert_non_null(at);
	/* that row's n: "10" becomes "2" */
	size_t keep = (size_t)(at - full) + strlen(ten) - 4;
	char *two = xasprintf("%.*s\"2\"%s", (int)keep, full, at + strlen(ten));
	free(full);
	full = two;
	struct summary_table st;
	if (summary_parse(full, "rows", &st, err, sizeof err) != 0)
		fail_msg("%s", err);
	struct sbuf few = {0};
	struct claim_set *cs;
	if (claims_load("cases", &cs, err, sizeof err) != 0)
		fail_msg("%s", err);
	claims_write(cs, &st, &few);
	char *v = verdict_of(few.buf, CHEAPER);
	assert_true(str_starts(v, "**inconclusive**: `c->go(cthread)` has 2 "
				  "samples, fewer than 5"));
	free(v);
	claims_free(cs);
	sbuf_free(&few);
	summary_table_free(&st);
	free(full);
	free(rows);
}

/* The advice says which way to cross only where every way agrees. */
static void cheaper_advice(void **state)
{
	(void)state;
	char *rows, err[ERRLEN];
	struct run_model m = {.dir = "x", .machine = ""};
	const double *ways[] = {dear, cheap, mixed, touch};
	const char *want[] = {
	    "- go1.26.8: purego costs more than cgo in each of the 4 ways "
	    "measured (1.04 to 100 times the time): cross with cgo where it "
	    "can be built.",
	    "- go1.26.8: purego costs less than cgo in each of the 4 ways "
	    "measured (0.1 to 0.959 times the time): cross with purego where "
	    "it can be built.",
	    "- go1.26.8: purego against cgo: cheaper in 2 of the 4 ways "
	    "measured, dearer in 2, the intervals overlapping in 0",
	    "- go1.26.8: purego against cgo: cheaper in 0 of the 4 ways "
	    "measured, dearer in 3, the intervals overlapping in 1"};
	struct claim_set *claims;
	if (claims_load("cases", &claims, err, sizeof err) != 0)
		fail_msg("%s", err);
	m.claims = claims;
	for (int i = 0; i < 4; i++) {
		rows = purego_rows("go1.26.8", ways[i]);
		char *full = summary_text(rows);
		if (summary_parse(full, "rows", &m.sum, err, sizeof err) != 0)
			fail_msg("%s", err);
		struct sbuf sb = {0};
		report_markdown(&m, &sb);
		if (!strstr(sb.buf, want[i]))
			fail_msg("no '%s' in:\n%s", want[i],
				 strstr(sb.buf, "## Advice"));
		sbuf_free(&sb);
		summary_table_free(&m.sum);
		free(full);
		free(rows);
	}
	claims_free(claims);
}

#define BLOCKING_FROM "*Blocking C calls grow one OS thread each, once"

/* The blocking family's block sweep: sleep(c) grew c[i] [c[i] - w,
 * c[i] + w] threads at block_us=10, 100, 1000, sleep(go) 5 at each. */
static char *block_rows(const double *c, double w)
{
	struct sbuf sb = {0};
	for (int i = 0, us = 10; i < 3; i++, us *= 10)
		sbuf_addf(&sb,
			  "blocking,sleep(c),go1.26.8,block_us=%d,threads,"
			  "%.17g,%.17g,%.17g,,,,ok\nblocking,sleep(go),"
			  "go1.26.8,block_us=%d,threads,5,5,5,,,,ok\n",
			  us, c[i], c[i] - w, c[i] + w, us);
	return sb.buf;
}

/* The blocking sweep's claim on block_rows(c, w): its verdict, and its
 * line holds want. */
static void assert_block_sweep(const double *c, double w, const char *verdict,
			       const char *want)
{
	assert_claim(block_rows(c, w), BLOCKING_FROM, verdict, want);
}

/* A thread a call (90% of 64: 57.6 more than Go's) from the least block
 * time from which the least growth the intervals allow reaches it at
 * every longer one; perhaps from where the most does. */
static void claim_blocking_sweep_bounds(void **state)
{
	(void)state;
	const double from100[] = {8, 62.6, 63}, from1000[] = {63, 8, 62.6},
		     none[] = {8, 8, 62.5};
	assert_block_sweep(from100, 0, HOLDS,
			   "grew over the same in Go: 3 [3, 3] threads at "
			   "block_us=10, 57.6 [57.6, 57.6] threads at "
			   "block_us=100, 58 [58, 58] threads at "
			   "block_us=1000; at least 90% of a thread a call "
			   "from block_us=100 on\n");
	assert_block_sweep(from1000, 0, HOLDS,
			   "a thread a call from block_us=1000 on\n");
	assert_block_sweep(none, 0, NOT,
			   "a thread a call at no block_us= measured\n");
	/* 56.6 to 58.6 at 100, 57 to 59 at 1000: perhaps from 100 */
	assert_block_sweep(from100, 1, OPEN,
			   "57.6 [56.6, 58.6] threads at block_us=100, 58 "
			   "[57, 59] threads at block_us=1000; at least 90% "
			   "of a thread a call perhaps from block_us=100 on: "
			   "inconclusive (the intervals overlap)\n");
	const double sure[] = {8, 62.6, 63.6};
	assert_block_sweep(sure, 1, HOLDS,
			   "from block_us=1000 on, perhaps from block_us=100 "
			   "(the intervals overlap between)\n");
}

#define POOL_SIZE "*Some size of worker pool"

/* The pool sweep: go->c direct (6 [5.5, 6.5] threads, 100 [95, 105] ns)
 * and through pools of 2 and 8 (threads th[i] [th[i] - 0.5, th[i] +
 * 0.5], time lo[i] to lo[i] + 10); the 1 ms sleep pair only at pool=2,
 * dearer, so that it never pays. */
static char *pool_sweep_rows(const double *th, const double *lo)
{
	struct sbuf sb = {0};
	sbuf_addstr(&sb,
		    "blocking,go->c,go1.26.8,,ns/op,100,95,105,,,,ok\n"
		    "blocking,go->c,go1.26.8,,threads,6,5.5,6.5,,,,ok\n"
		    "blocking,sleep(c),go1.26.8,block_us=1000,ns/op,10,9,"
		    "11,,,,ok\nblocking,sleep(c),go1.26.8,block_us=1000,"
		    "threads,26,,,,,,ok\n\"blocking\",\"sleep(c,pool)\","
		    "go1.26.8,pool=2,ns/op,36,35,37,,,,ok\n\"blocking\","
		    "\"sleep(c,pool)\",go1.26.8,pool=2,threads,7,,,,,,ok\n");
	for (int i = 0, n = 2; i < 2; i++, n *= 4)
		sbuf_addf(&sb,
			  "\"blocking\",\"go->c(pool)\",go1.26.8,pool=%d,ns/op,"
			  "%.17g,%.17g,%.17g,,,,ok\n\"blocking\",\"go->c(pool)"
			  "\",go1.26.8,pool=%d,threads,%.17g,%.17g,%.17g,,,,"
			  "ok\n",
			  n, lo[i] + 5, lo[i], lo[i] + 10, n, th[i],
			  th[i] - 0.5, th[i] + 0.5);
	return sb.buf;
}

/* The pool sweep's claim on pool_sweep_rows: its verdict, and its lines
 * hold want. */
static void assert_pool_sweep(const double *th, const double *lo,
			      const char *verdict, const char *want)
{
	assert_claim(pool_sweep_rows(th, lo), POOL_SIZE, verdict, want);
}

/* A pool pays at the least size whose threads and time lie wholly below
 * the direct calls' (each pair of intervals apart); threads or a time
 * wholly at or above theirs fail the size, an overlap leaves it open, and
 * a pair with an open size and none that pays is inconclusive. */
static void claim_pool_sweep_bounds(void **state)
{
	(void)state;
	const double fewer[] = {4.9, 4.9}, same[] = {7, 4.9}, touch[] = {5, 5},
		     cheap[] = {84.9, 50}, at[] = {104.9, 50},
		     above[] = {105, 105};
	assert_pool_sweep(
	    fewer, cheap, PART,
	    "`go->c(pool)` against `go->c` (6 [5.5, 6.5] threads, 100 ns): "
	    "pool=2 4.9 [4.4, 5.4] threads, 89.9 [84.9, 94.9] ns (fewer, "
	    "cheaper); pool=8 4.9 [4.4, 5.4] threads, 55 [50, 60] ns (fewer, "
	    "cheaper); the least size with fewer threads and a cheaper call: "
	    "pool=2\n");
	assert_pool_sweep(fewer, cheap, PART,
			  "`sleep(c,pool)` against `sleep(c)` block_us=1000 "
			  "(26 [26, 26] threads, 10 ns): pool=2 7 [7, 7] "
			  "threads, 36 [35, 37] ns (fewer, dearer); no size "
			  "measured has fewer threads at no higher cost\n");
	/* 104.9 to 114.9 against 95 to 105: open at pool=2 */
	assert_pool_sweep(fewer, at, PART,
			  "pool=2 4.9 [4.4, 5.4] threads, 110 [105, 115] ns "
			  "(fewer, cost inconclusive); pool=8 4.9 [4.4, 5.4] "
			  "threads, 55 [50, 60] ns (fewer, cheaper); the least "
			  "size with fewer threads and a cheaper call: "
			  "pool=8\n");
	assert_pool_sweep(same, cheap, PART,
			  "pool=2 7 [6.5, 7.5] threads, 89.9 [84.9, 94.9] ns "
			  "(not fewer, cheaper); pool=8 4.9 [4.4, 5.4] "
			  "threads, 55 [50, 60] ns (fewer, cheaper); the "
			  "least size with fewer threads and a cheaper call: "
			  "pool=8\n");
	/* 105 to 115 starts where the direct calls' ends: dearer */
	assert_pool_sweep(fewer, above, NOT,
			  "ns (fewer, dearer); no size measured has fewer "
			  "threads at no higher cost\n");
	/* 5.5 against 5.5: open, and the pool's pair with it */
	assert_pool_sweep(touch, cheap, OPEN,
			  "pool=8 5 [4.5, 5.5] threads, 55 [50, 60] ns "
			  "(threads inconclusive, cheaper); inconclusive: no "
			  "size measured has fewer threads and a cheaper call "
			  "with the intervals apart, and some overlap\n");
}

#define CTHREADS "*Callbacks from many C threads"
#define MOVES	 "*A goroutine's consecutive cgo calls"

/* The verdict of claim on rows (with ratios), and its line that begins
 * with detail. */
static char *grows_verdict(const char *claim, const char *detail, char *rows)
{
	char *c = claims_of_with("case,variant,toolchain,param,unit,median,"
				 "ci_low,ci_high,baseline,ratio,ratio_ci_low,"
				 "ratio_ci_high,status",
				 rows);
	char *v = verdict_of(c, claim);
	char *d = strstr(c, detail);
	char *out =
	    xasprintf("%s\n%.*s", v, d ? (int)strcspn(d, "\n") : 0, d ? d : "");
	free(v);
	free(c);
	free(rows);
	return out;
}

/* The rows of a grows claim: "FAMILY,VARIANT" fv over baseline b, its
 * ratio [lo, lo + 1] at the param least, [hi, hi + 1] at most, and 50
 * at mid, a param between, where mid is given. */
static char *grows_rows(const char *fv, const char *b, const char *least,
			const char *mid, const char *most, double lo, double hi)
{
	struct sbuf sb = {0};
	const char *row = "%s,go1.26.8,%s,ns/op,60,59,61,%s,%.17g,%.17g,%.17g,"
			  "ok\n";
	sbuf_addf(&sb, row, fv, least, b, lo + 0.5, lo, lo + 1);
	if (mid)
		sbuf_addf(&sb, row, fv, mid, b, 50.0, 49.0, 51.0);
	sbuf_addf(&sb, row, fv, most, b, hi + 0.5, hi, hi + 1);
	return sb.buf;
}

/* c->go(cthreads)'s ratio over c->c(cthreads): [lo1, lo1 + 1] at
 * threads=1, [lo4, lo4 + 1] at threads=4, and 50 at threads=2. */
static char *cthread_verdict(double lo1, double lo4)
{
	return grows_verdict(CTHREADS, "  - go1.26.8: `c->go(cthreads)` over",
			     grows_rows("scheduling,c->go(cthreads)",
					"c->c(cthreads)", "threads=1",
					"threads=2", "threads=4", lo1, lo4));
}

#define MAPS "*A callback from C on the process's main thread"

/* c->go(main)'s ratio over c->c(fnptr): [lo0, lo0 + 1] at maps=10 and
 * [lo1, lo1 + 1] at maps=10000; the claim's "by" is 2. */
static char *maps_verdict(double lo0, double lo1)
{
	return grows_verdict(MAPS, "  - go1.26.8: `c->go(main)` over",
			     grows_rows("mainthread,c->go(main)", "c->c(fnptr)",
					"maps=10", NULL, "maps=10000", lo0,
					lo1));
}

#define SERIALISE "*cgo calls made from many goroutines at once serialise"

/* go->c's ratio over go->go: [lo1, lo1 + 1] at 1 goroutine and [lo4,
 * lo4 + 1] at 4, the most; the claim's "by" is 1.5. */
static char *serialise_verdict(double lo1, double lo4)
{
	return grows_verdict(SERIALISE, "  - go1.26.8: `go->c` over",
			     grows_rows("parallel,go->c", "go->go",
					"goroutines=1", "goroutines=2",
					"goroutines=4", lo1, lo4));
}

/* grows: the ratio at the most threads above the one at one thread, the
 * intervals apart, else "shrinks" below it, touching inconclusive; with
 * "by 2" (the mappings), above twice the one at the least mappings, else
 * "grows less than 2x" below twice it, touching inconclusive. */
static void claim_grows_bounds(void **state)
{
	(void)state;
	static const struct {
		char *(*verdict)(double, double);
		double least, most;
		const char *starts, *has; /* has NULL: v is starts, whole */
	} cases[] = {
	    {cthread_verdict, 30, 31.01,
	     "**holds**.\n  - go1.26.8: "
	     "`c->go(cthreads)` over `c->c(cthreads)`: 30.5 [30, 31] x at "
	     "threads=1, 31.5 [31, 32] x at threads=4: grows",
	     NULL},
	    {cthread_verdict, 30, 31,
	     "**inconclusive**: the intervals "
	     "overlap.",
	     ""},
	    {cthread_verdict, 30, 28.99, "**does not hold**.", ": shrinks"},
	    {maps_verdict, 30, 62.01,
	     "**holds**.\n  - go1.26.8: `c->go(main)` "
	     "over `c->c(fnptr)`: 30.5 [30, 31] x at maps=10, 62.5 [62, 63] x "
	     "at maps=10000: grows more than 2x",
	     NULL},
	    {maps_verdict, 30, 62, "**inconclusive**: the intervals overlap.",
	     ""},
	    {maps_verdict, 30, 58.99, "**does not hold**.",
	     ": grows less than 2x"},
	    {maps_verdict, 30, 59, "**inconclusive**", ""},
	    /* serialise: 1.5 times [10, 11] is [15, 16.5] */
	    {serialise_verdict, 10, 16.51,
	     "**holds**.\n  - go1.26.8: `go->c` over `go->go`: 10.5 [10, 11] "
	     "x at goroutines=1, 17 [16.5, 17.5] x at goroutines=4: grows "
	     "more than 1.5x",
	     NULL},
	    {serialise_verdict, 10, 16.5, "**inconclusive**", ""},
	    {serialise_verdict, 10, 14, "**inconclusive**", ""},
	    {serialise_verdict, 10, 13.99, "**does not hold**.",
	     ": grows less than 1.5x"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *v = cases[i].verdict(cases[i].least, cases[i].most);
		if (cases[i].has ? !str_starts(v, cases[i].starts) ||
				       !strstr(v, cases[i].has)
				 : strcmp(v, cases[i].starts) != 0)
			fail_msg("case %zu: '%s'", i, v);
		free(v);
	}
}

/* moves: the free variant's calls changed thread somewhere, the locked
 * variant's nowhere. */
static void claim_moves_bounds(void **state)
{
	(void)state;
	static const struct {
		double free0, free4, blocking4, locked4;
		const char *want;
	} cases[] = {{0, 0.012, 0.012, 0, HOLDS},
		     {0, 0.5, 0, 0, HOLDS}, /* the last param's 0 is not all */
		     {0, 0, 0, 0, PART},    /* none moved, locked or not */
		     {0, 0.5, 0.5, 0.001, PART}}; /* the locked moved too */
	for (size_t i = 0; i < 4; i++) {
		char *rows = xasprintf(
		    "scheduling,go->c,go1.26.8,busy=0,moved/op,%.17g,,,,,,ok\n"
		    "scheduling,go->c,go1.26.8,busy=4,moved/op,%.17g,,,,,,ok\n"
		    "scheduling,go->c,go1.26.8,blocking=4,moved/op,%.17g,,,,,,"
		    "ok\nscheduling,go->c(locked),go1.26.8,busy=4,moved/op,"
		    "%.17g,,,,,,ok\n",
		    cases[i].free0, cases[i].free4, cases[i].blocking4,
		    cases[i].locked4);
		assert_verdict(rows, MOVES, cases[i].want);
		free(rows);
	}
	char *rows = xasprintf(
	    "scheduling,go->c,go1.26.8,busy=0,moved/op,0,,,,,,ok\n"
	    "scheduling,go->c,go1.26.8,blocking=2,moved/op,0.25,,,,,,ok\n"
	    "scheduling,go->c,go1.26.8,busy=4,moved/op,0.012,,,,,,ok\n"
	    "scheduling,go->c(locked),go1.26.8,busy=4,moved/op,0,,,,,,ok\n");
	char *c = claims_of(rows);
	assert_non_null(strstr(c, "`go->c`: none at busy=0, 1 in 83 at busy=4, "
				  "1 in 4 at blocking=2; `go->c(locked)`: none "
				  "at busy=4\n"));
	free(c);
	free(rows);
	/* by the intervals: the free goroutine's part is won where some
	 * interval lies above none, lost where every one is at none; the
	 * locked one's won where every one is at none, lost where some
	 * lies above */
	static const struct {
		const char *free4, *locked4, *want;
	} iv[] = {
	    {"0.01,0.005,0.02", "0,0,0", HOLDS},
	    {"0.01,0,0.02", "0,0,0", OPEN},
	    {"0.01,0.005,0.02", "0,0,0.001", OPEN},
	    {"0,0,0", "0.01,0,0.02", OPEN},
	    {"0,0,0", "0.01,0.005,0.02", NOT},
	    {"0.01,0.005,0.02", "0.01,0.005,0.02", PART},
	};
	for (size_t i = 0; i < sizeof iv / sizeof *iv; i++) {
		rows = xasprintf(
		    "scheduling,go->c,go1.26.8,busy=4,moved/op,%s,,,,ok\n"
		    "scheduling,go->c(locked),go1.26.8,busy=4,moved/op,%s,,,,"
		    "ok\n",
		    iv[i].free4, iv[i].locked4);
		assert_verdict(rows, MOVES, iv[i].want);
		free(rows);
	}
	rows = xasprintf(
	    "scheduling,go->c,go1.26.8,busy=4,moved/op,0.01,0,0.02,,,,ok\n"
	    "scheduling,go->c(locked),go1.26.8,busy=4,moved/op,0,0,0,,,,ok\n");
	c = claims_of(rows);
	assert_non_null(strstr(c,
			       "`go->c`: 1 in 100 [none, 1 in 50] at busy=4; "
			       "`go->c(locked)`: none at busy=4\n"));
	free(c);
	free(rows);
}

#define CONTENTION "*A big map behind a lock"

/* handles rows: the locked map at 1 and 4 goroutines (its overhead's
 * interval at 4 [grow_lo, grow_hi], against 1's [10, 20]), each remedy
 * at 4 at [45, 60] but the last at [remedy_lo, remedy_hi] (the map's is
 * [100, 120]). */
static char *handles_rows(double grow_lo, double grow_hi, double remedy_lo,
			  double remedy_hi)
{
	struct sbuf sb = {0};
	sbuf_addstr(&sb, "handles,rwmutex-map(mutex-id),go1.26.8,goroutines=1,"
			 "ns/op,40,39,41,15,10,20,ok\n");
	sbuf_addf(&sb,
		  "handles,rwmutex-map(mutex-id),go1.26.8,goroutines=4,ns/op,"
		  "110,100,120,90,%.17g,%.17g,ok\n",
		  grow_lo, grow_hi);
	static const char *const remedies[] = {
	    "rwmutex-map", "sharded-map", "sync.Map", "rwmutex-map(object-key)",
	    "sharded-map(object-key)"};
	for (int i = 0; i < 5; i++)
		sbuf_addf(&sb,
			  "handles,%s,go1.26.8,goroutines=4,ns/op,50,%.17g,"
			  "%.17g,,,,ok\n",
			  remedies[i], i == 4 ? remedy_lo : 45.0,
			  i == 4 ? remedy_hi : 60.0);
	return sb.buf;
}

/* The claim on handles_rows, and whether its lines hold want. */
static void assert_contention(double grow_lo, double grow_hi, double remedy_lo,
			      double remedy_hi, const char *verdict,
			      const char *want)
{
	assert_claim(handles_rows(grow_lo, grow_hi, remedy_lo, remedy_hi),
		     CONTENTION, verdict, want);
}

/* Contention: the overhead grows (its interval at 4 wholly above 1's),
 * does not (wholly at or below), else open; each remedy relieves it
 * (wholly below the map's), does not (wholly at or above), else open.
 * All won holds, none lost with one open is inconclusive, one lost and
 * one won in part. */
static void claim_contention_bounds(void **state)
{
	(void)state;
	assert_contention(20.01, 95, 45, 99.99, HOLDS,
			  "`rwmutex-map(mutex-id)` costs 15 [10, 20] ns over "
			  "the bare callback with 1 goroutine and 90 [20, 95] "
			  "ns with 4: contention grows\n");
	assert_contention(20.01, 95, 45, 100, OPEN,
			  "(`sharded-map(object-key)`): 50 [45, 100] ns with "
			  "4 goroutines against 110 [100, 120] ns: "
			  "inconclusive (the intervals overlap)\n");
	assert_contention(20, 95, 45, 99.99, OPEN,
			  "with 4: contention inconclusive (the intervals "
			  "overlap)\n");
	assert_contention(20.01, 95, 120, 130, PART,
			  "130] ns with 4 goroutines against 110 [100, 120] "
			  "ns: does not relieve it\n");
	assert_contention(5, 10, 45, 99.99, PART, "contention does not grow\n");
	assert_contention(5, 10, 120, 130, PART, "does not relieve it\n");
	assert_contention(5, 10, 45, 100, PART, "contention does not grow\n");
	/* a remedy not measured fails its part */
	{
		char *rows = handles_rows(20.01, 95, 45, 99.99);
		char *cut = strstr(rows, "handles,sync.Map,");
		size_t l = strcspn(cut, "\n") + 1;
		memmove(cut, cut + l, strlen(cut + l) + 1);
		assert_verdict(rows, CONTENTION, PART);
		free(rows);
	}
	/* one goroutine only: not measured */
	assert_verdict("handles,rwmutex-map(mutex-id),go1.26.8,goroutines=1,"
		       "ns/op,40,39,41,15,10,20,ok\n",
		       CONTENTION,
		       "Not measured: this run has no handles family at more "
		       "than one goroutine.");
}

#define POOL "*A worker pool"

/* threads rows at 64 goroutines: direct and pooled, for computing and
 * blocking calls; the pool's threads and its ns/op interval [pool_lo,
 * pool_hi] (the direct calls' 20 threads, [990, 1010] ns). */
static char *pool_rows(double pool_threads, double pool_lo, double pool_hi)
{
	struct sbuf sb = {0};
	static const char *const pairs[][2] = {
	    {"go->c", "go->c(pool)"}, {"sleep(c)", "\"sleep(c,pool)\""}};
	for (int i = 0; i < 2; i++)
		sbuf_addf(&sb,
			  "threads,%s,go1.26.8,goroutines=64,ns/op,1000,990,"
			  "1010,,,,ok\n"
			  "threads,%s,go1.26.8,goroutines=64,threads,20,20,20,"
			  ",,,ok\n"
			  "threads,%s,go1.26.8,goroutines=64,ns/op,%.17g,%.17g,"
			  "%.17g,,,,ok\n"
			  "threads,%s,go1.26.8,goroutines=64,threads,%.17g,"
			  "%.17g,%.17g,,,,ok\n",
			  pairs[i][0], pairs[i][0], pairs[i][1],
			  (pool_lo + pool_hi) / 2, pool_lo, pool_hi,
			  pairs[i][1], pool_threads, pool_threads,
			  pool_threads);
	return sb.buf;
}

/* The pool: fewer threads and cheaper, each with the intervals apart; a
 * pool's interval at or above the direct calls' fails its part (20
 * threads against 20), one that overlaps leaves it open: held when all
 * parts are won, not when all are lost, in part when one is won and one
 * lost, else inconclusive. */
static void claim_pool_bounds(void **state)
{
	(void)state;
	static const struct {
		double threads, lo, hi;
		const char *want;
	} cases[] = {
	    {19, 890, 989.99, HOLDS}, {20, 890, 989.99, PART},
	    {19, 890, 990, OPEN},     {20, 890, 990, OPEN},
	    {20, 1010, 1100, NOT},    {19, 1010, 1100, PART},
	    {20.5, 1009, 1100, OPEN},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *rows =
		    pool_rows(cases[i].threads, cases[i].lo, cases[i].hi);
		assert_verdict(rows, POOL, cases[i].want);
		free(rows);
	}
}

static void verdict_blocking(double c, double g, const char *want)
{
	char *rows =
	    xasprintf("threads,sleep(c),go1.26.8,goroutines=64,threads,"
		      "%.17g,,,,,,ok\nthreads,sleep(go),go1.26.8,"
		      "goroutines=64,threads,%.17g,,,,,,ok\n",
		      c, g);
	assert_verdict(rows, "*Blocking C calls", want);
	free(rows);
}

/* GoString's verdict on its allocs/op and B/op, each "MEDIAN,LOW,HIGH"
 * (",," for no interval). */
static void verdict_gostring(const char *allocs, const char *bytes,
			     const char *want)
{
	char *rows = xasprintf("data,GoString,go1.26.8,cgocheck=1,allocs/op,"
			       "%s,,,,ok\ndata,GoString,go1.26.8,"
			       "cgocheck=1,B/op,%s,,,,ok\ndata,view,"
			       "go1.26.8,cgocheck=1,allocs/op,0,,,,,,ok\n",
			       allocs, bytes);
	assert_verdict(rows, "*C.GoString", want);
	free(rows);
}

/* Blocking calls: 90% of 64 threads more than blocking in Go; GoString:
 * at least one allocation and 64 bytes. */
static void claim_threads_and_gostring_bounds(void **state)
{
	(void)state;
	verdict_blocking(63.6, 6, HOLDS); /* 57.6 = 0.9 * 64 */
	verdict_blocking(63.5, 6, NOT);
	/* with intervals: held where the least they allow grows 57.6
	 * threads more, failed where the most does not, else open */
	static const struct {
		const char *c, *g, *want;
	} iv[] = {
	    {"64,63.6,64", "6,5,6", HOLDS},  /* [57.6, 59] */
	    {"64,63.5,64", "6,5,6", OPEN},   /* [57.5, 59] */
	    {"60,50,64", "5,5,6", OPEN},     /* [44, 59] */
	    {"27,26,28", "5,5,6", NOT},	     /* [20, 23] */
	    {"60,59,62.5", "5,4.9,5", OPEN}, /* [54, 57.6] */
	    {"60,59,62.49", "5,4.9,5", NOT}, /* [54, 57.59] */
	};
	for (size_t i = 0; i < sizeof iv / sizeof *iv; i++) {
		char *rows = xasprintf(
		    "threads,sleep(c),go1.26.8,goroutines=64,threads,%s,,,,"
		    "ok\nthreads,sleep(go),go1.26.8,goroutines=64,threads,"
		    "%s,,,,ok\n",
		    iv[i].c, iv[i].g);
		assert_verdict(rows, "*Blocking C calls", iv[i].want);
		free(rows);
	}
	verdict_gostring("1,,", "64,,", HOLDS);
	verdict_gostring("0.99,,", "64,,", PART);
	verdict_gostring("1,,", "63.9,,", PART);
	verdict_gostring("0.99,,", "63.9,,", NOT);
	/* each count by its interval: reaching the figure, short of it
	 * wholly, or across it */
	verdict_gostring("1,1,2", "64,64,65", HOLDS);
	verdict_gostring("1,0.99,1", "64,64,64", OPEN);
	verdict_gostring("1,1,1", "64,63.9,64", OPEN);
	verdict_gostring("0.9,0.9,0.99", "64,64,64", PART);
	verdict_gostring("0.9,0.9,0.99", "64,63,65", OPEN);
	verdict_gostring("0.9,0.9,0.99", "63,62,63.9", NOT);
	char *rows = xasprintf(
	    "data,GoString,go1.26.8,cgocheck=1,allocs/op,1,1,1,,,,ok\n"
	    "data,GoString,go1.26.8,cgocheck=1,B/op,64,63,65,,,,ok\n"
	    "data,view,go1.26.8,cgocheck=1,allocs/op,0,0,0,,,,ok\n");
	char *c = claims_of(rows);
	if (!strstr(c, "`GoString` of a 64-byte C string: 1 [1, 1] "
		       "allocs, 64 [63, 65] B; reading it in "
		       "place (`view`): 0 [0, 0] allocs\n"))
		fail_msg("%s", strstr(c, "*C.GoString"));
	free(c);
	free(rows);
}

static void expect_claims_error(const char *text, const char *want)
{
	struct claim_set *s;
	char err[ERRLEN];
	assert_int_equal(claims_load("/nonexistent", &s, err, sizeof err), -1);
	claims_free(s);
	assert_int_equal(claims_load("cases", &s, err, sizeof err), 0);
	assert_int_equal(claims_parse(text, "c", s, err, sizeof err), -1);
	if (strcmp(err, want))
		fail_msg("'%s', want '%s'", err, want);
	claims_free(s);
}

/* A claims file with a fault says where, and which key its judge reads. */
static void claims_files_checked(void **state)
{
	(void)state;
	expect_claims_error("text t\n", "c:1: 'text' before any 'claim NAME'");
	expect_claims_error("claim x\norder 1\njudge guess\ntext t\n",
			    "c:1: claim 'x': unknown judge 'guess'");
	expect_claims_error("claim x\njudge blocking\ntext t\n",
			    "c:1: claim 'x' wants 'order N', a whole number");
	expect_claims_error("claim x\norder 1\njudge blocking\ntext t\n"
			    "needs n\nfamily f\nparam p\nblocked b\n",
			    "c:1: claim 'x' has no 'baseline' (judge "
			    "'blocking' reads it)");
	expect_claims_error("claim x\norder 1\njudge ranges\ntext t\n"
			    "family f\na a\nb b\nunit u\na-range 1\n"
			    "b-range 1 2\nratio-range 1 2\n",
			    "c:1: claim 'x': 'a-range 1' wants 2 numbers");
	expect_claims_error("claim go-to-c\norder 1\njudge blocking\n",
			    "c:1: claim 'go-to-c' is there already "
			    "(cases/call/claims:4)");
}

/* A new family brings its own claim in a file beside it, and report.md
 * judges it, without a line of C: here a "toy" family whose go->c must
 * cost 10 to 40 ns against 1 to 3 for go->go. */
static void a_family_brings_its_claim(void **state)
{
	(void)state;
	char dir[] = "/tmp/cgobench-claims-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *fam = xasprintf("%s/toy", dir),
	     *file = xasprintf("%s/claims", fam);
	assert_int_equal(mkdir(fam, 0777), 0);
	const char *text = "claim toy-call\norder 5\njudge ranges\n"
			   "text A toy call costs 10 to 40 ns.\nfamily toy\n"
			   "a go->c\nb go->go\nunit ns/op\na-range 10 40\n"
			   "b-range 1 3\nratio-range 5 20\n";
	char err[ERRLEN];
	assert_int_equal(
	    file_write_atomic(file, text, strlen(text), err, sizeof err), 0);
	struct claim_set *s;
	assert_int_equal(claims_load(dir, &s, err, sizeof err), 0);
	struct summary_table t;
	assert_int_equal(
	    summary_parse("schema,case,variant,toolchain,cc,param,unit,n,"
			  "median,min,max,ci_low,ci_high,ci_level,baseline,"
			  "baseline_median,overhead,overhead_ci_low,"
			  "overhead_ci_high,ratio,ratio_ci_low,ratio_ci_high,"
			  "status,note\n"
			  "1,toy,go->c,go1.26.8,gcc,,ns/op,9,20,,,19,21,0.95,,,"
			  ",,,,,,ok,\n"
			  "1,toy,go->go,go1.26.8,gcc,,ns/op,9,2,,,1.9,2.1,0.95,"
			  ",,,,,,,,ok,\n",
			  "s", &t, err, sizeof err),
	    0);
	struct sbuf sb = {0};
	claims_write(s, &t, &sb);
	assert_string_equal(
	    sb.buf,
	    "## Claims about cgo\n\n- *A toy call costs 10 to 40 ns.* "
	    "**holds**.\n  - go1.26.8: `go->c` 20 [19, 21] ns (within 10 "
	    "to 40), `go->go` 2 [1.9, 2.1] ns (within 1 to 3), 10 [9.05, "
	    "11.1] times (within 5 to 20)\n\n");
	sbuf_free(&sb);
	summary_table_free(&t);
	claims_free(s);
	unlink(file);
	rmdir(fam);
	rmdir(dir);
	free(file);
	free(fam);
}

/* The batching chart's data: a row a batch size, every series, each
 * number summary.csv's. */
static void series_data(void **state)
{
	(void)state;
	struct summary_table t;
	read_summary(SUITE "/summary.csv", &t);
	struct sbuf sb = {0};
	assert_int_equal(charts_series(&t, charts_series_named("batch"), &sb),
			 13);
	assert_golden(FIXTURE("batch-golden.dat"), sb.buf);
	/* how to draw it, then the header */
	assert_true(str_starts(sb.buf, "# chart batch\n# title Cost per item"));
	assert_non_null(strstr(sb.buf, "\n# logx 1\n# unit ns/item\n"
				       "n\t\"c->c\"\t\"low\"\t\"high\"\t"
				       "\"go->go\""));
	size_t lines = 0;
	for (const char *p = sb.buf; (p = strchr(p, '\n')); p++)
		lines++;
	assert_int_equal(lines, 5 + 1 + 13);
	/* the figure as summary.csv has it, read on its own */
	struct csv_table c;
	char err[ERRLEN];
	if (csv_read_file(SUITE "/summary.csv", &c, err, sizeof err) != 0)
		fail_msg("%s", err);
	char *n64 = figure(&c, "batch", "go->c(each)", "n=64", "ns/item",
			   "median", "\t%.17g\t");
	csv_free(&c);
	char *row = strstr(sb.buf, "\n64\t");
	assert_non_null(row);
	assert_true(strstr(row, n64) &&
		    strstr(row, n64) < strchr(row + 1, '\n'));
	free(n64);
	sb.len = 0;
	charts_series(&t, charts_series_named("handles"), &sb);
	assert_non_null(strstr(sb.buf, "# chart scaling-handles\n"));
	assert_non_null(strstr(sb.buf, "\ngoroutines\t\"callback\""));
	sb.len = 0;
	/* a family the run lacks: the lines and the header, no row */
	assert_int_equal(
	    charts_series(&t, charts_series_named("mainthread"), &sb), 0);
	const char *tail = "# unit ns/op\nmaps\n";
	assert_true(sb.len > strlen(tail));
	assert_string_equal(sb.buf + sb.len - strlen(tail), tail);
	assert_null(charts_series_named("call"));
	sbuf_free(&sb);
	summary_table_free(&t);
}

/* The machines chart's data: every scenario without a param, a column
 * group a run directory, labelled by it and its CPU. */
static void machines_data(void **state)
{
	(void)state;
	const char *runs[] = {SUITE, "results/vm/toolchains"};
	struct sbuf sb = {0};
	char err[ERRLEN];
	assert_int_equal(
	    charts_machines(runs, 2, "ns/op", &sb, err, sizeof err), 0);
	assert_true(str_starts(sb.buf,
			       "scenario\t\"vm/20261126T062326Z (AMD "
			       "EPYC, 2 cores)\"\t\"low\"\t\"high\"\t"
			       "\"vm/toolchains (AMD EPYC, 2 cores)\""));
	/* the call family in both; recovery only in the suite: NaN */
	assert_non_null(strstr(sb.buf, "\n\"call: go->c\"\t"));
	char *rec = strstr(sb.buf, "\n\"recovery: go->go\"\t");
	assert_non_null(rec);
	assert_true(str_starts(strchr(rec + 1, '\n') - 11, "NaN\tNaN\tNaN"));
	const char *bad[] = {SUITE, "/nonexistent"};
	sb.len = 0;
	assert_int_equal(charts_machines(bad, 2, "ns/op", &sb, err, sizeof err),
			 -1);
	assert_string_equal(err, "cannot open '/nonexistent/machine.txt': No "
				 "such file or directory");
	sbuf_free(&sb);
}

static void bad_run(void **state)
{
	(void)state;
	struct sbuf sb = {0};
	char err[ERRLEN];
	assert_int_equal(
	    report_build("/nonexistent", "cases", &sb, err, sizeof err), -1);
	assert_string_equal(err, "cannot open '/nonexistent/machine.txt': No "
				 "such file or directory");
	sbuf_free(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(golden),
	    cmocka_unit_test(stdout_table),
	    cmocka_unit_test(page_renders_markdown),
	    cmocka_unit_test(few_samples_inconclusive),
	    cmocka_unit_test(claim_library_bounds),
	    cmocka_unit_test(break_even_marks),
	    cmocka_unit_test(advice_from_intervals),
	    cmocka_unit_test(spread_rows_give_quartiles),
	    cmocka_unit_test(short_of_the_goal),
	    cmocka_unit_test(precision_says_the_load),
	    cmocka_unit_test(lasting_load_at_its_word),
	    cmocka_unit_test(precision_says_the_cpu_was_slow),
	    cmocka_unit_test(precision_says_the_other_cpus),
	    cmocka_unit_test(precision_says_the_budget_ended),
	    cmocka_unit_test(precision_says_too_few),
	    cmocka_unit_test(committed_reports_render_again),
	    cmocka_unit_test(machine_names_both_lengths),
	    cmocka_unit_test(machine_names_runtime_env),
	    cmocka_unit_test(numbers_are_the_summary),
	    cmocka_unit_test(chart_data),
	    cmocka_unit_test(claims_are_the_summary),
	    cmocka_unit_test(series_data),
	    cmocka_unit_test(claims_files_checked),
	    cmocka_unit_test(a_family_brings_its_claim),
	    cmocka_unit_test(claim_go_to_c_bounds),
	    cmocka_unit_test(claims_weigh_intervals),
	    cmocka_unit_test(pool_by_intervals),
	    cmocka_unit_test(disturbed_inconclusive),
	    cmocka_unit_test(seventeen_toolchains),
	    cmocka_unit_test(claim_c_to_go_bounds),
	    cmocka_unit_test(claim_batching_bounds),
	    cmocka_unit_test(claim_contention_bounds),
	    cmocka_unit_test(claim_pool_bounds),
	    cmocka_unit_test(claim_cheaper_bounds),
	    cmocka_unit_test(cheaper_few_samples),
	    cmocka_unit_test(cheaper_advice),
	    cmocka_unit_test(claim_blocking_sweep_bounds),
	    cmocka_unit_test(claim_pool_sweep_bounds),
	    cmocka_unit_test(claim_grows_bounds),
	    cmocka_unit_test(claim_moves_bounds),
	    cmocka_unit_test(claim_threads_and_gostring_bounds),
	    cmocka_unit_test(machines_data),
	    cmocka_unit_test(bad_run),
	};
	return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
