/* schedule: the stopping rule reads a row's interval as its summary
 * will have it, the machine's drift taken off. */
#include "testutil.h"

#include "family.h"
#include "gotest.h"
#include "runint.h"
#include "toolchain.h"

#include <math.h>

enum { UNITS = 5, ROUNDS = 20 };

static const char *const variants[UNITS] = {"a", "b", "c", "d", "e"};

/* A run of UNITS units taken in ROUNDS rounds, one ns/op and one B/op a
 * sample: the first four of the pinned family "f", unit k taking (k + 1)
 * ns, the machine a fifth slower from round 11 on; the last, of the
 * unpinned family "u", 10 ns and 12 ns from round 11 alike. */
struct fake {
	struct run_config c;
	struct family fams[2];
	struct toolchain tc;
	struct unit units[UNITS];
	struct taken taken[UNITS * ROUNDS];
	struct run r;
};

static void fake_run(struct fake *f, int drift)
{
	memset(f, 0, sizeof *f);
	f->c = (struct run_config){.target_pct = 3,
				   .target_unpinned_pct = 5,
				   .hold_s = 60,
				   .drift = drift};
	f->fams[0] = (struct family){.name = "f"};
	f->fams[1] = (struct family){.name = "u", .unpinned = 1};
	f->tc = (struct toolchain){.name = "go1.26.8", .cc_name = "gcc"};
	f->r = (struct run){.c = &f->c,
			    .fams = f->fams,
			    .nfams = 2,
			    .tcs = &f->tc,
			    .ntcs = 1,
			    .units = f->units,
			    .nunits = UNITS,
			    .taken = f->taken,
			    .pin = 1};
	for (size_t k = 0; k < UNITS; k++) {
		struct unit *u = &f->units[k];
		*u = (struct unit){.fam = &f->fams[k == UNITS - 1],
				   .tc = &f->tc,
				   .variant = (char *)variants[k],
				   .param = "",
				   .top = ""};
		u->primary = xcalloc(ROUNDS, sizeof *u->primary);
		u->settled = xcalloc(ROUNDS, sizeof *u->settled);
	}
	for (int round = 0; round < ROUNDS; round++)
		for (size_t k = 0; k < UNITS; k++) {
			struct unit *u = &f->units[k];
			double slow = round >= ROUNDS / 2 ? 1.2 : 1.0,
			       v = (k == UNITS - 1 ? 10.0 : k + 1.0) * slow;
			struct taken *t = &f->taken[f->r.ntaken++];
			*t = (struct taken){.unit = k, .rep = round + 1};
			t->line.nmetrics = 2;
			t->line.metrics[0] = (struct metric){"ns/op", v};
			t->line.metrics[1] = (struct metric){"B/op", 64};
			u->primary[u->n] = u->settled[u->n] = v;
			u->n++;
		}
}

static void fake_free(struct fake *f)
{
	for (size_t k = 0; k < UNITS; k++) {
		free(f->units[k].primary);
		free(f->units[k].settled);
	}
}

/* As measured, every row's samples differ by a fifth between the halves
 * and no interval is within +-3%; the drift taken off, the pinned rows'
 * are, while the measured values stay as they were. The unpinned row,
 * whose samples are not corrected, still misses its +-5%. */
static void settled_values_stop_rows(void **state)
{
	(void)state;
	struct fake f;
	fake_run(&f, RUN_DRIFT_CORRECT);
	for (size_t k = 0; k < UNITS; k++)
		assert_false(schedule_interval_met(&f.r, &f.units[k]));
	schedule_settle(&f.r);
	for (size_t k = 0; k < UNITS - 1; k++) {
		const struct unit *u = &f.units[k];
		assert_true(schedule_interval_met(&f.r, u));
		assert_true(u->primary[ROUNDS - 1] == (k + 1.0) * 1.2);
		assert_true(fabs(u->settled[ROUNDS - 1] - u->settled[0]) <
			    1e-9);
	}
	const struct unit *u = &f.units[UNITS - 1];
	assert_false(schedule_interval_met(&f.r, u));
	for (size_t i = 0; i < ROUNDS; i++)
		assert_true(u->settled[i] == u->primary[i]);
	fake_free(&f);
}

/* A family on every CPU takes samples of --benchtime-unpinned and is
 * held to --target-ci-unpinned; a pinned one, --benchtime and
 * --target-ci. */
static void unpinned_own_length_and_goal(void **state)
{
	(void)state;
	struct fake f;
	fake_run(&f, RUN_DRIFT_CORRECT);
	f.c.benchtime_s = 0.03;
	f.c.benchtime_unpinned_s = 0.1;
	assert_true(schedule_benchtime(&f.r, &f.fams[0]) == 0.03);
	assert_true(schedule_benchtime(&f.r, &f.fams[1]) == 0.1);
	assert_true(schedule_target(&f.r, &f.fams[0]) == 3);
	assert_true(schedule_target(&f.r, &f.fams[1]) == 5);
	fake_free(&f);
}

/* With --drift none the rule reads the values as measured. */
static void drift_none_reads_measured(void **state)
{
	(void)state;
	struct fake f;
	fake_run(&f, RUN_DRIFT_NONE);
	schedule_settle(&f.r);
	for (size_t k = 0; k < UNITS; k++) {
		assert_false(schedule_interval_met(&f.r, &f.units[k]));
		for (size_t i = 0; i < ROUNDS; i++)
			assert_true(f.units[k].settled[i] ==
				    f.units[k].primary[i]);
	}
	fake_free(&f);
}

