/* Child processes: output, exit status, signals, timeouts, environment,
 * pinning, and a program that does not exist. */
#include "testutil.h"

#include "spawn.h"

#include <signal.h>

static void output_and_status(void **state)
{
	(void)state;
	char *argv[] = {"sh", "-c", "echo out; echo err >&2; exit 3", NULL};
	struct spawn_opts o = {.argv = argv, .pin_cpu = -1};
	struct spawn_result r;
	char err[ERRLEN];
	assert_int_equal(spawn_run(&o, &r, err, sizeof err), 0);
	assert_int_equal(r.exit_code, 3);
	assert_false(spawn_ok(&r));
	assert_string_equal(r.out, "out\n");
	assert_string_equal(r.err, "err\n");
	char how[64];
	spawn_describe(&r, 0, how, sizeof how);
	assert_string_equal(how, "exit status 3");
	spawn_result_free(&r);
}

static void crash_is_reported(void **state)
{
	(void)state;
	char *argv[] = {"sh", "-c", "kill -SEGV $$", NULL};
	struct spawn_opts o = {.argv = argv, .pin_cpu = -1};
	struct spawn_result r;
	char err[ERRLEN];
	assert_int_equal(spawn_run(&o, &r, err, sizeof err), 0);
	assert_int_equal(r.term_signal, SIGSEGV);
	char how[64];
	spawn_describe(&r, 0, how, sizeof how);
	assert_string_equal(how, "killed by signal 11 (Segmentation fault)");
	spawn_result_free(&r);
}

static void timeout_kills_the_group(void **state)
{
	(void)state;
	/* the grandchild sleep holds the pipe open: it must die too */
	char *argv[] = {"sh", "-c", "sleep 30 & sleep 30", NULL};
	struct spawn_opts o = {.argv = argv, .pin_cpu = -1, .timeout_s = 0.3};
	struct spawn_result r;
	char err[ERRLEN];
	assert_int_equal(spawn_run(&o, &r, err, sizeof err), 0);
	assert_true(r.timed_out);
	assert_true(r.elapsed_s < 10);
	char how[64];
	spawn_describe(&r, 0.3, how, sizeof how);
	assert_string_equal(how, "timed out after 0.3 s");
	spawn_result_free(&r);
}

static void env_cwd_and_pin(void **state)
{
	(void)state;
	char *argv[] = {
	    "sh", "-c",
	    "echo $CGOBENCH_X; pwd; grep Cpus_allowed_list /proc/self/status",
	    NULL};
	char *env[] = {"CGOBENCH_X=yes", NULL};
	struct spawn_opts o = {
	    .argv = argv, .env = env, .cwd = "/", .pin_cpu = 0};
	struct spawn_result r;
	char err[ERRLEN];
	assert_int_equal(spawn_run(&o, &r, err, sizeof err), 0);
	assert_true(spawn_ok(&r));
	assert_string_equal(r.out, "yes\n/\nCpus_allowed_list:\t0\n");
	spawn_result_free(&r);
}

/* unset: ours whose names begin with it are left out, the others and the
 * caller's own entries kept. */
static void unset_leaves_ours_out(void **state)
{
	(void)state;
	setenv("CGOBENCHT_A", "a", 1);
	setenv("CGOBENCHT_B", "b", 1);
	setenv("KEEP_CGOBENCHT_C", "c", 1);
	char *argv[] = {"sh", "-c",
			"echo ${CGOBENCHT_A-no} ${CGOBENCHT_B-no} "
			"${KEEP_CGOBENCHT_C-no} ${CGOBENCHT_D-no}",
			NULL};
	char *env[] = {"CGOBENCHT_D=d", NULL};
	struct spawn_opts o = {
	    .argv = argv, .env = env, .unset = "CGOBENCHT_", .pin_cpu = -1};
	struct spawn_result r;
	char err[ERRLEN];
	assert_int_equal(spawn_run(&o, &r, err, sizeof err), 0);
	assert_string_equal(r.out, "no no c d\n");
	spawn_result_free(&r);
	o.unset = NULL;
	assert_int_equal(spawn_run(&o, &r, err, sizeof err), 0);
	assert_string_equal(r.out, "a b c d\n");
	spawn_result_free(&r);
	unsetenv("CGOBENCHT_A");
	unsetenv("CGOBENCHT_B");
	unsetenv("KEEP_CGOBENCHT_C");
}

/* --sched batch: the child runs under SCHED_BATCH (policy 3, the 41st
 * field of its /proc/self/stat), and without it under SCHED_OTHER (0). */
