/* The history file: created with its header, appended to, refused when
 * its header is another's; against a golden file from a committed run. */
#include "testutil.h"

#include "csv.h"
#include "history.h"
#include "stats.h"
#include "summary.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RUN "results/vm/benchtime-0.2s"

/* A run as the list of one that history_append takes. */
static const char *const *one(const char *run)
{
	static const char *list[1];
	list[0] = run;
	return list;
}

/* path, a mkstemp template, made a name that no file has. */
static void no_file(char *path)
{
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
}

/* A new file gets the header and the run; the same run again is refused
 * and leaves the file as it was; two runs in one call where the second
 * cannot be read append nothing. */
static void append_once(void **state)
{
	(void)state;
	char path[] = "/tmp/cgobench-history-XXXXXX";
	no_file(path);
	char err[ERRLEN];
	int schema = 0;
	assert_int_equal(
	    history_append(one(RUN), 1, path, &schema, err, sizeof err), 0);
	assert_int_equal(schema, 3);
	char *got = fixture(path);
	assert_golden(FIXTURE("history-golden.csv"), got);
	assert_int_equal(
	    history_append(one(RUN), 1, path, &schema, err, sizeof err), -1);
	char *want = xasprintf("'%s' is in '%s' already (the same date and "
			       "commit)",
			       RUN, path);
	assert_string_equal(err, want);
	free(want);
	const char *two[] = {"results/vm/toolchains", "/nonexistent"};
	assert_int_equal(history_append(two, 2, path, &schema, err, sizeof err),
			 -1);
	char *after = fixture(path);
	assert_string_equal(after, got);
	free(after);
	/* a history whose last line lost its newline is ended first */
	FILE *f = fopen(path, "w");
	fwrite(got, 1, strlen(got) - 1, f);
	fclose(f);
	assert_int_equal(history_append(one("results/vm/toolchains"), 1, path,
					&schema, err, sizeof err),
			 0);
	struct csv_table h;
	assert_int_equal(csv_read_file(path, &h, err, sizeof err), 0);
	csv_free(&h);
	after = fixture(path);
	assert_true(str_starts(after, got));
	free(after);
	free(got);
	unlink(path);
}

static void refuses_other_files(void **state)
{
	(void)state;
	char err[ERRLEN];
	int schema;
	assert_int_equal(history_append(one(RUN), 1,
					FIXTURE("summary-golden.csv"), &schema,
					err, sizeof err),
			 -1);
	assert_string_equal(err, "harness/tests/fixtures/summary-golden.csv:1: "
				 "not a history file of schema 1 to 3");
	assert_int_equal(history_append(one("/nonexistent"), 1,
					"/nonexistent/history.csv", &schema,
					err, sizeof err),
			 -1);
	assert_string_equal(err, "cannot open '/nonexistent/machine.txt': No "
				 "such file or directory");
}

/* The history chart's data from a history of three committed runs: a
 * row a run, the chosen scenarios' numbers as the history has them. */
