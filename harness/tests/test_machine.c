/* machine: what machine.txt says of the code a run was built from, and
 * of the environment its benchmarks ran in. */
#include "testutil.h"

#include "machine.h"
#include "spawn.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* Runs argv; the test fails if it does, with what it said. */
static void run_ok(char *const *argv)
{
	struct spawn_opts o = {.argv = argv, .pin_cpu = -1, .timeout_s = 30};
	struct spawn_result r;
	char err[ERRLEN];
	assert_int_equal(spawn_run(&o, &r, err, sizeof err), 0);
	if (!spawn_ok(&r))
		fail_msg("%s: %s", argv[0], r.err ? r.err : "");
	spawn_result_free(&r);
}

/* git with args in dir. */
static void git(const char *dir, char *const *args)
{
	char *argv[16] = {"git",	 "-C", (char *)dir,	"-c",
			  "user.name=t", "-c", "user.email=t@t"};
	size_t n = 7;
	while (*args && n < 15)
		argv[n++] = *args++;
	argv[n] = NULL;
	run_ok(argv);
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	free(p);
}

/* harness-commit of the repository dir, as a run there records it. */
static char *commit_of(const char *dir)
{
	struct machine m = {0};
	machine_probe(&m, dir);
	char *c = xstrdup(machine_get(&m, "harness-commit"));
	machine_free(&m);
	return c;
}

/* A run from a clone whose results or text changed measures the commit's
 * code (make baseline empties results/baseline before it runs); one whose
 * code changed does not, and says so. */
static void dirty_only_for_code(void **state)
{
	(void)state;
	char dir[] = "/tmp/cgobench-machine-XXXXXX";
	assert_non_null(mkdtemp(dir));
	const char *dirs[] = {"results", "docs", "harness"};
	for (size_t i = 0; i < 3; i++) {
		char *p = xasprintf("%s/%s", dir, dirs[i]);
		assert_int_equal(mkdir(p, 0700), 0);
		free(p);
	}
	const char *files[] = {"results/raw.csv", "docs/formats.md",
			       "README.md", "harness/run.c"};
	for (size_t i = 0; i < 4; i++)
		write_file(dir, files[i], "a\n");
	git(dir, (char *[]){"init", "-q", NULL});
	git(dir, (char *[]){"add", ".", NULL});
	git(dir, (char *[]){"commit", "-q", "-m", "a", NULL});
	char *clean = commit_of(dir);
	assert_int_equal(strlen(clean), 12);
	for (size_t i = 0; i < 3; i++)
		write_file(dir, files[i], "b\n");
	char *text = commit_of(dir);
	assert_string_equal(text, clean);
	write_file(dir, "harness/run.c", "b\n");
	char *code = commit_of(dir);
	char *want = xasprintf("%s-dirty", clean);
	assert_string_equal(code, want);
	free(want);
	free(code);
	free(text);
	free(clean);
	run_ok((char *[]){"rm", "-rf", dir, NULL});
}

/* What tells a run's machine and method apart, on one line for a
 * history's row and back: the keys a run gives, in the tables' order,
 * none of the others; read back, it differs from its run in nothing, and
 * from a run measured otherwise as that run itself would; a value that
 * held " | " comes back cut, and differs. */
static void told_line_and_back(void **state)
{
	(void)state;
	const char *run = "cpu: AMD EPYC\ncpu-model: 2\ndate: 2026-12-03\n"
			  "sched: batch\nbenchtime: 0.03s\ndrift: corrected "
			  "(35 pinned samples)\nruntime-env: GOGC=200; "
			  "GODEBUG=a=1,b=2\ncpu-brand: Oxide Virtual\n";
	char *line = machine_told_line(run);
	assert_string_equal(
	    line, "cpu: AMD EPYC | cpu-model: 2 | cpu-brand: Oxide Virtual | "
		  "sched: batch | benchtime: 0.03s | drift: corrected (35 "
		  "pinned samples) | runtime-env: GOGC=200; GODEBUG=a=1,b=2");
	char *text = machine_told_text(line);
	assert_null(machine_method_differs(text, run));
	assert_null(machine_hardware_differs(text, run));
	const char *other = "cpu: AMD EPYC\ncpu-model: 2\nsched: batch\n"
			    "benchtime: 0.03s\ndrift: corrected (40 pinned "
			    "samples)\nruntime-env: none\n";
	char *why = machine_method_differs(text, other);
	assert_string_equal(why, "runtime-env GOGC=200; GODEBUG=a=1,b=2 "
				 "against none");
	free(why);
	free(text);
	free(line);
	line = machine_told_line("date: 2026-12-03\n");
	assert_string_equal(line, "");
	text = machine_told_text(line);
	assert_string_equal(text, "");
	free(text);
	free(line);
	const char *bar = "runtime-env: GODEBUG=x | y\n";
	line = machine_told_line(bar);
	text = machine_told_text(line);
	why = machine_method_differs(text, bar);
	assert_string_equal(why, "runtime-env GODEBUG=x against GODEBUG=x | y");
	free(why);
	free(text);
	free(line);
}

