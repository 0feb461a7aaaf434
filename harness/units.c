#include "units.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The scales of one kind of unit, smallest first. */
struct kind {
	const char *base; /* the unit's start: "ns", "B", or "" for any */
	double step;
	const char *names[4];
	int prefix; /* the names are prefixes of the base ("k" + "allocs") */
};

static const struct kind kinds[] = {
    {"ns", 1000, {"ns", "µs", "ms", "s"}, 0},
    {"B", 1024, {"B", "KiB", "MiB", "GiB"}, 0},
    {"", 1000, {"", "k", "M", "G"}, 1},
};

/* The kind of unit, and what of it is printed after the number: "ns/op"
 * is ns and nothing, "ns/item" ns and "/item", "allocs/op" a count of
 * "allocs". */
static const struct kind *kind_of(const char *unit, const char **rest)
{
	for (size_t i = 0; i + 1 < sizeof kinds / sizeof *kinds; i++) {
		size_t n = strlen(kinds[i].base);
		if (!strncmp(unit, kinds[i].base, n) &&
		    (unit[n] == '\0' || unit[n] == '/')) {
			*rest = unit + n;
			return &kinds[i];
		}
	}
	*rest = unit;
	return &kinds[sizeof kinds / sizeof *kinds - 1];
}

/* The scale (0 to 3) that puts |v| under 1000 of it, rounded to three
 * figures. */
static int scale_of(const struct kind *k, double v)
{
	int s = 0;
	double a = fabs(v);
	while (s < 3 && isfinite(a) && a >= k->step * 0.9995) {
		a /= k->step;
		s++;
	}
	return s;
}

/* What follows the numbers at scale s: "µs", "KiB/item", "allocs" (a
 * count's k, M or G goes on each number instead); "/op" is left out. */
static void word_of(char *buf, size_t len, const struct kind *k, int s,
		    const char *rest)
{
	const char *r = strcmp(rest, "/op") ? rest : "";
	size_t n = strlen(r);
	if (n > 3 && !strcmp(r + n - 3, "/op"))
		n -= 3;
	snprintf(buf, len, "%s%.*s", k->prefix ? "" : k->names[s], (int)n, r);
}

/* v / div with d significant figures and the count's prefix, if any; a
 * figure of more digits than d (a bound far above its median, or past
 * the largest scale) in whole units, never with an exponent: "790 [761,
 * 1070] ns", not "1.07e+03". */
static void num(char *buf, size_t len, double v, int d, int signed_,
		const char *prefix)
{
	if (isnan(v))
		snprintf(buf, len, "-");
	else if (isfinite(v) && fabs(v) >= pow(10, d) - 0.5)
		snprintf(buf, len, signed_ ? "%+.0f%s" : "%.0f%s", v, prefix);
	else
		snprintf(buf, len, signed_ ? "%+.*g%s" : "%.*g%s", d,
			 v == 0 ? 0 : v, prefix);
}

void units_format(char *buf, size_t len, double v, const char *unit,
		  int signed_)
{
	units_format_ci(buf, len, v, NAN, NAN, unit, signed_);
}

void units_format_ci(char *buf, size_t len, double m, double lo, double hi,
		     const char *unit, int signed_)
{
	const char *rest;
	const struct kind *k = kind_of(unit, &rest);
	double big = fabs(m);
	if (!(big > 0))
		big = fmax(fabs(lo), fabs(hi));
	int s = scale_of(k, big);
	/* a bound of four digits or more at the median's scale takes the
	 * next scale up while the median keeps a tenth there ("-0.302 [-5.52,
	 * 5.22] µs"); otherwise num prints it whole ("81 [66.4, 93100] x") */
	double far =
	    fmax(isfinite(lo) ? fabs(lo) : 0, isfinite(hi) ? fabs(hi) : 0);
	if (s < 3 && far / pow(k->step, s) >= 999.5 &&
	    fabs(m) / pow(k->step, s + 1) >= 0.1)
		s++;
	double div = pow(k->step, s);
	const char *pre = k->prefix ? k->names[s] : "";
	char word[64], a[40], b[40], c[40];
	word_of(word, sizeof word, k, s, rest);
	/* three figures, or as many more (up to 6) as tell the bounds from
	 * the median where they differ */
	/* a sign on the figure (an overhead's +), on bounds only alone */
	int bsign = signed_ && isnan(m);
	for (int d = 3; d <= 6; d++) {
		num(a, sizeof a, m / div, d, signed_, pre);
		num(b, sizeof b, lo / div, d, bsign, pre);
		num(c, sizeof c, hi / div, d, bsign, pre);
		if ((!(lo != m) || strcmp(a, b)) &&
		    (!(hi != m) || strcmp(a, c)))
			break;
	}
	const char *sp = word[0] ? " " : "";
	if (isnan(lo) && isnan(hi))
		snprintf(buf, len, "%s%s%s", a, sp, word);
	else if (isnan(m))
		snprintf(buf, len, "[%s, %s]%s%s", b, c, sp, word);
	else
		snprintf(buf, len, "%s [%s, %s]%s%s", a, b, c, sp, word);
}