static void chart_data(void **state)
{
	(void)state;
	char path[] = "/tmp/cgobench-history-XXXXXX";
	no_file(path);
	char err[ERRLEN];
	const char *runs[] = {RUN, "results/vm/benchtime-0.05s",
			      "results/vm/toolchains"};
	int schema;
	for (int i = 0; i < 3; i++)
		assert_int_equal(history_append(one(runs[i]), 1, path, &schema,
						err, sizeof err),
				 0);
	struct csv_table h;
	assert_int_equal(csv_read_file(path, &h, err, sizeof err), 0);
	struct sbuf sb = {0};
	assert_int_equal(history_chart_data(&h, "call/go->c,call/c->c",
					    HISTORY_VALUE, &sb, err,
					    sizeof err),
			 0);
	/* unit, header, three runs */
	size_t lines = 0;
	for (const char *p = sb.buf; (p = strchr(p, '\n')); p++)
		lines++;
	assert_int_equal(lines, 2 + 3);
	assert_true(str_starts(sb.buf, "# ns/op\nrun\t\"call: go->c go1.26.8\""
				       "\t\"low\"\t\"high\"\t\"load\"\t\"call: "
				       "c->c go1.26.8\""));
	/* go1.19.8 and go1.27.3 only in the last run: NaN before */
	assert_non_null(strstr(sb.buf, "\"call: go->c go1.19.8\""));
	char *row2 = strchr(strchr(strchr(sb.buf, '\n') + 1, '\n') + 1, '\n');
	assert_true(str_starts(row2 + 1, "\"2026-11-24 "));
	/* each number is the history's own text */
	for (size_t r = 0; r < h.nrows; r++) {
		const char *const *row = (const char *const *)h.rows[r];
		if (strcmp(row[csv_col(&h, "unit")], "ns/op") ||
		    strcmp(row[csv_col(&h, "variant")], "go->c"))
			continue;
		/* runs of before the load bound: no load */
		char *cells = xasprintf(
		    "\t%s\t%s\t%s\tNaN", row[csv_col(&h, "median")],
		    row[csv_col(&h, "ci_low")], row[csv_col(&h, "ci_high")]);
		assert_non_null(strstr(sb.buf, cells));
		free(cells);
	}
	sb.len = 0;
	assert_int_equal(history_chart_data(&h, "call/nothing", HISTORY_VALUE,
					    &sb, err, sizeof err),
			 -1);
	assert_string_equal(err, "the history has no scenario to chart among "
				 "call/nothing");
	sbuf_free(&sb);
	csv_free(&h);
	unlink(path);
}

/* The matrix run has 10 skipped rows (n=0): history takes the others
 * only, and its chart takes no row with a param, even when asked for
 * that scenario by name. */
static void skips_empty_and_param_rows(void **state)
{
	(void)state;
	const char *run = "results/vm/20261126T063223Z";
	char path[] = "/tmp/cgobench-history-XXXXXX";
	no_file(path);
	char err[ERRLEN];
	int schema;
	assert_int_equal(
	    history_append(one(run), 1, path, &schema, err, sizeof err), 0);
	struct csv_table h, s;
	assert_int_equal(csv_read_file(path, &h, err, sizeof err), 0);
	char *sp = xasprintf("%s/summary.csv", run);
	assert_int_equal(csv_read_file(sp, &s, err, sizeof err), 0);
	size_t measured = 0;
	for (size_t r = 0; r < s.nrows; r++)
		measured += strcmp(s.rows[r][csv_col(&s, "n")], "0") != 0;
	assert_int_equal(s.nrows - measured, 10);
	assert_int_equal(h.nrows, measured);
	for (size_t r = 0; r < h.nrows; r++)
		assert_string_not_equal(h.rows[r][csv_col(&h, "n")], "0");
	struct sbuf sb = {0};
	assert_int_equal(history_chart_data(&h, "call/go->c,batch/go->c(each)",
					    HISTORY_VALUE, &sb, err,
					    sizeof err),
			 0);
	assert_null(strstr(sb.buf, "batch"));
	assert_non_null(strstr(sb.buf, "\"call: go->c go1.26.8\""));
	/* the default: every scenario without a param */
	sb.len = 0;
	assert_int_equal(
	    history_chart_data(&h, "", HISTORY_VALUE, &sb, err, sizeof err), 0);
	assert_null(strstr(sb.buf, "batch"));
	assert_null(strstr(sb.buf, "goroutines"));
	assert_non_null(strstr(sb.buf, "\"call: go->c go1.26.8\""));
	sb.len = 0;
	assert_int_equal(history_chart_data(&h, "batch/go->c(each)",
					    HISTORY_VALUE, &sb, err,
					    sizeof err),
			 -1);
	sbuf_free(&sb);
	csv_free(&h);
	csv_free(&s);
	free(sp);
	unlink(path);
}