/* The rounds beyond --count go to the units short of their goal with
 * fewer than --max-count samples, however many rounds have passed: a
 * row that stopped early and missed its goal again takes rounds up to
 * --max-count; a baseline follows its crossing up to --max-count of its
 * own, a spread family's row only as contended_rows_to_their_cap. Here
 * --max-count is 20, every unit has 20 samples, as measured (--drift
 * none) all miss their goal. */
static void wanted_up_to_max_count(void **state)
{
	(void)state;
	struct fake f;
	fake_run(&f, RUN_DRIFT_NONE);
	/* --count 16: the rows below it go on whatever their interval
	 * says (wanted_within_reach) */
	f.c.count = 16;
	f.c.max_count = ROUNDS;
	struct baseline b = {.variant = "b", .baseline = "a"};
	f.fams[0].baselines = &b;
	f.fams[0].nbaselines = 1;
	int want[UNITS];
	assert_int_equal(schedule_wanted(&f.r, want), 0);
	/* b stopped early at 15 and misses its goal: it goes on, alone */
	f.units[1].n = 15;
	assert_int_equal(schedule_wanted(&f.r, want), 1);
	assert_int_equal(want[1], 1);
	assert_int_equal(want[0] + want[2] + want[3] + want[4], 0);
	/* its baseline a, within its goal, follows it while a has fewer
	 * than --max-count samples */
	for (size_t i = 0; i < ROUNDS; i++)
		f.units[0].settled[i] = f.units[0].primary[i] = 1;
	f.units[0].n = ROUNDS - 1;
	assert_int_equal(schedule_wanted(&f.r, want), 1);
	assert_int_equal(want[0], 1);
	assert_int_equal(want[1], 1);
	/* a spread family's row short of its goal, whose middle half is a
	 * fifth of its median (about 53 samples), takes no rounds */
	f.units[4].n = 15;
	f.fams[1].spread = 1;
	assert_int_equal(schedule_wanted(&f.r, want), 1);
	assert_int_equal(want[4], 0);
	f.fams[1].spread = 0;
	assert_int_equal(schedule_wanted(&f.r, want), 2);
	assert_int_equal(want[4], 1);
	f.fams[0].baselines = NULL;
	f.fams[0].nbaselines = 0;
	fake_free(&f);
}

/* From schedule_reach_from on, a row short of its goal goes on only
 * while --max-count samples would reach it: here --max-count 40 (the
 * rule from half of it, 20), every unit has 20 samples; samples 0.9%
 * apart (about 30 to reach +-3%) go on, 2% apart (some hundreds) stop;
 * a row with fewer than 20 goes on whatever its spread. */
static void wanted_within_reach(void **state)
{
	(void)state;
	struct fake f;
	fake_run(&f, RUN_DRIFT_NONE);
	f.c.count = 8;
	f.c.max_count = 2 * ROUNDS;
	for (size_t i = 0; i < ROUNDS; i++) {
		f.units[0].settled[i] = 1 + 0.009 * (double)i;
		f.units[1].settled[i] = 1 + 0.02 * (double)i;
	}
	struct stats_summary s0, s1;
	stats_summarize(f.units[0].settled, ROUNDS, SUMMARY_LEVEL, &s0);
	stats_summarize(f.units[1].settled, ROUNDS, SUMMARY_LEVEL, &s1);
	double near = summary_samples_for(ROUNDS, summary_half_pct(&s0), 3),
	       far = summary_samples_for(ROUNDS, summary_half_pct(&s1), 3);
	assert_true(near > ROUNDS && near <= 2 * ROUNDS);
	assert_true(far > 2 * ROUNDS);
	int want[UNITS];
	schedule_wanted(&f.r, want);
	assert_int_equal(want[0], 1);
	assert_int_equal(want[1], 0);
	/* the shifted rows, a fifth apart between halves, are out of reach */
	assert_int_equal(want[2] + want[3] + want[4], 0);
	f.units[1].n = ROUNDS - 1;
	schedule_wanted(&f.r, want);
	assert_int_equal(want[1], 1);
	fake_free(&f);
}

/* A fake run whose unpinned family is a spread one (contended), at
 * --count 8 and --max-count 100: its one unit, the last, has a cap of
 * SCHEDULE_SPREAD_MAX. */
static struct unit *fake_contended(struct fake *f)
{
	fake_run(f, RUN_DRIFT_NONE);
	f->c.count = 8;
	f->c.max_count = 100;
	f->fams[1].spread = 1;
	return &f->units[UNITS - 1];
}

/* A contended row (a spread family's) short of its goal goes on while
 * its middle half says SCHEDULE_SPREAD_MAX samples would reach it, up to
 * them, or to --max-count when less: 8 samples 1.0 +-3% in their middle
 * half and +-20% at their ends (an interval about +-10%, which would say
 * 30 samples; the middle half says 5) go on; +-10% in their middle half
 * (about 80) they stop at --count. */
