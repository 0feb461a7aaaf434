#include "report.h"

#include "anatomy.h"
#include "charts.h"
#include "claims.h"
#include "load.h"
#include "machine.h"
#include "rundir.h"
#include "summary.h"
#include "units.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *str0(const char *s)
{
	return s ? s : "";
}

/* The charts that show a swept family's every param (charts.h), as
 * "a.png and b.png" in buf; NULL when it has none. */
static const char *chart_of(const char *family, char *buf, size_t len)
{
	size_t used = 0;
	for (size_t i = 0; i < charts_nseries && used < len; i++)
		if (!strcmp(family, charts_all_series[i].family))
			used += (size_t)snprintf(
			    buf + used, len - used, "%s%s.png",
			    used ? " and " : "", charts_all_series[i].chart);
	return used ? buf : NULL;
}

/* A row of the headline: a crossing with its baseline and overhead. */
static int crossing(const struct summary_row *x)
{
	return (!strcmp(x->unit, "ns/op") ||
		!strcmp(x->unit, "instructions/op")) &&
	       str0(x->baseline)[0] && !isnan(x->d.diff);
}

/* The least and the largest param value of each crossing (family,
 * variant, toolchain), for the rows of a swept family to keep. */
struct ends {
	struct key_index by;
	double *lo, *hi;
};

static void ends_of(const struct summary_table *t, struct ends *e)
{
	memset(e, 0, sizeof *e);
	e->lo = xmalloc((t->nrows + 1) * sizeof *e->lo);
	e->hi = xmalloc((t->nrows + 1) * sizeof *e->hi);
	for (size_t r = 0; r < t->nrows; r++) {
		const struct summary_row *y = &t->rows[r];
		size_t l;
		double w = summary_param_number(y->param, &l);
		if (!crossing(y) || isnan(w))
			continue;
		const char *k[] = {y->family, y->variant, y->toolchain};
		size_t i = key_index_put(&e->by, k, 3, r);
		e->lo[i] = i == r ? w : fmin(e->lo[i], w);
		e->hi[i] = i == r ? w : fmax(e->hi[i], w);
	}
}

/* Whether row x is at the least or the largest param value of its
 * variant and toolchain. */
static int at_an_end(const struct ends *e, const struct summary_row *x)
{
	size_t l;
	double v = summary_param_number(x->param, &l);
	const char *k[] = {x->family, x->variant, x->toolchain};
	long i = key_index_get(&e->by, k, 3);
	return i >= 0 && (v == e->lo[i] || v == e->hi[i]);
}

/* The CPUs kept busy beside a spread row: the median of its row of
 * SUMMARY_CPUS and its middle half, or "-". */
static void cpus_cell(const struct summary_table *t,
		      const struct summary_row *x, char *buf, size_t len)
{
	const struct summary_row *c =
	    summary_find(t->rows, t->nrows, x->family, x->variant, x->toolchain,
			 x->cc, x->param, SUMMARY_CPUS);
	if (c)
		units_format_ci(buf, len, c->s.median, c->s.q1, c->s.q3, "", 0);
	else
		snprintf(buf, len, "-");
}

static void headline_row(struct sbuf *sb, const struct summary_table *t,
			 const struct summary_row *x, int spread, int cpus)
{
	char m[96], o[96], ra[96], q[224] = "";
	units_format_ci(m, sizeof m, x->s.median, x->s.ci_low, x->s.ci_high,
			x->unit, 0);
	units_format_ci(o, sizeof o, x->d.diff, x->d.diff_low, x->d.diff_high,
			x->unit, 1);
	units_format_ci(ra, sizeof ra, x->d.ratio, x->d.ratio_low,
			x->d.ratio_high, "x", 0);
	if (spread) {
		char v[96], c[96] = "";
		units_format_ci(v, sizeof v, NAN, x->s.q1, x->s.q3, x->unit, 0);
		if (cpus)
			cpus_cell(t, x, c, sizeof c);
		snprintf(q, sizeof q, " %s |%s%s%s", v, cpus ? " " : "", c,
			 cpus ? " |" : "");
	}
	sbuf_addf(sb, "| `%s` | %s | %s | %s | `%s` | %s | %s | %zu |%s\n",
		  x->variant, x->toolchain, x->param, m, str0(x->baseline), o,
		  ra, x->s.n, q);
}