/* A history in a temporary file of these rows (after the header), each
 * "date,commit,variant,param,median[,unit]" of case t, go1.26.8, gcc, in
 * ns/op when no unit is given. */
static char *write_history(const char *const *rows, size_t n)
{
	char *path = xstrdup("/tmp/cgobench-hist-XXXXXX");
	int fd = mkstemp(path);
	close(fd);
	struct sbuf sb = {0};
	sbuf_addstr(&sb, "schema,date,commit,toolchain,cc,case,variant,param,"
			 "unit,n,median,ci_low,ci_high\n");
	for (size_t i = 0; i < n; i++) {
		char d[32], c[32], v[32], p[32], m[32], u[32] = "ns/op";
		int got = sscanf(rows[i],
				 "%31[^,],%31[^,],%31[^,],%31[^,],%31[^,],%31s",
				 d, c, v, p, m, u);
		assert_in_range(got, 5, 6);
		sbuf_addf(&sb, "1,%s,%s,go1.26.8,gcc,t,%s,%s,%s,8,%s,%s,%s\n",
			  d, c, v, strcmp(p, "-") ? p : "", u, m, m, m);
	}
	char err[ERRLEN];
	assert_int_equal(
	    file_write_atomic(path, sb.buf, sb.len, err, sizeof err), 0);
	sbuf_free(&sb);
	return path;
}

/* A row of the runs history_spread reads: case t, unit ns/op. */
static struct summary_row row(const char *variant, const char *baseline,
			      const char *param)
{
	struct summary_row r = {0};
	r.family = (char *)"t";
	r.variant = (char *)variant;
	r.baseline = (char *)baseline;
	r.param = (char *)param;
	r.unit = (char *)"ns/op";
	r.toolchain = (char *)"go1.26.8";
	r.cc = (char *)"gcc";
	return r;
}

/* Six runs (d1 to d6) of three rows, b, c over b, and x; d3 ran every
 * row 10% slower (its hour), which the shift takes off; x moves by a
 * few percent of its own. The runs skip names are left out. */