static void contended_rows_to_their_cap(void **state)
{
	(void)state;
	static const double near[8] = {0.80,  0.91, 0.99, 0.995,
				       1.005, 1.01, 1.09, 1.20};
	static const double far[8] = {0.70, 0.88, 0.90, 0.95,
				      1.05, 1.10, 1.12, 1.30};
	struct fake f;
	struct unit *u = fake_contended(&f);
	memcpy(u->settled, near, sizeof near);
	u->n = 8;
	assert_false(schedule_interval_met(&f.r, u));
	struct stats_summary s;
	stats_summarize(u->settled, u->n, SUMMARY_LEVEL, &s);
	assert_true(summary_samples_for(8, summary_half_pct(&s), 5) > 25);
	assert_true(summary_samples_at_spread(&s, 5) <= 5);
	int want[UNITS];
	schedule_wanted(&f.r, want);
	assert_int_equal(want[UNITS - 1], 1);
	assert_int_equal(schedule_unit_cap(&f.r, u), SCHEDULE_SPREAD_MAX);
	/* at its cap it stops, short of its goal though its middle half
	 * says the cap would reach it: 20 samples evenly 0.88 to 1.12 */
	for (size_t i = 0; i < SCHEDULE_SPREAD_MAX; i++)
		u->settled[i] = 0.88 + 0.24 * (double)i / 19;
	u->n = SCHEDULE_SPREAD_MAX;
	assert_false(schedule_interval_met(&f.r, u));
	stats_summarize(u->settled, u->n, SUMMARY_LEVEL, &s);
	assert_true(summary_samples_at_spread(&s, 5) <= SCHEDULE_SPREAD_MAX);
	schedule_wanted(&f.r, want);
	assert_int_equal(want[UNITS - 1], 0);
	/* at a --max-count below the cap, there */
	u->n = 10;
	f.c.max_count = 10;
	assert_int_equal(schedule_unit_cap(&f.r, u), 10);
	schedule_wanted(&f.r, want);
	assert_int_equal(want[UNITS - 1], 0);
	f.c.max_count = 100;
	/* its contention spreads it past what its cap brings in */
	memcpy(u->settled, far, sizeof far);
	u->n = 8;
	stats_summarize(u->settled, u->n, SUMMARY_LEVEL, &s);
	assert_true(summary_samples_at_spread(&s, 5) > SCHEDULE_SPREAD_MAX);
	schedule_wanted(&f.r, want);
	assert_int_equal(want[UNITS - 1], 0);
	/* the time left counts no samples beyond --count for it, and, for a
	 * row whose middle half says 16 (10.75% of its median), 8 more */
	for (size_t k = 0; k < UNITS - 1; k++)
		f.units[k].state = UNIT_FAILED;
	assert_int_equal(schedule_samples_left(&f.r), 0);
	static const double mid[8] = {0.80, 0.92,  0.955, 0.99,
				      1.01, 1.045, 1.08,  1.20};
	memcpy(u->settled, mid, sizeof mid);
	stats_summarize(u->settled, u->n, SUMMARY_LEVEL, &s);
	assert_true(summary_samples_at_spread(&s, 5) == 16);
	assert_int_equal(schedule_samples_left(&f.r), 8);
	memcpy(u->settled, far, sizeof far);
	/* nor does a row at one goroutine of a family that counts them,
	 * which contends with none, nor a pinned family's */
	f.fams[1].spread_alone = "goroutines=1";
	u->param = "goroutines=2";
	assert_int_equal(schedule_unit_cap(&f.r, u), SCHEDULE_SPREAD_MAX);
	schedule_wanted(&f.r, want);
	assert_int_equal(want[UNITS - 1], 0);
	u->param = "goroutines=1";
	assert_int_equal(schedule_unit_cap(&f.r, u), 100);
	schedule_wanted(&f.r, want);
	assert_int_equal(want[UNITS - 1], 1);
	f.fams[1].spread_alone = NULL;
	u->param = "";
	f.fams[1].spread = 0;
	assert_int_equal(schedule_unit_cap(&f.r, u), 100);
	schedule_wanted(&f.r, want);
	assert_int_equal(want[UNITS - 1], 1);
	fake_free(&f);
}

/* Once every other row is done with budget left (struct run's
 * leftover), a contended row goes on to --max-count while its middle
 * half says they would reach its goal (docs/precision.md item 57): the
 * row of 20 samples at its closed cap, and one whose middle half says
 * about 39, go on; one that would need more than --max-count does not;
 * a --max-count below SCHEDULE_SPREAD_MAX stays the cap, and a pinned
 * family's row is not touched. */
