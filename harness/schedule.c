#include "runint.h"

#include "anatomy.h"
#include "benchout.h"
#include "benchtxt.h"
#include "build.h"
#include "callgrind.h"
#include "claims.h"
#include "export.h"
#include "family.h"
#include "gbench.h"
#include "gotest.h"
#include "raw.h"
#include "rundir.h"
#include "spawn.h"
#include "stats.h"
#include "toolchain.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct obs schedule_obs_of(const struct run *r, const struct unit *u, int rep,
			   const struct metric *m)
{
	(void)r;
	return (struct obs){.family = u->fam->name,
			    .variant = u->variant,
			    .toolchain = u->tc->name,
			    .cc = u->tc->cc_name,
			    .param = u->param,
			    .unit = m->unit,
			    .rep = rep,
			    .value = m->value};
}

/* Writes a sample's rows to raw.csv, all or none; a sample that cannot
 * be written is counted and kept out of everything the run writes, so
 * that summary.csv always matches raw.csv. */
static int append_raw(struct run *r, struct unit *u, int rep,
		      const struct bench_line *l)
{
	struct sbuf sb = {0};
	for (size_t k = 0; k < l->nmetrics; k++) {
		struct obs o = schedule_obs_of(r, u, rep, &l->metrics[k]);
		raw_add_row(&sb, &o, l->iters);
	}
	int rc = run_append_raw(r, sb.buf, sb.len);
	sbuf_free(&sb);
	if (rc == 0)
		return 0;
	if (!r->unwritten++) {
		r->unwritten_errno = errno;
		run_warn(r,
			 "cannot write to %s/raw.csv: %s: samples that cannot "
			 "be written are left out of the run",
			 r->dir, strerror(errno));
	}
	u->unwritten++;
	return -1;
}

/* Iterations of a counted sample: about 1e8 instructions' worth (taking
 * 3 instructions a ns), so that the few thousand the timer's start and
 * stop cost weigh under 0.01%; 0 when counting is off. A warm-up of 0
 * ns/op, a loop under the clock's grain (go test's empty loop on a 4 GHz
 * core), takes the most: at --iterations the timer's own count made it 7.7
 * instructions an op, which hid that the compiler had removed the work. */
static long counted_iterations(const struct run *r, const struct unit *u)
{
	if (!r->c->instructions)
		return 0;
	if (r->c->instr_fixed)
		return r->c->instr_iters;
	double n = u->warm_ns > 0    ? 3e7 / u->warm_ns
		   : u->warm_ns == 0 ? 1e7
				     : (double)r->c->instr_iters;
	if (n < r->c->instr_iters)
		n = (double)r->c->instr_iters;
	return n > 1e7 ? 10000000 : (long)n;
}

/* The progress line of u's sample, once its CPU is probed: what reads
 * the line (a terminal, ssh, script(1), a pipe) wakes on it, and printed
 * before the probe it slowed the probe, which flagged the sample: 147 of
 * 445 pinned takes under a pty reader, 4 of 340 into a file
 * (docs/precision.md, item 29). Now its reader's wakeup shares the
 * child's start, which is not timed. */
static void say_progress(struct run *r, const struct unit *u)
{
	char *what = xasprintf("%s %s %s", u->fam->name, u->variant, u->param);
	run_progress(r, what, r->round, r->rounds);
	free(what);
}

/* Takes a counted sample of u until a take's count is kept
 * (callgrind_take_kept), CALLGRIND_TAKES times at most: the last is kept
 * then, and the row's interval shows the disagreement, unless its count
 * ran past the dumps (RUNBENCH_LOST), which fails the row. The takes whose
 * count disagreed with the one kept are counted in u->recounted, the
 * last of them in u->lost (a take that only confirmed it is not). */
