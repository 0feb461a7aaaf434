/* runnote: each row's status and note at a run's end. A row whose
 * samples ran disturbed is no finding, however tight its interval; a
 * pinned row of a run whose pinned CPU bore a lasting load is flagged
 * whatever its own samples passed; a row short of its goal says what
 * would bring it there; and a benchmark has one verdict across units. */
#include "testutil.h"

#include "family.h"
#include "runint.h"
#include "toolchain.h"

enum { UNITS = 3, N = 20 };

static const char *const variants[UNITS] = {"a", "b", "c"};

/* Three units of N samples each, undisturbed: "a" and "b" of the pinned
 * family "f", "c" of the unpinned family "u"; every row's summary within
 * +-3% at --count 8 (the first N values of 1 + 0.001 i). */
struct fake {
	struct run_config c;
	volatile sig_atomic_t stop;
	struct family fams[2];
	struct toolchain tc;
	struct unit units[UNITS];
	struct summary_row rows[UNITS];
	struct run r;
};

static void fake_run(struct fake *f)
{
	memset(f, 0, sizeof *f);
	f->c = (struct run_config){.target_pct = 3,
				   .target_unpinned_pct = 5,
				   .count = 8,
				   .max_count = 200,
				   .aim_pct = 1,
				   .stop = &f->stop};
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
			    .pin = 1,
			    .ncpu = 2,
			    .primary = "ns/op"};
	for (size_t k = 0; k < UNITS; k++) {
		struct unit *u = &f->units[k];
		*u = (struct unit){.fam = &f->fams[k == UNITS - 1],
				   .tc = &f->tc,
				   .variant = (char *)variants[k],
				   .param = "",
				   .top = "",
				   .state = UNIT_OK,
				   .n = N,
				   .warm_ns = 10};
		u->primary = xcalloc(N, sizeof *u->primary);
		u->load = xcalloc(N, sizeof *u->load);
		for (size_t i = 0; i < N; i++) {
			u->primary[i] = 10 * (1 + 0.001 * (double)i);
			u->load[i] =
			    (struct sample_load){.slowing = 1, .cpu = -1};
		}
		struct summary_row *row = &f->rows[k];
		*row = (struct summary_row){.family = u->fam->name,
					    .variant = u->variant,
					    .toolchain = f->tc.name,
					    .cc = "gcc",
					    .param = "",
					    .unit = "ns/op"};
		stats_summarize(u->primary, N, SUMMARY_LEVEL, &row->s);
	}
}

static void fake_annotate(struct fake *f)
{
	struct runnote_pinned p = runnote_pinned(&f->r);
	runnote_annotate(&f->r, f->rows, UNITS, &p);
}

static void fake_free(struct fake *f)
{
	for (size_t k = 0; k < UNITS; k++) {
		free(f->units[k].primary);
		free(f->units[k].load);
		free(f->rows[k].note);
	}
}

/* Undisturbed rows within their goal are ok, and say that their
 * repetitions were raised beyond --count; with the aim, how near it. */
static void quiet_rows_are_ok(void **state)
{
	(void)state;
	struct fake f;
	fake_run(&f);
	fake_annotate(&f);
	for (size_t k = 0; k < UNITS; k++)
		assert_int_equal(f.rows[k].status, SUMMARY_OK);
	assert_string_equal(f.rows[0].note,
			    "repetitions raised from 8 to 20 to reach +-3%");
	assert_string_equal(f.rows[2].note,
			    "repetitions raised from 8 to 20 to reach +-5%");
	fake_free(&f);
	fake_run(&f);
	f.r.aiming = 1;
	fake_annotate(&f);
	assert_string_equal(f.rows[0].note,
			    "repetitions raised from 8 to 20 to reach +-3%, "
			    "within the aim of +-1% at the end");
	/* the unpinned row has no aim */
	assert_string_equal(f.rows[2].note,
			    "repetitions raised from 8 to 20 to reach +-5%");
	fake_free(&f);
}

/* A quarter of a row's samples kept though disturbed make it disturbed,
 * its interval notwithstanding; fewer leave it ok, and say so. */
static void a_quarter_kept_disturbed(void **state)
{
	(void)state;
	struct fake f;
	fake_run(&f);
	/* 5 of a's 20 upset (a quarter), 4 of b's, and b retaken once: 10
	 * of the 41 pinned takes disturbed, no lasting load */
	for (size_t i = 0; i < 5; i++)
		f.units[0].load[i].upset = 1;
	for (size_t i = 0; i < 4; i++)
		f.units[1].load[i].upset = 1;
	f.units[1].retaken = 1;
	snprintf(f.units[0].disturbance, sizeof f.units[0].disturbance,
		 "others 0.5 CPU");
	snprintf(f.units[1].disturbance, sizeof f.units[1].disturbance,
		 "others 0.4 CPU");
	fake_annotate(&f);
	assert_int_equal(f.rows[0].status, SUMMARY_DISTURBED);
	assert_non_null(strstr(f.rows[0].note,
			       "; 0 samples retaken, 5 kept though disturbed "
			       "(others 0.5 CPU)"));
	assert_int_equal(f.rows[1].status, SUMMARY_OK);
	assert_non_null(strstr(f.rows[1].note, "; 1 sample retaken, 4 kept "
					       "though disturbed (others 0.4 "
					       "CPU)"));
	assert_int_equal(f.rows[2].status, SUMMARY_OK);
	assert_null(strstr(f.rows[2].note, "disturbed"));
	fake_free(&f);
}

