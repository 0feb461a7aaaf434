/* bench.txt against a golden file, and read back by the go test parser,
 * which takes the same format as benchstat. */
#include "testutil.h"

#include "benchtxt.h"
#include "gotest.h"
#include "machine.h"

static void golden_and_parses(void **state)
{
	(void)state;
	struct machine m = {0};
	machine_set(&m, "cpu", "AMD EPYC");
	machine_set(&m, "cores", "2");
	struct metric a[] = {{"ns/op", 35.25}, {"B/op", 0}, {"allocs/op", 0}};
	struct metric b[] = {{"ns/op", 1.3818392730899469}};
	struct benchtxt_sample s[] = {
	    {"call", "go->c", "", "go1.26.8", "gcc", 2163180, a, 3, 1, 0, 0},
	    {"call", "c->c", "", "go1.26.8", "gcc", 50764642, b, 1, 1, 0, 0},
	    {"batch", "go->c", "n=64", "go1.27.3", "gcc", 1000, b, 1, 2, 0, 0},
	};
	struct sbuf sb = {0}, text = {0};
	machine_format(&m, &text);
	benchtxt_format(text.buf, s, 3, &sb);
	sbuf_free(&text);
	assert_golden(FIXTURE("bench-golden.txt"), sb.buf);
	struct bench_output o;
	char err[ERRLEN];
	assert_int_equal(
	    gotest_parse(sb.buf, "bench.txt", 1, &o, err, sizeof err), 0);
	assert_int_equal(o.nlines, 3);
	assert_string_equal(o.lines[0].top, "BenchmarkCall");
	assert_string_equal(o.lines[0].variant, "go->c");
	assert_true(o.lines[1].metrics[0].value == 1.3818392730899469);
	assert_string_equal(o.lines[2].param, "n=64");
	benchout_free(&o);
	sbuf_free(&sb);
	machine_free(&m);
}

/* Samples taken interleaved come out row by row, in the order of the
 * rows' places, each row's in the order taken, and a toolchain's line
 * once for its rows: benchstat lists rows in the order it meets them. */
static void row_by_row(void **state)
{
	(void)state;
	struct metric m[] = {{"ns/op", 1}};
	struct benchtxt_sample s[] = {
	    {"call", "go->c", "", "go1.27.3", "gcc", 11, m, 1, 1, 0, 2},
	    {"call", "c->c", "", "go1.26.8", "gcc", 12, m, 1, 1, 0, 1},
	    {"call", "go->c", "", "go1.27.3", "gcc", 13, m, 1, 2, 0, 2},
	    {"call", "c->c", "", "go1.26.8", "gcc", 14, m, 1, 2, 0, 1},
	    {"call", "go->go", "", "go1.26.8", "gcc", 15, m, 1, 1, 0, 0},
	};
	struct sbuf sb = {0};
	benchtxt_format("cpu: AMD EPYC\n", s, 5, &sb);
	assert_string_equal(sb.buf, "cpu: AMD EPYC\n"
				    "toolchain: go1.26.8\ncc: gcc\n"
				    "BenchmarkCall/go->go\t15\t1 ns/op\n"
				    "BenchmarkCall/c->c\t12\t1 ns/op\n"
				    "BenchmarkCall/c->c\t14\t1 ns/op\n"
				    "toolchain: go1.27.3\ncc: gcc\n"
				    "BenchmarkCall/go->c\t11\t1 ns/op\n"
				    "BenchmarkCall/go->c\t13\t1 ns/op\n");
	sbuf_free(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(golden_and_parses),
	    cmocka_unit_test(row_by_row),
	};
	return cmocka_run_group_tests_name("benchtxt", tests, NULL, NULL);
}