static int count_sample(struct run *r, struct unit *u, const char *filter,
			long counted, double *groups, struct bench_output *out,
			char *err, size_t errlen)
{
	double takes[CALLGRIND_TAKES];
	size_t t = 0;
	for (int tries = 1;; tries++) {
		int rc = runbench_run(r, u->fam, u->tc, u->is_go, u->binary,
				      u->env, filter, NULL, r->c->benchtime_s,
				      counted, groups, NULL, out, err, errlen);
		int again = tries < CALLGRIND_TAKES && !*r->c->stop;
		if (rc == RUNBENCH_LOST && again) {
			u->recounted++;
			u->lost = out->lines[0].metrics[0].value;
			benchout_free(out);
			continue;
		}
		if (rc != 0 || out->nlines != 1)
			return rc; /* failed, or skipped: as before */
		takes[t++] = out->lines[0].metrics[0].value;
		if (!again || callgrind_take_kept(u->primary, u->n, takes, t))
			break;
		benchout_free(out);
	}
	for (size_t i = 0; i + 1 < t; i++)
		if (!callgrind_counts_agree(takes[i], takes[t - 1])) {
			u->recounted++;
			u->lost = takes[i];
		}
	return 0;
}

/* A stalled sample's first call outlasted the benchtime (a file read
 * from a slow disk, set-up left inside the timer): a row of one such
 * sample among some 140,000 iterations ran +-613800% wide (stop 64's
 * CI). A benchmark whose every call outlasts the benchtime (blocking's
 * sleep(c)) runs one iteration in its warm-up too, and never stalls. */
double schedule_stalled_ns(const struct run *r, const struct unit *u,
			   const struct bench_output *out)
{
	const struct bench_line *l = benchout_find(out, u->variant, u->param);
	int stalled = l && l->iters == 1 && u->warm_ns > 0 &&
		      schedule_benchtime(r, u->fam) * 1e9 / u->warm_ns >=
			  SCHEDULE_STALL_ITERS;
	return stalled ? l->metrics[0].value : 0;
}

/* Reads the load around a timed sample into *load and *sl (the probes
 * before, on cpu, and now; the cache line's trip before) and the run's
 * tallies; 1 when it was disturbed. */
static int judge_load(struct run *r, const struct unit *u, int pass,
		      double before, int cpu, double line,
		      struct load_share *load, struct sample_load *sl)
{
	int later;
	double after = speeds_probe(r, u, &later);
	/* the slower of the two against its CPU's full speed, judged again
	 * at the run's end against its best probe */
	int first = speeds_at(r, before, cpu) < speeds_at(r, after, later);
	sl->slow = first ? before : after;
	sl->cpu = first ? cpu : later;
	sl->slowing = load_slowing(load);
	double then = speeds_transfer(r, u);
	sl->transfer =
	    line > 0 && then > 0 ? (line + then) / 2 : fmax(line, then);
	load->speed = speeds_at(r, sl->slow, sl->cpu);
	r->load_wall += load->wall_s;
	r->load_others += load->others;
	if (!u->fam->unpinned && r->pin >= 0) {
		r->load_elsewhere += load->elsewhere;
		r->load_pinned++;
	}
	r->load_steal += load->steal;
	r->load_samples++;
	int disturbed = load_disturbed(load);
	if (disturbed && load_upset(load))
		r->takes_upset++;
	else if (disturbed)
		r->takes_slow++;
	if (pass > 0)
		load_retake_done(&r->retakes, !disturbed);
	return disturbed;
}

/* Puts off a stalled (stall_ns, schedule_stalled_ns) or disturbed
 * sample to be taken again, or keeps it and counts it as each it was
 * (measure): a stalled sample kept records its load as any other. */
static void put_off_or_keep(struct run *r, struct unit *u, int pass,
			    double stall_ns, int disturbed,
			    const struct load_share *load,
			    struct sample_load *sl, int *put_off)
{
	if (stall_ns > 0)
		snprintf(u->disturbance, sizeof u->disturbance,
			 "a first call of %.3g ms", stall_ns / 1e6);
	else if (disturbed)
		load_describe(load, u->disturbance, sizeof u->disturbance);
	else
		return;
	*put_off = pass < SCHEDULE_RETAKES && !*r->c->stop &&
		   (stall_ns > 0 ||
		    (u->disturbed < 2 && load_retake_pays(&r->retakes)));
	if (*put_off) {
		u->retaken++;
		return;
	}
	if (stall_ns > 0) {
		u->stalled++;
		u->stall_ns = stall_ns;
	}
	if (disturbed) {
		u->disturbed++;
		sl->upset = load_upset(load);
	}
}

