/* Helpers shared by the unit tests: cmocka's includes in the order it
 * needs them, and fixture and summary.csv loading. Tests run from the
 * repository root. */
#ifndef CGOBENCH_TESTUTIL_H
#define CGOBENCH_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>

#include "summary.h"
#include "util.h"

#define FIXTURE(name) "harness/tests/fixtures/" name

/* The committed heap-growth runs (docs/precision.md item 70), an array's
 * initialiser: plain, under GOGC=200, and plain again. */
#define HEAP_GROWTH_RUNS                                                       \
	{"results/vm/precision/heap-growth/plain-1s",                          \
	 "results/vm/precision/heap-growth/gogc200-1s",                        \
	 "results/vm/precision/heap-growth/plain2-1s"}

static inline char *fixture(const char *path)
{
	char *text, err[ERRLEN];
	if (file_read(path, &text, NULL, err, sizeof err) != 0)
		fail_msg("%s", err);
	return text;
}

/* The committed runs' files of this name (results/<machine>/<run>/name
 * and results/<run>/name), at least 10 of them; globfree them. */
static inline void committed(const char *name, glob_t *g)
{
	char *a = xasprintf("results/*/*/%s", name),
	     *b = xasprintf("results/*/%s", name);
	assert_int_equal(glob(a, 0, NULL, g), 0);
	assert_int_equal(glob(b, GLOB_APPEND, NULL, g), 0);
	assert_true(g->gl_pathc >= 10);
	free(a);
	free(b);
}

/* summary.csv of a run, through its one reader. */
static inline void read_summary(const char *path, struct summary_table *t)
{
	char err[ERRLEN];
	if (summary_read(path, t, err, sizeof err) != 0)
		fail_msg("%s", err);
}

/* Compares got with the golden file at path, read before anything is
 * written. With CGOBENCH_UPDATE_GOLDEN set, a golden file that differs is
 * written anew and the test still fails, so that an update is never taken
 * for a pass: run again without it, and read the diff. */
static inline void assert_golden(const char *path, const char *got)
{
	char *want = NULL, err[ERRLEN];
	int have = file_read(path, &want, NULL, err, sizeof err) == 0;
	if (have && !strcmp(want, got)) {
		free(want);
		return;
	}
	if (getenv("CGOBENCH_UPDATE_GOLDEN")) {
		free(want);
		want = NULL; /* fail_msg does not return */
		if (file_write_atomic(path, got, strlen(got), err,
				      sizeof err) != 0)
			fail_msg("%s", err);
		fail_msg("wrote %s anew: check its diff, then run the test "
			 "again without CGOBENCH_UPDATE_GOLDEN",
			 path);
	}
	if (!have)
		fail_msg("%s", err);
	assert_string_equal(got, want);
	free(want);
}

#endif
