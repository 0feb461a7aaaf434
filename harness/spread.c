/* spread: the note of a contended row (family.h's spread) wider than its
 * goal: how far its samples spread, which is the behaviour measured, what
 * they follow, and why the row took no more; and of any row wider than
 * its goal, whether its samples fall in two groups. */
#include "runint.h"

#include "stats.h"
#include "units.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The least correlation a note calls tracking: about where 8 samples,
 * --count's, tell one from chance at 5% (0.707). */
#define SPREAD_TRACKS 0.7
/* The samples a note of what a row rises with needs: below 8, an r of
 * 0.7 comes by chance more often than one time in twenty. */
#define SPREAD_TRACKS_N 8

void spread_why(const struct run *r, const struct unit *u,
		const struct stats_summary *s, double goal, char *buf,
		size_t len)
{
	size_t cap = schedule_unit_cap(r, u);
	double need = summary_samples_at_spread(s, goal);
	if (cap <= (size_t)r->c->count)
		snprintf(buf, len,
			 "--max-count gave it no rounds beyond --count");
	else if (isnan(need))
		snprintf(buf, len,
			 "%zu samples are too few to say how many would "
			 "reach the goal at this spread",
			 s->n);
	else if (need > (double)cap && r->budget_ended &&
		 need <= (double)r->c->max_count)
		snprintf(buf, len,
			 "the budget ended before the other rows were done, "
			 "and a contended row goes beyond %zu samples only in "
			 "the time they leave (raise '--budget <DUR>', or "
			 "BUDGET=<DUR> under make)",
			 cap);
	else if (need > (double)cap)
		snprintf(buf, len,
			 "about %.0f samples would reach the goal at this "
			 "spread, more than the %zu a contended row takes",
			 need, cap);
	else if (s->n >= cap)
		snprintf(buf, len,
			 "it took the %zu samples a contended row takes", cap);
	else
		snprintf(buf, len,
			 "%s ended before its middle half said the goal was "
			 "reached%s",
			 r->budget_ended ? "the budget" : "the rounds",
			 r->budget_ended ? " (raise '--budget <DUR>', or "
					   "BUDGET=<DUR> under make)"
					 : "");
}

char *spread_note(const struct run *r, const struct unit *u,
		  const struct summary_row *row, double goal)
{
	char q[96], cpus[128], line[160], why[224];
	units_format_ci(q, sizeof q, NAN, row->s.q1, row->s.q3, row->unit, 0);
	spread_cpus(r, u, cpus, sizeof cpus);
	spread_transfer(r, u, line, sizeof line);
	spread_why(r, u, &row->s, goal, why, sizeof why);
	return xasprintf(
	    "95%% interval wider than +-%g%%; the middle half of "
	    "its %zu samples spans %s (%+.0f%% to %+.0f%% of the "
	    "median): contention spreads it%s%s: %s",
	    goal, row->s.n, q, (row->s.q1 / row->s.median - 1) * 100,
	    (row->s.q3 / row->s.median - 1) * 100, cpus, line, why);
}

/* The primary figure and the CPUs kept busy (SUMMARY_CPUS) of each
 * of u's samples that reports both, in x and y; how many. */
static size_t cpus_of(const struct run *r, const struct unit *u, double *x,
		      double *y)
{
	size_t k = (size_t)(u - r->units), n = 0;
	for (size_t i = 0; i < r->ntaken && n < u->n; i++) {
		const struct bench_line *l = &r->taken[i].line;
		if (r->taken[i].unit != k || !l->nmetrics ||
		    strcmp(l->metrics[0].unit, r->primary))
			continue;
		for (size_t m = 1; m < l->nmetrics; m++)
			if (!strcmp(l->metrics[m].unit, SUMMARY_CPUS)) {
				x[n] = l->metrics[0].value;
				y[n++] = l->metrics[m].value;
				break;
			}
	}
	return n;
}

void spread_cpus(const struct run *r, const struct unit *u, char *buf,
		 size_t len)
{
	double *x = xcalloc(u->n + 1, sizeof *x),
	       *y = xcalloc(u->n + 1, sizeof *y);
	size_t n = cpus_of(r, u, x, y);
	double rho = stats_correlation(x, y, n);
	*buf = 0;
	if (!isnan(rho)) {
		char how[64];
		snprintf(how, sizeof how,
			 fabs(rho) >= SPREAD_TRACKS ? "its %s tracking"
						    : "its %s not explained by",
			 r->primary);
		stats_sort(y, n);
		snprintf(buf, len,
			 ", %s the CPUs it kept busy, %.2f to %.2f (r = %+.2f)",
			 how, y[0], y[n - 1], rho);
	}
	free(x);
	free(y);
}

void spread_transfer(const struct run *r, const struct unit *u, char *buf,
		     size_t len)
{
	double *x = xcalloc(u->n + 1, sizeof *x),
	       *y = xcalloc(u->n + 1, sizeof *y);
	size_t n = 0;
	for (size_t i = 0; i < u->n; i++)
		if (u->load[i].transfer > 0) {
			x[n] = u->primary[i];
			y[n++] = u->load[i].transfer;
		}
	double rho = stats_correlation(x, y, n);
	*buf = 0;
	if (n >= SPREAD_TRACKS_N && !isnan(rho) && rho >= SPREAD_TRACKS) {
		stats_sort(y, n);
		snprintf(buf, len,
			 ", its %s rising with the time a cache line took "
			 "between the CPUs, %.0f to %.0f ns there and back "
			 "(r = %+.2f)",
			 r->primary, y[0], y[n - 1], rho);
	}
	free(x);
	free(y);
}

char *spread_groups(const struct unit *u, const char *unit)
{
	struct stats_groups g;
	if (!stats_two_groups(u->primary, u->n, &g))
		return NULL;
	char lo[96], hi[96];
	units_format_ci(lo, sizeof lo, NAN, g.low[0], g.low[1], unit, 0);
	units_format_ci(hi, sizeof hi, NAN, g.high[0], g.high[1], unit, 0);
	return xasprintf("its samples fall in two groups, %zu at %s and %zu "
			 "at %s, further apart than their own spread (D = "
			 "%.1f): two states, and what switches them is worth "
			 "finding",
			 g.nlow, lo, u->n - g.nlow, hi, g.d);
}
