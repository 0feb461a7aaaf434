/* Summary rows: grouping, baselines, overhead; the CSV against a golden
 * file. */
#include "testutil.h"

#include "csv.h"
#include "summary.h"

#include <glob.h>
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
	summary_compute(o, n, baseline, NULL, &rows, &nr, NULL);
	assert_int_equal(nr, 4);
	struct summary_row *g = summary_find(rows, nr, "call", "go->c",
					     "go1.26.8", "gcc", "", "ns/op");
	assert_non_null(g);
	assert_int_equal(g->s.n, 10);
	assert_true(g->s.median == 30);
	/* n=10: 29 and 31, the 2nd and 9th, moved 584/888 of the way to the
	 * 3rd and 8th, 29.5 and 30.5 (test_stats.c's summarize) */
	const double lam = 584.0 / 888;
	assert_true(fabs(g->s.ci_low - (29 + 0.5 * lam)) < 1e-9);
	assert_true(fabs(g->s.ci_high - (31 - 0.5 * lam)) < 1e-9);
	assert_string_equal(g->baseline, "c->c");
	assert_true(g->baseline_found);
	assert_true(g->baseline_median == 1.5);
	/* ten pairs of one repetition each: the medians of their
	 * differences and ratios (28.48 and 28.5, 20 and 30 / 1.48 in the
	 * middle) */
	assert_true(fabs(g->d.diff - 28.49) < 1e-9);
	assert_true(fabs(g->d.ratio - (20 + 30 / 1.48) / 2) < 1e-9);
	/* n=10: the 2nd and 9th of the sorted differences, 27.4 and 29.6,
	 * moved as far toward the 3rd and 8th, 28.05 and 29 */
	assert_true(fabs(g->d.diff_low - (27.4 + 0.65 * lam)) < 1e-9);
	assert_true(fabs(g->d.diff_high - (29.6 - 0.6 * lam)) < 1e-9);
	/* (31 - 0.5 lam - 30) / 30: 2.237% */
	assert_true(summary_within(&g->s, 2.24));
	assert_false(summary_within(&g->s, 2.23));
	/* each bound alone decides, and a bound exactly at the goal is
	 * within it */
	struct stats_summary s = {.n = 6,
				  .median = 100,
				  .ci_low = 97,
				  .ci_high = 103,
				  .ci_level = SUMMARY_LEVEL};
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
	/* an interval below its level is within no goal: five equal values'
	 * [min, max] covers the median 93.75% of the time, six's 96.9% */
	const double same[SUMMARY_FEWEST] = {7, 7, 7, 7, 7, 7};
	stats_summarize(same, SUMMARY_FEWEST - 1, SUMMARY_LEVEL, &s);
	assert_true(fabs(s.ci_level - 0.9375) < 1e-12);
	assert_false(summary_at_level(&s));
	assert_false(summary_within(&s, 3));
	stats_summarize(same, SUMMARY_FEWEST, SUMMARY_LEVEL, &s);
	assert_true(summary_at_level(&s));
	assert_true(summary_within(&s, 3));
	/* as summary.csv writes the level and reads it back */
	s.ci_level = strtod("0.94999999999999996", NULL);
	assert_true(summary_at_level(&s));
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

/* A machine that runs slower in some rounds moves a crossing and its
 * baseline alike: paired by repetition, the ratio's interval has no
 * width, where two independent medians' would span both speeds. Fewer
 * than 6 pairs, or pairs for under half the crossing's samples, fall
 * back to the bootstrap of the medians. */
/* go->c at 30 ns and c->c at 1.5 ns in n rounds, every other one twice
 * as slow; c->c only in the rounds where paired(i) says so. */
static size_t drifting(struct obs *o, int n, int (*paired)(int i))
{
	size_t k = 0;
	for (int i = 0; i < n; i++) {
		double f = i % 2 ? 2 : 1;
		o[k++] = (struct obs){"call", "go->c", "go1.26.8", "gcc",
				      "",     "ns/op", i + 1,	   30 * f};
		if (paired(i))
			o[k++] =
			    (struct obs){"call", "c->c",  "go1.26.8", "gcc",
					 "",	 "ns/op", i + 1,      1.5 * f};
	}
	return k;
}

static int first6_then_odd(int i)
{
	return i < 6 || i % 2;
}
static int first5(int i)
{
	return i < 5;
}
static int first6(int i)
{
	return i < 6;
}