static void contended_rows_open_with_time_left(void **state)
{
	(void)state;
	static const double wide[8] = {0.75, 0.85, 0.90, 0.95,
				       1.05, 1.09, 1.10, 1.25};
	static const double beyond[8] = {0.50, 0.60, 0.70, 0.95,
					 1.05, 1.30, 1.40, 1.50};
	struct fake f;
	struct unit *u = fake_contended(&f);
	int want[UNITS];
	for (size_t i = 0; i < SCHEDULE_SPREAD_MAX; i++)
		u->settled[i] = 0.88 + 0.24 * (double)i / 19;
	u->n = SCHEDULE_SPREAD_MAX;
	schedule_wanted(&f.r, want);
	assert_int_equal(want[UNITS - 1], 0);
	f.r.leftover = 1;
	assert_int_equal(schedule_unit_cap(&f.r, u), 100);
	schedule_wanted(&f.r, want);
	assert_int_equal(want[UNITS - 1], 1);
	/* a middle half of 17%: about 39 samples, past the closed cap */
	memcpy(u->settled, wide, sizeof wide);
	u->n = 8;
	struct stats_summary s;
	stats_summarize(u->settled, u->n, SUMMARY_LEVEL, &s);
	double need = summary_samples_at_spread(&s, 5);
	assert_true(need > SCHEDULE_SPREAD_MAX && need <= 100);
	f.r.leftover = 0;
	schedule_wanted(&f.r, want);
	assert_int_equal(want[UNITS - 1], 0);
	assert_int_equal(schedule_open_leftover(&f.r, want), 1);
	assert_int_equal(f.r.leftover, 1);
	assert_int_equal(want[UNITS - 1], 1);
	/* once open, it opens nothing more */
	assert_int_equal(schedule_open_leftover(&f.r, want), 0);
	/* the time left counts its samples up to what it needs */
	for (size_t k = 0; k < UNITS - 1; k++)
		f.units[k].state = UNIT_FAILED;
	assert_int_equal(schedule_samples_left(&f.r), (size_t)need - 8);
	/* beyond --max-count: no more */
	memcpy(u->settled, beyond, sizeof beyond);
	stats_summarize(u->settled, u->n, SUMMARY_LEVEL, &s);
	assert_true(summary_samples_at_spread(&s, 5) > 100);
	schedule_wanted(&f.r, want);
	assert_int_equal(want[UNITS - 1], 0);
	/* a --max-count below the closed cap stays the cap */
	f.c.max_count = 10;
	assert_int_equal(schedule_unit_cap(&f.r, u), 10);
	/* a pinned family's row is not touched */
	f.c.max_count = 100;
	f.fams[1].spread = 0;
	assert_int_equal(schedule_unit_cap(&f.r, u), 100);
	fake_free(&f);
}

/* Before the time left is open, a row beyond schedule_reach_from goes on
 * only while SCHEDULE_REACH_MAX samples would reach its goal; once every
 * other row is done with budget left, while --max-count would (item
 * 58): at --max-count 200, a row of 30 samples whose interval says
 * about 160 waits for the time left; one that says some hundreds
 * stops; a --max-count below SCHEDULE_REACH_MAX is the reach either
 * way. */
static void rows_within_max_count_in_the_time_left(void **state)
{
	(void)state;
	enum { N = 30 };
	struct fake f;
	fake_run(&f, RUN_DRIFT_NONE);
	f.c.count = 8;
	f.c.max_count = 200;
	struct unit *u = &f.units[0];
	u->settled = xrealloc(u->settled, N * sizeof *u->settled);
	for (size_t i = 0; i < N; i++)
		u->settled[i] = 1 + 0.014 * (double)i;
	u->n = N;
	struct stats_summary s;
	stats_summarize(u->settled, u->n, SUMMARY_LEVEL, &s);
	double need = summary_samples_for(u->n, summary_half_pct(&s), 3);
	assert_true(need > SCHEDULE_REACH_MAX && need <= 200);
	int want[UNITS];
	schedule_wanted(&f.r, want);
	assert_int_equal(want[0], 0);
	/* 29 samples go on whatever they need */
	u->n = N - 1;
	schedule_wanted(&f.r, want);
	assert_int_equal(want[0], 1);
	u->n = N;
	for (size_t k = 1; k < UNITS; k++)
		f.units[k].state = UNIT_FAILED;
	assert_int_equal(schedule_samples_left(&f.r), 0);
	assert_int_equal(schedule_open_leftover(&f.r, want), 1);
	assert_int_equal(want[0], 1);
	/* the time left counts its samples up to what it needs */
	assert_int_equal(schedule_samples_left(&f.r), (size_t)need - N);
	/* at a --max-count below SCHEDULE_REACH_MAX, that is the reach */
	f.c.max_count = 60;
	schedule_wanted(&f.r, want);
	assert_int_equal(want[0], 0);
	f.c.max_count = 200;
	/* some hundreds: out of reach even in the time left */
	for (size_t i = 0; i < N; i++)
		u->settled[i] = 1 + 0.03 * (double)i;
	stats_summarize(u->settled, u->n, SUMMARY_LEVEL, &s);
	assert_true(summary_samples_for(u->n, summary_half_pct(&s), 3) > 200);
	schedule_wanted(&f.r, want);
	assert_int_equal(want[0], 0);
	fake_free(&f);
}

/* Once every row is done with budget left, and the time left wants no
 * round either, the pinned rows go on toward --aim-ci (docs/precision.md
 * item 62): a pinned row within +-3% but not +-1%, whose interval says
 * about 60 samples would bring it to +-1%, takes rounds again; the
 * unpinned row keeps its goal. Not where the aim is no tighter than the
 * goal, nor for counted instructions, nor under a lasting load. */
