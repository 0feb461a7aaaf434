/* The go test -bench parser against real captured outputs. */
#include "testutil.h"

#include "gotest.h"

static void call_family(void **state)
{
	(void)state;
	char *text = fixture(FIXTURE("gotest-call.txt"));
	struct bench_output o;
	char err[ERRLEN];
	assert_int_equal(
	    gotest_parse(text, "gotest-call.txt", 2, &o, err, sizeof err), 0);
	assert_int_equal(o.nlines, 3);
	assert_int_equal(o.nnotes, 0);
	assert_string_equal(o.lines[0].top, "BenchmarkCall");
	assert_string_equal(o.lines[0].variant, "go->go");
	assert_string_equal(o.lines[1].variant, "go->c");
	assert_string_equal(o.lines[2].variant, "go->c->go");
	assert_string_equal(o.lines[2].param, "");
	assert_int_equal(o.lines[1].iters, 2163180);
	assert_int_equal(o.lines[1].nmetrics, 3);
	assert_string_equal(o.lines[1].metrics[0].unit, "ns/op");
	assert_true(o.lines[1].metrics[0].value == 28.17);
	assert_string_equal(o.lines[1].metrics[1].unit, "B/op");
	assert_string_equal(o.lines[1].metrics[2].unit, "allocs/op");
	assert_true(o.lines[0].metrics[0].value == 1.490);
	benchout_free(&o);
	free(text);
}

/* Top-level benchmarks without a sub-benchmark, among them a one-letter
 * name, beside one with: the name after "Benchmark" is the variant, with
 * and without the -N suffix of GOMAXPROCS. */
static void top_level_names(void **state)
{
	(void)state;
	static const char *const files[] = {
	    FIXTURE("gotest-toplevel.txt"),
	    FIXTURE("gotest-toplevel-procs1.txt")};
	for (int k = 0; k < 2; k++) {
		char *text = fixture(files[k]);
		struct bench_output o;
		char err[ERRLEN];
		assert_int_equal(
		    gotest_parse(text, "x", k ? 1 : 2, &o, err, sizeof err), 0);
		assert_int_equal(o.nlines, 3);
		assert_string_equal(o.lines[0].top, "BenchmarkAdd");
		assert_string_equal(o.lines[0].variant, "Add");
		assert_string_equal(o.lines[1].top, "BenchmarkX");
		assert_string_equal(o.lines[1].variant, "X");
		assert_string_equal(o.lines[2].top, "BenchmarkSub");
		assert_string_equal(o.lines[2].variant, "go->go");
		assert_true(o.lines[1].metrics[0].value == (k ? 2.074 : 2.295));
		benchout_free(&o);
		free(text);
	}
}

static void no_procs_suffix(void **state)
{
	(void)state;
	char *text = fixture(FIXTURE("gotest-call-procs1.txt"));
	struct bench_output o;
	char err[ERRLEN];
	assert_int_equal(gotest_parse(text, "x", 1, &o, err, sizeof err), 0);
	assert_int_equal(o.nlines, 3);
	assert_string_equal(o.lines[1].variant, "go->c");
	assert_true(o.lines[2].metrics[0].value == 115.4);
	assert_int_equal(o.lines[2].nmetrics, 1);
	benchout_free(&o);
	free(text);
}

static void skip_and_fail_verbose(void **state)
{
	(void)state;
	char *text = fixture(FIXTURE("gotest-skip-fail-v.txt"));
	struct bench_output o;
	char err[ERRLEN];
	assert_int_equal(gotest_parse(text, "x", 2, &o, err, sizeof err), 0);
	assert_int_equal(o.nlines, 2);
	assert_string_equal(o.lines[0].variant, "ok");
	assert_string_equal(o.lines[0].metrics[1].unit, "threads");
	assert_true(o.lines[0].metrics[1].value == 3);
	assert_string_equal(o.lines[1].variant, "n=64");
	assert_string_equal(o.lines[1].metrics[1].unit, "ns/item");
	const struct bench_note *n = benchout_find_note(&o, "skipped", "");
	assert_non_null(n);
	assert_int_equal(n->status, BENCH_SKIPPED);
	assert_string_equal(n->reason,
			    "fx_test.go:15: needs go1.24 for #cgo noescape");
	n = benchout_find_note(&o, "failing", "");
	assert_non_null(n);
	assert_int_equal(n->status, BENCH_FAILED);
	assert_string_equal(n->reason,
			    "fx_test.go:24: boom: the C side returned 7");
	benchout_free(&o);
	free(text);
}

