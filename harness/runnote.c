/* runnote: each row's status and note at a run's end, from its unit's
 * state and samples and from the load the pinned families bore: wide or
 * spread short of its goal (and what would bring it), disturbed, a work
 * the compiler removed, repetitions raised toward the goal and the aim,
 * and one verdict a benchmark across its units (runint.h). */
#include "runint.h"

#include "callgrind.h"
#include "family.h"
#include "stats.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Below this a time per op cannot be real work. */
#define DELETED_NS 0.1

/* The speed of the slowest CPU around a sample, judged against that
 * CPU's best probe at the run's end (1: full, or not probed). */
static double speed_of(const struct run *r, const struct sample_load *l)
{
	return speeds_at(r, l->slow, l->cpu);
}

/* The most the load around u's samples could have slowed its time
 * (summary.h's load_bound): the largest of its samples'. */
static double load_bound(const struct run *r, const struct unit *u)
{
	double bound = 1;
	for (size_t i = 0; i < u->n; i++) {
		struct load_share l = {.speed = speed_of(r, &u->load[i])};
		bound = fmax(bound, u->load[i].slowing * load_slowing(&l));
	}
	return bound;
}

/* The samples of u kept though disturbed: upset by other work when
 * taken, or taken while the CPU ran slow, judged against the run's best
 * probe at its end (a slow spell from the run's start is seen only once
 * the CPU has run fast); *speed is the slowest of them. */
static size_t kept_disturbed(const struct run *r, const struct unit *u,
			     double *speed)
{
	size_t n = 0;
	*speed = 1;
	for (size_t i = 0; i < u->n; i++) {
		double v = speed_of(r, &u->load[i]);
		n += u->load[i].upset || v < LOAD_SPEED;
		if (v < *speed)
			*speed = v;
	}
	return n;
}

/* Appends what (which it takes) to the row's note, after a "; " when
 * the note has something already. */
static void add_note(struct summary_row *row, char *what)
{
	char *was = row->note;
	if (!was) {
		row->note = what;
		return;
	}
	row->note = xasprintf("%s; %s", was, what);
	free(was);
	free(what);
}

/* A row whose samples other work disturbed says how many were taken
 * again and how many kept; a quarter or more kept disturbed make it
 * disturbed, whatever its interval: a tight interval around numbers the
 * benchmark did not make alone is no finding. */
static void note_disturbed(const struct run *r, struct summary_row *row,
			   const struct unit *u)
{
	double speed;
	size_t kept = kept_disturbed(r, u, &speed);
	if (!u->retaken && !kept)
		return;
	if (kept * 4 >= u->n &&
	    (row->status <= SUMMARY_WIDE || row->status == SUMMARY_SPREAD))
		row->status = SUMMARY_DISTURBED;
	char why[48];
	if (speed < LOAD_SPEED)
		load_describe(&(struct load_share){.speed = speed}, why,
			      sizeof why);
	else
		snprintf(why, sizeof why, "%s", u->disturbance);
	add_note(row,
		 xasprintf("%zu sample%s retaken, %zu kept though "
			   "disturbed (%s)",
			   u->retaken, u->retaken == 1 ? "" : "s", kept, why));
}

/* A row that kept a sample of one iteration, though its warm-up's speed
 * would fill the benchtime with hundreds (schedule_stalled_ns), says
 * so: such a sample timed a first call, and the retakes met it again. */
static void note_stalled(struct summary_row *row, const struct unit *u)
{
	if (!u->stalled)
		return;
	add_note(row, xasprintf("%zu sample%s of one iteration kept: a "
				"first call of %.3g ms, where the warm-up ran "
				"%.3g ns/op (set-up inside the timer, or a "
				"stall the retakes met again)",
				u->stalled, u->stalled == 1 ? "" : "s",
				u->stall_ns / 1e6, u->warm_ns));
}

/* A counted row whose takes callgrind lost count of says how many were
 * taken again and the last count not kept (callgrind.h). */
