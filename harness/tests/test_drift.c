/* drift: the machine's speed taken off each pinned sample. */
#include "testutil.h"

#include "drift.h"
#include "stats.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const variants[] = {"a", "b", "c", "d"};

static int all_pinned(const void *ctx, const char *family)
{
	(void)ctx;
	return strcmp(family, "spread") != 0;
}

/* rounds rounds of the 4 variants of "f", each a sample of ns/op, ns/item
 * (twice ns/op) and B/op (100), variant k taking (k + 1) ns times the
 * machine's slowness slow(i) at the i-th sample; *n gets the count. */
static struct obs *samples(int rounds, double (*slow)(size_t), size_t *n)
{
	struct obs *o = xcalloc((size_t)rounds * 4 * 3, sizeof *o);
	size_t k = 0, i = 0;
	for (int r = 1; r <= rounds; r++)
		for (int v = 0; v < 4; v++, i++) {
			double t = (v + 1) * slow(i);
			const char *units[] = {"ns/op", "ns/item", "B/op"};
			double vals[] = {t, 2 * t, 100};
			for (int u = 0; u < 3; u++)
				o[k++] = (struct obs){.family = "f",
						      .variant = variants[v],
						      .toolchain = "go",
						      .cc = "gcc",
						      .param = "",
						      .unit = units[u],
						      .rep = r,
						      .value = vals[u]};
		}
	*n = k;
	return o;
}

static double step(size_t i)
{
	return i < 40 ? 1.0 : 1.1;
}

/* The machine ran a tenth slower in the second half of the run: after
 * the correction the samples of a row agree (but near the step, where
 * the neighbours straddle it), the rows keep their ratios, ns/item moves
 * with ns/op and B/op not at all. Uncorrected, each row's samples
 * differ by a tenth between the halves. */
static void step_taken_off(void **state)
{
	(void)state;
	size_t n;
	struct obs *o = samples(20, step, &n);
	assert_int_equal(drift_correct(o, n, all_pinned, NULL), 80);
	for (size_t k = 0; k < n; k++) {
		if (!strcmp(o[k].unit, "B/op"))
			assert_true(o[k].value == 100);
		if (!strcmp(o[k].unit, "ns/item"))
			assert_true(fabs(o[k].value / o[k - 1].value - 2) <
				    1e-9);
	}
	double first = o[0].value;
	for (size_t v = 0; v < 4; v++) {
		size_t off = 0;
		for (size_t i = v; i < 80; i += 4)
			off += fabs(o[i * 3].value / ((double)(v + 1) * first) -
				    1) > 0.001;
		assert_true(off <= 3);
	}
	free(o);
}

/* A row sampled only while the machine ran slow (as a wide row's extra
 * rounds come at the end of a run): its median is the slow one, so one
 * pass reads the slow stretch as slower by half only; the passes after
 * it take that row's median again from its corrected samples, and the
 * row sampled throughout comes out the same in both stretches. */
static void rows_sampled_unevenly(void **state)
{
	(void)state;
	enum { N = 90 };
	struct obs o[N];
	for (int i = 0; i < N; i++) {
		int late = i >= 30, b = late && i % 2;
		o[i] = (struct obs){.family = "f",
				    .variant = b ? "b" : "a",
				    .toolchain = "go",
				    .cc = "gcc",
				    .param = "",
				    .unit = "ns/op",
				    .rep = i + 1,
				    .value = (b ? 2 : 1) * (late ? 1.1 : 1.0)};
	}
	assert_int_equal(drift_correct(o, N, all_pinned, NULL), N);
	/* far from the step: the first stretch and the last */
	double early = o[10].value, last = o[N - 2].value;
	assert_true(fabs(last / early - 1) < 0.01);
}

static double flat(size_t i)
{
	return 1.0 + 0 * (double)i;
}

/* Too few pinned samples, or a family not pinned: nothing moves. */
static void left_alone(void **state)
{
	(void)state;
	size_t n;
	struct obs *o = samples(5, step, &n); /* 20 samples, fewer than 21 */
	assert_int_equal(drift_correct(o, n, all_pinned, NULL), 0);
	assert_true(o[0].value == 1);
	free(o);
	o = samples(20, flat, &n);
	for (size_t k = 0; k < n; k++)
		if (k / 3 % 4 == 3)
			o[k].family = "spread";
	for (size_t k = 0; k < n; k++)
		if (!strcmp(o[k].family, "spread") && o[k].rep > 10 &&
		    !strcmp(o[k].unit, "ns/op"))
			o[k].value *= 1.5;
	assert_int_equal(drift_correct(o, n, all_pinned, NULL), 60);
	for (size_t k = 0; k < n; k++)
		if (!strcmp(o[k].family, "spread") && o[k].rep > 10 &&
		    !strcmp(o[k].unit, "ns/op"))
			assert_true(o[k].value == 6);
		else if (!strcmp(o[k].unit, "ns/op"))
			assert_true(fabs(o[k].value - (double)(k / 3 % 4 + 1)) <
				    1e-9);
	free(o);
}