static void fail_reason_after_line(void **state)
{
	(void)state;
	char *text = fixture(FIXTURE("gotest-skip-fail.txt"));
	struct bench_output o;
	char err[ERRLEN];
	assert_int_equal(gotest_parse(text, "x", 2, &o, err, sizeof err), 0);
	const struct bench_note *n = benchout_find_note(&o, "failing", "");
	assert_non_null(n);
	assert_string_equal(n->reason,
			    "fx_test.go:24: boom: the C side returned 7");
	assert_non_null(benchout_find(&o, "n=64", ""));
	benchout_free(&o);
	free(text);
}

static void params_and_levels(void **state)
{
	(void)state;
	const char *text = "BenchmarkBatch/go->c/n=64-4 \t 1000\t 5.5 ns/item\n"
			   "BenchmarkBatch/go->c/n=-4 \t 1000\t 5.5 ns/op\n";
	struct bench_output o;
	char err[ERRLEN];
	assert_int_equal(gotest_parse(text, "x", 4, &o, err, sizeof err), -1);
	assert_string_equal(err,
			    "x:1: first metric is 'ns/item', want 'ns/op'");
	text = "BenchmarkBatch/go->c/n=64/g=2-4 \t 1000\t 5.5 ns/op\n"
	       "BenchmarkBatch/go->c/n=-4 \t 1000\t 5.5 ns/op\n";
	assert_int_equal(gotest_parse(text, "x", 1, &o, err, sizeof err), 0);
	assert_string_equal(o.lines[0].param, "n=64/g=2-4");
	assert_string_equal(o.lines[1].param, "n=-4");
	benchout_free(&o);
	assert_int_equal(gotest_parse(text, "x", 4, &o, err, sizeof err), 0);
	assert_string_equal(o.lines[0].param, "n=64/g=2");
	assert_string_equal(o.lines[1].param, "n=");
	benchout_free(&o);
}

static void malformed(void **state)
{
	(void)state;
	struct bench_output o;
	char err[ERRLEN];
	const char *bad_value =
	    "goos: linux\n\nBenchmarkX/a-2 \t 100\t abc ns/op\n";
	assert_int_equal(
	    gotest_parse(bad_value, "out.txt", 2, &o, err, sizeof err), -1);
	assert_string_equal(err, "out.txt:3: bad value 'abc' for unit 'ns/op'");
	const char *odd = "BenchmarkX/a-2 \t 100\t 5 ns/op 7\n";
	assert_int_equal(gotest_parse(odd, "out.txt", 2, &o, err, sizeof err),
			 -1);
	assert_non_null(strstr(err, "out.txt:1: malformed benchmark line"));
	const char *empty = "";
	assert_int_equal(gotest_parse(empty, "out.txt", 2, &o, err, sizeof err),
			 0);
	assert_int_equal(o.nlines, 0);
	benchout_free(&o);
}

static void unfinished_after_panic(void **state)
{
	(void)state;
	/* stdout of a -test.v run that panicked in BenchmarkFlaky/panics */
	char *text = fixture(FIXTURE("gotest-panic-v.txt"));
	struct bench_output o;
	char err[ERRLEN];
	assert_int_equal(gotest_parse(text, "x", 2, &o, err, sizeof err), 0);
	assert_int_equal(o.nlines, 1);
	assert_string_equal(o.lines[0].variant, "ok");
	assert_string_equal(o.unfinished_top, "BenchmarkFlaky");
	assert_string_equal(o.unfinished, "panics");
	benchout_free(&o);
	free(text);
	/* a finished run leaves nothing unfinished */
	text = fixture(FIXTURE("gotest-skip-fail-v.txt"));
	assert_int_equal(gotest_parse(text, "x", 2, &o, err, sizeof err), 0);
	assert_null(o.unfinished);
	benchout_free(&o);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(call_family),
	    cmocka_unit_test(top_level_names),
	    cmocka_unit_test(no_procs_suffix),
	    cmocka_unit_test(skip_and_fail_verbose),
	    cmocka_unit_test(fail_reason_after_line),
	    cmocka_unit_test(params_and_levels),
	    cmocka_unit_test(malformed),
	    cmocka_unit_test(unfinished_after_panic),
	};
	return cmocka_run_group_tests_name("gotest", tests, NULL, NULL);
}