static void pinned_rows_aim_in_the_time_left(void **state)
{
	(void)state;
	struct fake f;
	fake_run(&f, RUN_DRIFT_NONE);
	f.c.count = 8;
	f.c.max_count = 200;
	f.c.aim_pct = 1;
	/* each sample's load, undisturbed, as the lasting load reads it */
	for (size_t k = 0; k < UNITS; k++)
		f.units[k].load = xcalloc(ROUNDS, sizeof *f.units[k].load);
	for (size_t k = 0; k < UNITS; k++)
		for (size_t i = 0; i < ROUNDS; i++)
			f.units[k].settled[i] =
			    (k == UNITS - 1 ? 10 : 1) * (1 + 0.004 * (double)i);
	struct stats_summary s;
	stats_summarize(f.units[0].settled, ROUNDS, SUMMARY_LEVEL, &s);
	assert_true(summary_half_pct(&s) > 1 && summary_half_pct(&s) < 3);
	assert_true(summary_samples_for(ROUNDS, summary_half_pct(&s), 1) <=
		    100);
	int want[UNITS];
	assert_int_equal(schedule_wanted(&f.r, want), 0);
	assert_int_equal(schedule_open_leftover(&f.r, want), 0);
	assert_int_equal(f.r.aiming, 0);
	assert_int_equal(schedule_open_aim(&f.r, want), 1);
	assert_int_equal(f.r.aiming, 1);
	for (size_t k = 0; k < UNITS - 1; k++)
		assert_int_equal(want[k], 1);
	assert_int_equal(want[UNITS - 1], 0);
	assert_false(schedule_interval_met(&f.r, &f.units[0]));
	assert_true(schedule_interval_met(&f.r, &f.units[UNITS - 1]));
	/* a row the aim's samples took back out of its goal, whose interval
	 * says under 200 would bring it to +-3% but some hundreds to +-1%,
	 * goes on toward +-3% */
	enum { N = 30 }; /* past schedule_reach_from, which goes on anyway */
	struct unit *u = &f.units[0];
	u->settled = xrealloc(u->settled, N * sizeof *u->settled);
	for (size_t i = 0; i < N; i++)
		u->settled[i] = 1 + 0.01 * (double)i;
	u->n = N;
	stats_summarize(u->settled, N, SUMMARY_LEVEL, &s);
	assert_true(summary_half_pct(&s) > 3);
	assert_true(summary_samples_for(N, summary_half_pct(&s), 3) <= 200);
	assert_true(summary_samples_for(N, summary_half_pct(&s), 1) > 200);
	schedule_wanted(&f.r, want);
	assert_int_equal(want[0], 1);
	u->n = ROUNDS;
	/* once set, it sets nothing more */
	assert_int_equal(schedule_open_aim(&f.r, want), 0);
	/* an aim no tighter than the goal */
	f.r.aiming = 0;
	f.c.aim_pct = 3;
	assert_int_equal(schedule_open_aim(&f.r, want), 0);
	assert_int_equal(f.r.aiming, 0);
	/* counted instructions */
	f.c.aim_pct = 1;
	f.c.instructions = 1;
	assert_int_equal(schedule_open_aim(&f.r, want), 0);
	f.c.instructions = 0;
	/* a busy machine: a lasting load */
	assert_int_equal(f.r.aim_refused, 0);
	f.r.load_others = 0.5;
	f.r.load_samples = 1;
	assert_int_equal(schedule_open_aim(&f.r, want), 0);
	assert_int_equal(f.r.aiming, 0);
	assert_int_equal(f.r.aim_refused, 1); /* machine.txt says why */
	f.r.load_others = 0;
	assert_int_equal(schedule_open_aim(&f.r, want), 1);
	for (size_t k = 0; k < UNITS; k++)
		free(f.units[k].load);
	fake_free(&f);
}

/* A contended row's note says why it took no more samples: --max-count
 * at --count, too few samples, a middle half its cap would not bring in
 * (sharded-map's at 2 goroutines in par-quiet-4: 29), the cap reached, or
 * the budget or the rounds ended first. */
static void spread_why_names_the_reason(void **state)
{
	(void)state;
	struct fake f;
	const struct unit *u = fake_contended(&f);
	struct stats_summary s = {
	    .n = 8, .median = 429.45, .q1 = 388.3, .q3 = 450.8};
	char why[224];
	spread_why(&f.r, u, &s, 5, why, sizeof why);
	assert_string_equal(why, "about 29 samples would reach the goal at "
				 "this spread, more than the 20 a contended "
				 "row takes");
	f.c.max_count = 8;
	spread_why(&f.r, u, &s, 5, why, sizeof why);
	assert_string_equal(why,
			    "--max-count gave it no rounds beyond --count");
	f.c.max_count = 100;
	s.n = 3;
	spread_why(&f.r, u, &s, 5, why, sizeof why);
	assert_string_equal(why, "3 samples are too few to say how many "
				 "would reach the goal at this spread");
	/* a middle half of 4% of the median: about 3 samples */
	s = (struct stats_summary){.n = 20, .median = 100, .q1 = 98, .q3 = 102};
	spread_why(&f.r, u, &s, 5, why, sizeof why);
	assert_string_equal(why,
			    "it took the 20 samples a contended row takes");
	s.n = 12;
	spread_why(&f.r, u, &s, 5, why, sizeof why);
	assert_string_equal(why, "the rounds ended before its middle half "
				 "said the goal was reached");
	f.r.budget_ended = 1;
	spread_why(&f.r, u, &s, 5, why, sizeof why);
	assert_string_equal(why, "the budget ended before its middle half "
				 "said the goal was reached (raise '--budget "
				 "<DUR>', or BUDGET=<DUR> under make)");
	/* closed, a row that --max-count would bring in, and the budget
	 * ended before every other row was done: the budget is why */
	s = (struct stats_summary){
	    .n = 8, .median = 429.45, .q1 = 388.3, .q3 = 450.8};
	spread_why(&f.r, u, &s, 5, why, sizeof why);
	assert_string_equal(why, "the budget ended before the other rows were "
				 "done, and a contended row goes beyond 20 "
				 "samples only in the time they leave (raise "
				 "'--budget <DUR>', or BUDGET=<DUR> under "
				 "make)");
	/* open: its cap is --max-count */
	f.r.budget_ended = 0;
	f.r.leftover = 1;
	s = (struct stats_summary){.n = 8, .median = 100, .q1 = 80, .q3 = 120};
	spread_why(&f.r, u, &s, 5, why, sizeof why);
	assert_string_equal(why, "about 212 samples would reach the goal at "
				 "this spread, more than the 100 a contended "
				 "row takes");
	fake_free(&f);
}