static void spread_between_runs(void **state)
{
	(void)state;
	static const double x[] = {100, 102, 110 * 0.99, 101, 97, 400};
	char lines[24][64];
	const char *rows[24];
	for (int i = 0; i < 6; i++) {
		/* x's B/op as its ns/op: the hour's speed is no B/op's */
		snprintf(lines[18 + i], 64, "d%d,c%d,x,-,%.17g,B/op", i + 1,
			 i + 1, x[i]);
		double hour = i == 2 ? 1.1 : 1;
		snprintf(lines[3 * i], 64, "d%d,c%d,b,-,%.17g", i + 1, i + 1,
			 50 * hour);
		snprintf(lines[3 * i + 1], 64, "d%d,c%d,c,-,%.17g", i + 1,
			 i + 1, (i == 3 ? 90 : 80) * hour);
		snprintf(lines[3 * i + 2], 64, "d%d,c%d,x,-,%.17g", i + 1,
			 i + 1, x[i]);
	}
	for (int i = 0; i < 24; i++)
		rows[i] = lines[i];
	char *path = write_history(rows, 24), err[ERRLEN];
	/* d1 of another commit is not d1 */
	const struct history_run_id skip[] = {
	    {"d6", "c6"}, {"d9", "c9"}, {"d1", "c2"}};
	struct history_runs h;
	assert_int_equal(
	    history_runs_read(path, skip, 3, NULL, &h, err, sizeof err), 0);
	assert_int_equal(h.nruns, 5);
	/* b and c moved 10% in d3, x 9%: the median of the three */
	assert_true(fabs(h.shift[2] - log(1.1)) < 1e-12);
	assert_true(fabs(h.shift[0]) < 1e-12);
	struct summary_row r = row("x", "", "");
	struct history_spread s = history_spread(&h, &r, HISTORY_VALUE);
	assert_int_equal(s.runs, 5);
	/* x's logs less the shifts: 100, 102, 99, 101, 97 */
	double l[] = {log(100), log(102), log(99), log(101), log(97)};
	assert_true(fabs(s.center - log(100)) < 1e-12);
	assert_true(fabs(s.sd - stats_robust_sd(l, 5)) < 1e-12);
	r.unit = (char *)"B/op";
	s = history_spread(&h, &r, HISTORY_VALUE);
	assert_true(fabs(s.center - log(101)) < 1e-12);
	r.unit = (char *)"ns/op";
	r = row("c", "b", "");
	s = history_spread(&h, &r, HISTORY_OVERHEAD);
	/* 30, 30, 30 (33 less the shift), 40, 30 */
	assert_int_equal(s.runs, 5);
	assert_true(fabs(s.center - 30) < 1e-9);
	assert_true(fabs(s.sd) < 1e-9);
	s = history_spread(&h, &r, HISTORY_RATIO);
	assert_true(fabs(s.center - log(1.6)) < 1e-12);
	/* a param row without one of its own: the baseline without a param */
	r = row("c", "b", "n=1");
	s = history_spread(&h, &r, HISTORY_VALUE);
	assert_int_equal(s.runs, 0);
	assert_true(isnan(s.sd));
	history_runs_free(&h);
	/* the same history, nothing left out: six runs, x's 400 among them */
	assert_int_equal(
	    history_runs_read(path, NULL, 0, NULL, &h, err, sizeof err), 0);
	r = row("x", "", "");
	s = history_spread(&h, &r, HISTORY_VALUE);
	assert_int_equal(s.runs, 6);
	history_runs_free(&h);
	unlink(path);
	free(path);
	/* not a history */
	char *bad = write_history(rows, 0);
	assert_int_equal(
	    file_write_atomic(bad, "a,b\n1,2\n", 8, err, sizeof err), 0);
	assert_int_equal(
	    history_runs_read(bad, NULL, 0, NULL, &h, err, sizeof err), -1);
	assert_non_null(strstr(err, ":1: not a history file of schema 1 to 3"));
	history_runs_free(&h);
	unlink(bad);
	free(bad);
}

/* Writes sb to path, a history, and reads it like the run of machine
 * text like: runs runs kept, unlike left out. */
static void reads_as(const char *path, const struct sbuf *sb, const char *like,
		     size_t runs, size_t unlike)
{
	char err[ERRLEN];
	struct history_runs h;
	assert_int_equal(
	    file_write_atomic(path, sb->buf, sb->len, err, sizeof err), 0);
	assert_int_equal(
	    history_runs_read(path, NULL, 0, like, &h, err, sizeof err), 0);
	assert_int_equal(h.nruns, runs);
	assert_int_equal(h.nunlike, unlike);
	history_runs_free(&h);
}

/* A run is measured as its first row says: in the history at path of
 * the three heap-growth runs, the GOGC=200 run's later rows told as the
 * others, and the others' as it, change nothing. */
static void later_rows_told_otherwise(const char *path, const char *like)
{
	char err[ERRLEN];
	struct csv_table t;
	assert_int_equal(csv_read_file(path, &t, err, sizeof err), 0);
	const char *gogc = NULL, *plain = NULL;
	for (size_t r = 0; r < t.nrows; r++)
		*(strstr(t.rows[r][22], "GOGC=200") ? &gogc : &plain) =
		    t.rows[r][22];
	struct sbuf sb = {0};
	csv_add_row(&sb, (const char *const *)t.header, 23);
	for (size_t r = 0; r < t.nrows; r++) {
		const char *f[23];
		memcpy(f, t.rows[r], sizeof f);
		if (r && !strcmp(f[1], t.rows[r - 1][1]))
			f[22] = strstr(f[22], "GOGC=200") ? plain : gogc;
		csv_add_row(&sb, f, 23);
	}
	reads_as(path, &sb, like, 2, 1);
	sbuf_free(&sb);
	csv_free(&t);
}

