/* schedstop: when a row of a run has samples enough. Each row's goal
 * (its family's, or the pinned rows' aim in the time left), whether its
 * interval meets it, read from the settled values (the drift taken off
 * as the summary will take it), how many samples it would need, and
 * whether those are within reach: the rule schedule.c's rounds follow
 * (docs/methodology.md, step 5). */
#include "runint.h"

#include "family.h"
#include "stats.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>

double schedule_target(const struct run *r, const struct family *f)
{
	return f->unpinned ? r->c->target_unpinned_pct : r->c->target_pct;
}

int schedule_aim_off(const struct run_config *c)
{
	return !(c->aim_pct < c->target_pct) || c->instructions;
}

double schedule_benchtime(const struct run *r, const struct family *f)
{
	return f->unpinned ? r->c->benchtime_unpinned_s : r->c->benchtime_s;
}

/* u's goal, or while r is aiming, a pinned row's aim once its interval
 * (s, the summary of its settled values) is within its goal: a row that the
 * aim's samples took back out of its goal goes on by the goal's reach (in one
 * run of item 62, GoBytes cgocheck=1 stopped at +-3.26% after 54 samples, which
 * said that 64 would bring it to +-3% but not 200 to +-1%). */
static double unit_target(const struct run *r, const struct unit *u,
			  const struct stats_summary *s)
{
	double goal = schedule_target(r, u->fam);
	if (!r->aiming || u->fam->unpinned || u->n < 2)
		return goal;
	return summary_within(s, goal) ? r->c->aim_pct : goal;
}

void schedule_settle(struct run *r)
{
	size_t nobs;
	struct obs *obs = runout_taken_obs(r, &nobs);
	runout_drift(r, obs, nobs);
	/* a sample's primary value is its first observation */
	size_t *seen = xcalloc(r->nunits ? r->nunits : 1, sizeof *seen), k = 0;
	for (size_t i = 0; i < r->ntaken; i++) {
		struct unit *u = &r->units[r->taken[i].unit];
		u->settled[seen[r->taken[i].unit]++] = obs[k].value;
		k += r->taken[i].line.nmetrics;
	}
	free(seen);
	free(obs);
}

int schedule_interval_met(const struct run *r, const struct unit *u)
{
	if (u->n < 2)
		return 0;
	struct stats_summary s;
	stats_summarize(u->settled, u->n, SUMMARY_LEVEL, &s);
	return summary_within(&s, unit_target(r, u, &s));
}

/* --max-count, or limit when less, and 0 at the least. */
static size_t max_count_within(const struct run_config *c, int limit)
{
	int most = c->max_count < limit ? c->max_count : limit;
	return (size_t)(most > 0 ? most : 0);
}

size_t schedule_unit_cap(const struct run *r, const struct unit *u)
{
	int closed = family_contended(u->fam, u->param) && !r->leftover;
	return max_count_within(r->c,
				closed ? SCHEDULE_SPREAD_MAX : r->c->max_count);
}

size_t schedule_reach_before(const struct run_config *c)
{
	return max_count_within(c, SCHEDULE_REACH_MAX);
}

size_t schedule_reach(const struct run *r)
{
	return r->leftover ? max_count_within(r->c, r->c->max_count)
			   : schedule_reach_before(r->c);
}

/* SCHEDULE_REACH_FROM, or half of --max-count when that is less, and at
 * least --count: the samples a row short of its goal takes whatever its
 * interval says; beyond them it goes on only while the goal is within
 * reach at --max-count (unit_need). A row on this VM whose spread is
 * beyond any budget (a nanosecond loop's, some hundreds of samples:
 * precision.md item 16) stops there, and the rounds go to those a few
 * more samples bring in (items 18 and 20). */
size_t schedule_reach_from(const struct run_config *c)
{
	int from = c->max_count / 2;
	if (from > SCHEDULE_REACH_FROM)
		from = SCHEDULE_REACH_FROM;
	return (size_t)(from > c->count ? from : c->count);
}

enum schedule_short schedule_why_short(const struct run_config *c, size_t n,
				       double need, int budget_ended)
{
	if (n < (size_t)c->count)
		return SHORT_BEFORE_COUNT;
	if (n >= (size_t)c->max_count)
		return SHORT_MAX_COUNT;
	if (n >= schedule_reach_from(c) && !(need <= (double)c->max_count))
		return SHORT_OUT_OF_REACH;
	return budget_ended ? SHORT_BUDGET : SHORT_OTHER;
}

/* The samples u would need to reach its goal if its interval narrowed as
 * 1/sqrt(n), from its settled values: with 2, as a normal sample's
 * median would, the spread taken from their difference; NaN with fewer,
 * or when no figure comes out. A contended row's is read from its middle
 * half (summary_samples_at_spread): from a few samples its interval
 * spans about all of them, and overstates the need several times. */
static double unit_need(const struct run *r, const struct unit *u)
{
	int contended = family_contended(u->fam, u->param);
	/* a contended row's middle half wants 4 */
	if (u->n < 2 || (contended && u->n < 4))
		return NAN;
	struct stats_summary s;
	stats_summarize(u->settled, u->n, SUMMARY_LEVEL, &s);
	double goal = unit_target(r, u, &s);
	if (contended)
		return summary_samples_at_spread(&s, goal);
	if (u->n == 2) {
		/* two samples: the median's interval as a normal sample's
		 * would have it, sd from their difference */
		double sd = fabs(u->settled[0] - u->settled[1]) / M_SQRT2,
		       med = (u->settled[0] + u->settled[1]) / 2;
		double half = 1.96 * 1.2533 * sd / fabs(med) * 100;
		return summary_samples_for(1, half, goal);
	}
	return summary_samples_for(u->n, summary_half_pct(&s), goal);
}

/* Whether u's goal is within reach: before schedule_reach_from samples
 * always, then while it would need schedule_reach or fewer; a contended
 * row's only while it would need its cap (schedule_unit_cap) or fewer,
 * a row whose contention spreads it further stopping at --count. */
int schedule_within_reach(const struct run *r, const struct unit *u)
{
	if (family_contended(u->fam, u->param))
		return unit_need(r, u) <= (double)schedule_unit_cap(r, u);
	return u->n < schedule_reach_from(r->c) ||
	       unit_need(r, u) <= (double)schedule_reach(r);
}

/* The samples u will have at the end: --count, and beyond it, once it
 * has 2, as many as it would need (unit_need), up to schedule_reach, or
 * up to schedule_reach_from when that is more than schedule_reach would
 * bring; a contended row's up to its cap, or none beyond --count when
 * its cap would not bring it in. Its settled values are read: the drift
 * taken off, a row's interval is the one its summary will have. */
double schedule_unit_want(const struct run *r, const struct unit *u)
{
	const struct run_config *c = r->c;
	double want = c->count, need = u->n >= 2 ? unit_need(r, u) : NAN;
	if (need > want && family_contended(u->fam, u->param))
		return need <= (double)schedule_unit_cap(r, u) ? need : want;
	if (need > want)
		want = need <= (double)schedule_reach(r)
			   ? need
			   : fmax(want, (double)schedule_reach_from(c));
	return want;
}
