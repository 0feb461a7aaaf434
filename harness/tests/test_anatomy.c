/* The anatomy of a crossing from a real callgrind dump of go->c (100000
 * ops): functions' exclusive costs add up to the dump's total, and the
 * groups fall where the table puts them. */
#include "testutil.h"

#include "anatomy.h"

static void real_dump(void **state)
{
	(void)state;
	char *text = fixture(FIXTURE("callgrind/go-c.out.2"));
	struct fn_cost *f;
	size_t n;
	char err[ERRLEN];
	assert_int_equal(anatomy_parse_dump(text, "d", &f, &n, err, sizeof err),
			 0);
	double g[ANATOMY_NGROUPS] = {0}, total = 0;
	anatomy_sum(f, n, "/work/main/cases/call", g);
	for (int i = 0; i < ANATOMY_NGROUPS; i++)
		total += g[i];
	/* the exclusive costs add up to the dump's "totals:" line */
	assert_true(total == 32518015);
	/* go->c: entry and exit, and the stack switch, but no callback and
	 * no pointer checks (an int argument) */
	assert_true(g[0] > 0.5 * total);
	assert_true(g[1] > 0);
	assert_true(g[2] == 0);
	assert_true(g[3] == 0);
	/* runtime.cgocall ran once an op, 100000 times */
	int found = 0;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(f[i].name, "runtime.cgocall")) {
			found = 1;
			assert_string_equal(
			    f[i].file, "/usr/local/go/src/runtime/cgocall.go");
		}
	assert_true(found);
	anatomy_free(f, n);
	free(text);
}

static void groups_by_name_and_file(void **state)
{
	(void)state;
	const char *dir = "/src/cases/call";
	assert_string_equal(
	    anatomy_groups[anatomy_group("runtime.cgocall", "", dir)],
	    "entry/exit");
	assert_string_equal(
	    anatomy_groups[anatomy_group("runtime.exitsyscall", "", dir)],
	    "entry/exit");
	/* the goroutine's status changes around the call */
	assert_string_equal(
	    anatomy_groups[anatomy_group("runtime.casgstatus", "", dir)],
	    "entry/exit");
	assert_string_equal(anatomy_groups[anatomy_group(
				"runtime.entersyscall_sysmon", "", dir)],
			    "entry/exit");
	assert_string_equal(
	    anatomy_groups[anatomy_group("runtime.systemstack.abi0", "", dir)],
	    "stack switch");
	assert_string_equal(
	    anatomy_groups[anatomy_group("runtime.asmcgocall.abi0", "", dir)],
	    "stack switch");
	assert_string_equal(
	    anatomy_groups[anatomy_group("runtime.cgocallbackg1", "", dir)],
	    "callback");
	assert_string_equal(
	    anatomy_groups[anatomy_group("runtime.needm", "", dir)],
	    "callback");
	/* Go 1.19 prepares a C thread on every call */
	assert_string_equal(
	    anatomy_groups[anatomy_group("runtime.minitSignalMask", "", dir)],
	    "callback");
	assert_string_equal(anatomy_groups[anatomy_group(
				"CallGoAdd1", "/tmp/x/_cgo_export.c", dir)],
			    "callback");
	assert_string_equal(
	    anatomy_groups[anatomy_group("_cgoexp_0a1b2c_goAdd1", "", dir)],
	    "callback");
	assert_string_equal(
	    anatomy_groups[anatomy_group("runtime.cgoCheckPointer", "", dir)],
	    "pointer checks");
	assert_string_equal(anatomy_groups[anatomy_group(
				"call_add1", "/src/cases/call/work.c", dir)],
			    "benchmark");
	assert_string_equal(anatomy_groups[anatomy_group("runtime.mallocgc",
							 "/go/malloc.go", dir)],
			    "other");
}

static void malformed(void **state)
{
	(void)state;
	struct fn_cost *f;
	size_t n;
	char err[ERRLEN];
	assert_int_equal(anatomy_parse_dump("events: Ir\n12 5\n", "d", &f, &n,
					    err, sizeof err),
			 -1);
	assert_string_equal(err, "d:2: a cost line before any fn=");
	assert_int_equal(anatomy_parse_dump("fn=(1) f\n12 lots\n", "d", &f, &n,
					    err, sizeof err),
			 -1);
	assert_string_equal(err, "d:2: bad cost line '12 lots'");
	/* recursion suffixes fold into one function; calls= costs are not
	 * the caller's own */
	assert_int_equal(
	    anatomy_parse_dump("fn=(1) f\n1 5\ncfn=(2) g\ncalls=1 0\n"
			       "1 100\nfn=(3) f'2\n+1 7\nfn=(2)\n3 9\n",
			       "d", &f, &n, err, sizeof err),
	    0);
	assert_int_equal(n, 2);
	assert_string_equal(f[0].name, "f");
	assert_true(f[0].ir == 12);
	assert_string_equal(f[1].name, "g");
	assert_true(f[1].ir == 9);
	anatomy_free(f, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(real_dump),
	    cmocka_unit_test(groups_by_name_and_file),
	    cmocka_unit_test(malformed),
	};
	return cmocka_run_group_tests_name("anatomy", tests, NULL, NULL);
}