/* A CPU's brand string as CPUID gives it: padded with spaces or ended by
 * a NUL, trimmed either side; a byte outside printable ASCII as '?'; an
 * empty or blank one, none. */
static void brand_trimmed(void **state)
{
	(void)state;
	static const char turin[48] = "Oxide Virtual Turin-like Processor"
				      "              ";
	char *got = machine_brand_text(turin, sizeof turin);
	assert_string_equal(got, "Oxide Virtual Turin-like Processor");
	free(got);
	got = machine_brand_text("  Intel(R) Xeon(R) CPU\0 junk", 28);
	assert_string_equal(got, "Intel(R) Xeon(R) CPU");
	free(got);
	got = machine_brand_text("AMD\nEPYC\x80 7B13", 14);
	assert_string_equal(got, "AMD?EPYC? 7B13");
	free(got);
	assert_null(machine_brand_text("    ", 4));
	assert_null(machine_brand_text("\0AMD", 4));
	got = machine_brand_text("AMD EPYC", 3);
	assert_string_equal(got, "AMD");
	free(got);
}

/* runtime-env: the variables that move a benchmark, sorted, each as it
 * was but for control bytes and a value past MACHINE_ENV_MAX; others,
 * and names that only begin alike, left out; none where there is none. */
static void runtime_env_of_environ(void **state)
{
	(void)state;
	char *none[] = {"PATH=/bin", "GOGCX=1",	   "GOFLAGS=-count=2",
			"MALLOC_",   "HOME=/root", NULL};
	char *got = machine_runtime_env(none);
	assert_string_equal(got, "none");
	free(got);
	got = machine_runtime_env(NULL);
	assert_string_equal(got, "none");
	free(got);
	char *set[] = {"PATH=/bin",
		       "MALLOC_PERTURB_=1\n2\x7f",
		       "GOGC=200",
		       "LD_PRELOAD=/a.so /b.so",
		       "GODEBUG=gctrace=1,cgocheck=0",
		       "GOMEMLIMIT=",
		       "GLIBC_TUNABLES=glibc.malloc.arena_max=1",
		       NULL};
	got = machine_runtime_env(set);
	assert_string_equal(
	    got, "GLIBC_TUNABLES=glibc.malloc.arena_max=1; "
		 "GODEBUG=gctrace=1,cgocheck=0; GOGC=200; GOMEMLIMIT=; "
		 "LD_PRELOAD=/a.so /b.so; MALLOC_PERTURB_=1?2?");
	free(got);
	char *long_one[] = {NULL, NULL};
	long_one[0] = xmalloc(MACHINE_ENV_MAX + 16);
	strcpy(long_one[0], "GOGC=");
	memset(long_one[0] + 5, '7', MACHINE_ENV_MAX + 1);
	long_one[0][MACHINE_ENV_MAX + 6] = '\0';
	got = machine_runtime_env(long_one);
	assert_int_equal(strlen(got), 5 + MACHINE_ENV_MAX + 3);
	assert_string_equal(got + 5 + MACHINE_ENV_MAX, "...");
	free(got);
	long_one[0][MACHINE_ENV_MAX + 5] = '\0';
	got = machine_runtime_env(long_one);
	assert_int_equal(strlen(got), 5 + MACHINE_ENV_MAX);
	free(got);
	free(long_one[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(dirty_only_for_code),
	    cmocka_unit_test(runtime_env_of_environ),
	    cmocka_unit_test(brand_trimmed),
	    cmocka_unit_test(told_line_and_back),
	};
	return cmocka_run_group_tests_name("machine", tests, NULL, NULL);
}