/* A contended row's note says how its ns/op track the CPUs its samples
 * kept busy (the metric cpus): the fake's unpinned row took 10 ns in
 * rounds 1 to 10 and 12 ns after; at 1.5 and 1.9 CPUs, then at CPUs
 * that do not follow the rounds; nothing for samples without the metric,
 * or for a counted run, whose primary is not the line's first metric. */
static void spread_cpus_tracked(void **state)
{
	(void)state;
	struct fake f;
	const struct unit *u = fake_contended(&f);
	f.r.primary = "ns/op";
	char buf[128];
	spread_cpus(&f.r, u, buf, sizeof buf);
	assert_string_equal(buf, "");
	/* the pinned rows' samples at 1 CPU, which are not the row's */
	for (size_t i = 0, k = 0; i < f.r.ntaken; i++) {
		struct bench_line *l = &f.taken[i].line;
		int mine = f.taken[i].unit == UNITS - 1;
		l->metrics[2] = (struct metric){"cpus", !mine	   ? 1
							: k++ < 10 ? 1.5
								   : 1.9};
		l->nmetrics = 3;
	}
	spread_cpus(&f.r, u, buf, sizeof buf);
	assert_string_equal(buf, ", its ns/op tracking the CPUs it kept busy, "
				 "1.50 to 1.90 (r = +1.00)");
	for (size_t i = 0, k = 0; i < f.r.ntaken; i++)
		if (f.taken[i].unit == UNITS - 1)
			f.taken[i].line.metrics[2].value =
			    1.5 + 0.1 * (k++ % 2);
	spread_cpus(&f.r, u, buf, sizeof buf);
	assert_string_equal(buf, ", its ns/op not explained by the CPUs it "
				 "kept busy, 1.50 to 1.60 (r = +0.00)");
	f.r.primary = "instructions/op";
	spread_cpus(&f.r, u, buf, sizeof buf);
	assert_string_equal(buf, "");
	fake_free(&f);
}

/* A contended row whose ns/op rise with the time a cache line took
 * between the CPUs says so: sharded-map at 2 goroutines in turns 54 to
 * 62 of transfer-1 (docs/precision.md item 36); a sample whose time was
 * not measured is left out, and 7 measured are too few; nothing where
 * they fall with it. */
static void spread_transfer_tracked(void **state)
{
	(void)state;
	double ns[] = {441.7, 423.5, 431.7, 445.9, 202.7,
		       197.3, 194.2, 197.0, 198.5};
	struct sample_load l[9] = {
	    {.transfer = 701.2}, {.transfer = 580.5}, {.transfer = 578.9},
	    {.transfer = 637.5}, {.transfer = 190.0}, {.transfer = 188.5},
	    {.transfer = 186.7}, {.transfer = 175.6}, {.transfer = 188.1}};
	struct run r = {.primary = "ns/op"};
	struct unit u = {.primary = ns, .load = l, .n = 9};
	char buf[160];
	spread_transfer(&r, &u, buf, sizeof buf);
	assert_string_equal(buf, ", its ns/op rising with the time a cache "
				 "line took between the CPUs, 176 to 701 ns "
				 "there and back (r = +0.99)");
	l[7].transfer = l[8].transfer = 0;
	spread_transfer(&r, &u, buf, sizeof buf);
	assert_string_equal(buf, "");
	l[7].transfer = 175.6;
	l[8].transfer = 188.1;
	for (int i = 0; i < 9; i++)
		ns[i] = 1000 - ns[i];
	spread_transfer(&r, &u, buf, sizeof buf);
	assert_string_equal(buf, "");
}

/* A row wider than its goal whose samples fall in two groups says so:
 * pty-quiet-10's sharded-map(object-key) at 2 goroutines, the shards'
 * false sharing before cb69b5c; nothing for the same row at 1. */
