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

/* The timer's functions as gc, gccgo's libgo (nm -D of libgo.so.21:
 * testing.B.StartTimer) and Google Benchmark name them, each pair once. */
static void command_line(void **state)
{
	(void)state;
	char *argv[CALLGRIND_ARGS + 1];
	int n = callgrind_argv("/tmp/x/cg.out", argv);
	assert_true(n <= CALLGRIND_ARGS);
	assert_string_equal(argv[0], "valgrind");
	assert_string_equal(argv[2], "--callgrind-out-file=/tmp/x/cg.out");
	assert_null(argv[n]);
	static const char *const want[] = {
	    "--zero-before=testing.(*B).StartTimer",
	    "--dump-before=testing.(*B).StopTimer",
	    "--zero-before=testing.B.StartTimer",
	    "--dump-before=testing.B.StopTimer",
	    "--zero-before=benchmark::State::StartKeepRunning*",
	    "--dump-before=benchmark::State::FinishKeepRunning*"};
	for (size_t w = 0; w < sizeof want / sizeof *want; w++) {
		int seen = 0;
		for (int i = 0; i < n; i++)
			seen += !strcmp(argv[i], want[w]);
		if (seen != 1)
			fail_msg("%s: %d times", want[w], seen);
	}
	free(argv[2]);
}

/* The dumps of a take of the test family lostcount that did 20 times its
 * loop's work after the benchmarks, where only the end's dump holds it
 * (CGOBENCH_LOSE_END_AT): the loop's count ran past the dumps. */
static void a_count_past_the_dumps(void **state)
{
	(void)state;
	double ir, end;
	char err[ERRLEN];
	assert_int_equal(
	    callgrind_largest_dump(FIXTURE("callgrind/lost-end.out"), &ir, NULL,
				   err, sizeof err),
	    0);
	assert_true(ir == 1509539);
	assert_int_equal(callgrind_end_dump(FIXTURE("callgrind/lost-end.out"),
					    &end, err, sizeof err),
			 0);
	assert_true(end == 24016615);
	assert_true(callgrind_lost_to_end(ir, end));
	/* the go-c dumps have no end dump: nothing ran past them */
	assert_int_equal(callgrind_end_dump(FIXTURE("callgrind/go-c.out"), &end,
					    err, sizeof err),
			 0);
	assert_true(end == 0);
	assert_false(callgrind_lost_to_end(32518015, end));
	/* an end dearer than a small loop, as a program's end costs */
	assert_false(callgrind_lost_to_end(11000, 16000));
	assert_false(callgrind_lost_to_end(5684805, 87632));
	assert_true(callgrind_lost_to_end(2000, 5684805));
	assert_false(callgrind_lost_to_end(6e6, 5.9e6));
	assert_int_equal(
	    callgrind_end_dump(FIXTURE("callgrind"), &end, err, sizeof err),
	    -1);
}

/* The counts of integration's counted run at 1ed08c3 that lost one take:
 * go->c of the slow family with its extra work, 200000 ops a take. */
static const double slow_counts[] = {1530.04762, 1530.05507, 1530.10566,
				     1530.04762};
#define LOST 10.36599

static void a_first_sample_needs_two_takes(void **state)
{
	(void)state;
	double one[] = {1530.04762};
	assert_false(callgrind_take_kept(NULL, 0, one, 1));
	double two[] = {1530.04762, 1530.10566};
	assert_true(callgrind_take_kept(NULL, 0, two, 2));
	/* the first lost its count: the third agrees with the second */
	double lost_first[] = {LOST, 1530.05507};
	assert_false(callgrind_take_kept(NULL, 0, lost_first, 2));
	double third[] = {LOST, 1530.05507, 1530.10566};
	assert_true(callgrind_take_kept(NULL, 0, third, 3));
	/* and the second lost it: the third agrees with the first */
	double lost_second[] = {1530.05507, LOST, 1530.10566};
	assert_true(callgrind_take_kept(NULL, 0, lost_second, 3));
}

static void later_takes_match_the_kept(void **state)
{
	(void)state;
	double lost[] = {LOST};
	assert_false(callgrind_take_kept(slow_counts, 4, lost, 1));
	double good[] = {LOST, 1530.05507};
	assert_true(callgrind_take_kept(slow_counts, 4, good, 2));
	/* against the median: one odd kept sample does not move it */
	double kept[] = {LOST, 1530.04762, 1530.10566};
	double again[] = {1530.05507};
	assert_true(callgrind_take_kept(kept, 3, again, 1));
	/* a dump that took the runtime's start along: 0.7% more, kept */
	double more[] = {1530.04762 * 1.007};
	assert_true(callgrind_take_kept(slow_counts, 4, more, 1));
}

static void counts_agree_within_two_percent(void **state)
{
	(void)state;
	assert_true(callgrind_counts_agree(325.01, 325.57));
	assert_true(callgrind_counts_agree(100, 98.01));
	assert_true(callgrind_counts_agree(98.01, 100));
	assert_false(callgrind_counts_agree(100, 97.9));
	assert_false(callgrind_counts_agree(97.9, 100));
	/* callgrind_argv's comment: 16 where 325 were due */
	assert_false(callgrind_counts_agree(325.01, 16));
	assert_true(callgrind_counts_agree(0, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(summary_of_real_dumps),
	    cmocka_unit_test(largest_dump),
	    cmocka_unit_test(command_line),
	    cmocka_unit_test(a_count_past_the_dumps),
	    cmocka_unit_test(a_first_sample_needs_two_takes),
	    cmocka_unit_test(later_takes_match_the_kept),
	    cmocka_unit_test(counts_agree_within_two_percent),
	};
	return cmocka_run_group_tests_name("callgrind", tests, NULL, NULL);
}
