/* compare against golden outputs, from two committed real runs of the
 * call family (pinned and unpinned), in every format and both modes. */
#include "testutil.h"

#include "compare.h"

#include <stdio.h>
#include <unistd.h>

#define OLD "results/vm/pinning-auto-1"
#define NEW "results/vm/pinning-none-1"

static void golden(const char *old, const char *new_,
		   const struct compare_opts *o, const char *name,
		   size_t want_regressions)
{
	char *got;
	size_t len, regressions;
	FILE *f = open_memstream(&got, &len);
	char err[ERRLEN];
	if (compare_runs(old, new_, o, f, &regressions, err, sizeof err) != 0)
		fail_msg("%s", err);
	fclose(f);
	char *path = xasprintf("harness/tests/fixtures/%s", name);
	if (getenv("CGOBENCH_UPDATE_GOLDEN"))
		file_write_atomic(path, got, len, err, sizeof err);
	char *want = fixture(path);
	assert_string_equal(got, want);
	assert_int_equal(regressions, want_regressions);
	free(want);
	free(path);
	free(got);
}

static void text_from_samples(void **state)
{
	(void)state;
	struct compare_opts o = {.threshold_pct = 5, .alpha = 0.05};
	golden(OLD, NEW, &o, "compare-text.golden", 0);
	/* go->go 2.1% slower (p=0.019) and c->c 1.0% (p=0.017): two
	 * regressions above 1%; c->c(fnptr) at 0.8% is not one */
	o.threshold_pct = 1;
	golden(OLD, NEW, &o, "compare-threshold1.golden", 2);
}

static void csv_and_json(void **state)
{
	(void)state;
	struct compare_opts o = {
	    .threshold_pct = 5, .alpha = 0.05, .format = COMPARE_CSV};
	golden(OLD, NEW, &o, "compare-csv.golden", 0);
	o.format = COMPARE_JSON;
	golden(OLD "/raw.csv", NEW "/raw.csv", &o, "compare-json.golden", 0);
}

static void normalized_from_summaries(void **state)
{
	(void)state;
	struct compare_opts o = {
	    .threshold_pct = 5, .alpha = 0.05, .normalize = 1};
	golden(OLD "/summary.csv", NEW "/summary.csv", &o,
	       "compare-normalized.golden", 0);
}

static void bad_input(void **state)
{
	(void)state;
	struct compare_opts o = {.threshold_pct = 5, .alpha = 0.05};
	size_t reg;
	char err[ERRLEN];
	FILE *f = fopen("/dev/null", "w");
	assert_int_equal(
	    compare_runs("/nonexistent", NEW, &o, f, &reg, err, sizeof err),
	    -1);
	assert_string_equal(err, "no such run: '/nonexistent'");
	char other[] = "/tmp/cgobench-other-XXXXXX";
	int fd = mkstemp(other);
	const char *rows = "schema,case,variant,toolchain,cc,param,rep,iters,"
			   "unit,value\n1,batch,go->c,go1.26.8,gcc,n=8,1,10,"
			   "ns/op,3.5\n";
	assert_int_equal(write(fd, rows, strlen(rows)), (ssize_t)strlen(rows));
	close(fd);
	assert_int_equal(compare_runs(other, NEW, &o, f, &reg, err, sizeof err),
			 -1);
	char *want = xasprintf("'%s' and 'results/vm/pinning-none-1' have no "
			       "benchmark in common",
			       other);
	assert_string_equal(err, want);
	free(want);
	unlink(other);
	assert_int_equal(compare_runs("harness/tests/fixtures/gbench-call.json",
				      NEW, &o, f, &reg, err, sizeof err),
			 -1);
	assert_non_null(strstr(err, "gbench-call.json"));
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(text_from_samples),
	    cmocka_unit_test(csv_and_json),
	    cmocka_unit_test(normalized_from_summaries),
	    cmocka_unit_test(bad_input),
	};
	return cmocka_run_group_tests_name("compare", tests, NULL, NULL);
}