/* A history's rows say how their run was measured (machine_told_line):
 * compare --history leaves out the runs measured otherwise than the new
 * one, and counts them, here the committed run under GOGC=200 against
 * two without it (heap-growth, docs/precision.md item 70); asked
 * nothing, or of a schema 2 history, which does not say, it leaves none
 * out. */
static void leaves_out_runs_measured_otherwise(void **state)
{
	(void)state;
	char path[] = "/tmp/cgobench-history-XXXXXX";
	no_file(path);
	char err[ERRLEN];
	const char *runs[] = HEAP_GROWTH_RUNS;
	int schema;
	assert_int_equal(
	    history_append(runs, 3, path, &schema, err, sizeof err), 0);
	assert_int_equal(schema, 3);
	char *like = fixture("results/vm/precision/heap-growth/plain2-1s/"
			     "machine.txt");
	struct history_runs h;
	assert_int_equal(
	    history_runs_read(path, NULL, 0, like, &h, err, sizeof err), 0);
	assert_int_equal(h.nruns, 2);
	assert_int_equal(h.nunlike, 1);
	assert_string_equal(h.unlike_why, "runtime-env GOGC=200 against none");
	history_runs_free(&h);
	const struct history_run_id skip[] = {{"2026-12-03T09:52:51Z", "x"}};
	assert_int_equal(
	    history_runs_read(path, skip, 1, NULL, &h, err, sizeof err), 0);
	assert_int_equal(h.nruns, 3);
	assert_int_equal(h.nunlike, 0);
	assert_null(h.unlike_why);
	history_runs_free(&h);
	later_rows_told_otherwise(path, like);
	/* the same runs in a history of schema 2: none says how */
	char *text = fixture(path);
	struct sbuf sb = {0};
	struct csv_table t;
	assert_int_equal(csv_parse(text, path, &t, err, sizeof err), 0);
	for (size_t r = 0; r <= t.nrows; r++) {
		const char *f[22];
		memcpy(f, r ? t.rows[r - 1] : t.header, sizeof f);
		if (r)
			f[0] = "2";
		csv_add_row(&sb, f, 22);
	}
	reads_as(path, &sb, like, 3, 0);
	/* and gets rows of its own schema */
	assert_int_equal(history_append(one("results/vm/precision/"
					    "fault-quiet-1"),
					1, path, &schema, err, sizeof err),
			 0);
	assert_int_equal(schema, 2);
	struct csv_table t2;
	assert_int_equal(csv_read_file(path, &t2, err, sizeof err), 0);
	assert_int_equal(t2.ncols, 22);
	assert_string_equal(t2.rows[t2.nrows - 1][0], "2");
	csv_free(&t2);
	csv_free(&t);
	sbuf_free(&sb);
	free(text);
	free(like);
	unlink(path);
}

/* A history of schema 1 (before status and load_bound) gets rows of its
 * own schema, and is read and charted as before. */
