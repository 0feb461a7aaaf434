/* probe: a run's full CPU speed, from its own probes and an earlier
 * run's. */
#include "testutil.h"

#include "load.h"
#include "machine.h"
#include "probe.h"

#include <math.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* Without a seed the best is the fastest probe so far. */
static void own_probes(void **state)
{
	(void)state;
	struct probe_state s = {0};
	assert_true(probe_best(&s) == 0);
	probe_add(&s, 50, 0);
	probe_add(&s, 40, 1);
	probe_add(&s, 45, 2);
	probe_add(&s, 0, 3);   /* no probe */
	probe_add(&s, NAN, 4); /* nor this */
	assert_true(probe_best(&s) == 40);
	assert_true(probe_hold_limit(&s, 0, 30) == 30);
}

/* A seed stands from the start: a CPU at 60 µs against a seed of 40 is
 * slow (60 * LOAD_SPEED > 40), and a sample may wait for it until
 * PROBE_SEED_S after the first; once the CPU runs within LOAD_SPEED of
 * it, it is reached and the usual wait applies. */
static void seed_reached(void **state)
{
	(void)state;
	struct probe_state s = {.seed = 40};
	assert_true(probe_best(&s) == 40);
	probe_add(&s, 60, 1);
	assert_true(probe_best(&s) == 40);
	assert_true(60 * LOAD_SPEED > probe_best(&s));
	assert_true(probe_hold_limit(&s, 10, 30) == PROBE_SEED_S - 10);
	assert_true(probe_hold_limit(&s, PROBE_SEED_S - 5, 30) == 30);
	probe_add(&s, 50, 20); /* 50 * 0.8 = 40: within */
	assert_true(s.confirmed && !s.dropped);
	assert_true(probe_best(&s) == 40);
	assert_true(probe_hold_limit(&s, 20, 30) == 30);
	/* reached, it stands later too, and a faster probe still counts */
	probe_add(&s, 70, PROBE_SEED_S + 10);
	assert_true(probe_best(&s) == 40);
	probe_add(&s, 38, PROBE_SEED_S + 11);
	assert_true(probe_best(&s) == 38);
}

/* A seed the CPU does not reach by PROBE_SEED_S is dropped: the run
 * judges by its own probes, as without one. */
static void seed_dropped(void **state)
{
	(void)state;
	struct probe_state s = {.seed = 40};
	probe_add(&s, 60, 1);
	probe_add(&s, 58, PROBE_SEED_S - 1);
	assert_false(s.dropped);
	assert_true(probe_best(&s) == 40);
	probe_add(&s, 59, PROBE_SEED_S);
	assert_true(s.dropped && !s.confirmed);
	assert_true(probe_best(&s) == 58);
	assert_true(probe_hold_limit(&s, PROBE_SEED_S, 30) == 30);
	/* a fast probe after the drop does not bring the seed back */
	probe_add(&s, 45, PROBE_SEED_S + 1);
	assert_true(s.dropped && probe_best(&s) == 45);
}