/* A row that kept samples of one stalled iteration says how many, the
 * last one's time and the warm-up's; a row that kept none says nothing
 * of it. */
static void stalled_samples_said(void **state)
{
	(void)state;
	struct fake f;
	fake_run(&f);
	f.units[0].stalled = 1;
	f.units[0].stall_ns = 6.012e7;
	f.units[1].stalled = 2;
	f.units[1].stall_ns = 1.5e8;
	f.units[1].warm_ns = 14.31;
	fake_annotate(&f);
	assert_non_null(strstr(f.rows[0].note,
			       "; 1 sample of one iteration kept: a first "
			       "call of 60.1 ms, where the warm-up ran 10 "
			       "ns/op (set-up inside the timer, or a stall "
			       "the retakes met again)"));
	assert_non_null(strstr(f.rows[1].note, "; 2 samples of one iteration "
					       "kept: a first call of 150 ms, "
					       "where the warm-up ran 14.3 "
					       "ns/op"));
	assert_null(strstr(f.rows[2].note, "one iteration"));
	fake_free(&f);
}

/* The pinned takes: every take of a pinned unit measured to the end,
 * retakes included. A quarter of them disturbed is a lasting load, and
 * every pinned row is flagged with why and how many, the unpinned row
 * left to its own samples; fewer leave the rows ok. */
static void a_lasting_load_flags_the_pinned(void **state)
{
	(void)state;
	struct fake f;
	fake_run(&f);
	/* 40 pinned samples and 6 retakes: 46 takes; 6 retaken and 5 kept
	 * disturbed are 11, under a quarter */
	f.units[0].retaken = 6;
	for (size_t i = 0; i < 5; i++)
		f.units[1].load[i].upset = 1;
	/* the unpinned unit's takes are not the pinned CPU's */
	f.units[2].retaken = 10;
	struct runnote_pinned p = runnote_pinned(&f.r);
	assert_int_equal(p.takes.takes, 46);
	assert_int_equal(p.takes.retaken, 6);
	assert_int_equal(p.takes.kept, 5);
	assert_int_equal(p.why, LOAD_WHY_NONE);
	size_t takes, bad;
	double others;
	assert_int_equal(runnote_load_so_far(&f.r, &takes, &bad, &others),
			 LOAD_WHY_NONE);
	assert_int_equal(takes, 46);
	assert_int_equal(bad, 11);
	struct runnote_takes all = runnote_tally(&f.r, 0);
	assert_int_equal(all.takes, 76);
	assert_int_equal(all.retaken, 16);
	fake_annotate(&f);
	assert_int_equal(f.rows[0].status, SUMMARY_OK);
	fake_free(&f);

	fake_run(&f);
	f.units[0].retaken = 6;
	for (size_t i = 0; i < 6; i++)
		f.units[1].load[i].upset = 1;
	p = runnote_pinned(&f.r); /* 12 of 46: a quarter */
	assert_int_equal(p.why, LOAD_WHY_PINNED);
	runnote_annotate(&f.r, f.rows, UNITS, &p);
	for (size_t k = 0; k < 2; k++) {
		assert_int_equal(f.rows[k].status, SUMMARY_DISTURBED);
		assert_non_null(strstr(f.rows[k].note,
				       "26% of the pinned families' samples "
				       "ran disturbed: a lasting load"));
	}
	assert_int_equal(f.rows[2].status, SUMMARY_OK);
	fake_free(&f);

	/* a busy machine: others' load over the samples, none disturbed */
	fake_run(&f);
	f.r.load_others = 0.44 * 10;
	f.r.load_samples = 10;
	p = runnote_pinned(&f.r);
	assert_int_equal(p.why, LOAD_WHY_BUSY);
	runnote_annotate(&f.r, f.rows, UNITS, &p);
	assert_int_equal(f.rows[0].status, SUMMARY_DISTURBED);
	assert_non_null(strstr(f.rows[0].note, "the machine was busy (others "
					       "0.44 CPU on average) and 0% "
					       "of the pinned"));
	assert_int_equal(f.rows[2].status, SUMMARY_OK);
	fake_free(&f);
}