static void groups_named(void **state)
{
	(void)state;
	double shared[] = {210.4, 216.5, 472.2, 447.9,
			   429.3, 439.7, 205.6, 449.1};
	double one[] = {147, 160.1, 151, 165.3, 155.4, 152.7, 149, 157.5};
	struct unit u = {.primary = shared, .n = 8};
	char *note = spread_groups(&u, "ns/op");
	assert_non_null(note);
	assert_string_equal(note, "its samples fall in two groups, 3 at "
				  "[206, 216] ns and 5 at [429, 472] ns, "
				  "further apart than their own spread (D "
				  "= 28.1): two states, and what switches "
				  "them is worth finding");
	free(note);
	u.primary = one;
	assert_null(spread_groups(&u, "ns/op"));
}

/* A sample of one iteration, where the warm-up's speed would fill the
 * benchtime with SCHEDULE_STALL_ITERS or more, stalled: go test's own
 * output of states' one with a 60 ms sleep inside its timer beside two
 * (gotest-stall.txt, -test.benchtime=0.02s). A benchmark whose warm-up
 * ran as slow (blocking's sleep(c) at 100 ms) or unknown did not stall,
 * nor one that ran more than one iteration. */
static void stalled_one_iteration(void **state)
{
	(void)state;
	struct fake f;
	fake_run(&f, RUN_DRIFT_CORRECT);
	f.c.benchtime_s = 0.02;
	char *text = fixture(FIXTURE("gotest-stall.txt"));
	struct bench_output out = {0};
	char err[ERRLEN];
	assert_int_equal(
	    gotest_parse(text, "gotest-stall.txt", 1, &out, err, sizeof err),
	    0);
	const struct bench_line *one = benchout_find(&out, "one", "");
	assert_non_null(one);
	assert_true(one->iters == 1 && one->metrics[0].value > 6e7);
	struct unit *u = &f.units[0];
	u->variant = "one";
	u->warm_ns = 150;
	assert_true(schedule_stalled_ns(&f.r, u, &out) ==
		    one->metrics[0].value);
	/* 0.02 s at 2e5 ns/op: 100 iterations, the least that stalls */
	u->warm_ns = 2e5;
	assert_true(schedule_stalled_ns(&f.r, u, &out) > 0);
	u->warm_ns = 2.001e5;
	assert_true(schedule_stalled_ns(&f.r, u, &out) == 0);
	u->warm_ns = 1e8;
	assert_true(schedule_stalled_ns(&f.r, u, &out) == 0);
	u->warm_ns = 0;
	assert_true(schedule_stalled_ns(&f.r, u, &out) == 0);
	u->warm_ns = 150;
	((struct bench_line *)one)->iters = 2;
	assert_true(schedule_stalled_ns(&f.r, u, &out) == 0);
	u->variant = "two";
	assert_true(schedule_stalled_ns(&f.r, u, &out) == 0);
	benchout_free(&out);
	free(text);
	fake_free(&f);
}

/* Where the reach rule starts: 30 samples, or half of --max-count when
 * less, never before --count. */
static void reach_from_30_or_half(void **state)
{
	(void)state;
	struct run_config c = {.count = 8, .max_count = 100};
	assert_int_equal(schedule_reach_from(&c), 30);
	c.max_count = 60;
	assert_int_equal(schedule_reach_from(&c), 30);
	c.max_count = 40;
	assert_int_equal(schedule_reach_from(&c), 20);
	c.max_count = 10;
	assert_int_equal(schedule_reach_from(&c), 8);
	c.count = 50;
	c.max_count = 100;
	assert_int_equal(schedule_reach_from(&c), 50);
	/* the reach before the time left, which a wide row's note names:
	 * SCHEDULE_REACH_MAX, or --max-count when less */
	c.max_count = 200;
	assert_int_equal(schedule_reach_before(&c), SCHEDULE_REACH_MAX);
	c.max_count = 60;
	assert_int_equal(schedule_reach_before(&c), 60);
}

/* A wide row's note names the knob that stopped it: the budget before
 * --count, --max-count once it took them all, --max-count and the budget
 * past the reach rule's start when --max-count would not reach the goal,
 * else the budget when it ended the rounds. */
static void why_short_names_the_knob(void **state)
{
	(void)state;
	struct run_config c = {.count = 8, .max_count = 100};
	assert_int_equal(schedule_why_short(&c, 7, 12, 1), SHORT_BEFORE_COUNT);
	assert_int_equal(schedule_why_short(&c, 7, 500, 0), SHORT_BEFORE_COUNT);
	assert_int_equal(schedule_why_short(&c, 100, 12, 1), SHORT_MAX_COUNT);
	assert_int_equal(schedule_why_short(&c, 30, 257, 0),
			 SHORT_OUT_OF_REACH);
	assert_int_equal(schedule_why_short(&c, 30, NAN, 1),
			 SHORT_OUT_OF_REACH);
	/* short of 30, a row goes on whatever it needs */
	assert_int_equal(schedule_why_short(&c, 29, 257, 1), SHORT_BUDGET);
	assert_int_equal(schedule_why_short(&c, 30, 100, 1), SHORT_BUDGET);
	assert_int_equal(schedule_why_short(&c, 8, 16, 1), SHORT_BUDGET);
	assert_int_equal(schedule_why_short(&c, 8, 16, 0), SHORT_OTHER);
	c.max_count = 8; /* --max-count = --count: no rounds beyond */
	assert_int_equal(schedule_why_short(&c, 8, 16, 1), SHORT_MAX_COUNT);
}