static void write_run(const char *dir, const char *name, const char *text)
{
	char *d = xasprintf("%s/%s", dir, name);
	char *f = xasprintf("%s/machine.txt", d);
	assert_int_equal(mkdir(d, 0755), 0);
	FILE *fp = fopen(f, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	free(d);
	free(f);
}

#define MACHINE                                                                \
	"cpu: AMD EPYC\ncpu-family: 26\ncpu-model: 2\ncpu-stepping: 1\n"       \
	"cpu-mhz: 2095.994\ncache-size: 1024 KB\nhypervisor: bhyve\n"          \
	"cores: 2\nkernel: Linux 6.18.44-fc-v782\npinned: cpu 1\n"

/* This machine as MACHINE describes it. */
static void machine_of_now(struct machine *now)
{
	const char *keys[][2] = {
	    {"cpu", "AMD EPYC"},
	    {"cpu-family", "26"},
	    {"cpu-model", "2"},
	    {"cpu-stepping", "1"},
	    {"cpu-mhz", "2095.994"},
	    {"cache-size", "1024 KB"},
	    {"hypervisor", "bhyve"},
	    {"cores", "2"},
	    {"kernel", "Linux 6.18.44-fc-v782"},
	    {"pinned", "cpu 1"},
	};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		machine_set(now, keys[i][0], keys[i][1]);
}

/* The newest earlier run of the same machine gives the seed, by date
 * whatever its directory's name; one of another kernel, one without a
 * probe or without a date, a FIFO for a machine.txt, and the run itself
 * (skip) do not. */
static void seed_from_runs(void **state)
{
	(void)state;
	char tmpl[] = "/tmp/test_probe.XXXXXX";
	char *dir = mkdtemp(tmpl);
	assert_non_null(dir);
	struct machine now = {0};
	machine_of_now(&now);
	char from[512];
	assert_true(probe_seed_find(dir, NULL, &now, from, sizeof from) == 0);
	/* named as a person may name them: the date orders them */
	write_run(dir, "zz-oldest",
		  MACHINE "date: 2026-11-01T00:00:00Z\n"
			  "probe-best-us: 40.0\n");
	write_run(dir, "20261102T000000Z",
		  MACHINE "date: 2026-11-02T00:00:00Z\nprobe-best-us: 41.5\n");
	write_run(dir, "20261103T000000Z",
		  "kernel: Linux 6.1\n" MACHINE "date: 2026-11-03T00:00:00Z\n"
		  "probe-best-us: 20.0\n");
	write_run(dir, "20261104T000000Z",
		  MACHINE "date: 2026-11-04T00:00:00Z\nprobe-best-us: NaN\n");
	write_run(dir, "20261105T000000Z",
		  MACHINE "date: 2026-11-05T00:00:00Z\nstatus: incomplete\n");
	write_run(dir, "undated", MACHINE "probe-best-us: 10.0\n");
	write_run(dir, "20261107T000000Z",
		  MACHINE "date: 2026-11-07T00:00:00Z\nprobe-best-us: 30.0\n");
	char *fifo_dir = xasprintf("%s/20261106T000000Z", dir);
	char *fifo = xasprintf("%s/machine.txt", fifo_dir);
	assert_int_equal(mkdir(fifo_dir, 0755), 0);
	assert_int_equal(mkfifo(fifo, 0644), 0);
	double p =
	    probe_seed_find(dir, "20261107T000000Z", &now, from, sizeof from);
	assert_true(p == 41.5);
	char *want = xasprintf("%s/20261102T000000Z", dir);
	assert_string_equal(from, want);
	/* another pinned CPU is another machine here */
	machine_set(&now, "pinned", "cpu 0");
	assert_true(probe_seed_find(dir, NULL, &now, from, sizeof from) == 0);
	machine_free(&now);
	remove_tree(dir);
	free(fifo_dir);
	free(fifo);
	free(want);
}

/* The MHz of /proc/cpuinfo, measured at each boot, may differ in the
 * thousandths: within a hundredth it is the same machine, 5% off it is
 * not, and a number is not "unknown". */
static void seed_across_boots(void **state)
{
	(void)state;
	char tmpl[] = "/tmp/test_probe.XXXXXX";
	char *dir = mkdtemp(tmpl);
	assert_non_null(dir);
	write_run(dir, "20261102T000000Z",
		  MACHINE "date: 2026-11-02T00:00:00Z\nprobe-best-us: 41.5\n");
	struct machine now = {0};
	machine_of_now(&now);
	char from[512];
	const char *mhz[] = {"2096.019", "2116.9", "2200.0", "unknown", "NaN"};
	const double want[] = {41.5, 41.5, 0, 0, 0};
	for (size_t i = 0; i < sizeof mhz / sizeof *mhz; i++) {
		machine_set(&now, "cpu-mhz", mhz[i]);
		if (probe_seed_find(dir, NULL, &now, from, sizeof from) !=
		    want[i])
			fail_msg("cpu-mhz %s: want a seed of %g", mhz[i],
				 want[i]);
	}
	machine_free(&now);
	remove_tree(dir);
}

/* The slowest CPU is the one furthest from its own full speed, not the
 * one with the longest probe: in speeds-1 (docs/precision.md, item 35)
 * the two CPUs' fastest probes were alike, but a hybrid laptop's small
 * cores run the probe slower for good and are not slow for that. */
static void slowest_of_cpus(void **state)
{
	(void)state;
	struct probe_state s[3] = {{.own = 40}, {.own = 60}, {.own = 40}};
	double speed;
	/* CPU 1 at 66 µs is at 0.91 of its 60; CPU 2 at 50 at 0.8 of 40 */
	double p[3] = {41, 66, 50};
	assert_int_equal(probe_slowest(s, p, 3, &speed), 2);
	assert_true(fabs(speed - 0.8) < 1e-12);
	/* a CPU not probed (0, or not a number) is left out */
	double q[3] = {0, 66, NAN};
	assert_int_equal(probe_slowest(s, q, 3, &speed), 1);
	assert_true(fabs(speed - 60.0 / 66) < 1e-12);
	/* one whose full speed is not known yet runs at it */
	struct probe_state t[2] = {{0}, {.own = 40}};
	double r[2] = {90, 44};
	assert_int_equal(probe_slowest(t, r, 2, &speed), 1);
	assert_true(fabs(speed - 40.0 / 44) < 1e-12);
	double none[2] = {0, 0};
	assert_int_equal(probe_slowest(s, none, 2, &speed), -1);
	assert_true(speed == 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(own_probes),
	    cmocka_unit_test(seed_reached),
	    cmocka_unit_test(seed_dropped),
	    cmocka_unit_test(seed_from_runs),
	    cmocka_unit_test(seed_across_boots),
	    cmocka_unit_test(slowest_of_cpus),
	};
	return cmocka_run_group_tests_name("probe", tests, NULL, NULL);
}