/* Whether a row of family f ended spread (contention's: summary.h). */
static int spread_family(const struct summary_table *t, const char *f)
{
	for (size_t i = 0; i < t->nrows; i++)
		if (t->rows[i].status == SUMMARY_SPREAD &&
		    !strcmp(t->rows[i].family, f))
			return 1;
	return 0;
}

/* Whether a row of family f is of unit. */
static int family_has_unit(const struct summary_table *t, const char *f,
			   const char *unit)
{
	for (size_t i = 0; i < t->nrows; i++)
		if (!strcmp(t->rows[i].unit, unit) &&
		    !strcmp(t->rows[i].family, f))
			return 1;
	return 0;
}

/* One table a family: each crossing against its baseline; a swept
 * family's least and largest param only, the rest left to its chart. */
static void headline(struct sbuf *sb, const struct summary_table *t)
{
	sbuf_addstr(sb, "## Headline\n\nEach crossing, its baseline (the "
			"same work without the crossing), the overhead "
			"(crossing minus baseline) and the ratio, with 95% "
			"intervals.\n\n");
	struct key_index done = {0};
	struct ends e;
	ends_of(t, &e);
	for (size_t r = 0; r < t->nrows; r++) {
		const char *f = t->rows[r].family;
		if (!crossing(&t->rows[r]) ||
		    key_index_put(&done, &f, 1, r) != r)
			continue;
		char key[64];
		size_t values;
		int sweep = summary_sweep(t, f, t->rows[r].unit, key,
					  sizeof key, &values);
		int spread = spread_family(t, f),
		    cpus = spread && family_has_unit(t, f, SUMMARY_CPUS);
		sbuf_addf(sb,
			  "### %s\n\n| variant | toolchain | param | median "
			  "[95%%] | baseline | overhead [95%%] | ratio [95%%] "
			  "| n |%s%s\n|---|---|---|---|---|---|---|---|%s%s\n",
			  f, spread ? " middle half of the samples |" : "",
			  cpus ? " CPUs kept busy, median [middle half] |" : "",
			  spread ? "---|" : "", cpus ? "---|" : "");
		for (size_t k = r; k < t->nrows; k++)
			if (!strcmp(t->rows[k].family, f) &&
			    crossing(&t->rows[k]) &&
			    (!sweep || at_an_end(&e, &t->rows[k])))
				headline_row(sb, t, &t->rows[k], spread, cpus);
		char charts[96];
		const char *ch = chart_of(f, charts, sizeof charts);
		if (sweep)
			sbuf_addf(
			    sb,
			    "\nOnly the least and the largest %s here; all "
			    "%zu are in summary.csv%s%s.\n",
			    key, values, ch ? " and " : "", ch ? ch : "");
		sbuf_addstr(sb, "\n");
	}
	key_index_free(&done);
	key_index_free(&e.by);
	free(e.lo);
	free(e.hi);
}

/* What the directives save: noescape+nocallback against plain, on one
 * toolchain, said only where the intervals are apart. */
static void advise_directives(struct sbuf *sb, const struct summary_table *t,
			      const char *tc, const char *unit)
{
	long p = summary_row_of(t, "directives", "plain", tc, "", unit),
	     b = summary_row_of(t, "directives", "noescape+nocallback", tc, "",
				unit);
	if (p < 0 || b < 0)
		return;
	const struct summary_row *x = &t->rows[p], *y = &t->rows[b];
	char a[64], c[64], d[64];
	units_format(a, sizeof a, x->s.median, unit, 0);
	units_format(c, sizeof c, y->s.median, unit, 0);
	units_format(d, sizeof d, x->s.median - y->s.median, unit, 0);
	if (y->s.ci_high < x->s.ci_low)
		sbuf_addf(sb,
			  "- %s: where the C function keeps no Go pointer and "
			  "calls no Go, `#cgo noescape` and `#cgo nocallback` "
			  "together save %s a call (%s against %s).\n",
			  tc, d, c, a);
	else
		sbuf_addf(sb,
			  "- %s: `#cgo noescape` and `#cgo nocallback` save "
			  "nothing the intervals can show here (%s against "
			  "%s).\n",
			  tc, c, a);
}

