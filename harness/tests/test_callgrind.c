/* Callgrind dumps: the summary line of real dumps, and the largest of a
 * run's numbered dumps (captured from a go->c benchmark of 100000 ops). */
#include "testutil.h"

#include "callgrind.h"

#include <stdio.h>
#include <unistd.h>

static void summary_of_real_dumps(void **state)
{
	(void)state;
	char *text = fixture(FIXTURE("callgrind/go-c.out.2"));
	double ir;
	char err[ERRLEN];
	assert_int_equal(
	    callgrind_parse_summary(text, "d", &ir, err, sizeof err), 0);
	assert_true(ir == 32518015);
	free(text);
	assert_int_equal(
	    callgrind_parse_summary("events: Ir\n", "d", &ir, err, sizeof err),
	    -1);
	assert_string_equal(err, "d: no callgrind totals line");
	assert_int_equal(callgrind_parse_summary("x\nsummary: lots\n", "d", &ir,
						 err, sizeof err),
			 -1);
	assert_string_equal(err, "d: bad 'summary:' line");
	assert_int_equal(callgrind_parse_summary("x\nsummary: 7\n", "d", &ir,
						 err, sizeof err),
			 0);
	assert_true(ir == 7);
	assert_int_equal(callgrind_parse_summary("x\ntotals: -7\n", "d", &ir,
						 err, sizeof err),
			 -1);
	assert_string_equal(err, "d: bad 'totals:' line");
}

static void largest_dump(void **state)
{
	(void)state;
	double ir;
	char err[ERRLEN];
	/* dumps 1 (N=1), 2 (N=100000) and 3 (after the benchmark) */
	char *path;
	assert_int_equal(callgrind_largest_dump(FIXTURE("callgrind/go-c.out"),
						&ir, &path, err, sizeof err),
			 0);
	assert_true(ir == 32518015);
	assert_string_equal(path, FIXTURE("callgrind/go-c.out.2"));
	free(path);
	assert_int_equal(callgrind_largest_dump("/nonexistent/cg.out", &ir,
						NULL, err, sizeof err),
			 -1);
	assert_non_null(strstr(err, "never started its timer"));
}

static void command_line(void **state)
{
	(void)state;
	char *argv[CALLGRIND_ARGS + 1];
	int n = callgrind_argv("/tmp/x/cg.out", argv);
	assert_true(n <= CALLGRIND_ARGS);
	assert_string_equal(argv[0], "valgrind");
	assert_string_equal(argv[2], "--callgrind-out-file=/tmp/x/cg.out");
	assert_null(argv[n]);
	free(argv[2]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(summary_of_real_dumps),
	    cmocka_unit_test(largest_dump),
	    cmocka_unit_test(command_line),
	};
	return cmocka_run_group_tests_name("callgrind", tests, NULL, NULL);
}