/* The ratio interval of go->c over c->c of n rounds so paired. */
static void drift_ratio(int n, int (*paired)(int i), double *lo, double *hi,
			double *ratio)
{
	struct obs o[64];
	size_t k = drifting(o, n, paired), nr;
	struct summary_row *rows;
	summary_compute(o, k, baseline, NULL, &rows, &nr, NULL);
	struct summary_row *g = summary_find(rows, nr, "call", "go->c",
					     "go1.26.8", "gcc", "", "ns/op");
	*lo = g->d.ratio_low;
	*hi = g->d.ratio_high;
	*ratio = g->d.ratio;
	summary_free(rows, nr);
}

/* A row over a deleted baseline has no overhead and says why; a row
 * over a measured one, or over one deleted under another unit's key,
 * keeps its own. */
static void deleted_baseline(void **state)
{
	(void)state;
	size_t n, nr;
	struct obs *o = make_obs(&n);
	struct summary_row *rows;
	summary_compute(o, n, baseline, NULL, &rows, &nr, NULL);
	struct summary_row *goc = summary_find(rows, nr, "call", "go->c",
					       "go1.26.8", "gcc", "", "ns/op"),
			   *cc = summary_find(rows, nr, "call", "c->c",
					      "go1.26.8", "gcc", "", "ns/op"),
			   *batch =
			       summary_find(rows, nr, "call", "batch",
					    "go1.26.8", "gcc", "n=8", "ns/op");
	/* nothing deleted: every overhead stays */
	summary_drop_deleted_baselines(rows, nr);
	assert_true(goc->baseline_found && batch->baseline_found);
	assert_null(goc->note);
	/* the baseline deleted: both rows over it, the one of a param
	 * through the baseline without one, lose theirs, and a note they
	 * had keeps its words first */
	cc->status = SUMMARY_DELETED;
	batch->note = xstrdup("3 samples retaken");
	summary_drop_deleted_baselines(rows, nr);
	assert_false(goc->baseline_found);
	assert_true(isnan(goc->d.diff) && isnan(goc->d.ratio_high));
	assert_string_equal(goc->note, "no overhead or ratio: its baseline "
				       "c->c is deleted");
	assert_false(batch->baseline_found);
	assert_string_equal(batch->note, "3 samples retaken; no overhead or "
					 "ratio: its baseline c->c is deleted");
	/* the CSV leaves their overhead out */
	struct sbuf sb = {0};
	summary_format_csv(rows, nr, &sb);
	assert_non_null(strstr(sb.buf, "go1.26.8,gcc,,ns/op,10,30,"));
	assert_null(strstr(sb.buf, ",28.49"));
	sbuf_free(&sb);
	summary_free(rows, nr);
	free(o);
}

static void paired_by_repetition(void **state)
{
	(void)state;
	double lo, hi, ratio;
	/* 9 pairs of 12 samples */
	drift_ratio(12, first6_then_odd, &lo, &hi, &ratio);
	assert_true(ratio == 20 && lo == 20 && hi == 20);
	/* 5 pairs: two medians' bootstrap, its interval across both speeds */
	drift_ratio(12, first5, &lo, &hi, &ratio);
	assert_true(hi - lo > 5);
	/* 6 pairs of 13 samples: under half, the bootstrap again */
	drift_ratio(13, first6, &lo, &hi, &ratio);
	assert_true(hi - lo > 5);
}

static void golden_csv(void **state)
{
	(void)state;
	size_t n, nr;
	struct obs *o = make_obs(&n);
	struct summary_row *rows;
	summary_compute(o, n, baseline, NULL, &rows, &nr, NULL);
	rows[0].note = xstrdup("a note, with a comma");
	rows[0].load_bound = 1.25;
	struct sbuf sb = {0};
	summary_format_csv(rows, nr, &sb);
	assert_golden(FIXTURE("summary-golden.csv"), sb.buf);
	sbuf_free(&sb);
	summary_free(rows, nr);
	free(o);
}

/* load_bound, where a run wrote it, reads back as written ("" as 0,
 * unknown); a bound under 1 (a load that sped the benchmark up), infinite
 * or not a number is refused, naming the line. */
static void load_bound_read(void **state)
{
	(void)state;
	const char *path = FIXTURE("summary-golden.csv");
	char *golden = fixture(path), err[ERRLEN];
	char *text = xstrdup(golden);
	free(golden);
	struct summary_table t;
	assert_int_equal(summary_parse(text, path, &t, err, sizeof err), 0);
	assert_true(t.rows[0].load_bound == 1.25);
	assert_true(t.rows[1].load_bound == 0);
	summary_table_free(&t);
	char *bound = strstr(text, ",1.25,");
	assert_non_null(bound);
	int at = (int)(bound - text);
	static const char *const bad[] = {"0.5", "inf", "nan", "x"};
	for (int i = 0; i < 4; i++) {
		char *line =
		    xasprintf("%.*s,%s%s", at, text, bad[i], text + at + 5);
		assert_int_equal(summary_parse(line, path, &t, err, sizeof err),
				 -1);
		char *want = xasprintf("%s:2: bad load_bound '%s' (a factor "
				       "of 1 or more)",
				       path, bad[i]);
		assert_string_equal(err, want);
		free(want);
		free(line);
	}
	free(text);
}