/* The libraries' break-even, from the claims' marks. */
static void advise_libraries(struct sbuf *sb, const struct run_model *m,
			     const char *tc)
{
	struct sbuf marks = {0};
	claims_library_marks(m->claims, &m->sum, tc, &marks);
	for (const char *l = marks.buf; l && *l;) {
		char label[64] = "", at[64] = "", go[80];
		int got = sscanf(l, "# break-even %63[^:]:%63s", label, at);
		snprintf(go, sizeof go, "%s(go)", label);
		if (got == 2 && summary_max_param(&m->sum, "libraries", go, tc,
						  "bytes=") > 0) {
			if (!strcmp(at, "none"))
				sbuf_addf(sb,
					  "- %s: keep Go's own %s: through cgo "
					  "the C library is not faster at the "
					  "largest input size measured.\n",
					  tc, label);
			else if (!strcmp(at, "open"))
				sbuf_addf(sb,
					  "- %s: whether %s through cgo pays, "
					  "the intervals cannot tell: at no "
					  "input size measured is it faster "
					  "with them apart at every larger "
					  "one.\n",
					  tc, label);
			else
				sbuf_addf(sb,
					  "- %s: %s through cgo pays from %s "
					  "bytes an input on (faster there and "
					  "at every larger size, the intervals "
					  "apart).\n",
					  tc, label, at);
		}
		l += strcspn(l, "\n");
		l += *l == '\n';
	}
	sbuf_free(&marks);
}

/* How many items a crossing should carry on tc, where the run's batch
 * rows tell, and that they cannot where their intervals overlap the
 * claim's share. */
static void advise_batching(struct sbuf *sb, const struct run_model *m,
			    const char *tc)
{
	struct break_even b = claims_break_even(m->claims, &m->sum, tc);
	if (b.sure > 0) {
		sbuf_addf(sb,
			  "- %s: carry at least %ld items a crossing: from "
			  "n=%ld on the crossing is under %g%% of the work",
			  tc, b.sure, b.sure, b.share);
		if (b.maybe < b.sure)
			sbuf_addf(sb,
				  ", perhaps from n=%ld on (the intervals "
				  "cannot tell between)",
				  b.maybe);
		sbuf_addstr(sb, ".\n");
	} else if (b.maybe > 0)
		sbuf_addf(sb,
			  "- %s: how many items a crossing should carry, the "
			  "intervals cannot tell: the crossing is under %g%% "
			  "of the work perhaps from n=%ld on.\n",
			  tc, b.share, b.maybe);
}

/* Advice computed from the run: how many items a crossing should carry,
 * what the directives save, whether a C library pays, which way of
 * crossing is cheaper. Only what the run's intervals carry. */
static void advice(struct sbuf *sb, const struct run_model *m)
{
	struct sbuf a = {0};
	const char *unit = rundir_primary(m);
	for (size_t i = 0; i < m->sum.ntoolchains; i++) {
		const char *tc = m->sum.toolchains[i];
		advise_batching(&a, m, tc);
		advise_directives(&a, &m->sum, tc, unit);
		advise_libraries(&a, m, tc);
		claims_cheaper_advice(m->claims, &m->sum, tc, &a);
	}
	if (a.len)
		sbuf_addf(sb, "## Advice from this run\n\n%s\n", a.buf);
	sbuf_free(&a);
}

static void anatomy_lines(struct sbuf *sb, const struct anatomy_row *a,
			  size_t n)
{
	sbuf_addstr(sb, "## Anatomy of each crossing\n\n");
	for (size_t r = 0; r < n; r++) {
		double total = 0;
		for (int g = 0; g < ANATOMY_NGROUPS; g++)
			total += a[r].groups[g];
		sbuf_addf(sb, "- `%s`%s%s (%s): %.0f instructions per op",
			  a[r].variant, a[r].param[0] ? " " : "", a[r].param,
			  a[r].toolchain, total);
		for (int g = 0; g < ANATOMY_NGROUPS; g++) {
			double share = total > 0 ? a[r].groups[g] / total : 0;
			if (share >= 0.005)
				sbuf_addf(sb, ", %.0f%% %s", 100 * share,
					  anatomy_groups[g]);
		}
		sbuf_addstr(sb, "\n");
	}
	sbuf_addstr(sb, "\n");
}

/* The rows that need a word beside the headline, a section each: those
 * short of their interval goal, with their figures, the first 20 (a run
 * on a busy machine may have a hundred, which summary.csv lists), and
 * the benchmarks, or whole families (an empty variant), that were not
 * measured: failed, skipped, or deleted by the compiler. Each row gives
 * its note. */