static void note_recounted(struct summary_row *row, const struct unit *u)
{
	if (!u->recounted)
		return;
	add_note(row, xasprintf("%zu counted take%s not kept: callgrind lost "
				"count of the timed loop (more than %g%% off "
				"the kept ones, or past its dumps; the last "
				"read %.4g instructions/op)",
				u->recounted, u->recounted == 1 ? "" : "s",
				CALLGRIND_AGREE * 100, u->lost));
}

struct runnote_takes runnote_tally(const struct run *r, int pinned)
{
	struct runnote_takes t = {0};
	for (size_t i = 0; i < r->nunits; i++) {
		const struct unit *u = &r->units[i];
		double speed;
		if (pinned && (u->fam->unpinned || u->state != UNIT_OK))
			continue;
		t.takes += u->n + u->retaken;
		t.retaken += u->retaken;
		t.kept += kept_disturbed(r, u, &speed);
	}
	return t;
}

struct runnote_pinned runnote_pinned(const struct run *r)
{
	struct runnote_pinned p = {.takes = runnote_tally(r, 1)};
	double n = r->load_samples ? (double)r->load_samples : 1;
	p.others = r->load_others / n;
	p.why = load_lasting_why(p.takes.takes, p.takes.retaken + p.takes.kept,
				 p.others, r->load_steal / n);
	return p;
}

enum load_why runnote_load_so_far(const struct run *r, size_t *takes,
				  size_t *disturbed, double *others)
{
	struct runnote_pinned p = runnote_pinned(r);
	*takes = p.takes.takes;
	*disturbed = p.takes.retaken + p.takes.kept;
	*others = p.others;
	return p.why;
}

/* A pinned row of a run whose pinned CPU bore a lasting load is
 * disturbed, whatever its own samples passed: why, and the share of the
 * pinned takes disturbed. */
static void note_lasting(struct summary_row *row,
			 const struct runnote_pinned *p)
{
	if (row->status != SUMMARY_OK && row->status != SUMMARY_WIDE &&
	    row->status != SUMMARY_DISTURBED)
		return;
	row->status = SUMMARY_DISTURBED;
	char busy[96] = "";
	if (p->why == LOAD_WHY_BUSY)
		snprintf(busy, sizeof busy,
			 "the machine was busy (others %.2g CPU on average) "
			 "and ",
			 p->others);
	double pct = 100.0 * (double)(p->takes.retaken + p->takes.kept) /
		     (double)p->takes.takes;
	add_note(row, xasprintf("%s%.0f%% of the pinned families' samples ran "
				"disturbed: a lasting load, which those that "
				"passed may bear too",
				busy, pct));
}

/* The knob a wide row's note names, by why it ended short of its goal
 * (schedule_why_short); wide_note adds to SHORT_OUT_OF_REACH's where the
 * reach rule starts. */
static const char *const short_knob[] = {
    [SHORT_BEFORE_COUNT] = "'--budget <DUR>', or BUDGET=<DUR> under make: "
			   "it ran out before --count",
    [SHORT_MAX_COUNT] = "'--max-count <N>', or MAXCOUNT=<N> under make: it "
			"took all --max-count",
    [SHORT_OUT_OF_REACH] = "'--max-count <N>' and '--budget <DUR>', or "
			   "MAXCOUNT=<N> and BUDGET=<DUR> under make",
    [SHORT_BUDGET] = "'--budget <DUR>', or BUDGET=<DUR> under make: it ran "
		     "out while the row was short of its goal",
    [SHORT_OTHER] = "'--max-count <N>' or '--budget <DUR>', or "
		    "MAXCOUNT=<N> under make",
};

/* A row wider than its goal: how wide, about how many samples would
 * bring it to the goal at its spread (summary_samples_for), and which knob
 * would give it more (short_knob). */
