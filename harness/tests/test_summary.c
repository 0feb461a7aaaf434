/* Summary rows: grouping, baselines, overhead; the CSV against a golden
 * file. */
#include "testutil.h"

#include "csv.h"
#include "summary.h"

#include <math.h>

static const char *baseline(void *ctx, const char *family, const char *variant)
{
	(void)ctx;
	(void)family;
	if (!strcmp(variant, "go->c"))
		return "c->c";
	if (!strcmp(variant, "batch"))
		return "c->c";
	return NULL;
}

/* go->c at 30 +- a little, c->c at 1.5, ten repetitions each, and a
 * batched variant with a param whose baseline has none. */
static struct obs *make_obs(size_t *n)
{
	static const double goc[] = {30, 31,   29,   30.5, 29.5,
				     30, 31.5, 28.5, 30,   30};
	static const double cc[] = {1.5,  1.4, 1.6, 1.5,  1.45,
				    1.55, 1.5, 1.5, 1.52, 1.48};
	struct obs *o = xcalloc(32, sizeof *o);
	size_t k = 0;
	for (int i = 0; i < 10; i++) {
		o[k++] = (struct obs){"call", "go->c", "go1.26.8", "gcc",
				      "",     "ns/op", i + 1,	   goc[i]};
		o[k++] = (struct obs){"call", "c->c",  "go1.26.8", "gcc",
				      "",     "ns/op", i + 1,	   cc[i]};
		if (i < 3)
			o[k++] =
			    (struct obs){"call", "batch", "go1.26.8", "gcc",
					 "n=8",	 "ns/op", i + 1,      3 + i};
	}
	o[k++] =
	    (struct obs){"call", "go->c", "go1.26.8", "gcc", "", "B/op", 1, 0};
	*n = k;
	return o;
}

static void rows_and_overhead(void **state)
{
	(void)state;
	size_t n, nr;
	struct obs *o = make_obs(&n);
	struct summary_row *rows;
	summary_compute(o, n, baseline, NULL, &rows, &nr);
	assert_int_equal(nr, 4);
	struct summary_row *g = summary_find(rows, nr, "call", "go->c",
					     "go1.26.8", "gcc", "", "ns/op");
	assert_non_null(g);
	assert_int_equal(g->s.n, 10);
	assert_true(g->s.median == 30);
	assert_true(g->s.ci_low == 29 && g->s.ci_high == 31);
	assert_string_equal(g->baseline, "c->c");
	assert_true(g->baseline_found);
	assert_true(g->baseline_median == 1.5);
	assert_true(g->d.diff == 28.5);
	assert_true(g->d.ratio == 20);
	assert_true(g->d.diff_low <= 28.5 && g->d.diff_high >= 28.5);
	assert_true(summary_within(&g->s, 3.4));
	assert_false(summary_within(&g->s, 3.3));
	/* each bound alone decides, and a bound exactly at the goal is
	 * within it */
	struct stats_summary s = {.n = 5, .median = 100, .ci_low = 97,
				  .ci_high = 103};
	assert_true(summary_within(&s, 3));
	s.ci_high = 103.01;
	assert_false(summary_within(&s, 3));
	s.ci_high = 101;
	s.ci_low = 96.99;
	assert_false(summary_within(&s, 3));
	s.ci_low = 100;
	assert_true(summary_within(&s, 3));
	s.n = 0;
	assert_false(summary_within(&s, 3));
	/* a param row falls back to the baseline without a param */
	struct summary_row *b = summary_find(rows, nr, "call", "batch",
					     "go1.26.8", "gcc", "n=8", "ns/op");
	assert_true(b->baseline_found);
	assert_true(b->d.diff == 4 - 1.5);
	/* B/op has no baseline row of its unit */
	struct summary_row *bytes = summary_find(rows, nr, "call", "go->c",
						 "go1.26.8", "gcc", "", "B/op");
	assert_string_equal(bytes->baseline, "c->c");
	assert_false(bytes->baseline_found);
	struct summary_row *c = summary_find(rows, nr, "call", "c->c",
					     "go1.26.8", "gcc", "", "ns/op");
	assert_null(c->baseline);
	summary_free(rows, nr);
	free(o);
}

static void golden_csv(void **state)
{
	(void)state;
	size_t n, nr;
	struct obs *o = make_obs(&n);
	struct summary_row *rows;
	summary_compute(o, n, baseline, NULL, &rows, &nr);
	rows[0].note = xstrdup("a note, with a comma");
	struct sbuf sb = {0};
	summary_format_csv(rows, nr, &sb);
	assert_golden(FIXTURE("summary-golden.csv"), sb.buf);
	sbuf_free(&sb);
	summary_free(rows, nr);
	free(o);
}

/* summary.csv read back: the matrix run's 10 skipped rows (n=0) are no
 * figures, and a later schema is refused, naming the line. */
static void read_back(void **state)
{
	(void)state;
	struct csv_table t;
	char err[ERRLEN];
	assert_int_equal(csv_read_file("results/vm/20261126T063223Z/summary.csv",
				       &t, err, sizeof err),
			 0);
	struct summary_row *rows;
	size_t nr;
	assert_int_equal(summary_from_csv(&t, &rows, &nr, err, sizeof err), 0);
	assert_int_equal(nr, t.nrows - 10);
	for (size_t i = 0; i < nr; i++)
		assert_true(rows[i].s.n > 0);
	free(rows);
	char *schema = t.rows[3][csv_col(&t, "schema")];
	schema[0] = '2';
	assert_int_equal(summary_from_csv(&t, &rows, &nr, err, sizeof err),
			 -1);
	free(rows);
	assert_string_equal(err, "results/vm/20261126T063223Z/summary.csv:5: "
				 "schema '2', this cgobench reads 1");
	csv_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(rows_and_overhead),
	    cmocka_unit_test(golden_csv),
	    cmocka_unit_test(read_back),
	};
	return cmocka_run_group_tests_name("summary", tests, NULL, NULL);
}