/* The samples left stop at the budget, the --count rounds' too once past
 * the rounds that run whatever (SCHEDULE_FLOOR): a slow hour's run that
 * the budget will end showed 16 minutes left two before its end. A
 * sample's time leaves out the time held for a slow CPU. Here every unit
 * has 20 samples of --count 30, so 50 are left, all past the floor; 100
 * samples taken in 100 s. */
static void samples_left_stop_at_the_budget(void **state)
{
	(void)state;
	struct fake f;
	fake_run(&f, RUN_DRIFT_NONE);
	f.c.count = 30;
	f.c.max_count = 30;
	f.c.budget_s = 1000;
	f.r.done = 100;
	f.r.started = monotonic_s() - 100;
	assert_true(fabs(schedule_sample_s(&f.r) - 1) < 0.01);
	assert_int_equal(schedule_samples_left(&f.r), 50);
	f.c.budget_s = 130.5; /* room for 30 more */
	assert_int_equal(schedule_samples_left(&f.r), 30);
	f.c.budget_s = 90;
	assert_int_equal(schedule_samples_left(&f.r), 0);
	/* 40 s of the 100 held: 0.6 s a sample, the 40 s left out of the
	 * budget (up to --hold, a minute), 30.3 s left, 50 samples */
	f.c.budget_s = 90.3;
	f.r.held_s = 40;
	assert_true(fabs(schedule_sample_s(&f.r) - 0.6) < 0.01);
	assert_int_equal(schedule_samples_left(&f.r), 50);
	f.c.budget_s = 80.5; /* 20.5 s left: 34 samples */
	assert_int_equal(schedule_samples_left(&f.r), 34);
	/* units short of the floor take its rounds whatever the budget */
	for (size_t k = 0; k < UNITS; k++)
		f.units[k].n = 3;
	f.c.budget_s = 0;
	assert_int_equal(schedule_samples_left(&f.r),
			 (SCHEDULE_FLOOR - 3) * UNITS);
	fake_free(&f);
}

/* A run's samples wait for a slow CPU --hold in all (a minute by
 * default): each wait what probe_hold_limit allows, cut to what is left
 * of it, then none. */
static void hold_left_in_all(void **state)
{
	(void)state;
	assert_true(schedule_hold_left(30, 0, 60) == 30);
	assert_true(schedule_hold_left(30, 30, 60) == 30);
	assert_true(schedule_hold_left(30, 48, 60) == 12);
	assert_true(schedule_hold_left(80, 0, 60) == 60);
	assert_true(schedule_hold_left(30, 60, 60) == 0);
	/* a last wait may overrun by a probe: never a negative wait */
	assert_true(schedule_hold_left(30, 60.3, 60) == 0);
	/* --hold 0 never waits; a longer one waits longer */
	assert_true(schedule_hold_left(30, 0, 0) == 0);
	assert_true(schedule_hold_left(80, 100, 300) == 80);
}

/* A benchmark's GODEBUG: the user's first, then a counted sample's, then
 * the family's, so that theirs win a key both set and the user's others
 * stay (a family's GODEBUG replaced all of the user's before); none where
 * nothing sets one. */
static void godebug_keeps_the_users(void **state)
{
	(void)state;
	char *fam[] = {"A=b", "GODEBUG=cgocheck=0", NULL};
	char *got = runbench_godebug("gctrace=1,cgocheck=1", 0, fam);
	assert_string_equal(got, "GODEBUG=gctrace=1,cgocheck=1,cgocheck=0");
	free(got);
	got = runbench_godebug("gctrace=1", 1, NULL);
	assert_string_equal(
	    got, "GODEBUG=gctrace=1,asyncpreemptoff=1,cpu.rdtscp=off");
	free(got);
	got = runbench_godebug("", 0, fam);
	assert_string_equal(got, "GODEBUG=cgocheck=0");
	free(got);
	got = runbench_godebug("gctrace=1", 0, NULL);
	assert_string_equal(got, "GODEBUG=gctrace=1");
	free(got);
	char *other[] = {"A=b", NULL};
	assert_null(runbench_godebug(NULL, 0, other));
	assert_null(runbench_godebug("", 0, NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(settled_values_stop_rows),
	    cmocka_unit_test(hold_left_in_all),
	    cmocka_unit_test(unpinned_own_length_and_goal),
	    cmocka_unit_test(drift_none_reads_measured),
	    cmocka_unit_test(wanted_up_to_max_count),
	    cmocka_unit_test(wanted_within_reach),
	    cmocka_unit_test(contended_rows_to_their_cap),
	    cmocka_unit_test(contended_rows_open_with_time_left),
	    cmocka_unit_test(rows_within_max_count_in_the_time_left),
	    cmocka_unit_test(pinned_rows_aim_in_the_time_left),
	    cmocka_unit_test(spread_why_names_the_reason),
	    cmocka_unit_test(spread_cpus_tracked),
	    cmocka_unit_test(spread_transfer_tracked),
	    cmocka_unit_test(groups_named),
	    cmocka_unit_test(stalled_one_iteration),
	    cmocka_unit_test(reach_from_30_or_half),
	    cmocka_unit_test(why_short_names_the_knob),
	    cmocka_unit_test(samples_left_stop_at_the_budget),
	    cmocka_unit_test(godebug_keeps_the_users),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