static void batch_policy(void **state)
{
	(void)state;
	char *argv[] = {"awk", "{ print $41 }", "/proc/self/stat", NULL};
	struct spawn_opts o = {.argv = argv, .pin_cpu = 0, .batch = 1};
	struct spawn_result r;
	char err[ERRLEN];
	assert_int_equal(spawn_run(&o, &r, err, sizeof err), 0);
	assert_string_equal(r.out, "3\n");
	spawn_result_free(&r);
	o.batch = 0;
	assert_int_equal(spawn_run(&o, &r, err, sizeof err), 0);
	assert_string_equal(r.out, "0\n");
	spawn_result_free(&r);
}

/* The child's own CPU time, from wait4: a spinning child's is most of
 * its wall time, a sleeping one's little of it (no absolute time is
 * assumed, only the two against each other). */
static void cpu_time(void **state)
{
	(void)state;
	char *spin[] = {"sh", "-c",
			"i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done",
			NULL},
	     *nap[] = {"sleep", "0.2", NULL};
	struct spawn_opts o = {.argv = spin, .pin_cpu = 0};
	struct spawn_result r;
	char err[ERRLEN];
	assert_int_equal(spawn_run(&o, &r, err, sizeof err), 0);
	assert_true(r.cpu_s > 0);
	assert_true(r.cpu_s <= r.elapsed_s + 0.01); /* one CPU: no more */
	double spin_share = r.cpu_s / r.elapsed_s;
	spawn_result_free(&r);
	o.argv = nap;
	assert_int_equal(spawn_run(&o, &r, err, sizeof err), 0);
	assert_true(r.cpu_s / r.elapsed_s < spin_share / 2);
	spawn_result_free(&r);
}

static void missing_program(void **state)
{
	(void)state;
	char *argv[] = {"/no/such/program", "x", NULL};
	struct spawn_opts o = {.argv = argv, .pin_cpu = -1};
	struct spawn_result r;
	char err[ERRLEN];
	assert_int_equal(spawn_run(&o, &r, err, sizeof err), -1);
	assert_string_equal(
	    err, "cannot run '/no/such/program': No such file or directory");
}

/* A step before the program runs that fails is named: the directory, or
 * the CPU (one the machine does not have). */
static void failed_step_named(void **state)
{
	(void)state;
	char *argv[] = {"true", NULL};
	struct spawn_opts o = {
	    .argv = argv, .cwd = "/no/such/dir", .pin_cpu = -1};
	struct spawn_result r;
	char err[ERRLEN];
	assert_int_equal(spawn_run(&o, &r, err, sizeof err), -1);
	assert_string_equal(err, "cannot run 'true' in '/no/such/dir': No such "
				 "file or directory");
	o.cwd = NULL;
	o.pin_cpu = 4095;
	assert_int_equal(spawn_run(&o, &r, err, sizeof err), -1);
	assert_string_equal(err, "cannot pin 'true' to CPU 4095: Invalid "
				 "argument");
}

static void tails(void **state)
{
	(void)state;
	const char *s = "one\ntwo\nthree\n";
	char *t = spawn_tail(s, strlen(s), 100);
	assert_string_equal(t, "one | two | three");
	free(t);
	t = spawn_tail(s, strlen(s), 8);
	assert_string_equal(t, "three");
	free(t);
}

/* A Go program's panic is named by its line, not by the traceback's end:
 * go env's stderr (go 1.26.8) when CGO_CFLAGS leaves a quote open. */
static void reasons(void **state)
{
	(void)state;
	char *text = fixture(FIXTURE("goenv-open-quote-stderr.txt"));
	char *t = spawn_reason(text, strlen(text));
	assert_string_equal(t, "panic: could not parse environment variable "
			       "CGO_CFLAGS with value \"-O2 '-g\": "
			       "unterminated ' string");
	free(t);
	/* a panic word further inside a line is not one */
	const char *s = "build failed\nnote: panic: none\nexit 2\n";
	t = spawn_reason(s, strlen(s));
	assert_string_equal(t, "build failed | note: panic: none | exit 2");
	free(t);
	s = "x\nfatal error: all goroutines are asleep\n";
	t = spawn_reason(s, strlen(s));
	assert_string_equal(t, "fatal error: all goroutines are asleep");
	free(t);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(output_and_status),
	    cmocka_unit_test(crash_is_reported),
	    cmocka_unit_test(timeout_kills_the_group),
	    cmocka_unit_test(env_cwd_and_pin),
	    cmocka_unit_test(unset_leaves_ours_out),
	    cmocka_unit_test(batch_policy),
	    cmocka_unit_test(cpu_time),
	    cmocka_unit_test(missing_program),
	    cmocka_unit_test(failed_step_named),
	    cmocka_unit_test(tails),
	    cmocka_unit_test(reasons),
	};
	return cmocka_run_group_tests_name("spawn", tests, NULL, NULL);
}
