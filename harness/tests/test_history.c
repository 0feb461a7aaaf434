/* The history file: created with its header, appended to, refused when
 * its header is another's; against a golden file from a committed run. */
#include "testutil.h"

#include "history.h"

#include <unistd.h>

#define RUN "results/vm/benchtime-0.2s"

static void append_twice(void **state)
{
	(void)state;
	char path[] = "/tmp/cgobench-history-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path); /* a new file gets the header */
	char err[ERRLEN];
	assert_int_equal(history_append(RUN, path, err, sizeof err), 0);
	assert_int_equal(history_append(RUN, path, err, sizeof err), 0);
	char *got = fixture(path);
	if (getenv("CGOBENCH_UPDATE_GOLDEN"))
		file_write_atomic(FIXTURE("history-golden.csv"), got,
				  strlen(got), err, sizeof err);
	char *want = fixture(FIXTURE("history-golden.csv"));
	assert_string_equal(got, want);
	free(got);
	free(want);
	unlink(path);
}

static void refuses_other_files(void **state)
{
	(void)state;
	char err[ERRLEN];
	assert_int_equal(
	    history_append(RUN, FIXTURE("summary-golden.csv"), err, sizeof err),
	    -1);
	assert_string_equal(err, "harness/tests/fixtures/summary-golden.csv:1: "
				 "not a history file of schema 1");
	assert_int_equal(
	    history_append("/nonexistent", "/tmp/x.csv", err, sizeof err), -1);
	assert_string_equal(err, "cannot open '/nonexistent/machine.txt': No "
				 "such file or directory");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(append_twice),
	    cmocka_unit_test(refuses_other_files),
	};
	return cmocka_run_group_tests_name("history", tests, NULL, NULL);
}
