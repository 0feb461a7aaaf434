#include "runint.h"

#include "anatomy.h"
#include "benchout.h"
#include "benchtxt.h"
#include "build.h"
#include "callgrind.h"
#include "claims.h"
#include "drift.h"
#include "export.h"
#include "family.h"
#include "gbench.h"
#include "gbjson.h"
#include "gotest.h"
#include "raw.h"
#include "rundir.h"
#include "spawn.h"
#include "stats.h"
#include "toolchain.h"
#include "units.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The family of the run called name, or NULL. */
static const struct family *family_named(const struct run *r, const char *name)
{
	for (size_t i = 0; i < r->nfams; i++)
		if (!strcmp(r->fams[i].name, name))
			return &r->fams[i];
	return NULL;
}

static const char *baseline_of(void *ctx, const char *family,
			       const char *variant)
{
	const struct family *f = family_named(ctx, family);
	return f ? family_baseline(f, variant) : NULL;
}

/* The unit a summary row belongs to, or NULL. */
static const struct unit *unit_of(const struct run *r,
				  const struct summary_row *row)
{
	for (size_t k = 0; k < r->nunits; k++)
		if (!strcmp(r->units[k].fam->name, row->family) &&
		    !strcmp(r->units[k].variant, row->variant) &&
		    !strcmp(r->units[k].param, row->param) &&
		    !strcmp(r->units[k].tc->name, row->toolchain))
			return &r->units[k];
	return NULL;
}

/* Rows in the order their benchmarks were found (per family, the C side
 * first, each in its own order), time before other units. */
static int cmp_rows(const void *a, const void *b, void *ctx)
{
	const struct run *r = ctx;
	const struct summary_row *x = a, *y = b;
	const struct unit *ux = unit_of(r, x), *uy = unit_of(r, y);
	size_t ix = ux ? (size_t)(ux - r->units) : r->nunits;
	size_t iy = uy ? (size_t)(uy - r->units) : r->nunits;
	if (ix != iy)
		return ix < iy ? -1 : 1;
	int tx = !strcmp(x->unit, r->primary),
	    ty = !strcmp(y->unit, r->primary);
	if (tx != ty)
		return ty - tx;
	return strcmp(x->unit, y->unit);
}

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

/* Samples as taken: every take (retakes included), the retaken, and
 * those kept though disturbed (kept_disturbed). */
struct takes {
	size_t takes, retaken, kept;
};

/* The takes of every unit, or of the pinned families' units that were
 * measured to the end (for load_lasting). */
static struct takes tally(const struct run *r, int pinned)
{
	struct takes t = {0};
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

/* The pinned families' takes, and whether they bore a lasting load
 * (load_lasting_why) with the run's average load of others; computed
 * once, for the rows' status and for machine.txt. */
struct pinned_load {
	struct takes takes;
	enum load_why why;
	double others;
};

static struct pinned_load pinned_load_of(const struct run *r)
{
	struct pinned_load p = {.takes = tally(r, 1)};
	double n = r->load_samples ? (double)r->load_samples : 1;
	p.others = r->load_others / n;
	p.why = load_lasting_why(p.takes.takes, p.takes.retaken + p.takes.kept,
				 p.others, r->load_steal / n);
	return p;
}

enum load_why runout_load_so_far(const struct run *r, size_t *takes,
				 size_t *disturbed, double *others)
{
	struct pinned_load p = pinned_load_of(r);
	*takes = p.takes.takes;
	*disturbed = p.takes.retaken + p.takes.kept;
	*others = p.others;
	return p.why;
}

/* A pinned row of a run whose pinned CPU bore a lasting load is
 * disturbed, whatever its own samples passed: why, and the share of the
 * pinned takes disturbed. */
static void note_lasting(struct summary_row *row, const struct pinned_load *p)
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
	if (isfinite(need))
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

/* Status and note of each row, from its unit's state and sample count,
 * and from pinned, the pinned families' load (a lasting load). */
static void annotate(struct run *r, struct summary_row *rows, size_t nrows,
		     const struct pinned_load *pinned)
{
	const struct run_config *c = r->c;
	for (size_t i = 0; i < nrows; i++) {
		struct summary_row *row = &rows[i];
		const struct unit *u = unit_of(r, row);
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
			note_recounted(row, u);
		}
		if (primary && u->state == UNIT_OK &&
		    pinned->why != LOAD_WHY_NONE && !u->fam->unpinned)
			note_lasting(row, pinned);
		if (u->state == UNIT_OK && !strncmp(row->unit, "ns/", 3))
			row->load_bound = load_bound(r, u);
	}
}

