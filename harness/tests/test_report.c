/* report.md against a golden file from a committed run (three toolchains,
 * counted, with its anatomy), and every median, overhead and ratio of its
 * headline table equal to summary.csv's. */
#include "testutil.h"

#include "csv.h"
#include "report.h"

#include <stdio.h>

#define RUN "results/vm/anatomy-toolchains"

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
	const char *runs[] = {RUN, "results/vm/toolchains"};
	for (int k = 0; k < 2; k++) {
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
	    cmocka_unit_test(bad_run),
	};
	return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
