/* report.md against a golden file from a committed run (three toolchains,
 * counted, with its anatomy), and every median, overhead and ratio of its
 * headline table equal to summary.csv's. */
#include "testutil.h"

#include "csv.h"
#include "report.h"

#include <stdio.h>

#define RUN "results/vm/anatomy-toolchains"
/* the reference run of every family */
#define SUITE "results/vm/20261126T062326Z"

static void golden(void **state)
{
	(void)state;
	struct sbuf sb = {0};
	char err[ERRLEN];
	if (report_build(RUN, &sb, err, sizeof err) != 0)
		fail_msg("%s", err);
	if (getenv("CGOBENCH_UPDATE_GOLDEN"))
		file_write_atomic(FIXTURE("report-golden.md"), sb.buf, sb.len,
				  err, sizeof err);
	char *want = fixture(FIXTURE("report-golden.md"));
	assert_string_equal(sb.buf, want);
	free(want);
	sbuf_free(&sb);
}

static void numbers_are_the_summary(void **state)
{
	(void)state;
	struct sbuf sb = {0};
	char err[ERRLEN];
	const char *runs[] = {RUN, "results/vm/toolchains", SUITE};
	for (int k = 0; k < 3; k++) {
		sb.len = 0;
		if (report_build(runs[k], &sb, err, sizeof err) != 0)
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
			double o = atof(ov);
			double ra = atof(t.rows[r][csv_col(&t, "ratio")]);
			char *line =
			    xasprintf("| %s | `%s` | %s | %s | %s | %.4g [",
				      t.rows[r][csv_col(&t, "case")],
				      t.rows[r][csv_col(&t, "variant")],
				      t.rows[r][csv_col(&t, "toolchain")],
				      t.rows[r][csv_col(&t, "param")], unit, m);
			char *at = strstr(sb.buf, line);
			if (!at)
				fail_msg("%s: no headline row '%s'", runs[k],
					 line);
			char *end = strchr(at, '\n');
			char *row = xstrndup(at, (size_t)(end - at));
			char *o_s = xasprintf("| %.4g [", o);
			char *r_s = xasprintf("| %.4g [", ra);
			if (!strstr(row, o_s) || !strstr(row, r_s))
				fail_msg(
				    "%s: row '%s' lacks overhead %s or ratio %s",
				    runs[k], row, o_s, r_s);
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
	struct csv_table t;
	char err[ERRLEN];
	if (csv_read_file("results/vm/toolchains/summary.csv", &t, err,
			  sizeof err) != 0)
		fail_msg("%s", err);
	struct sbuf ov = {0}, tc = {0};
	report_overview_data(&t, "ns/op", &ov);
	report_toolchain_data(&t, "ns/op", &tc);
	if (getenv("CGOBENCH_UPDATE_GOLDEN")) {
		file_write_atomic(FIXTURE("overview-golden.dat"), ov.buf,
				  ov.len, err, sizeof err);
		file_write_atomic(FIXTURE("toolchains-golden.dat"), tc.buf,
				  tc.len, err, sizeof err);
	}
	char *want = fixture(FIXTURE("overview-golden.dat"));
	assert_string_equal(ov.buf, want);
	free(want);
	want = fixture(FIXTURE("toolchains-golden.dat"));
	assert_string_equal(tc.buf, want);
	free(want);
	/* 7 variants times 3 toolchains, grouped: the baselines first */
	size_t lines = 0;
	for (const char *p = ov.buf; (p = strchr(p, '\n')); p++)
		lines++;
	assert_int_equal(lines, 1 + 21);
	assert_true(str_starts(strchr(ov.buf, '\n') + 1,
			       "\"c->c go1.26.8\"\t\"baseline\"\t0\t"));
	sbuf_free(&ov);
	sbuf_free(&tc);
	csv_free(&t);
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
	if (report_build(SUITE, &sb, err, sizeof err) != 0)
		fail_msg("%s", err);
	struct csv_table t;
	if (csv_read_file(SUITE "/summary.csv", &t, err, sizeof err) != 0)
		fail_msg("%s", err);
	assert_null(strstr(sb.buf, "Not measured"));
	static const struct {
		const char *family, *variant, *param, *unit, *col, *fmt;
	} figs[] = {
	    {"batch", "go->c(batch)", "n=4096", "ns/item", "median",
	     "`go->c(batch)` %.4g ns/item"},
	    {"batch", "go->c(each)", "n=4096", "ns/item", "median",
	     "`go->c(each)` %.4g ns/item"},
	    {"handles", "rwmutex-map(mutex-id)", "goroutines=1", "ns/op",
	     "overhead", "callback with 1 goroutine and "},
	    {"handles", "sharded-map(object-key)", "goroutines=4", "ns/op",
	     "median", "(`sharded-map(object-key)`): %.4g ns/op"},
	    {"threads", "sleep(c)", "goroutines=64", "threads", "median",
	     "grew the process to %.4g threads"},
	    {"threads", "go->c(pool)", "goroutines=64", "threads", "median",
	     "`go->c` calls: %.4g threads through the pool"},
	    {"data", "GoString", "cgocheck=1", "allocs/op", "median",
	     "string: %.3g allocs/op"},
	    {"data", "GoString", "cgocheck=1", "B/op", "median",
	     "allocs/op, %.4g B/op"},
	};
	for (size_t i = 0; i < sizeof figs / sizeof *figs; i++) {
		/* a fmt without a number follows the figure */
		int after = !strchr(figs[i].fmt, '%');
		char *f = figure(&t, figs[i].family, figs[i].variant,
				 figs[i].param, figs[i].unit, figs[i].col,
				 after ? "costs %.4g ns over the bare "
				       : figs[i].fmt);
		char *want = xasprintf("%s%s", f, after ? figs[i].fmt : "");
		free(f);
		if (!strstr(sb.buf, want))
			fail_msg("report.md lacks '%s'", want);
		free(want);
	}
	static const char *const verdicts[] = {
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

/* The batching chart's data: a row a batch size, every series, each
 * number summary.csv's. */
static void series_data(void **state)
{
	(void)state;
	struct csv_table t;
	char err[ERRLEN];
	if (csv_read_file(SUITE "/summary.csv", &t, err, sizeof err) != 0)
		fail_msg("%s", err);
	struct sbuf sb = {0};
	report_series_data(&t, "batch", "n=", "ns/item", &sb);
	if (getenv("CGOBENCH_UPDATE_GOLDEN"))
		file_write_atomic(FIXTURE("batch-golden.dat"), sb.buf, sb.len,
				  err, sizeof err);
	char *want = fixture(FIXTURE("batch-golden.dat"));
	assert_string_equal(sb.buf, want);
	free(want);
	assert_true(str_starts(sb.buf, "n\t\"c->c\"\t\"low\"\t\"high\"\t"
				       "\"go->go\""));
	size_t lines = 0;
	for (const char *p = sb.buf; (p = strchr(p, '\n')); p++)
		lines++;
	assert_int_equal(lines, 1 + 13);
	char *n64 = figure(&t, "batch", "go->c(each)", "n=64", "ns/item",
			   "median", "\t%.17g\t");
	char *row = strstr(sb.buf, "\n64\t");
	assert_non_null(row);
	assert_true(strstr(row, n64) &&
		    strstr(row, n64) < strchr(row + 1, '\n'));
	free(n64);
	sb.len = 0;
	report_series_data(&t, "handles", "goroutines=", "ns/op", &sb);
	assert_true(str_starts(sb.buf, "goroutines\t\"callback\""));
	sb.len = 0;
	report_series_data(&t, "call", "n=", "ns/op", &sb);
	assert_string_equal(sb.buf, "n\n"); /* no such param: a header */
	sbuf_free(&sb);
	csv_free(&t);
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
	    report_machines_data(runs, 2, "ns/op", &sb, err, sizeof err), 0);
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
	assert_int_equal(
	    report_machines_data(bad, 2, "ns/op", &sb, err, sizeof err), -1);
	assert_string_equal(err, "cannot open '/nonexistent/machine.txt': No "
				 "such file or directory");
	sbuf_free(&sb);
}

static void bad_run(void **state)
{
	(void)state;
	struct sbuf sb = {0};
	char err[ERRLEN];
	assert_int_equal(report_build("/nonexistent", &sb, err, sizeof err),
			 -1);
	assert_string_equal(err, "cannot open '/nonexistent/machine.txt': No "
				 "such file or directory");
	sbuf_free(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(golden),
	    cmocka_unit_test(numbers_are_the_summary),
	    cmocka_unit_test(chart_data),
	    cmocka_unit_test(claims_are_the_summary),
	    cmocka_unit_test(series_data),
	    cmocka_unit_test(machines_data),
	    cmocka_unit_test(bad_run),
	};
	return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