/* One verdict per benchmark: a row of another unit than the primary one
 * (ns/item, B/op beside ns/op) that is ok takes its primary row's status
 * and note, so that a benchmark is not wide in ns/op and ok in ns/item
 * from the same samples. */
static void carry_status(const struct run *r, struct summary_row *rows,
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

/* The times a cache line took between the CPUs around the samples on
 * every CPU (sample_load's transfer), in machine.txt's transfer-ns:
 * their median and range, to read two runs' contended rows by;
 * nothing when none was measured. */
static void record_transfer(struct run *r)
{
	size_t n = 0, room = 0;
	double *t = NULL;
	for (size_t i = 0; i < r->nunits; i++)
		for (size_t k = 0; k < r->units[i].n; k++) {
			double v = r->units[i].load[k].transfer;
			if (!(v > 0))
				continue;
			if (n == room)
				t = xrealloc(t, (room = 2 * room + 16) *
						    sizeof *t);
			t[n++] = v;
		}
	if (n) {
		char buf[96];
		stats_sort(t, n);
		snprintf(buf, sizeof buf, "%.0f [%.0f, %.0f] over %zu samples",
			 stats_quantile_sorted(t, n, 0.5), t[0], t[n - 1], n);
		machine_set(&r->m, "transfer-ns", buf);
	}
	free(t);
}

/* What else ran while the samples were taken (load.h), in machine.txt:
 * the mean share of other processes and of the hypervisor on the
 * sample's CPUs, the mean wall time of a sample's process (for the
 * precision a second of measuring buys), and the samples retaken or kept
 * disturbed. */
static void record_load(struct run *r, const struct pinned_load *pinned)
{
	if (!r->load_samples)
		return;
	struct takes all = tally(r, 0);
	char buf[64];
	double n = (double)r->load_samples;
	snprintf(buf, sizeof buf, "%.3f", r->load_others / n);
	machine_set(&r->m, "load-others", buf);
	snprintf(buf, sizeof buf, "%.3f", r->load_steal / n);
	machine_set(&r->m, "load-steal", buf);
	if (r->load_pinned) {
		snprintf(buf, sizeof buf, "%.3f",
			 r->load_elsewhere / (double)r->load_pinned);
		machine_set(&r->m, "load-elsewhere", buf);
	}
	snprintf(buf, sizeof buf, "%.3f", r->load_wall / n);
	machine_set(&r->m, "sample-seconds", buf);
	const struct probe_state *pin = run_pin_probe(r);
	snprintf(buf, sizeof buf, "%.1f", pin->own);
	machine_set(&r->m, "probe-best-us", buf);
	if (pin->seed > 0) {
		char how[48] = "not reached";
		if (pin->confirmed)
			snprintf(how, sizeof how, "reached");
		else if (pin->dropped)
			snprintf(how, sizeof how,
				 "not reached in %d s: dropped", PROBE_SEED_S);
		char *seed = xasprintf("%.1f from %s (%s)", pin->seed,
				       r->seed_from, how);
		machine_set(&r->m, "probe-seed-us", seed);
		free(seed);
	}
	snprintf(buf, sizeof buf, "%.1f", r->held_s);
	machine_set(&r->m, "held-seconds", buf);
	record_transfer(r);
	snprintf(buf, sizeof buf, "%zu", all.retaken);
	machine_set(&r->m, "samples-retaken", buf);
	snprintf(buf, sizeof buf, "%zu of %zu", r->retakes.clean,
		 r->retakes.taken);
	machine_set(&r->m, "retakes-undisturbed", buf);
	snprintf(buf, sizeof buf, "%zu", all.kept);
	machine_set(&r->m, "samples-disturbed", buf);
	snprintf(buf, sizeof buf, "%zu upset, %zu slow", r->takes_upset,
		 r->takes_slow);
	machine_set(&r->m, "disturbed-by", buf);
	snprintf(buf, sizeof buf, "%zu of %zu",
		 pinned->takes.retaken + pinned->takes.kept,
		 pinned->takes.takes);
	machine_set(&r->m, "pinned-disturbed", buf);
	machine_set(&r->m, "lasting-load", load_why_names[pinned->why]);
}

/* Adds a row for every unit that ended with no sample at all. */
static void add_empty_rows(struct run *r, struct summary_row **rows,
			   size_t *nrows)
{
	for (size_t k = 0; k < r->nunits; k++) {
		const struct unit *u = &r->units[k];
		if (u->n)
			continue;
		*rows = xrealloc(*rows, (*nrows + 1) * sizeof **rows);
		struct summary_row *row = &(*rows)[(*nrows)++];
		memset(row, 0, sizeof *row);
		row->family = u->fam->name;
		row->variant = u->variant;
		row->toolchain = u->tc->name;
		row->cc = u->tc->cc_name;
		row->param = u->param;
		row->unit = r->primary;
		row->baseline = family_baseline(u->fam, u->variant);
		row->status = u->state == UNIT_SKIPPED	? SUMMARY_SKIPPED
			      : u->state == UNIT_FAILED ? SUMMARY_FAILED
							: SUMMARY_INCOMPLETE;
		row->note = u->note ? xstrdup(u->note)
			    : u->unwritten
				? xasprintf("no sample written: raw.csv "
					    "could not hold them (%s)",
					    strerror(r->unwritten_errno))
				: xstrdup("no sample taken");
	}
}

/* The instructions per op by group of the sample whose count is the
 * median, which stands for the unit; NULL when nothing was counted. */
static const double *unit_anatomy(const struct unit *u)
{
	if (!u->anatomy || !u->n)
		return NULL;
	double med = stats_median(u->primary, u->n);
	size_t at = 0;
	for (size_t k = 1; k < u->n; k++)
		if (fabs(u->primary[k] - med) < fabs(u->primary[at] - med))
			at = k;
	return u->anatomy[at];
}

/* The anatomy rows of the counted units, in unit order; the caller
 * frees them. */
static struct anatomy_row *anatomy_rows(const struct run *r, size_t *n)
{
	struct anatomy_row *rows = xcalloc(r->nunits + 1, sizeof *rows);
	*n = 0;
	for (size_t i = 0; i < r->nunits; i++) {
		const struct unit *u = &r->units[i];
		const double *groups = unit_anatomy(u);
		if (!groups)
			continue;
		struct anatomy_row *a = &rows[(*n)++];
		*a = (struct anatomy_row){u->fam->name, u->variant,
					  u->tc->name,	u->tc->cc_name,
					  u->param,	{0}};
		memcpy(a->groups, groups, sizeof a->groups);
	}
	return rows;
}

/* Whether the family called name ran pinned to one CPU. */
static int run_pinned(const void *ctx, const char *name)
{
	const struct run *r = ctx;
	const struct family *f = family_named(r, name);
	return f && r->pin >= 0 && !f->unpinned;
}

size_t runout_drift(const struct run *r, struct obs *obs, size_t nobs)
{
	if (r->c->drift != RUN_DRIFT_CORRECT || r->c->instructions)
		return 0;
	return drift_correct(obs, nobs, run_pinned, r);
}

struct obs *runout_taken_obs(const struct run *r, size_t *nobs)
{
	*nobs = 0;
	for (size_t i = 0; i < r->ntaken; i++)
		*nobs += r->taken[i].line.nmetrics;
	struct obs *obs = xcalloc(*nobs ? *nobs : 1, sizeof *obs);
	size_t k = 0;
	for (size_t i = 0; i < r->ntaken; i++) {
		const struct taken *t = &r->taken[i];
		const struct unit *u = &r->units[t->unit];
		for (size_t m = 0; m < t->line.nmetrics; m++)
			obs[k++] =
			    schedule_obs_of(r, u, t->rep, &t->line.metrics[m]);
	}
	return obs;
}

/* Takes the machine's drift off the pinned samples of time in obs
 * (runout_drift), and says so in machine.txt. */
static void take_drift_off(struct run *r, struct obs *obs, size_t nobs)
{
	size_t n = runout_drift(r, obs, nobs);
	char *what = n ? xasprintf("corrected (%zu pinned samples, the median "
				   "of %d a side)",
				   n, DRIFT_WINDOW)
		       : xstrdup("none");
	machine_set(&r->m, "drift", what);
	free(what);
}

static void warn_export(void *ctx, const char *msg)
{
	run_warn(ctx, "%s", msg);
}

int runout_write(struct run *r)
{
	size_t nobs;
	struct obs *obs = runout_taken_obs(r, &nobs);
	struct benchtxt_sample *bs = xcalloc(r->ntaken, sizeof *bs);
	for (size_t i = 0; i < r->ntaken; i++) {
		const struct taken *t = &r->taken[i];
		const struct unit *u = &r->units[t->unit];
		bs[i] = (struct benchtxt_sample){.family = u->fam->name,
						 .variant = u->variant,
						 .param = u->param,
						 .toolchain = u->tc->name,
						 .cc = u->tc->cc_name,
						 .iters = t->line.iters,
						 .metrics = t->line.metrics,
						 .nmetrics = t->line.nmetrics};
	}
	take_drift_off(r, obs, nobs);
	struct summary_row *rows;
	size_t nrows;
	summary_compute(obs, nobs, baseline_of, r, &rows, &nrows, NULL);
	struct pinned_load pinned = pinned_load_of(r);
	annotate(r, rows, nrows, &pinned);
	carry_status(r, rows, nrows);
	summary_drop_deleted_baselines(rows, nrows);
	add_empty_rows(r, &rows, &nrows);
	qsort_r(rows, nrows, sizeof *rows, cmp_rows, r);

	struct sbuf mach = {0};
	machine_set(&r->m, "status",
		    *r->c->stop || r->unwritten ? "incomplete" : "complete");
	if (r->unwritten) {
		char *what = xasprintf("%zu samples (%s)", r->unwritten,
				       strerror(r->unwritten_errno));
		machine_set(&r->m, "unwritten", what);
		free(what);
	}
	machine_set(&r->m, "rounds-ended",
		    *r->c->stop	      ? "signal"
		    : r->budget_ended ? "budget"
				      : "done");
	record_load(r, &pinned);
	machine_format(&r->m, &mach);
	/* the run's model, from which every output is made */
	struct run_model m = {.dir = r->dir,
			      .machine = mach.buf,
			      .counted = r->c->instructions,
			      .samples = bs,
			      .nsamples = r->ntaken};
	summary_table_of(&m.sum, rows, nrows);
	summary_precision_of(rows, nrows, r->primary, &r->precision);
	m.anatomy = anatomy_rows(r, &m.nanatomy);
	char err[ERRLEN];
	struct claim_set *claims;
	if (claims_load(r->c->cases_dir, &claims, err, sizeof err) != 0)
		run_warn(r, "%s: report.md judges no claim", err);
	else
		m.claims = claims;
	int rc = export_all(&m, EXPORT_RUN, warn_export, r, err, sizeof err);
	if (gbjson_write(&r->gb, r->dir, warn_export, r) && rc == 0)
		rc = -2;
	if (m.counted && !r->c->quiet) {
		struct sbuf txt = {0};
		anatomy_format_txt(m.anatomy, m.nanatomy, &txt);
		if (txt.buf)
			fputs(txt.buf, stderr);
		sbuf_free(&txt);
	}
	claims_free(claims);
	free(m.anatomy);
	free(m.sum.toolchains);
	sbuf_free(&mach);
	summary_free(rows, nrows);
	free(obs);
	free(bs);
	return rc;
}