/* summary.csv read back through its one reader: every row, the matrix
 * run's 10 skipped ones (n=0) with no figures and their status; a later
 * schema and an unknown status word are refused, naming the line. */
static void read_back(void **state)
{
	(void)state;
	const char *path = "results/vm/20261126T063223Z/summary.csv";
	struct summary_table t;
	char err[ERRLEN];
	assert_int_equal(summary_read(path, &t, err, sizeof err), 0);
	size_t empty = 0;
	for (size_t i = 0; i < t.nrows; i++) {
		if (t.rows[i].s.n)
			continue;
		empty++;
		assert_int_equal(t.rows[i].status, SUMMARY_SKIPPED);
		assert_true(isnan(t.rows[i].s.median));
		assert_false(t.rows[i].baseline_found);
	}
	assert_int_equal(empty, 10);
	assert_int_equal(t.ntoolchains, 4);
	struct summary_row *gc = summary_find(t.rows, t.nrows, "call", "go->c",
					      "go1.26.8", "gcc", "", "ns/op");
	assert_non_null(gc);
	assert_string_equal(gc->baseline, "c->c");
	assert_true(gc->baseline_found);
	assert_int_equal(gc->status, SUMMARY_OK);
	/* written again, it is the file itself */
	char *text = fixture(path);
	struct sbuf sb = {0};
	summary_format_csv(t.rows, t.nrows, &sb);
	assert_string_equal(sb.buf, text);
	sbuf_free(&sb);
	summary_table_free(&t);
	char *bad = xstrdup(text);
	char *line5 = bad;
	for (int i = 0; i < 4; i++)
		line5 = strchr(line5, '\n') + 1;
	line5[0] = '2';
	assert_int_equal(summary_parse(bad, path, &t, err, sizeof err), -1);
	assert_string_equal(err, "results/vm/20261126T063223Z/summary.csv:5: "
				 "schema '2', this cgobench reads 1");
	line5[0] = '1';
	char *ok = strstr(line5, ",ok,");
	assert_non_null(ok);
	memcpy(ok + 1, "OK", 2);
	assert_int_equal(summary_parse(bad, path, &t, err, sizeof err), -1);
	assert_string_equal(err, "results/vm/20261126T063223Z/summary.csv:5: "
				 "bad status 'OK'");
	memcpy(ok + 1, "ok", 2);
	/* a median that is not a figure: negative, infinite */
	char *comma = line5;
	for (int i = 0; i < 8; i++)
		comma = strchr(comma, ',') + 1; /* the median */
	static const char *const figs[] = {"-1", "inf"};
	for (int i = 0; i < 2; i++) {
		char *line = xasprintf("%.*s%s%s", (int)(comma - bad), bad,
				       figs[i], strchr(comma, ','));
		assert_int_equal(summary_parse(line, path, &t, err, sizeof err),
				 -1);
		char *want = xasprintf("%s:5: bad median '%s'", path, figs[i]);
		assert_string_equal(err, want);
		free(want);
		free(line);
	}
	free(bad);
	free(text);
}

/* Every committed summary.csv, read and written again, is itself: the
 * reader and the writer share one column list and lose nothing. */
static void committed_round_trip(void **state)
{
	(void)state;
	glob_t g;
	committed("summary.csv", &g);
	for (size_t i = 0; i < g.gl_pathc; i++) {
		struct summary_table t;
		read_summary(g.gl_pathv[i], &t);
		struct sbuf sb = {0};
		summary_format_csv(t.rows, t.nrows, &sb);
		assert_golden(g.gl_pathv[i], sb.buf);
		sbuf_free(&sb);
		summary_table_free(&t);
	}
	globfree(&g);
}

/* How wide a row is and how many samples would bring it to its goal, on
 * a committed run's own rows: call c->c(fnptr), wide after 30 samples
 * ([1.536, 1.675] about 1.540 ns: +8.8%), data c->c(1ptr), wide on its
 * lower side ([1.417, 1.535] about 1.526 ns: -7.2%), and call go->c,
 * within +-3% after 8, which needs no more. */
