#include "runint.h"

#include "anatomy.h"
#include "benchout.h"
#include "benchtxt.h"
#include "build.h"
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

const struct unit *runout_unit_of(const struct run *r,
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
	const struct unit *ux = runout_unit_of(r, x),
			  *uy = runout_unit_of(r, y);
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

void runout_take_faults(struct run *r)
{
	if (r->nfaults + LOAD_FAULT_RUNS <=
	    sizeof r->faults / sizeof *r->faults) {
		load_fault_ns(r->pin, r->faults + r->nfaults, LOAD_FAULT_RUNS);
		r->nfaults += LOAD_FAULT_RUNS;
	}
}

/* What a first touch of fresh memory costs on the pinned CPU, as the run
 * started and again now (runout_take_faults), in machine.txt's fault-ns:
 * the median and range of the runs that had their memory; nothing when
 * none did. */
static void record_faults(struct run *r)
{
	runout_take_faults(r);
	double t[sizeof r->faults / sizeof *r->faults];
	size_t n = 0;
	for (size_t i = 0; i < r->nfaults; i++)
		if (r->faults[i] > 0)
			t[n++] = r->faults[i];
	if (!n)
		return;
	char buf[128], cpu[32] = "";
	if (r->pin >= 0)
		snprintf(cpu, sizeof cpu, " on cpu %d", r->pin);
	stats_sort(t, n);
	snprintf(buf, sizeof buf,
		 "%.0f [%.0f, %.0f] over %zu runs of %d pages%s",
		 stats_quantile_sorted(t, n, 0.5), t[0], t[n - 1], n,
		 LOAD_FAULT_PAGES, cpu);
	machine_set(&r->m, "fault-ns", buf);
}

/* What else ran while the samples were taken (load.h), in machine.txt:
 * the mean share of other processes and of the hypervisor on the
 * sample's CPUs, the mean wall time of a sample's process (for the
 * precision a second of measuring buys), and the samples retaken or kept
 * disturbed. */
static void record_load(struct run *r, const struct runnote_pinned *pinned)
{
	if (!r->load_samples)
		return;
	struct runnote_takes all = runnote_tally(r, 0);
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
	record_faults(r);
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

/* machine.txt's aim: whether the pinned rows went on toward --aim-ci in
 * the time left (docs/precision.md item 62), and if not, why: no aim
 * tighter than the goal, or counted instructions (off); a lasting load
 * (runnote_pinned: the pinned CPU's, or a busy machine's) once every row
 * was done; a signal; or the budget, spent before every row was done. */
static const char *aim_said(const struct run *r)
{
	if (schedule_aim_off(r->c))
		return "off";
	if (r->aiming)
		return "opened";
	if (r->aim_refused)
		return "not opened: a lasting load";
	if (*r->c->stop)
		return "not opened: stopped";
	return "not opened: the budget ended first";
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
						 .rep = t->rep,
						 .iters = t->line.iters,
						 .transfer = t->transfer,
						 .row = t->unit,
						 .metrics = t->line.metrics,
						 .nmetrics = t->line.nmetrics};
	}
	take_drift_off(r, obs, nobs);
	struct summary_row *rows;
	size_t nrows;
	summary_compute(obs, nobs, baseline_of, r, &rows, &nrows, NULL);
	struct runnote_pinned pinned = runnote_pinned(r);
	runnote_annotate(r, rows, nrows, &pinned);
	runnote_carry_status(r, rows, nrows);
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
	machine_set(&r->m, "aim", aim_said(r));
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
