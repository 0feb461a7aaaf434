/* load: what else ran while a sample was taken, from /proc/stat. */
#include "testutil.h"

#include "load.h"
#include "runint.h"

#include <math.h>
#include <sched.h>
#include <unistd.h>

/* A real /proc/stat (2 CPUs, no steal): the busy ticks are user, nice,
 * system, irq and softirq; idle and iowait are not. */
static void parses_real(void **state)
{
	(void)state;
	char *text = fixture("harness/tests/fixtures/proc-stat.txt");
	struct load_snap s;
	char err[ERRLEN];
	assert_int_equal(load_parse(text, &s, err, sizeof err), 0);
	assert_int_equal(s.ncpu, 2);
	assert_true(s.busy[0] == 610825ULL + 6101 + 236007 + 0 + 28039);
	assert_true(s.busy[1] == 1688230ULL + 5017 + 352880 + 0 + 9079);
	assert_true(s.steal[0] == 0 && s.steal[1] == 0);
	free(text);
}

static void expect_error(const char *text, const char *want)
{
	struct load_snap s;
	char err[ERRLEN];
	assert_int_equal(load_parse(text, &s, err, sizeof err), -1);
	if (strcmp(err, want))
		fail_msg("'%s': error '%s', want '%s'", text, err, want);
}

/* A malformed cpu line is named by its line; a file without one fails;
 * the aggregate "cpu " line and other lines ("cpux") are not read. */
static void rejects_malformed(void **state)
{
	(void)state;
	expect_error("cpu  1 2 3 4\nintr 5\n", "/proc/stat: no cpuN line");
	expect_error("cpu  1 2 3 4\ncpu0 1 2 3\n",
		     "/proc/stat:2: cpu0 has 3 fields, not 4 or more");
	expect_error("cpu0 1 2 3 4\ncpu1x 1 2 3 4\n",
		     "/proc/stat:2: bad cpu line");
	struct load_snap s;
	char err[ERRLEN];
	/* an old kernel's four fields: no steal */
	assert_int_equal(load_parse("cpu3 10 20 30 40\n", &s, err, sizeof err),
			 0);
	assert_int_equal(s.ncpu, 4);
	assert_true(s.busy[3] == 60 && s.steal[3] == 0);
}

/* Others' share is the busy time of the sample's CPUs less its own CPU
 * time, over its wall time; steal likewise; a share it cannot tell is 0. */
static void shares(void **state)
{
	(void)state;
	double hz = (double)sysconf(_SC_CLK_TCK);
	struct load_snap a, b;
	char err[ERRLEN];
	assert_int_equal(load_parse("cpu0 100 0 0 0 0 0 0 0\n"
				    "cpu1 100 0 0 0 0 0 0 0\n",
				    &a, err, sizeof err),
			 0);
	b = a;
	/* 0.2 s of wall: CPU 1 busy all of it, CPU 0 half of it, 0.02 s
	 * stolen on CPU 1; the sample's process used 0.2 s of CPU */
	b.busy[1] += (unsigned long long)(0.2 * hz);
	b.busy[0] += (unsigned long long)(0.1 * hz);
	b.steal[1] += (unsigned long long)(0.02 * hz);
	struct load_share l = {0};
	load_between(&a, &b, 1, 0.2, 0.2, &l);
	assert_true(fabs(l.others) < 1e-9);
	assert_true(fabs(l.steal - 0.1) < 1e-9);
	assert_true(fabs(l.elsewhere - 0.5) < 1e-9); /* CPU 0's half */
	assert_true(load_disturbed(&l));	     /* steal 0.1 > 0.05 */
	load_between(&a, &b, -1, 0.2, 0.2, &l);
	assert_true(fabs(l.others - 0.5) < 1e-9);
	assert_true(l.elsewhere == 0); /* every CPU the sample's */
	assert_true(load_disturbed(&l));
	char d[48];
	load_describe(&l, d, sizeof d);
	assert_string_equal(d, "steal 0.1 CPU");
	b.steal[1] = a.steal[1];
	load_between(&a, &b, -1, 0.2, 0.2, &l);
	load_describe(&l, d, sizeof d);
	assert_string_equal(d, "others 0.5 CPU");
	/* CPU 0 alone: half of it */
	load_between(&a, &b, 0, 0, 0.2, &l);
	assert_true(fabs(l.others - 0.5) < 1e-9);
	assert_true(fabs(l.elsewhere - 1) < 1e-9);
	/* own time above the ticks (their granularity): no negative share */
	load_between(&a, &b, 1, 0.25, 0.2, &l);
	assert_true(l.others == 0);
	/* nothing to tell by */
	struct load_snap none = {0};
	load_between(&none, &b, -1, 0.2, 0.2, &l);
	assert_true(l.others == 0 && l.steal == 0);
	load_between(&a, &b, 5, 0.2, 0.2, &l);
	assert_true(l.others == 0 && l.steal == 0);
	load_between(&a, &b, 1, 0.2, 0, &l);
	assert_true(l.others == 0 && l.steal == 0 && l.elsewhere == 0);
}