static void keeps_schema_1(void **state)
{
	(void)state;
	const char *old[] = {"d1,c1,go->c,-,30"};
	char *path = write_history(old, 1), err[ERRLEN];
	char *before = fixture(path);
	int schema = 0;
	assert_int_equal(
	    history_append(one("results/vm/precision/short-quiet-1"), 1, path,
			   &schema, err, sizeof err),
	    0);
	assert_int_equal(schema, 1);
	char *after = fixture(path);
	assert_true(str_starts(after, before));
	struct csv_table h;
	assert_int_equal(csv_read_file(path, &h, err, sizeof err), 0);
	assert_int_equal(h.ncols, 13);
	assert_true(h.nrows > 100);
	for (size_t r = 0; r < h.nrows; r++)
		assert_string_equal(h.rows[r][0], "1");
	struct sbuf sb = {0};
	assert_int_equal(history_chart_data(&h, "call/go->c", HISTORY_VALUE,
					    &sb, err, sizeof err),
			 0);
	assert_non_null(strstr(sb.buf, "\t\"high\"\t\"load\""));
	/* no status: no load drawn, though the run was disturbed */
	char *last = strrchr(sb.buf, '\n');
	*last = 0;
	assert_string_equal(last - 4, "\tNaN");
	sb.len = 0;
	assert_int_equal(history_chart_data(&h, "call/go->c", HISTORY_RATIO,
					    &sb, err, sizeof err),
			 -1);
	assert_string_equal(err, "the history has no column 'status' (a "
				 "history of schema 1 keeps no overhead or "
				 "ratio)");
	sbuf_free(&sb);
	csv_free(&h);
	struct history_runs hr;
	assert_int_equal(
	    history_runs_read(path, NULL, 0, NULL, &hr, err, sizeof err), 0);
	assert_int_equal(hr.nruns, 2);
	history_runs_free(&hr);
	free(before);
	free(after);
	unlink(path);
	free(path);
}

/* The columns of each figure in the history, and the chart's header of
 * call go->c's series for it. */
static const char *const fig_cols[][3] = {
    {"median", "ci_low", "ci_high"},
    {"overhead", "overhead_ci_low", "overhead_ci_high"},
    {"ratio", "ratio_ci_low", "ratio_ci_high"}};
static const char *const fig_head[] = {
    "# ns/op\nrun\t\"call: go->c go1.26.8\"\t",
    "# ns/op\nrun\t\"call: go->c - c->c go1.26.8\"\t",
    "# ratio\nrun\t\"call: go->c / c->c go1.26.8\"\t"};

/* call go->c's cells in sb, the chart of figure fig of history h: its
 * figure, interval and load as the history has them; how many of its
 * rows are disturbed. */
static size_t check_figure(const struct csv_table *h, int fig,
			   const struct sbuf *sb)
{
	assert_true(str_starts(sb->buf, fig_head[fig]));
	int st = csv_col(h, "status"), lb = csv_col(h, "load_bound");
	size_t seen = 0, loaded = 0;
	for (size_t r = 0; r < h->nrows; r++) {
		char **row = h->rows[r];
		if (strcmp(row[csv_col(h, "variant")], "go->c") ||
		    strcmp(row[csv_col(h, "case")], "call") ||
		    strcmp(row[csv_col(h, "unit")], "ns/op") ||
		    *row[csv_col(h, "param")])
			continue;
		const char *v = row[csv_col(h, fig_cols[fig][0])];
		double b = atof(row[lb]);
		int disturbed = !strcmp(row[st], "disturbed");
		char low[40] = "NaN";
		/* a time's room below; an overhead's or ratio's point */
		if (disturbed && fig == 0)
			snprintf(low, sizeof low, "%.17g", atof(v) / b);
		else if (disturbed)
			snprintf(low, sizeof low, "%s", v);
		char *cells = xasprintf("\t%s\t%s\t%s\t%s\n", v,
					row[csv_col(h, fig_cols[fig][1])],
					row[csv_col(h, fig_cols[fig][2])], low);
		assert_non_null(strstr(sb->buf, cells));
		free(cells);
		seen++;
		loaded += disturbed;
		/* the bound as summary.csv has it: x1.31 to x2.78 */
		assert_true(b > 1.05 && b < 3);
	}
	assert_int_equal(seen, 3);
	return loaded;
}

/* Three committed runs: a quiet one (family 26, every call row ok) and
 * two that bore a lasting load, the second in a slow hour. The history
 * keeps each row's status, load bound, overhead and ratio as summary.csv
 * has them; the chart of medians draws a disturbed row's median over its
 * load bound, those of overheads and ratios its figure, and none for a
 * row that is ok. */