static char *wide_note(const struct run *r, const struct summary_row *row,
		       double goal)
{
	double half = summary_half_pct(&row->s),
	       need = summary_samples_for(row->s.n, half, goal);
	char how[96], fig[32], more[64] = "", knob[256];
	/* three figures, so that +-3.04% is not printed as +-3.0% */
	snprintf(fig, sizeof fig, half < 100 ? "%.3g" : "%.0f", half);
	if (isfinite(half))
		snprintf(how, sizeof how,
			 "+-%s%% after %zu repetitions, wider than +-%g%%", fig,
			 row->s.n, goal);
	else
		snprintf(how, sizeof how,
			 "wider than +-%g%% after %zu "
			 "repetitions",
			 goal, row->s.n);
	/* a count's figures past a million are noise: one stalled sample
	 * among 8 asked for 334889405346 (docs/precision.md item 74) */
	if (isfinite(need) && need > 1e6)
		snprintf(more, sizeof more,
			 "; more than a million would reach it at this "
			 "spread");
	else if (isfinite(need))
		snprintf(more, sizeof more,
			 "; about %.0f would reach it at this spread", need);
	enum schedule_short why =
	    schedule_why_short(r->c, row->s.n, need, r->budget_ended);
	if (why == SHORT_OUT_OF_REACH)
		snprintf(knob, sizeof knob,
			 "%s: beyond %zu samples a row goes on only while "
			 "--max-count would reach its goal, %zu of them until "
			 "the other rows are done",
			 short_knob[why], schedule_reach_from(r->c),
			 schedule_reach_before(r->c));
	else
		snprintf(knob, sizeof knob, "%s", short_knob[why]);
	return xasprintf("95%% interval %s%s (raise %s)", how, more, knob);
}

/* A row of fewer than SUMMARY_FEWEST samples: how often their range
 * covers the median (the interval's level), and which knob gives it more
 * (short_knob). */
static char *few_note(const struct run *r, const struct summary_row *row)
{
	enum schedule_short why =
	    schedule_why_short(r->c, row->s.n, SUMMARY_FEWEST, r->budget_ended);
	int one = row->s.n == 1;
	return xasprintf("%zu repetition%s no %.0f%% interval for the median: "
			 "%s range covers it %.3g%% of the time, and %d are "
			 "the fewest that give one (raise %s)",
			 row->s.n, one ? " gives" : "s give",
			 SUMMARY_LEVEL * 100, one ? "its" : "their",
			 row->s.ci_level * 100, SUMMARY_FEWEST,
			 short_knob[why]);
}

/* The note of a row whose figure no work can have made, the compiler
 * having removed the work; else NULL. A time per op under DELETED_NS, on
 * each CPU when all run the benchmark at once, is less than a cycle of a
 * 10 GHz CPU: no call is that cheap. A count under one instruction an op
 * is no op at all; but a deleted op counts the timer's own count over
 * the iterations (0.016 an op at the default 1e7, 7.7 at 20000), so a
 * count is also judged by its warm-up's time. */
static char *deleted_note(const struct run *r, const struct unit *u,
			  const struct summary_row *row)
{
	double limit = DELETED_NS / (u->fam->unpinned ? r->ncpu : 1), v;
	const char *what;
	if (!strcmp(row->unit, "ns/op") && row->s.median < limit) {
		v = row->s.median;
		what = "ns/op is less than one CPU cycle";
	} else if (strcmp(row->unit, "instructions/op")) {
		return NULL;
	} else if (row->s.median < 1) {
		v = row->s.median;
		what = "instructions/op is less than one instruction";
	} else if (u->warm_ns < limit) {
		v = u->warm_ns;
		what = "ns/op in its warm-up is less than one CPU cycle";
	} else {
		return NULL;
	}
	return xasprintf("%.2g %s: the compiler removed the work (keep its "
			 "results in a variable it cannot prove unread, such "
			 "as an exported sink)",
			 v, what);
}

/* The note of a row within its goal whose repetitions were raised; a
 * pinned row's of a run that aimed tighter in the time left says how
 * near the aim it came at the end (docs/precision.md item 62). */