/* The thresholds: a quarter of a CPU of others, a twentieth stolen. */
static void thresholds(void **state)
{
	(void)state;
	struct load_share l = {.others = 0.25, .steal = 0.05};
	assert_false(load_disturbed(&l));
	l.others = 0.26;
	assert_true(load_disturbed(&l));
	l = (struct load_share){.others = 0, .steal = 0.051};
	assert_true(load_disturbed(&l));
	assert_false(load_busy(0.1, 0.05));
	assert_true(load_busy(0.11, 0));
	assert_true(load_busy(0, 0.051));
}

/* This machine's own /proc/stat reads, with a CPU or more, and counts
 * this test among the running tasks. */
/* The most a load could have slowed a sample: none is 1; half a CPU
 * taken by others doubles a time, a CPU at 0.8 of its speed takes 1.25
 * times as long, and they compound; a share of a CPU or more counts as
 * 0.99 of it (100 times), so that the factor stays finite. */
static void slowing(void **state)
{
	(void)state;
	assert_true(load_slowing(&(struct load_share){0}) == 1);
	assert_float_equal(load_slowing(&(struct load_share){.others = 0.5}), 2,
			   1e-12);
	assert_float_equal(load_slowing(&(struct load_share){.steal = 0.2}),
			   1.25, 1e-12);
	assert_float_equal(load_slowing(&(struct load_share){.speed = 0.8}),
			   1.25, 1e-12);
	assert_float_equal(load_slowing(&(struct load_share){
			       .others = 0.5, .steal = 0.2, .speed = 0.8}),
			   2 * 1.25 * 1.25, 1e-12);
	assert_true(load_slowing(&(struct load_share){.speed = 1.3}) == 1);
	assert_float_equal(load_slowing(&(struct load_share){.others = 1.7}),
			   100, 1e-9);
}

static void reads_this_machine(void **state)
{
	(void)state;
	struct load_snap s;
	load_read(&s);
	assert_true(s.ncpu >= 1);
	assert_true(load_running() >= 1); /* this test, at least */
}

/* The probe times a loop that starts a 64-byte line, wherever the
 * linker put the rest, and a probe takes some time. */
static void probe_placed(void **state)
{
	(void)state;
#if defined(__x86_64__)
	assert_int_equal((uintptr_t)load_probe_loop % 64, 0);
#endif
	double us = load_probe_us(-1);
	assert_true(us > 0 && us < 1e6);
}

/* A cache line's trip between two CPUs takes some time, and none is
 * timed between a CPU and itself; the caller is back where it was. */
static void transfer_timed(void **state)
{
	(void)state;
	cpu_set_t was, now;
	assert_int_equal(sched_getaffinity(0, sizeof was, &was), 0);
	assert_true(load_transfer_ns(0, 0) == 0);
	if (sysconf(_SC_NPROCESSORS_ONLN) > 1) {
		double ns = load_transfer_ns(0, 1);
		/* 0 only when a run took longer than LOAD_TRANSFER_MAX_S */
		assert_true(ns == 0 || (ns > 1 && ns < 1e5));
	}
	assert_int_equal(sched_getaffinity(0, sizeof now, &now), 0);
	assert_true(CPU_EQUAL(&was, &now));
}

/* A first touch of a page of fresh memory costs a fault: more than 50
 * ns a page on any machine (the page alone is zeroed; 9 to 35 µs on the
 * VM of docs/precision.md, 20 to 40 ns a page touched again), each run
 * timed; the caller is back where it was. */
static void faults_timed(void **state)
{
	(void)state;
	cpu_set_t was, now;
	assert_int_equal(sched_getaffinity(0, sizeof was, &was), 0);
	double ns[LOAD_FAULT_RUNS + 1];
	ns[LOAD_FAULT_RUNS] = -1;
	load_fault_ns(0, ns, LOAD_FAULT_RUNS);
	for (size_t i = 0; i < LOAD_FAULT_RUNS; i++)
		assert_true(ns[i] > 50 && ns[i] < 1e7);
	assert_true(ns[LOAD_FAULT_RUNS] == -1);
	assert_int_equal(sched_getaffinity(0, sizeof now, &now), 0);
	assert_true(CPU_EQUAL(&was, &now));
	load_fault_ns(-1, ns, 1);
	assert_true(ns[0] > 50 && ns[1] > 50);
}