/* xorshift64*, a uniform in (0, 1) */
static double uniform(uint64_t *x)
{
	*x ^= *x >> 12;
	*x ^= *x << 25;
	*x ^= *x >> 27;
	return ((double)((*x * 2685821657736338717ULL) >> 11) + 0.5) /
	       9007199254740992.0;
}

static double normal(uint64_t *x)
{
	return sqrt(-2 * log(uniform(x))) * cos(2 * M_PI * uniform(x));
}

/* What the correction covers: 40 rows, 12 shuffled rounds, lognormal
 * samples of sigma 1.5% and a drift that moves over about 200 samples,
 * of standard deviation 3%; the 95% interval of a row's corrected
 * samples covers its time at the run's median speed in about 95% of the
 * rows (docs/precision.md item 14), and is narrower than the
 * uncorrected one. */
static void coverage(void **state)
{
	(void)state;
	enum { ROWS = 40, ROUNDS = 12, N = ROWS * ROUNDS, RUNS = 60 };
	uint64_t x = 88172645463325252ULL;
	size_t covered = 0, total = 0;
	double width_raw = 0, width_cor = 0;
	char names[ROWS][16];
	for (int r = 0; r < ROWS; r++)
		snprintf(names[r], sizeof names[r], "v%d", r);
	for (int run = 0; run < RUNS; run++) {
		static struct obs o[N];
		static double d[N];
		double walk = 0, sum2 = 0;
		for (int i = 0; i < N; i++) {
			walk = 0.995 * walk + normal(&x);
			d[i] = walk;
			sum2 += walk * walk;
		}
		double scale = 0.03 / sqrt(sum2 / N);
		int order[ROWS];
		for (int r = 0; r < ROWS; r++)
			order[r] = r;
		for (int round = 0, i = 0; round < ROUNDS; round++) {
			for (int r = ROWS - 1; r > 0; r--) {
				int j = (int)(uniform(&x) * (r + 1)),
				    t = order[r];
				order[r] = order[j];
				order[j] = t;
			}
			for (int r = 0; r < ROWS; r++, i++)
				o[i] = (struct obs){
				    .family = "f",
				    .variant = names[order[r]],
				    .toolchain = "go",
				    .cc = "gcc",
				    .param = "",
				    .unit = "ns/op",
				    .rep = round + 1,
				    .value =
					exp(d[i] * scale + 0.015 * normal(&x))};
		}
		for (int i = 0; i < N; i++)
			d[i] *= scale;
		double truth = exp(stats_median(d, N));
		double raw[ROWS][ROUNDS], cor[ROWS][ROUNDS];
		int k[ROWS] = {0};
		for (int i = 0; i < N; i++) {
			int r = atoi(o[i].variant + 1);
			raw[r][k[r]++] = o[i].value;
		}
		drift_correct(o, N, all_pinned, NULL);
		memset(k, 0, sizeof k);
		for (int i = 0; i < N; i++) {
			int r = atoi(o[i].variant + 1);
			cor[r][k[r]++] = o[i].value;
		}
		for (int r = 0; r < ROWS; r++) {
			struct stats_summary a, b;
			stats_summarize(raw[r], ROUNDS, 0.95, &a);
			stats_summarize(cor[r], ROUNDS, 0.95, &b);
			covered += b.ci_low <= truth && truth <= b.ci_high;
			total++;
			width_raw += (a.ci_high - a.ci_low) / a.median;
			width_cor += (b.ci_high - b.ci_low) / b.median;
		}
	}
	double share = (double)covered / (double)total;
	print_message("drift: corrected intervals cover %.3f, width %.4f "
		      "against %.4f uncorrected\n",
		      share, width_cor / (double)total,
		      width_raw / (double)total);
	assert_true(share > 0.92 && share < 0.98);
	assert_true(width_cor < 0.6 * width_raw);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(step_taken_off),
	    cmocka_unit_test(rows_sampled_unevenly),
	    cmocka_unit_test(left_alone),
	    cmocka_unit_test(coverage),
	};
	return cmocka_run_group_tests_name("drift", tests, NULL, NULL);
}