static void samples_for_goal(void **state)
{
	(void)state;
	const char *path = "results/vm/20261129T124701Z/summary.csv";
	struct summary_table t;
	read_summary(path, &t);
	struct summary_row *wide =
	    summary_find(t.rows, t.nrows, "call", "c->c(fnptr)", "go1.26.8",
			 "gcc", "", "ns/op");
	struct summary_row *ok = summary_find(t.rows, t.nrows, "call", "go->c",
					      "go1.26.8", "gcc", "", "ns/op");
	struct summary_row *low =
	    summary_find(t.rows, t.nrows, "data", "c->c(1ptr)", "go1.26.8",
			 "gcc", "", "ns/op");
	assert_non_null(wide);
	assert_non_null(low);
	assert_non_null(ok);
	double lowhalf = summary_half_pct(&low->s);
	assert_true(fabs(lowhalf - 7.1911) < 1e-3);
	assert_true(summary_samples_for(low->s.n, lowhalf, 3) == 173);
	double half = summary_half_pct(&wide->s);
	assert_true(fabs(half - 8.7685) < 1e-3);
	assert_true(summary_samples_for(wide->s.n, half, 3) == 257);
	/* a goal twice as wide needs a quarter of the samples */
	assert_true(summary_samples_for(wide->s.n, half, 6) == 65);
	double okhalf = summary_half_pct(&ok->s);
	assert_true(okhalf < 3);
	assert_true(summary_samples_for(ok->s.n, okhalf, 3) <= ok->s.n);
	/* no samples, or a median of 0: no figure */
	struct stats_summary none = {0};
	assert_true(isnan(summary_half_pct(&none)));
	assert_true(isnan(summary_samples_for(8, INFINITY, 3)));
	assert_true(isnan(summary_samples_for(8, NAN, 3)));
	summary_table_free(&t);
}

/* The samples a contended row would need, from its middle half, on a
 * committed run's rows whose 8 samples span about all of their interval:
 * handles callback at 2 goroutines (middle half 10.7% of its median,
 * interval +-12.3%: 16, where its interval says 49) and sharded-map at 2
 * (14.6%, 29). */
static void samples_at_spread(void **state)
{
	(void)state;
	const char *path = "results/vm/precision/par-quiet-4/summary.csv";
	struct summary_table t;
	read_summary(path, &t);
	struct summary_row *cb =
	    summary_find(t.rows, t.nrows, "handles", "callback", "go1.26.8",
			 "gcc", "goroutines=2", "ns/op");
	struct summary_row *sh =
	    summary_find(t.rows, t.nrows, "handles", "sharded-map", "go1.26.8",
			 "gcc", "goroutines=2", "ns/op");
	assert_non_null(cb);
	assert_non_null(sh);
	assert_true(summary_samples_at_spread(&cb->s, 5) == 16);
	assert_true(summary_samples_for(cb->s.n, summary_half_pct(&cb->s), 5) ==
		    49);
	assert_true(summary_samples_at_spread(&sh->s, 5) == 29);
	/* a goal twice as wide needs a quarter of the samples */
	assert_true(summary_samples_at_spread(&sh->s, 10) == 8);
	/* no samples, or a median of 0: no figure */
	struct stats_summary none = {0};
	assert_true(isnan(summary_samples_at_spread(&none, 5)));
	none = (struct stats_summary){.n = 8, .q1 = -1, .q3 = 1};
	assert_true(isnan(summary_samples_at_spread(&none, 5)));
	/* nor from 3 samples, too few for a middle half */
	struct stats_summary three = sh->s;
	three.n = 3;
	assert_true(isnan(summary_samples_at_spread(&three, 5)));
	three.n = 4;
	assert_true(summary_samples_at_spread(&three, 5) == 29);
	summary_table_free(&t);
}

/* Every unit is a cost, less of it better, but cpus, the CPUs a
 * contended benchmark kept busy. */
static void costs(void **state)
{
	(void)state;
	assert_true(summary_is_cost("ns/op"));
	assert_true(summary_is_cost("B/op"));
	assert_true(summary_is_cost("instructions/op"));
	assert_false(summary_is_cost("cpus"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(rows_and_overhead),
	    cmocka_unit_test(paired_by_repetition),
	    cmocka_unit_test(deleted_baseline),
	    cmocka_unit_test(golden_csv),
	    cmocka_unit_test(load_bound_read),
	    cmocka_unit_test(read_back),
	    cmocka_unit_test(committed_round_trip),
	    cmocka_unit_test(samples_for_goal),
	    cmocka_unit_test(samples_at_spread),
	    cmocka_unit_test(costs),
	};
	return cmocka_run_group_tests_name("summary", tests, NULL, NULL);
}