static char *raised_note(const struct run *r, const struct unit *u,
			 const struct summary_row *row, double goal)
{
	int n = r->c->count;
	double aim = r->c->aim_pct;
	if (!r->aiming || u->fam->unpinned)
		return xasprintf("repetitions raised from %d to %zu to reach "
				 "+-%g%%",
				 n, row->s.n, goal);
	if (summary_within(&row->s, aim))
		return xasprintf("repetitions raised from %d to %zu to reach "
				 "+-%g%%, within the aim of +-%g%% at the end",
				 n, row->s.n, goal, aim);
	return xasprintf("repetitions raised from %d to %zu to reach +-%g%%; "
			 "+-%.3g%% at the end, short of the aim of +-%g%%",
			 n, row->s.n, goal, summary_half_pct(&row->s), aim);
}

void runnote_annotate(struct run *r, struct summary_row *rows, size_t nrows,
		      const struct runnote_pinned *pinned)
{
	const struct run_config *c = r->c;
	for (size_t i = 0; i < nrows; i++) {
		struct summary_row *row = &rows[i];
		const struct unit *u = runout_unit_of(r, row);
		if (!u)
			continue;
		int primary = !strcmp(row->unit, r->primary);
		double goal = schedule_target(r, u->fam);
		if (u->state != UNIT_OK) {
			row->status = u->state == UNIT_FAILED ? SUMMARY_FAILED
							      : SUMMARY_SKIPPED;
			row->note = xstrdup(u->note);
		} else if ((row->note = deleted_note(r, u, row))) {
			row->status = SUMMARY_DELETED;
		} else if (u->unwritten) {
			row->status = SUMMARY_INCOMPLETE;
			row->note = xasprintf(
			    "%zu samples left out: raw.csv could not hold "
			    "them (%s)",
			    u->unwritten, strerror(r->unwritten_errno));
		} else if (*c->stop && row->s.n < (size_t)c->count) {
			row->status = SUMMARY_INCOMPLETE;
			row->note =
			    xasprintf("stopped after %zu of %d repetitions",
				      row->s.n, c->count);
		} else if (primary && !summary_at_level(&row->s)) {
			row->status = SUMMARY_WIDE;
			row->note = few_note(r, row);
		} else if (primary && !summary_within(&row->s, goal)) {
			int spread = family_contended(u->fam, u->param);
			row->status = spread ? SUMMARY_SPREAD : SUMMARY_WIDE;
			row->note = spread ? spread_note(r, u, row, goal)
					   : wide_note(r, row, goal);
			char *groups = spread_groups(u, row->unit);
			if (groups)
				add_note(row, groups);
		} else if (primary && row->s.n > (size_t)c->count) {
			row->note = raised_note(r, u, row, goal);
		}
		if (primary && u->state == UNIT_OK) {
			note_disturbed(r, row, u);
			note_stalled(row, u);
			note_recounted(row, u);
		}
		if (primary && u->state == UNIT_OK &&
		    pinned->why != LOAD_WHY_NONE && !u->fam->unpinned)
			note_lasting(row, pinned);
		if (u->state == UNIT_OK && !strncmp(row->unit, "ns/", 3))
			row->load_bound = load_bound(r, u);
	}
}

void runnote_carry_status(const struct run *r, struct summary_row *rows,
			  size_t nrows)
{
	struct key_index primary = {0};
	for (size_t i = 0; i < nrows; i++) {
		const struct summary_row *x = &rows[i];
		const char *k[] = {x->family, x->variant, x->toolchain, x->cc,
				   x->param};
		if (!strcmp(x->unit, r->primary))
			key_index_put(&primary, k, 5, i);
	}
	for (size_t i = 0; i < nrows; i++) {
		struct summary_row *x = &rows[i];
		const char *k[] = {x->family, x->variant, x->toolchain, x->cc,
				   x->param};
		long p = key_index_get(&primary, k, 5);
		if (x->status != SUMMARY_OK || p < 0 || (size_t)p == i ||
		    rows[p].status == SUMMARY_OK)
			continue;
		x->status = rows[p].status;
		free(x->note);
		x->note = rows[p].note ? xstrdup(rows[p].note) : NULL;
	}
	key_index_free(&primary);
}
