/* The Google Benchmark JSON parser against real captured outputs. */
#include "testutil.h"

#include "gbench.h"

static void call_family(void **state)
{
	(void)state;
	char *text = fixture(FIXTURE("gbench-call.json"));
	struct bench_output o;
	char err[ERRLEN];
	assert_int_equal(gbench_parse(text, "g.json", &o, err, sizeof err), 0);
	assert_int_equal(o.nlines, 4);
	assert_string_equal(o.lines[0].variant, "c->c");
	assert_string_equal(o.lines[1].variant, "c->c(fnptr)");
	assert_string_equal(o.lines[2].variant, "c->go(main)");
	assert_string_equal(o.lines[3].variant, "c->go(cthread)");
	assert_string_equal(o.lines[3].param, "");
	assert_string_equal(o.lines[3].top, "");
	assert_int_equal(o.lines[0].iters, 50764642);
	assert_true(o.lines[0].metrics[0].value == 1.3818392730899469e+00);
	assert_string_equal(o.lines[0].metrics[0].unit, "ns/op");
	assert_int_equal(o.lines[0].nmetrics, 1);
	assert_true(o.lines[3].metrics[0].value == 9.0056371077736557e+01);
	benchout_free(&o);
	free(text);
}

/* The batch family's driver: its counter "items" becomes ns/item. */
static void items_counter(void **state)
{
	(void)state;
	char *text = fixture(FIXTURE("gbench-batch.json"));
	struct bench_output o;
	char err[ERRLEN];
	assert_int_equal(gbench_parse(text, "g.json", &o, err, sizeof err), 0);
	assert_int_equal(o.nlines, 3);
	assert_string_equal(o.lines[1].variant, "c->c");
	assert_string_equal(o.lines[1].param, "n=64");
	assert_int_equal(o.lines[1].nmetrics, 2);
	assert_string_equal(o.lines[1].metrics[1].unit, "ns/item");
	assert_true(o.lines[1].metrics[1].value == 3.7943095756769634e+02 / 64);
	assert_true(o.lines[2].metrics[1].value ==
		    2.4861230769345049e+04 / 4096);
	/* a result is found by its variant and its param */
	assert_string_equal(o.lines[2].param, "n=4096");
	assert_ptr_equal(benchout_find(&o, "c->c", "n=4096"), &o.lines[2]);
	assert_ptr_equal(benchout_find(&o, "c->c", "n=64"), &o.lines[1]);
	assert_null(benchout_find(&o, "c->c", "n=8"));
	benchout_free(&o);
	free(text);
}

static void nan_error_and_units(void **state)
{
	(void)state;
	char *text = fixture(FIXTURE("gbench-nan-error.json"));
	struct bench_output o;
	char err[ERRLEN];
	assert_int_equal(gbench_parse(text, "g.json", &o, err, sizeof err), 0);
	assert_int_equal(o.nlines, 2);
	assert_string_equal(o.lines[0].variant, "c->c");
	assert_string_equal(o.lines[0].param, "n=64");
	/* NaN and -Infinity counters are dropped, "items" makes ns/item */
	assert_int_equal(o.lines[0].nmetrics, 2);
	assert_string_equal(o.lines[0].metrics[1].unit, "ns/item");
	assert_true(o.lines[0].metrics[1].value ==
		    o.lines[0].metrics[0].value / 64);
	/* microseconds become ns/op */
	assert_string_equal(o.lines[1].variant, "c->c(us)");
	assert_true(o.lines[1].metrics[0].value ==
		    3.0226080677475881e-04 * 1e3);
	assert_int_equal(o.nnotes, 1);
	assert_string_equal(o.notes[0].variant, "c->go(cthread)");
	assert_int_equal(o.notes[0].status, BENCH_FAILED);
	assert_string_equal(o.notes[0].reason, "pthread_create failed");
	benchout_free(&o);
	free(text);
}

static void sanitize_keeps_strings(void **state)
{
	(void)state;
	char *s = gbench_sanitize(
	    "{\"NaN\": NaN, \"x\": -Infinity, \"s\": \"a \\\" NaN\", \"i\": Infinity}");
	assert_string_equal(
	    s,
	    "{\"NaN\": null, \"x\": null, \"s\": \"a \\\" NaN\", \"i\": null}");
	free(s);
}

