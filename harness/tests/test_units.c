/* units: the figures of the tables a person reads, scaled. */
#include "testutil.h"

#include "units.h"

#include <math.h>

static void expect(double v, const char *unit, int signed_, const char *want)
{
	char got[96];
	units_format(got, sizeof got, v, unit, signed_);
	if (strcmp(got, want))
		fail_msg("%g %s: '%s', want '%s'", v, unit, got, want);
}

static void expect_ci(double m, double lo, double hi, const char *unit,
		      const char *want)
{
	char got[96];
	units_format_ci(got, sizeof got, m, lo, hi, unit, 0);
	if (strcmp(got, want))
		fail_msg("%g [%g, %g] %s: '%s', want '%s'", m, lo, hi, unit,
			 got, want);
}

/* Each kind of unit at each of its scales, and at the edges where three
 * figures round up into the next one. */
static void scales(void **state)
{
	(void)state;
	expect(0.40215, "ns/op", 0, "0.402 ns");
	expect(68.09, "ns/op", 0, "68.1 ns");
	expect(999.4, "ns/op", 0, "999 ns");
	expect(999.6, "ns/op", 0, "1 µs");
	expect(1.031e5, "ns/op", 0, "103 µs");
	expect(2.5e7, "ns/op", 0, "25 ms");
	expect(3.2e9, "ns/op", 0, "3.2 s");
	expect(7.2e12, "ns/op", 0, "7200 s");
	expect(5.3, "ns/item", 0, "5.3 ns/item");
	expect(5300, "ns/item", 0, "5.3 µs/item");
	expect(0, "B/op", 0, "0 B");
	expect(4096, "B/op", 0, "4 KiB");
	expect(3 * 1048576.0, "B/op", 0, "3 MiB");
	expect(6.00007, "instructions/op", 0, "6 instructions");
	expect(123456, "instructions/op", 0, "123k instructions");
	expect(2, "allocs/op", 0, "2 allocs");
	expect(22.14, "ns/op", 1, "+22.1 ns");
	expect(-1500, "ns/op", 1, "-1.5 µs");
	expect(NAN, "ns/op", 0, "- ns");
	expect(7, "widgets", 0, "7 widgets");
}

/* An interval shares its median's scale (or the next one up, for a far
 * bound), and gains figures only where three would print a bound the same
 * as a median it differs from; no figure has an exponent. */
static void intervals(void **state)
{
	(void)state;
	expect_ci(68.09, 56.25, 89.47, "ns/op", "68.1 [56.2, 89.5] ns");
	expect_ci(23.81, 23.79, 23.85, "ns/op", "23.81 [23.79, 23.85] ns");
	expect_ci(1500, 999, 2100, "ns/op", "1.5 [0.999, 2.1] µs");
	/* a bound of four digits takes the next scale while the median
	 * keeps a tenth there, else it is printed whole */
	expect_ci(790, 761, 1070, "ns/op", "0.79 [0.761, 1.07] µs");
	expect_ci(-302, -5520, 5215, "ns/op", "-0.302 [-5.52, 5.21] µs");
	expect_ci(81, 66.4, 93100, "x", "81 [66.4, 93100] x");
	expect_ci(68.5, 60, 2088, "ns/op", "68.5 [60, 2088] ns");
	expect_ci(0, 0, 0, "B/op", "0 [0, 0] B");
	expect_ci(6, 6, 6, "instructions/op", "6 [6, 6] instructions");
	expect_ci(1.234567e6, 1.2345671e6, 1.2345672e6, "ns/op",
		  "1.23457 [1.23457, 1.23457] ms");
	char got[96];
	units_format_ci(got, sizeof got, 22.14, 21.5, 22.9, "ns/op", 1);
	assert_string_equal(got, "+22.1 [21.5, 22.9] ns");
	units_format_ci(got, sizeof got, NAN, -1.114, 5.72, "ns/op", 1);
	assert_string_equal(got, "[-1.11, +5.72] ns");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(scales),
	    cmocka_unit_test(intervals),
	};
	return cmocka_run_group_tests_name("units", tests, NULL, NULL);
}