static const struct {
	const char *title;
	unsigned statuses; /* 1 << enum summary_status */
	int figures;	   /* the median and its interval */
	size_t most;	   /* rows listed, 0 for all */
} asides[] = {
    {"Short of the goal", 1u << SUMMARY_WIDE, 1, 20},
    {"Not measured",
     1u << SUMMARY_FAILED | 1u << SUMMARY_SKIPPED | 1u << SUMMARY_DELETED, 0,
     0},
};

static void aside(struct sbuf *sb, const struct summary_table *t,
		  const char *unit, size_t a)
{
	size_t n = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		const struct summary_row *x = &t->rows[r];
		if (strcmp(x->unit, unit) ||
		    !(asides[a].statuses & 1u << x->status))
			continue;
		if (!n++)
			sbuf_addf(sb, "## %s\n\n", asides[a].title);
		if (asides[a].most && n > asides[a].most)
			continue;
		char m[96] = "";
		if (asides[a].figures)
			units_format_ci(m, sizeof m, x->s.median, x->s.ci_low,
					x->s.ci_high, x->unit, 0);
		sbuf_addf(sb, "- `%s`%s%s%s%s%s with %s: %s%s%s: %s\n",
			  x->family, x->variant[0] ? " `" : "", x->variant,
			  x->variant[0] ? "`" : "", x->param[0] ? " " : "",
			  x->param, x->toolchain,
			  summary_status_names[x->status], m[0] ? ", " : "", m,
			  str0(x->note));
	}
	if (asides[a].most && n > asides[a].most)
		sbuf_addf(sb,
			  "- and %zu more, which summary.csv's `status` "
			  "column gives\n",
			  n - asides[a].most);
	if (n)
		sbuf_addstr(sb, "\n");
}

/* The sentence on a load that lasted (load.h), from machine.txt's
 * lasting-load (why) and pinned-disturbed ("N of M"), and what to compare
 * instead; nothing when it was no such load or the run does not say. q
 * quotes a status. */
static void lasting_load(const char *machine, const char *why, const char *q,
			 struct sbuf *sb)
{
	char *v = machine_lookup(machine, "pinned-disturbed");
	size_t bad, takes;
	int share = sscanf(v, "%zu of %zu", &bad, &takes) == 2, lasted = 1;
	/* a run before lasting-load: the rule of its day, the share */
	if (share && (!strcmp(why, "pinned-disturbed") ||
		      (!strcmp(why, "unknown") && load_lasting(takes, bad))))
		sbuf_addf(sb,
			  " The pinned families' samples ran disturbed in %zu "
			  "of %zu takes (%.0f%%): a load that lasted, whose "
			  "toll the samples that passed may bear too, so every "
			  "pinned row is %sdisturbed%s.",
			  bad, takes, 100.0 * (double)bad / (double)takes, q,
			  q);
	else if (!strcmp(why, "busy"))
		sbuf_addf(sb,
			  " The machine was busy through the run: a load that "
			  "lasted, whose toll the samples that passed may bear "
			  "too (the pinned families' ran disturbed in %s "
			  "takes), so every pinned row is %sdisturbed%s.",
			  v, q, q);
	else
		lasted = 0;
	free(v);
	if (lasted)
		sbuf_addf(sb,
			  " Instructions an op, which no load moves, are "
			  "what to compare from such a machine: %scgobench "
			  "run --metric instructions%s counts them under "
			  "callgrind (docs/ci.md).",
			  q, q);
}

/* " and 0.98 on the other CPUs of a pinned one (...)", from machine.txt's
 * load-elsewhere, setting *busy past LOAD_ELSEWHERE; "" for a run
 * without it. The caller frees it. */
static char *elsewhere(const char *machine, int *busy)
{
	char *v = machine_lookup(machine, "load-elsewhere");
	double e;
	int known = parse_double(v, &e) == 0;
	free(v);
	if (!known)
		return xstrdup("");
	int far = e > LOAD_ELSEWHERE;
	*busy |= far;
	return xasprintf(" and %.2g on the other CPUs of a pinned one%s", e,
			 far ? " (work that can slow the pinned CPU, by less "
			       "than its probe flags, where they share a core "
			       "or a power budget)"
			     : "");
}

