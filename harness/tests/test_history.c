/* The history file: created with its header, appended to, refused when
 * its header is another's; against a golden file from a committed run. */
#include "testutil.h"

#include "csv.h"
#include "history.h"

#include <unistd.h>

#define RUN "results/vm/benchtime-0.2s"

/* A run as the list of one that history_append takes. */
static const char *const *one(const char *run)
{
	static const char *list[1];
	list[0] = run;
	return list;
}

/* A new file gets the header and the run; the same run again is refused
 * and leaves the file as it was; two runs in one call where the second
 * cannot be read append nothing. */
static void append_once(void **state)
{
	(void)state;
	char path[] = "/tmp/cgobench-history-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	char err[ERRLEN];
	assert_int_equal(history_append(one(RUN), 1, path, err, sizeof err), 0);
	char *got = fixture(path);
	assert_golden(FIXTURE("history-golden.csv"), got);
	assert_int_equal(history_append(one(RUN), 1, path, err, sizeof err),
			 -1);
	char *want = xasprintf("'%s' is in '%s' already (the same date and "
			       "commit)",
			       RUN, path);
	assert_string_equal(err, want);
	free(want);
	const char *two[] = {"results/vm/toolchains", "/nonexistent"};
	assert_int_equal(history_append(two, 2, path, err, sizeof err), -1);
	char *after = fixture(path);
	assert_string_equal(after, got);
	free(after);
	/* a history whose last line lost its newline is ended first */
	FILE *f = fopen(path, "w");
	fwrite(got, 1, strlen(got) - 1, f);
	fclose(f);
	assert_int_equal(history_append(one("results/vm/toolchains"), 1, path,
					err, sizeof err),
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
	assert_int_equal(history_append(one(RUN), 1,
					FIXTURE("summary-golden.csv"), err,
					sizeof err),
			 -1);
	assert_string_equal(err, "harness/tests/fixtures/summary-golden.csv:1: "
				 "not a history file of schema 1");
	assert_int_equal(history_append(one("/nonexistent"), 1,
					"/nonexistent/history.csv", err,
					sizeof err),
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
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	char err[ERRLEN];
	const char *runs[] = {RUN, "results/vm/benchtime-0.05s",
			      "results/vm/toolchains"};
	for (int i = 0; i < 3; i++)
		assert_int_equal(
		    history_append(one(runs[i]), 1, path, err, sizeof err), 0);
	struct csv_table h;
	assert_int_equal(csv_read_file(path, &h, err, sizeof err), 0);
	struct sbuf sb = {0};
	assert_int_equal(history_chart_data(&h, "call/go->c,call/c->c", &sb,
					    err, sizeof err),
			 0);
	/* unit, header, three runs */
	size_t lines = 0;
	for (const char *p = sb.buf; (p = strchr(p, '\n')); p++)
		lines++;
	assert_int_equal(lines, 2 + 3);
	assert_true(str_starts(sb.buf, "# ns/op\nrun\t\"call: go->c go1.26.8\""
				       "\t\"low\"\t\"high\"\t\"call: c->c "
				       "go1.26.8\""));
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
		char *cells = xasprintf(
		    "\t%s\t%s\t%s", row[csv_col(&h, "median")],
		    row[csv_col(&h, "ci_low")], row[csv_col(&h, "ci_high")]);
		assert_non_null(strstr(sb.buf, cells));
		free(cells);
	}
	sb.len = 0;
	assert_int_equal(
	    history_chart_data(&h, "call/nothing", &sb, err, sizeof err), -1);
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
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	char err[ERRLEN];
	assert_int_equal(history_append(one(run), 1, path, err, sizeof err), 0);
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
					    &sb, err, sizeof err),
			 0);
	assert_null(strstr(sb.buf, "batch"));
	assert_non_null(strstr(sb.buf, "\"call: go->c go1.26.8\""));
	/* the default: every scenario without a param */
	sb.len = 0;
	assert_int_equal(history_chart_data(&h, "", &sb, err, sizeof err), 0);
	assert_null(strstr(sb.buf, "batch"));
	assert_null(strstr(sb.buf, "goroutines"));
	assert_non_null(strstr(sb.buf, "\"call: go->c go1.26.8\""));
	sb.len = 0;
	assert_int_equal(
	    history_chart_data(&h, "batch/go->c(each)", &sb, err, sizeof err),
	    -1);
	sbuf_free(&sb);
	csv_free(&h);
	csv_free(&s);
	free(sp);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(append_once),
	    cmocka_unit_test(chart_data),
	    cmocka_unit_test(refuses_other_files),
	    cmocka_unit_test(skips_empty_and_param_rows),
	};
	return cmocka_run_group_tests_name("history", tests, NULL, NULL);
}
