/* stopping: the program of scripts/stopping-study.sh (which builds it
 * with the harness's summary.c, stats.c and util.c).
 *
 * usage: stopping ROWS SIGMA...
 *        stopping ROWS --pool FILE...
 *
 * How often a row's final 95% interval covers the true median when the
 * row stops as a run stops it (docs/methodology.md, step 5): --count 8
 * samples, then one more a look; beyond 30, only while the goal is
 * within reach of --max-count 200 (the samples it would need at 1/sqrt(n),
 * as the harness projects them). Each rule is tried on ROWS rows:
 *
 *   fixed 30   30 samples, no look (the interval's own coverage)
 *   goal       stop once the interval is within +-3%
 *   aim        stop at +-3%, then go on to +-1% (--aim-ci) while within
 *              reach, back to +-3% when the aim's samples leave it
 *   aim@97     as aim, the aim looked for on the 97% interval
 *   projected  at +-3%, take the samples the aim would need, then stop
 *
 * Samples are lognormal with each SIGMA (true median 1), or drawn with
 * replacement from each FILE of one value a line (true median: theirs).
 * Prints one CSV line a source and rule: source, rule, the share of rows
 * whose interval covers the true median, their mean samples, and the
 * share within +-1% at the end. */
#include "stats.h"
#include "summary.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COUNT	   8
#define REACH_FROM 30
#define MAX_COUNT  200
#define GOAL_PCT   3.0
#define AIM_PCT	   1.0

enum rule { FIXED, GOAL_ONLY, AIM, AIM97, PROJECTED, NRULES };
static const char *const rule_names[] = {"fixed 30", "goal", "aim", "aim@97",
					 "projected"};

struct source {
	double sigma;	    /* lognormal, when pool is NULL */
	const double *pool; /* else drawn from these */
	size_t npool;
	double truth;
};

static uint64_t rng = 11;

static double uniform(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return ((double)(rng >> 11) + 0.5) / 9007199254740992.0;
}

static double draw(const struct source *s)
{
	if (s->pool)
		return s->pool[(size_t)(uniform() * (double)s->npool)];
	double z = sqrt(-2 * log(uniform())) * cos(2 * M_PI * uniform());
	return exp(s->sigma * z);
}

/* The samples that would bring s within pct, as the harness projects
 * (summary.h). */
static double need(size_t n, const struct stats_summary *s, double pct)
{
	return summary_samples_for(n, summary_half_pct(s), pct);
}

/* Whether a row of n samples summarized as s stops under rule; *until,
 * for projected, the samples it has been given to take. */
static int stops(enum rule rule, const double *x, size_t n,
		 const struct stats_summary *s, double *until)
{
	if (rule == FIXED)
		return n >= REACH_FROM;
	if (n >= MAX_COUNT)
		return 1;
	if (rule == PROJECTED && *until > 0)
		return n >= *until;
	double target = rule != GOAL_ONLY && summary_within(s, GOAL_PCT)
			    ? AIM_PCT
			    : GOAL_PCT;
	if (rule == PROJECTED && target == AIM_PCT) {
		*until = fmin(need(n, s, AIM_PCT), MAX_COUNT);
		return n >= *until;
	}
	struct stats_summary at = *s;
	if (rule == AIM97 && target == AIM_PCT)
		stats_summarize(x, n, 0.97, &at);
	if (summary_within(&at, target))
		return 1;
	return n >= REACH_FROM && need(n, &at, target) > MAX_COUNT;
}

static void try_rule(const struct source *src, const char *name, enum rule rule,
		     int rows)
{
	static double x[MAX_COUNT];
	int covered = 0, aimed = 0;
	double samples = 0;
	for (int r = 0; r < rows; r++) {
		struct stats_summary s;
		size_t n = 0;
		double until = 0;
		while (n < COUNT)
			x[n++] = draw(src);
		for (;;) {
			stats_summarize(x, n, 0.95, &s);
			if (stops(rule, x, n, &s, &until))
				break;
			x[n++] = draw(src);
		}
		covered += s.ci_low <= src->truth && src->truth <= s.ci_high;
		aimed += summary_within(&s, AIM_PCT);
		samples += (double)n;
	}
	printf("%s,%s,%.4f,%.1f,%.4f\n", name, rule_names[rule],
	       (double)covered / rows, samples / rows, (double)aimed / rows);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* FILE's values into src; 0, or -1 with a message. */
static int read_pool(const char *path, struct source *src)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "stopping: %s: cannot open\n", path);
		return -1;
	}
	size_t cap = 256, n = 0;
	double *v = malloc(cap * sizeof *v), d;
	while (v && fscanf(f, "%lf", &d) == 1) {
		if (n == cap)
			v = realloc(v, (cap *= 2) * sizeof *v);
		if (v)
			v[n++] = d;
	}
	fclose(f);
	if (!v || n < 2) {
		fprintf(stderr, "stopping: %s: fewer than 2 values\n", path);
		free(v);
		return -1;
	}
	qsort(v, n, sizeof *v, cmp_double);
	*src = (struct source){.pool = v,
			       .npool = n,
			       .truth = n % 2 ? v[n / 2]
					      : (v[n / 2 - 1] + v[n / 2]) / 2};
	return 0;
}

int main(int argc, char **argv)
{
	const char *usage = "usage: stopping ROWS SIGMA... | stopping ROWS "
			    "--pool FILE...\n";
	int rows = argc > 2 ? atoi(argv[1]) : 0, pools = 0;
	if (rows <= 0) {
		fputs(usage, stderr);
		return 2;
	}
	printf("source,rule,cover,samples,within_aim\n");
	for (int i = 2; i < argc; i++) {
		struct source src = {.truth = 1};
		if (!strcmp(argv[i], "--pool")) {
			pools = 1;
			continue;
		}
		if (pools && read_pool(argv[i], &src) != 0)
			return 1;
		if (!pools) {
			char *end;
			src.sigma = strtod(argv[i], &end);
			if (*end || !(src.sigma > 0 && src.sigma < 1)) {
				fprintf(stderr,
					"stopping: SIGMA '%s' is not "
					"a number in (0, 1)\n",
					argv[i]);
				return 2;
			}
		}
		for (enum rule r = FIXED; r < NRULES; r++)
			try_rule(&src, argv[i], r, rows);
		free((void *)src.pool);
	}
	return 0;
}