/* The takes disturbed by others' or the hypervisor's time and those by
 * a slow CPU alone (machine.txt's disturbed-by); both 0 for a run before
 * the key. */
struct disturbed_by {
	size_t upset, slow;
};

static struct disturbed_by disturbed_by(const char *machine)
{
	struct disturbed_by d;
	char *v = machine_lookup(machine, "disturbed-by");
	if (sscanf(v, "%zu upset, %zu slow", &d.upset, &d.slow) != 2)
		d = (struct disturbed_by){0, 0};
	free(v);
	return d;
}

/* Whether the run judged its pinned takes disturbed for good
 * (machine.txt's lasting-load, why, which lasting_load says) and a slow
 * CPU alone disturbed most takes: a machine the run could not see busy,
 * though it was. */
static int slow_lasted(const char *why, struct disturbed_by d)
{
	return !strcmp(why, "pinned-disturbed") && d.slow > d.upset;
}

/* ", but 187 takes ran on a CPU below 0.8 of its full speed (...), 12
 * beside other processes or the hypervisor" (", and" on a busy machine),
 * or "" where no take ran on a slow CPU alone. The caller frees it. */
static char *slow_takes(struct disturbed_by d, int busy)
{
	if (!d.slow)
		return xstrdup("");
	return xasprintf(", %s %zu takes ran on a CPU below %g of its full "
			 "speed with no other process's time to show for it "
			 "(work this machine cannot see: its host's, or a "
			 "process on a CPU that shares its core), %zu beside "
			 "other processes or the hypervisor",
			 busy ? "and" : "but", d.slow, LOAD_SPEED, d.upset);
}

/* Says that the budget ended the rounds while rows short of their goal
 * still wanted samples (machine.txt's rounds-ended), as their notes do,
 * so that the run's last lines name the knob: a slow hour of the VM spends
 * the budget waiting (docs/precision.md). */
static void budget_ended(const struct summary_precision *p, const char *machine,
			 const char *q, struct sbuf *sb)
{
	char *ended = machine_lookup(machine, "rounds-ended");
	if ((p->wide || p->disturbed) && !strcmp(ended, "budget"))
		sbuf_addf(sb,
			  " The budget ended the rounds while rows short of "
			  "their goal still wanted samples: %s--budget%s "
			  "(BUDGET= under make) gives them more.",
			  q, q);
	free(ended);
}

void report_precision(const struct summary_precision *p, const char *machine,
		      int markdown, struct sbuf *sb)
{
	const char *q = markdown ? "`" : "", *b = markdown ? "**" : "";
	sbuf_addf(sb,
		  "Of the %zu benchmarks measured, %zu met the run's interval "
		  "goal; %zu are within +-1%% of their median, %zu within "
		  "+-3%%, %zu within +-5%%.",
		  p->measured, p->ok, p->within1, p->within3, p->within5);
	if (p->few) {
		double most; /* the coverage of the [min, max] of one fewer */
		stats_median_ci_rank(SUMMARY_FEWEST - 1, SUMMARY_LEVEL, &most);
		sbuf_addf(sb,
			  " %zu had fewer than %d samples, too few for a "
			  "%.0f%% interval: their range covers the median less "
			  "often (%.3g%% of the time with %d).",
			  p->few, SUMMARY_FEWEST, SUMMARY_LEVEL * 100,
			  most * 100, SUMMARY_FEWEST - 1);
	}
	if (p->spread)
		sbuf_addf(sb,
			  " %zu ended %sspread%s: contention spreads their "
			  "samples, whose middle half the headline gives.",
			  p->spread, q, q);
	if (p->wide || p->disturbed)
		sbuf_addf(sb,
			  " %zu ended %swide%s and %zu %sdisturbed%s: a "
			  "verdict that leans on one is only as firm as its "
			  "interval.",
			  p->wide, q, q, p->disturbed, q, q);
	budget_ended(p, machine, q, sb);
	char *others = machine_lookup(machine, "load-others"),
	     *steal = machine_lookup(machine, "load-steal"),
	     *retaken = machine_lookup(machine, "samples-retaken"),
	     *kept = machine_lookup(machine, "samples-disturbed"),
	     *held = machine_lookup(machine, "held-seconds"),
	     *clean = machine_lookup(machine, "retakes-undisturbed"),
	     *why = machine_lookup(machine, "lasting-load");
	double o = atof(others), st = atof(steal);
	int busy = load_busy(o, st);
	char *there = elsewhere(machine, &busy);
	struct disturbed_by d = disturbed_by(machine);
	char *paid = strcmp(clean, "unknown")
			 ? xasprintf(" (%s retakes ran undisturbed)", clean)
			 : xstrdup(""),
	     *slow = slow_takes(d, busy);
	if (strcmp(others, "unknown"))
		sbuf_addf(
		    sb,
		    " The machine was %s%s%s while the samples were taken: "
		    "other processes used %.2g of a CPU on average on "
		    "the CPUs of each sample%s, the hypervisor stole %.2g%s; "
		    "%s samples were disturbed and taken again%s, %s kept "
		    "though disturbed; samples waited %s s for a slow "
		    "CPU to run at full speed.",
		    b,
		    busy		  ? "busy"
		    : slow_lasted(why, d) ? "slow"
					  : "quiet",
		    b, o, there, st, slow, retaken, paid, kept, held);
	free(slow);
	free(there);
	lasting_load(machine, why, q, sb);
	free(why);
	free(paid);
	free(clean);
	free(others);
	free(steal);
	free(retaken);
	free(kept);
	free(held);
}