/* Runs the unit's benchmark once, the pass-th time in its round
 * (round_of). A timed sample that other work disturbed (load.h), or
 * that stalled (schedule_stalled_ns), is put off (*put_off set, nothing
 * kept), to be taken again at the end of the round: taken again at once,
 * beside a load that lasts seconds, it ran as slow (busy-final in
 * docs/precision.md: 630 retaken at once, almost all disturbed again).
 * It is kept, counted as disturbed or stalled, on the last pass; a
 * disturbed one also once the unit has kept two disturbed samples (a
 * load that outlasted its retakes stays), or while the run's retakes do
 * not pay (load.h). *sl gets the load around the sample. */
static int measure(struct run *r, struct unit *u, int pass,
		   struct bench_output *out, struct sample_load *sl,
		   int *put_off, char *err, size_t errlen)
{
	char *filter = u->is_go ? runbench_go_filter(u)
				: runbench_gb_filter(u->variant, u->param);
	double groups[ANATOMY_NGROUPS];
	long counted = counted_iterations(r, u);
	struct load_share load = {0};
	*sl = (struct sample_load){.slowing = 1};
	*put_off = 0;
	int cpu = -1;
	double before = counted ? 0 : speeds_hold(r, u, &cpu);
	double line = counted ? 0 : speeds_transfer(r, u);
	say_progress(r, u);
	int rc =
	    counted
		? count_sample(r, u, filter, counted, groups, out, err, errlen)
		: runbench_run(r, u->fam, u->tc, u->is_go, u->binary, u->env,
			       filter, NULL, schedule_benchtime(r, u->fam), 0,
			       NULL, &load, out, err, errlen);
	if (rc == 0 && !counted) {
		int disturbed =
		    judge_load(r, u, pass, before, cpu, line, &load, sl);
		put_off_or_keep(r, u, pass, schedule_stalled_ns(r, u, out),
				disturbed, &load, sl, put_off);
	}
	if (rc == 0 && counted && out->nlines) {
		u->anatomy =
		    xrealloc(u->anatomy, (u->n + 1) * sizeof *u->anatomy);
		memcpy(u->anatomy[u->n], groups, sizeof groups);
	}
	free(filter);
	return rc;
}

/* Takes a sample of unit ui for repetition rep, the pass-th time in the
 * round; 1 when it was put off (measure), to be taken again later in it. */
static int take_sample(struct run *r, size_t ui, int rep, int pass)
{
	struct unit *u = &r->units[ui];
	struct bench_output out;
	char err[ERRLEN];
	struct sample_load sl;
	int put_off;
	int rc = measure(r, u, pass, &out, &sl, &put_off, err, sizeof err);
	r->done++;
	if (put_off) {
		r->planned++; /* its retake: 17 of 13 taken in a last round */
		benchout_free(&out);
		return 1;
	}
	if (rc != 0) {
		if (!*r->c->stop) {
			char *why = xasprintf("repetition %d: %s", rep, err);
			discover_unit_failed(r, u, why);
			free(why);
		}
		benchout_free(&out);
		return 0;
	}
	const struct bench_line *l = benchout_find(&out, u->variant, u->param);
	const struct bench_note *n =
	    benchout_find_note(&out, u->variant, u->param);
	if (!l) {
		char *why = xasprintf("repetition %d: %s", rep,
				      n && n->reason[0] ? n->reason
							: "printed no result");
		if (n && n->status == BENCH_SKIPPED)
			discover_set_state(u, UNIT_SKIPPED, why);
		else
			discover_unit_failed(r, u, why);
		free(why);
		benchout_free(&out);
		return 0;
	}
	if (append_raw(r, u, rep, l) != 0) {
		benchout_free(&out);
		return 0;
	}
	if (!u->is_go && out.json)
		gbjson_add(&r->gb, u->fam->name, u->tc->name, u->tc->cc_name,
			   rep, out.json);
	u->primary = xrealloc(u->primary, (u->n + 1) * sizeof *u->primary);
	u->settled = xrealloc(u->settled, (u->n + 1) * sizeof *u->settled);
	u->load = xrealloc(u->load, (u->n + 1) * sizeof *u->load);
	u->load[u->n] = sl;
	u->settled[u->n] = l->metrics[0].value;
	u->primary[u->n++] = l->metrics[0].value;
	r->taken = xrealloc(r->taken, (r->ntaken + 1) * sizeof *r->taken);
	struct taken *tk = &r->taken[r->ntaken++];
	tk->unit = ui;
	tk->rep = rep;
	tk->line = *l;
	tk->transfer = sl.transfer;
	/* the line's strings now belong to r->taken */
	struct bench_line *src = (struct bench_line *)l;
	memset(src, 0, sizeof *src);
	benchout_free(&out);
	return 0;
}