static void malformed(void **state)
{
	(void)state;
	struct bench_output o;
	char err[ERRLEN];
	assert_int_equal(gbench_parse("{\n\"benchmarks\": [\n{,\n", "g.json",
				      &o, err, sizeof err),
			 -1);
	assert_true(str_starts(err, "g.json:3: "));
	assert_int_equal(
	    gbench_parse("{\"context\": {}}", "g.json", &o, err, sizeof err),
	    -1);
	assert_string_equal(err, "g.json: no \"benchmarks\" array");
	assert_int_equal(
	    gbench_parse("{\"benchmarks\": [{\"name\": \"a\", \"run_type\": "
			 "\"iteration\", \"iterations\": 5, \"real_time\": 1, "
			 "\"time_unit\": \"fortnights\"}]}",
			 "g.json", &o, err, sizeof err),
	    -1);
	assert_string_equal(err, "g.json: benchmark 'a': missing or bad "
				 "iterations, real_time or time_unit");
	/* aggregates are skipped, not errors */
	assert_int_equal(
	    gbench_parse(
		"{\"benchmarks\": [{\"name\": \"a_mean\", \"run_name\": "
		"\"a\", \"run_type\": \"aggregate\"}]}",
		"g.json", &o, err, sizeof err),
	    0);
	assert_int_equal(o.nlines, 0);
	benchout_free(&o);
}

/* Every time unit Google Benchmark prints (->Unit(kNanosecond) to
 * kSecond, captured from a real driver) becomes ns/op at its scale. */
static void every_time_unit(void **state)
{
	(void)state;
	char *text = fixture(FIXTURE("gbench-units.json"));
	struct bench_output o;
	char err[ERRLEN];
	assert_int_equal(gbench_parse(text, "g.json", &o, err, sizeof err), 0);
	assert_int_equal(o.nlines, 4);
	static const double want[] = {
	    3.8883375000011711e+05, 9.9170149999849855e+01 * 1e3,
	    2.1421341999939614e+00 * 1e6, 2.0257009333344438e-02 * 1e9};
	for (int i = 0; i < 4; i++) {
		assert_string_equal(o.lines[i].metrics[0].unit, "ns/op");
		assert_true(o.lines[i].metrics[0].value == want[i]);
	}
	benchout_free(&o);
	free(text);
	/* a unit it does not know is an error, not a guess */
	assert_int_equal(
	    gbench_parse("{\"benchmarks\": [{\"name\": \"a\", \"iterations\": "
			 "1, \"real_time\": 1, \"time_unit\": \"ks\"}]}",
			 "g.json", &o, err, sizeof err),
	    -1);
	assert_string_equal(err, "g.json: benchmark 'a': missing or bad "
				 "iterations, real_time or time_unit");
}

/* ns/op and 11 counters fit; a 12th counter is an error naming the
 * benchmark, never a metric dropped without a word. */
static void too_many_counters(void **state)
{
	(void)state;
	struct sbuf sb = {0};
	sbuf_addstr(&sb,
		    "{\"benchmarks\": [{\"name\": \"a\", \"iterations\": 1, "
		    "\"real_time\": 1, \"time_unit\": \"ns\"");
	for (int i = 0; i < 11; i++)
		sbuf_addf(&sb, ", \"c%d\": %d", i, i);
	struct sbuf full = {0};
	sbuf_addf(&full, "%s}]}", sb.buf);
	struct bench_output o;
	char err[ERRLEN];
	assert_int_equal(gbench_parse(full.buf, "g.json", &o, err, sizeof err),
			 0);
	assert_int_equal(o.lines[0].nmetrics, 12);
	benchout_free(&o);
	full.len = 0;
	sbuf_addf(&full, "%s, \"c11\": 11}]}", sb.buf);
	assert_int_equal(gbench_parse(full.buf, "g.json", &o, err, sizeof err),
			 -1);
	assert_string_equal(err, "g.json: benchmark 'a': more than 12 metrics, "
				 "counter 'c11' among them");
	sbuf_free(&sb);
	sbuf_free(&full);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(call_family),
	    cmocka_unit_test(items_counter),
	    cmocka_unit_test(nan_error_and_units),
	    cmocka_unit_test(sanitize_keeps_strings),
	    cmocka_unit_test(malformed),
	    cmocka_unit_test(every_time_unit),
	    cmocka_unit_test(too_many_counters),
	};
	return cmocka_run_group_tests_name("gbench", tests, NULL, NULL);
}