void report_markdown(const struct run_model *m, struct sbuf *sb)
{
	sbuf_addf(sb,
		  "# cgobench report\n\nGenerated by `cgobench report` from "
		  "the files of this run directory; every figure is one of "
		  "theirs. Intervals are 95%%; those of rows stopped as soon "
		  "as they met their goal cover about 92 to 95%% "
		  "(docs/precision.md items 7 and 63).\n\n");
	const char *unit = rundir_primary(m);
	struct summary_precision p;
	summary_precision_of(m->sum.rows, m->sum.nrows, unit, &p);
	report_precision(&p, m->machine, 1, sb);
	sbuf_addstr(sb, "\n\n## Machine\n\n");
	static const char *const keys[] = {"date",	  "harness-commit",
					   "cpu",	  "cores",
					   "os",	  "kernel",
					   "virtualised", "governor",
					   "cc-version",  "benchmark-version",
					   "repetitions", "benchtime",
					   "pinned",	  "status"};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		char *v = machine_lookup(m->machine, keys[i]);
		sbuf_addf(sb, "- %s: %s\n", keys[i], v);
		free(v);
	}
	/* what identifies the hardware, and how the samples were taken
	 * (compare tells runs apart by both), where the run recorded it */
	static const char *const more[] = {
	    "cpu-brand",	  "cpu-family", "cpu-model",  "cpu-stepping",
	    "microcode",	  "cpu-mhz",	"cache-size", "hypervisor",
	    "fault-ns",		  "sched",	"gomaxprocs", "unpinned",
	    "benchtime-unpinned", "drift",	"hold",	      "aim",
	    "runtime-env",	  "build-env"};
	for (size_t i = 0; i < sizeof more / sizeof *more; i++) {
		char *v = machine_lookup(m->machine, more[i]);
		if (strcmp(v, "unknown"))
			sbuf_addf(sb, "- %s: %s\n", more[i], v);
		free(v);
	}
	sbuf_addstr(sb, "- toolchains:");
	for (size_t i = 0; i < m->sum.ntoolchains; i++)
		sbuf_addf(sb, "%s %s", i ? "," : "", m->sum.toolchains[i]);
	sbuf_addstr(sb, "\n\n");
	headline(sb, &m->sum);
	for (size_t a = 0; a < sizeof asides / sizeof *asides; a++)
		aside(sb, &m->sum, unit, a);
	claims_write(m->claims, &m->sum, sb);
	advice(sb, m);
	if (m->counted)
		anatomy_lines(sb, m->anatomy, m->nanatomy);
}

int report_build(const char *run_dir, const char *cases_dir, struct sbuf *sb,
		 char *err, size_t errlen)
{
	struct run_model m;
	struct claim_set *claims;
	int rc = claims_load(cases_dir, &claims, err, errlen);
	if (rc == 0)
		rc = rundir_read(run_dir, &m, err, errlen);
	if (rc == 0) {
		m.claims = claims;
		report_markdown(&m, sb);
		rundir_free(&m);
	}
	claims_free(claims);
	return rc;
}