static long baseline_unit(const struct run *r, const struct unit *u);

double schedule_spent(double elapsed, double held, double hold)
{
	return elapsed - fmin(held, hold);
}

double schedule_hold_left(double limit, double held, double hold)
{
	return fmax(0, fmin(limit, hold - held));
}

static double spent_s(const struct run *r)
{
	return schedule_spent(monotonic_s() - r->started, r->held_s,
			      r->c->hold_s);
}

double schedule_sample_s(const struct run *r)
{
	double sampling = monotonic_s() - r->started - r->held_s;
	return r->done && sampling > 0 ? sampling / (double)r->done : 0;
}

/* The samples the run will still take, for the time left: each unit's
 * schedule_unit_want, a baseline's at least its crossings', those beyond the
 * rounds that run whatever (SCHEDULE_FLOOR, or --count when less) cut at
 * the budget, as the rounds are: in a slow hour the budget ends even the
 * --count rounds. (On the default suite here, from the third round on,
 * 80 s in, the time left was within 13% of what it took; before it,
 * --count rounds are all it can count.) */
size_t schedule_samples_left(const struct run *r)
{
	const struct run_config *c = r->c;
	double *want = xcalloc(r->nunits, sizeof *want);
	for (size_t i = 0; i < r->nunits; i++)
		if (r->units[i].state == UNIT_OK)
			want[i] = schedule_unit_want(r, &r->units[i]);
	/* a baseline is taken as long as its crossings (with_baselines) */
	for (size_t i = 0; i < r->nunits; i++) {
		long b =
		    want[i] > c->count ? baseline_unit(r, &r->units[i]) : -1;
		if (b >= 0 && want[b] > 0 && want[b] < want[i])
			want[b] = want[i];
	}
	double floor = c->count < SCHEDULE_FLOOR ? c->count : SCHEDULE_FLOOR;
	size_t left = 0, extra = 0;
	for (size_t i = 0; i < r->nunits; i++) {
		const struct unit *u = &r->units[i];
		if (want[i] > (double)u->n)
			left += (size_t)want[i] - u->n;
		double from = fmax((double)u->n, floor);
		if (want[i] > from)
			extra += (size_t)(want[i] - from);
	}
	free(want);
	/* the samples beyond the floor's rounds stop at the budget */
	double each = schedule_sample_s(r);
	if (each > 0) {
		double room = fmax(0, (c->budget_s - spent_s(r)) / each);
		if ((double)extra > room)
			left -= extra - (size_t)room;
	}
	return left;
}

static int over_budget(const struct run *r)
{
	return spent_s(r) >= r->c->budget_s;
}

