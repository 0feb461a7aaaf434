/* Helpers shared by the unit tests: cmocka's includes in the order it
 * needs them, and fixture loading. Tests run from the repository root. */
#ifndef CGOBENCH_TESTUTIL_H
#define CGOBENCH_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define FIXTURE(name) "harness/tests/fixtures/" name

static inline char *fixture(const char *path)
{
	char *text, err[ERRLEN];
	if (file_read(path, &text, NULL, err, sizeof err) != 0)
		fail_msg("%s", err);
	return text;
}

#endif