static void chart_marks_load(void **state)
{
	(void)state;
	char path[] = "/tmp/cgobench-history-XXXXXX";
	no_file(path);
	const char *runs[] = {"results/vm/20261201T065338Z",
			      "results/vm/precision/short-quiet-1",
			      "results/vm/precision/same-slow-1"};
	char err[ERRLEN];
	int schema;
	assert_int_equal(
	    history_append(runs, 3, path, &schema, err, sizeof err), 0);
	struct csv_table h;
	assert_int_equal(csv_read_file(path, &h, err, sizeof err), 0);
	struct sbuf sb = {0};
	for (int fig = 0; fig < 3; fig++) {
		sb.len = 0;
		assert_int_equal(history_chart_data(&h, "call/go->c", fig, &sb,
						    err, sizeof err),
				 0);
		assert_int_equal(check_figure(&h, fig, &sb), 2);
	}
	/* c->c has no baseline: no overhead or ratio to chart */
	assert_int_equal(history_chart_data(&h, "call/c->c", HISTORY_RATIO, &sb,
					    err, sizeof err),
			 -1);
	assert_string_equal(err, "the history has no scenario to chart with "
				 "a baseline among call/c->c");
	sbuf_free(&sb);
	csv_free(&h);
	/* compare --history reads schema 2 as it read schema 1 */
	struct history_runs hr;
	assert_int_equal(
	    history_runs_read(path, NULL, 0, NULL, &hr, err, sizeof err), 0);
	assert_int_equal(hr.nruns, 3);
	struct summary_row r = row("go->c", "c->c", "");
	r.family = "call";
	assert_int_equal(history_spread(&hr, &r, HISTORY_RATIO).runs, 3);
	history_runs_free(&hr);
	unlink(path);
}

/* The chart's load column at its edges: a disturbed row whose bound is 1
 * (no room below its median) and a table with a load_bound but no status
 * draw none; a bound of 2 halves the median. */
static void chart_load_edges(void **state)
{
	(void)state;
	static const char *const texts[] = {
	    "schema,date,commit,toolchain,cc,case,variant,param,unit,n,median,"
	    "ci_low,ci_high,status,load_bound\n"
	    "2,d1,c1,go,gcc,call,go->c,,ns/op,8,30,29,31,disturbed,1\n"
	    "2,d2,c2,go,gcc,call,go->c,,ns/op,8,30,29,31,disturbed,2\n",
	    "schema,date,commit,toolchain,cc,case,variant,param,unit,n,median,"
	    "ci_low,ci_high,load_bound\n"
	    "2,d1,c1,go,gcc,call,go->c,,ns/op,8,30,29,31,2\n"};
	static const char *const want[] = {
	    "\"d1 c1\"\t30\t29\t31\tNaN\n\"d2 c2\"\t30\t29\t31\t15\n",
	    "\"d1 c1\"\t30\t29\t31\tNaN\n"};
	for (int i = 0; i < 2; i++) {
		struct csv_table h;
		char err[ERRLEN];
		assert_int_equal(
		    csv_parse(texts[i], "h.csv", &h, err, sizeof err), 0);
		struct sbuf sb = {0};
		assert_int_equal(history_chart_data(&h, "", HISTORY_VALUE, &sb,
						    err, sizeof err),
				 0);
		size_t n = strlen(want[i]);
		assert_true(sb.len >= n);
		assert_string_equal(sb.buf + sb.len - n, want[i]);
		sbuf_free(&sb);
		csv_free(&h);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(append_once),
	    cmocka_unit_test(chart_data),
	    cmocka_unit_test(chart_marks_load),
	    cmocka_unit_test(chart_load_edges),
	    cmocka_unit_test(keeps_schema_1),
	    cmocka_unit_test(leaves_out_runs_measured_otherwise),
	    cmocka_unit_test(refuses_other_files),
	    cmocka_unit_test(skips_empty_and_param_rows),
	    cmocka_unit_test(spread_between_runs),
	};
	return cmocka_run_group_tests_name("history", tests, NULL, NULL);
}