/* A row wider than its goal is wide and says how wide, what would bring
 * it in and which knob gives more; a time under a tenth of a nanosecond
 * is work the compiler removed; a stopped run's short rows incomplete. */
static void wide_deleted_and_stopped(void **state)
{
	(void)state;
	struct fake f;
	fake_run(&f);
	for (size_t i = 0; i < N; i++)
		f.units[0].primary[i] = 10 * (1 + 0.01 * (double)i);
	stats_summarize(f.units[0].primary, N, SUMMARY_LEVEL, &f.rows[0].s);
	f.rows[1].s.median = 0.05;
	fake_annotate(&f);
	assert_int_equal(f.rows[0].status, SUMMARY_WIDE);
	assert_non_null(strstr(f.rows[0].note, "95% interval +-"));
	assert_non_null(strstr(f.rows[0].note, "after 20 repetitions, wider "
					       "than +-3%; about "));
	assert_non_null(strstr(f.rows[0].note, "(raise '--max-count <N>' or "
					       "'--budget <DUR>'"));
	assert_int_equal(f.rows[1].status, SUMMARY_DELETED);
	assert_non_null(strstr(f.rows[1].note, "0.05 ns/op is less than one "
					       "CPU cycle"));
	fake_free(&f);

	/* one sample a million times the others': no count to print */
	fake_run(&f);
	f.units[0].primary[7] = 1e7;
	stats_summarize(f.units[0].primary, 8, SUMMARY_LEVEL, &f.rows[0].s);
	fake_annotate(&f);
	assert_int_equal(f.rows[0].status, SUMMARY_WIDE);
	assert_non_null(strstr(f.rows[0].note, "after 8 repetitions, wider "
					       "than +-3%; more than a "
					       "million would reach it at "
					       "this spread (raise"));
	fake_free(&f);

	fake_run(&f);
	f.stop = 1;
	f.rows[0].s.n = 5;
	fake_annotate(&f);
	assert_int_equal(f.rows[0].status, SUMMARY_INCOMPLETE);
	assert_string_equal(f.rows[0].note, "stopped after 5 of 8 repetitions");
	fake_free(&f);
}

/* A row of fewer samples than a 95% interval needs is short of its goal,
 * however close its samples: their [min, max] covers the median less
 * often, and the note says how often and what gives more samples. */
static void too_few_for_an_interval(void **state)
{
	(void)state;
	struct fake f;
	fake_run(&f);
	f.c.count = 3;
	f.c.max_count = 3;
	f.units[0].n = 3;
	stats_summarize(f.units[0].primary, 3, SUMMARY_LEVEL, &f.rows[0].s);
	/* the contended are told the same, before their spread */
	f.units[2].n = 5;
	f.fams[1].spread = 1;
	stats_summarize(f.units[2].primary, 5, SUMMARY_LEVEL, &f.rows[2].s);
	fake_annotate(&f);
	assert_int_equal(f.rows[0].status, SUMMARY_WIDE);
	assert_string_equal(
	    f.rows[0].note,
	    "3 repetitions give no 95% interval for the median: their range "
	    "covers it 75% of the time, and 6 are the fewest that give one "
	    "(raise '--max-count <N>', or MAXCOUNT=<N> under make: it took all "
	    "--max-count)");
	assert_int_equal(f.rows[1].status, SUMMARY_OK);
	assert_int_equal(f.rows[2].status, SUMMARY_WIDE);
	assert_true(str_starts(f.rows[2].note,
			       "5 repetitions give no 95% interval for the "
			       "median: their range covers it 93.8% of the "
			       "time"));
	fake_free(&f);
}

/* One verdict a benchmark: its ns/item row, ok by its own interval, takes
 * the ns/op row's status and note. */
static void other_units_carry_the_status(void **state)
{
	(void)state;
	struct fake f;
	fake_run(&f);
	struct summary_row rows[2] = {f.rows[0], f.rows[0]};
	rows[0].status = SUMMARY_WIDE;
	rows[0].note = "wide, and why";
	rows[1].unit = "ns/item";
	rows[1].status = SUMMARY_OK;
	rows[1].note = NULL;
	runnote_carry_status(&f.r, rows, 2);
	assert_int_equal(rows[1].status, SUMMARY_WIDE);
	assert_string_equal(rows[1].note, "wide, and why");
	free(rows[1].note);
	fake_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(quiet_rows_are_ok),
	    cmocka_unit_test(a_quarter_kept_disturbed),
	    cmocka_unit_test(stalled_samples_said),
	    cmocka_unit_test(a_lasting_load_flags_the_pinned),
	    cmocka_unit_test(wide_deleted_and_stopped),
	    cmocka_unit_test(other_units_carry_the_status),
	    cmocka_unit_test(too_few_for_an_interval),
	};
	return cmocka_run_group_tests_name("runnote", tests, NULL, NULL);
}