/* Runs one round over the units in want (a flag each), shuffled; a round
 * past the SCHEDULE_FLOOR-th ends at the budget. A sample put off as
 * disturbed (measure) is taken again after the others of the round, up to
 * SCHEDULE_RETAKES times, seconds later rather than at once; it keeps the
 * round's repetition, so that a crossing's pairs stay within a round.
 * The time left is reckoned from the units' settled values: the caller
 * settles them first (schedule_settle). */
static void round_of(struct run *r, const int *want, int round, int rounds)
{
	size_t *order = xmalloc(r->nunits * sizeof *order), n = 0;
	for (size_t i = 0; i < r->nunits; i++)
		if (want[i])
			order[n++] = i;
	for (size_t i = n; i > 1; i--) {
		size_t j = stats_rand(&r->rng) % i;
		size_t t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
	r->planned = r->done + schedule_samples_left(r);
	r->round = round;
	r->rounds = rounds;
	for (int pass = 0; pass <= SCHEDULE_RETAKES && n; pass++) {
		size_t later = 0;
		for (size_t i = 0; i < n && !*r->c->stop; i++) {
			if (round > SCHEDULE_FLOOR && over_budget(r))
				break;
			if (r->units[order[i]].state != UNIT_OK)
				continue;
			if (take_sample(r, order[i], round, pass))
				order[later++] = order[i];
		}
		n = later;
	}
	free(order);
}

struct unit_key {
	const struct run *r;
	const struct unit *u;
	const char *baseline;
};

static long find_unit(const void *ctx, const char *param)
{
	const struct unit_key *k = ctx;
	for (size_t i = 0; i < k->r->nunits; i++) {
		const struct unit *x = &k->r->units[i];
		if (x->fam == k->u->fam && x->tc == k->u->tc &&
		    !strcmp(x->variant, k->baseline) &&
		    !strcmp(x->param, param))
			return (long)i;
	}
	return -1;
}

/* The unit of u's baseline (family.h), as summary.c pairs their rows
 * (summary_baseline_at); -1 when it has none. */
static long baseline_unit(const struct run *r, const struct unit *u)
{
	struct unit_key k = {r, u, family_baseline(u->fam, u->variant)};
	return k.baseline ? summary_baseline_at(u->param, find_unit, &k) : -1;
}

/* Adds to want the baseline of every unit in it: a crossing's overhead
 * and ratio come from the pairs of its samples and its baseline's of one
 * round (summary.c), so the baseline is taken as long as the crossing,
 * up to --max-count samples of its own. */
static void with_baselines(const struct run *r, int *want)
{
	for (size_t i = 0; i < r->nunits; i++) {
		long b = want[i] ? baseline_unit(r, &r->units[i]) : -1;
		if (b >= 0 && r->units[b].state == UNIT_OK &&
		    r->units[b].n < (size_t)r->c->max_count)
			want[b] = 1;
	}
}

size_t schedule_wanted(const struct run *r, int *want)
{
	size_t more = 0;
	for (size_t i = 0; i < r->nunits; i++) {
		const struct unit *u = &r->units[i];
		want[i] =
		    u->state == UNIT_OK && u->n < schedule_unit_cap(r, u) &&
		    !schedule_interval_met(r, u) && schedule_within_reach(r, u);
		more += want[i];
	}
	if (more)
		with_baselines(r, want);
	return more;
}

/* Whether a row still wanted samples when the rounds ended: one short of
 * --count, or one schedule_wanted takes, in the time left too. */
static int still_wanted(struct run *r, int *want)
{
	for (size_t i = 0; i < r->nunits; i++)
		if (r->units[i].state == UNIT_OK &&
		    r->units[i].n < (size_t)r->c->count)
			return 1;
	schedule_settle(r);
	/* by their goals: rows short of the aim alone want nothing more */
	struct run goal = *r;
	goal.aiming = 0;
	size_t more = schedule_wanted(&goal, want);
	goal.leftover = 1;
	return more || schedule_wanted(&goal, want);
}

/* Starts the run's knowledge of its CPU's speed from the newest earlier
 * run beside it on the same machine (probe.h). */
static void seed_probe(struct run *r)
{
	if (r->c->instructions) /* counted samples wait for no CPU */
		return;
	char *dir = xstrdup(r->dir), *slash = strrchr(dir, '/');
	const char *name = slash ? slash + 1 : r->dir;
	if (slash)
		*slash = '\0';
	run_pin_probe(r)->seed = probe_seed_find(
	    slash ? dir : ".", name, &r->m, r->seed_from, sizeof r->seed_from);
	free(dir);
}

/* Says once, at the end of the first round that finds the pinned
 * families bearing a lasting load (runnote_load_so_far), that their rows
 * will be flagged while it lasts: a user on a busy or slow machine
 * learns it in the first minute, not at the run's end. */
static void say_lasting(struct run *r)
{
	size_t takes, bad;
	double others;
	if (r->said_lasting || r->c->instructions || *r->c->stop)
		return;
	enum load_why why = runnote_load_so_far(r, &takes, &bad, &others);
	if (why == LOAD_WHY_NONE || !takes)
		return;
	r->said_lasting = 1;
	char what[160];
	if (why == LOAD_WHY_PINNED)
		snprintf(what, sizeof what,
			 "the pinned samples ran disturbed in %zu of %zu "
			 "takes so far (%.0f%%)",
			 bad, takes, 100.0 * (double)bad / (double)takes);
	else
		snprintf(what, sizeof what,
			 "other processes used %.2f of a CPU beside the "
			 "samples so far",
			 others);
	run_warn(r,
		 "%s; of all takes, %zu ran on a slow CPU alone and %zu "
		 "beside other processes: a load that lasts, and while it "
		 "does every pinned row will be flagged disturbed (a quieter "
		 "machine gives tighter numbers)",
		 what, r->takes_slow, r->takes_upset);
}

int schedule_open_leftover(struct run *r, int *want)
{
	if (r->leftover)
		return 0;
	r->leftover = 1;
	return schedule_wanted(r, want) > 0;
}

int schedule_open_aim(struct run *r, int *want)
{
	size_t takes, bad;
	double others;
	if (r->aiming || schedule_aim_off(r->c))
		return 0;
	if (runnote_load_so_far(r, &takes, &bad, &others) != LOAD_WHY_NONE) {
		r->aim_refused = 1;
		return 0;
	}
	r->aiming = 1;
	return schedule_wanted(r, want) > 0;
}

void schedule_measure(struct run *r)
{
	const struct run_config *c = r->c;
	int *want = xcalloc(r->nunits, sizeof *want);
	size_t active = 0;
	for (size_t i = 0; i < r->nunits; i++)
		active += want[i] = r->units[i].state == UNIT_OK;
	r->planned = active * (size_t)c->count;
	seed_probe(r);
	r->started = r->said_at = monotonic_s();
	for (int round = 1; round <= c->count && !*c->stop &&
			    (round <= SCHEDULE_FLOOR || !over_budget(r));
	     round++) {
		schedule_settle(r);
		round_of(r, want, round, c->count);
		say_lasting(r);
	}
	/* --max-count bounds each unit's samples, not the rounds: a row that
	 * met its goal early and missed it again later, as more samples moved
	 * the drift around it, takes rounds again up to --max-count (the
	 * README's run of 11-29 12:47 left directives nocallback at 24 when
	 * the rounds ran out); each round brings every unit it takes a sample
	 * nearer, so 2 * --max-count rounds is only a guard */
	for (int round = c->count + 1;
	     round <= 2 * c->max_count && !*c->stop && !over_budget(r);
	     round++) {
		schedule_settle(r); /* round_of reads them too */
		if (!schedule_wanted(r, want) &&
		    !schedule_open_leftover(r, want) &&
		    !schedule_open_aim(r, want))
			break;
		round_of(r, want, round,
			 round > c->max_count ? round : c->max_count);
		say_lasting(r);
	}
	r->budget_ended = !*c->stop && over_budget(r) && still_wanted(r, want);
	if (r->progress)
		fputs("\r\033[K", stderr);
	free(want);
}
