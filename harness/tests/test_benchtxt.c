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
	    {"call", "go->c", "", "go1.26.8", "gcc", 2163180, a, 3, 1, 0},
	    {"call", "c->c", "", "go1.26.8", "gcc", 50764642, b, 1, 1, 0},
	    {"batch", "go->c", "n=64", "go1.27.3", "gcc", 1000, b, 1, 2, 0},
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

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(golden_and_parses),
	};
	return cmocka_run_group_tests_name("benchtxt", tests, NULL, NULL);
}