/* The budget leaves out the time samples waited for a slow CPU, up to
 * --hold: all of a short wait, a minute of a long one by default. */
static void budget_leaves_out_holds(void **state)
{
	(void)state;
	assert_true(schedule_spent(300, 0, 60) == 300);
	assert_true(schedule_spent(300, 20, 60) == 280);
	assert_true(schedule_spent(300, 60, 60) == 240);
	assert_true(schedule_spent(480, 128, 60) == 420);
	assert_true(schedule_spent(480, 128, 200) == 352);
	/* --hold 0: no wait, none left out (a last probe may still hold) */
	assert_true(schedule_spent(300, 0.2, 0) == 300);
}

/* A quarter of the takes disturbed is a lasting load; less, or no
 * takes, is not. */
static void lasting_load(void **state)
{
	(void)state;
	assert_true(load_lasting(4, 1));
	assert_false(load_lasting(5, 1));
	assert_true(load_lasting(100, 25));
	assert_false(load_lasting(101, 25));
	assert_true(load_lasting(14, 14));
	assert_false(load_lasting(0, 0));
	/* or the machine busy through the run: others above a tenth of a
	 * CPU, or steal above a twentieth, on average; the share first */
	assert_int_equal(load_lasting_why(100, 25, 0.5, 0), LOAD_WHY_PINNED);
	assert_int_equal(load_lasting_why(100, 16, 0.11, 0), LOAD_WHY_BUSY);
	assert_int_equal(load_lasting_why(100, 16, 0, 0.051), LOAD_WHY_BUSY);
	assert_int_equal(load_lasting_why(100, 16, 0.1, 0.05), LOAD_WHY_NONE);
	assert_string_equal(load_why_names[LOAD_WHY_BUSY], "busy");
}

/* Asks n times whether a retake pays; how many times it did. */
static int pays(struct load_retakes *t, int n)
{
	int yes = 0;
	while (n--)
		yes += load_retake_pays(t);
	return yes;
}

/* Retaking pays until a whole window of retakes ran disturbed in three of
 * four; then one disturbed sample in LOAD_RETAKE_TRY is taken again, and
 * a window with a quarter undisturbed pays again. */
static void retakes_pay(void **state)
{
	(void)state;
	struct load_retakes t = {0};
	assert_int_equal(pays(&t, 3), 3);
	for (int i = 0; i < LOAD_RETAKE_WINDOW - 1; i++)
		load_retake_done(&t, 0);
	assert_int_equal(pays(&t, 3), 3); /* the window is not full */
	load_retake_done(&t, 0);
	assert_int_equal(pays(&t, LOAD_RETAKE_TRY - 1), 0);
	assert_true(load_retake_pays(&t)); /* the try */
	load_retake_done(&t, 0);
	assert_int_equal(pays(&t, LOAD_RETAKE_TRY), 1);
	/* three undisturbed of the last 16: still not; four: again */
	for (int i = 0; i < 3; i++)
		load_retake_done(&t, 1);
	assert_int_equal(pays(&t, LOAD_RETAKE_TRY - 1), 0);
	load_retake_done(&t, 1);
	assert_int_equal(pays(&t, 3), 3);
	assert_int_equal(t.taken, LOAD_RETAKE_WINDOW + 5);
	assert_int_equal(t.clean, 4);
	/* the oldest fall out of the window: after 13 disturbed, three of
	 * the four undisturbed are left in it */
	for (int i = 0; i < 13; i++)
		load_retake_done(&t, 0);
	assert_int_equal(pays(&t, LOAD_RETAKE_TRY - 1), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(parses_real),
	    cmocka_unit_test(rejects_malformed),
	    cmocka_unit_test(shares),
	    cmocka_unit_test(thresholds),
	    cmocka_unit_test(slowing),
	    cmocka_unit_test(reads_this_machine),
	    cmocka_unit_test(probe_placed),
	    cmocka_unit_test(transfer_timed),
	    cmocka_unit_test(faults_timed),
	    cmocka_unit_test(budget_leaves_out_holds),
	    cmocka_unit_test(retakes_pay),
	    cmocka_unit_test(lasting_load),
	};
	return cmocka_run_group_tests_name("load", tests, NULL, NULL);
}
