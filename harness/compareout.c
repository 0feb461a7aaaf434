#include "compareint.h"

#include "compare.h"
#include "csv.h"
#include "load.h"
#include "machine.h"
#include "units.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Whether a row says nothing: 0 before and after (B/op, allocs/op of a
 * call that allocates nothing). */
static int all_zero(const struct cmp_row *c)
{
	return c->old_hi == 0 && c->new_hi == 0 && c->old_lo == 0 &&
	       c->new_lo == 0;
}

/* c's change in percent, "+5.24%", or where the old figure is 0 (and so
 * no percent of it), "from 0"; into buf (32 bytes). */
static const char *change_text(const struct cmp_row *c, char buf[32])
{
	if (isfinite(c->delta_pct))
		snprintf(buf, 32, "%+.2f%%", c->delta_pct);
	else
		snprintf(buf, 32, "%s", c->old_med == 0 ? "from 0" : "-");
	return buf;
}

/* The change column: the change always, "~" after it when it is not
 * significant; the column after it: why (p-value, intervals, or the
 * overhead change's interval). */
static void change_cols(const struct cmp_row *c, char *ch, size_t chlen,
			char *why, size_t whylen)
{
	char pct[32];
	snprintf(ch, chlen, "%.24s%s", change_text(c, pct),
		 c->significant ? "  " : " ~");
	if (!isnan(c->change_lo)) {
		char iv[64];
		units_format_ci(iv, sizeof iv, NAN, c->change_lo, c->change_hi,
				c->unit, 1);
		snprintf(why, whylen, "change %s", iv);
	} else if (isnan(c->p)) {
		snprintf(why, whylen, "%s",
			 c->significant ? "intervals apart"
					: "intervals overlap");
	} else {
		snprintf(why, whylen, "p=%.3f n=%zu+%zu", c->p, c->old_n,
			 c->new_n);
	}
}

/* "only in old (N): a, b, c and M more" */
static void print_only(FILE *out, const char *which, char **names, size_t n)
{
	if (!n)
		return;
	fprintf(out, "only in %s (%zu, not compared):", which, n);
	for (size_t i = 0; i < n && i < 12; i++)
		fprintf(out, "%s %s", i ? "," : "", names[i]);
	if (n > 12)
		fprintf(out, " and %zu more", n - 12);
	fputc('\n', out);
}

/* Whether c would be a regression but for a load (compare.c's finish):
 * of a cost (not the CPUs a row kept busy, which no rise makes a
 * regression), significantly slower by over the threshold, and no
 * regression. */
static int held(const struct cmp_row *c, double threshold_pct)
{
	return c->significant && !c->regression &&
	       c->delta_pct > threshold_pct && summary_is_cost(c->o->unit);
}

/* Whether the verdict counts c as held back: held, and no repeat of a
 * row of ns/op (struct cmp_row's repeats). */
static int counted_held(const struct cmp_row *c, double threshold_pct)
{
	return held(c, threshold_pct) && !c->repeats;
}

/* The rows held back: by a load, the CPUs' placement or the runs'
 * spread. */
size_t compare_inconclusive(const struct cmp_view *v)
{
	size_t n = 0;
	for (size_t i = 0; i < v->n; i++)
		n += counted_held(&v->rows[i], v->threshold_pct) ||
		     (v->rows[i].few && !v->rows[i].repeats);
	return n;
}

/* Why a row held back was: the CPUs' placement, bytes from under one
 * allocation an op, the runs' spread or its history's, a load; the first
 * that applies. */
enum held_by {
	HELD_PLACED,
	HELD_AMORTIZED,
	HELD_APART,
	HELD_HISTORY,
	HELD_LOAD
};

static enum held_by held_by(const struct cmp_row *c)
{
	return c->placed		    ? HELD_PLACED
	       : c->amortized		    ? HELD_AMORTIZED
	       : c->within && c->by_history ? HELD_HISTORY
	       : c->within || c->overlap    ? HELD_APART
					    : HELD_LOAD;
}

/* How many rows held back for this reason. */
static size_t held_for(const struct cmp_view *v, enum held_by why)
{
	size_t n = 0;
	for (size_t i = 0; i < v->n; i++)
		n += counted_held(&v->rows[i], v->threshold_pct) &&
		     held_by(&v->rows[i]) == why;
	return n;
}

/* The verdict's clauses on the rows held back, in this order, and why. */
static const struct {
	enum held_by why;
	const char *text;
} held_clauses[] = {
    {HELD_LOAD, "a load could have made the change (the new run's, its row "
		"disturbed or the machine busy, up to its load_bound; or the "
		"old run's, which can speed up a family not pinned to one "
		"CPU, or slow a baseline, lowering its crossing's ratio and "
		"overhead)"},
    {HELD_PLACED, "the CPUs sat otherwise, and a row on every CPU moves "
		  "with the time a cache line takes between them"},
    {HELD_AMORTIZED, "bytes from under one allocation an op, a sample's "
		     "few allocations over its ops, more the slower the op"},
    {HELD_APART, "within what the runs' spread alone could make of them "
		 "(runs apart, above), or within the two runs' "
		 "intervals"},
    {HELD_HISTORY, "within what they moved between the runs of the "
		   "history (above)"},
};

/* The verdict's clause on each reason rows were held back for, after the
 * regressions ("1 more" then), each ending in ";"; 1 when the
 * regressions' list still wants one. */
static int print_held(FILE *out, const struct cmp_view *v)
{
	int more = v->regressions > 0, lead = more;
	for (size_t i = 0; i < sizeof held_clauses / sizeof *held_clauses;
	     i++) {
		size_t n = held_for(v, held_clauses[i].why);
		if (!n)
			continue;
		fprintf(out,
			"%s %zu %s slower by over %g%% %s inconclusive: %s;",
			lead ? ";" : "", n,
			more	 ? "more"
			: n == 1 ? "row"
				 : "rows",
			v->threshold_pct, n == 1 ? "is" : "are",
			held_clauses[i].text);
		more = 1;
		lead = 0;
	}
	return lead;
}

/* The closing line: the regressions, or that there is none and how the
 * rows moved. */
static void print_verdict(FILE *out, const struct cmp_view *v)
{
	size_t slower = 0, faster = 0, same = 0, repeats = 0, few = 0;
	for (size_t i = 0; i < v->n; i++) {
		const struct cmp_row *c = &v->rows[i];
		if (c->repeats)
			repeats++;
		else if (c->few)
			few++;
		else if (!c->significant)
			same++;
		else if (c->delta_pct > 0)
			slower++;
		else
			faster++;
	}
	if (v->regressions)
		fprintf(out,
			"verdict: %zu regression%s (significantly slower by "
			"more than %g%%):",
			v->regressions, v->regressions == 1 ? "" : "s",
			v->threshold_pct);
	else
		fprintf(out, "verdict: no regression above %g%%;",
			v->threshold_pct);
	/* the first 10 by name, unit and metric, then how many more */
	for (size_t i = 0, k = 0; v->regressions && i < v->n; i++) {
		const struct cmp_row *c = &v->rows[i];
		if (!c->regression || c->repeats || k++ >= 10)
			continue;
		char pct[32];
		fprintf(out, "%s %s %s%s%s %s%s%s %s", k > 1 ? "," : "",
			c->o->family, c->o->variant, c->o->param[0] ? " " : "",
			c->o->param, c->unit,
			strcmp(c->metric, "value") ? " " : "",
			strcmp(c->metric, "value") ? c->metric : "",
			change_text(c, pct));
	}
	if (v->regressions > 10)
		fprintf(out, " and %zu more", v->regressions - 10);
	int lead = print_held(out, v);
	fprintf(out,
		"%s %zu rows: %zu significantly slower, %zu faster, %zu "
		"without a significant change",
		lead ? ";" : "", v->n - repeats, slower, faster, same);
	if (few)
		fprintf(out,
			", %zu inconclusive from fewer than %d samples in a "
			"run (raise --count)",
			few, COMPARE_MIN_N);
	if (repeats)
		fprintf(out,
			"; besides %zu of ns/item, counted by their rows of "
			"ns/op, whose change they repeat",
			repeats);
	fprintf(out, "\n");
}

/* What a text row held back by a load says: the new run's bound, the
 * old baseline's, or both. */
static const char *load_mark(const struct cmp_row *c, char *buf, size_t len)
{
	int nl = c->new_loaded, ol = c->old_base_loaded;
	if ((nl && isnan(c->load_bound)) || (ol && isnan(c->old_base_bound)))
		return "  inconclusive (load, no bound)";
	if (nl && ol)
		snprintf(buf, len,
			 "  inconclusive (load: up to x%.3g, the old "
			 "baseline's x%.3g)",
			 c->load_bound, c->old_base_bound);
	else if (ol)
		snprintf(buf, len,
			 "  inconclusive (the old baseline's load: up to "
			 "x%.3g)",
			 c->old_base_bound);
	else
		snprintf(buf, len, "  inconclusive (load: up to x%.3g)",
			 c->load_bound);
	return buf;
}

/* What a text row says after its change: a regression; a slowdown the
 * CPUs' placement, the runs' spread or a load could have made (the new
 * run's up to its bound, or the old run's); or a row disturbed in either
 * run. buf (len bytes) may hold it. */
static const char *mark(const struct cmp_row *c, double threshold_pct,
			char *buf, size_t len)
{
	if (c->repeats && (c->regression || held(c, threshold_pct)))
		return "  as its ns/op row";
	if (c->regression)
		return "  REGRESSION";
	if (c->few) {
		snprintf(buf, len,
			 "  inconclusive (%zu and %zu samples, fewer than %d)",
			 c->old_n, c->new_n, COMPARE_MIN_N);
		return buf;
	}
	if (!held(c, threshold_pct))
		return c->disturbed ? "  disturbed" : "";
	if (c->placed && c->placed_by.known) {
		snprintf(buf, len,
			 "  inconclusive (its samples met other placements: "
			 "transfer-ns %.0f against %.0f, r = %+.2f)",
			 c->placed_by.old_med, c->placed_by.new_med,
			 c->placed_by.r);
		return buf;
	}
	if (c->placed)
		return "  inconclusive (CPUs placed otherwise)";
	if (c->amortized)
		return "  inconclusive (under one allocation an op)";
	if (c->typical)
		return "  inconclusive (its history: the new figure within "
		       "its runs')";
	if (c->within) {
		double pct = 100 * c->apart;
		snprintf(buf, len, "  inconclusive (%s: %.*f%%)",
			 c->by_history ? "its history" : "runs apart",
			 pct < 10 ? 1 : 0, pct);
		return buf;
	}
	if (c->overlap)
		return !c->pinned ? "  inconclusive (intervals overlap, on "
				    "every CPU)"
		       : strcmp(c->metric, "ratio")
			   ? "  inconclusive (intervals overlap)"
			   : "  inconclusive (intervals overlap, a ratio)";
	if (c->old_unsure)
		return "  inconclusive (the old run's load)";
	return load_mark(c, buf, len);
}

/* "runs apart: ..." and "common shift: ...", where they are known. */
static void print_apart(FILE *out, const struct cmp_view *v)
{
	if (isnan(v->apart.pinned.sd) && isnan(v->apart.every.sd))
		return;
	fprintf(out, "runs apart: beyond their common shift, the rows' ns/op "
		     "moved");
	const struct apart_class *c[] = {&v->apart.pinned, &v->apart.every};
	const char *what[] = {"pinned to one CPU", "on every CPU"};
	for (int i = 0, k = 0; i < 2; i++) {
		if (isnan(c[i]->sd))
			continue;
		fprintf(out, "%s %.2g%% (%zu rows %s", k++ ? "," : "",
			100 * c[i]->sd, c[i]->n, what[i]);
		if (c[i]->upper)
			fprintf(out,
				"; %zu of them moved %.2g%% more than the "
				"rest, a change of many rows at once, taken "
				"off before the spread",
				c[i]->upper, 100 * expm1(c[i]->gap));
		fputc(')', out);
	}
	fprintf(out,
		", robust sd: a change within %d times what that makes "
		"of a row is no regression\n",
		COMPARE_APART_Z);
	double shift = 100 * expm1(v->apart.pinned.shift);
	if (!v->normalize && fabs(shift) > v->threshold_pct)
		fprintf(out,
			"common shift: the %zu pinned rows moved %+.2g%% "
			"together, past the threshold: a %s machine or a "
			"change to every row (--normalize or --metric "
			"instructions tells which)\n",
			v->apart.pinned.n, shift,
			shift > 0 ? "slower" : "faster");
}

/* How many of v's rows their history judged (cmp_row's by_history). */
size_t compare_by_history(const struct cmp_view *v)
{
	size_t n = 0;
	for (size_t i = 0; i < v->n; i++)
		n += v->rows[i].by_history;
	return n;
}

/* "history: ..." under compare --history. */
static void print_history(FILE *out, const struct cmp_view *v)
{
	if (!v->apart.history_path)
		return;
	const struct history_runs *h = v->apart.history;
	fprintf(out, "history: %s, %zu runs besides these two",
		v->apart.history_path, h->nruns);
	if (h->nunlike)
		fprintf(out,
			" (%zu more left out, measured otherwise than the new "
			"one: %s%s)",
			h->nunlike, h->unlike_why,
			h->nunlike > 1 ? ", and the like" : "");
	fprintf(out,
		": %zu of %zu rows, in %d runs or more, are judged by how far "
		"they moved between them (robust sd; a change within %d "
		"times sqrt(2) times that is no regression)\n",
		compare_by_history(v), v->n, COMPARE_HISTORY_MIN,
		COMPARE_APART_Z);
}

/* The line on a run that bore a lasting load (machine.txt's
 * lasting-load, load.h) and how compare judges its rows; nothing where it
 * bore none or does not say. */
static void print_lasting(FILE *out, const char *which, const char *machine)
{
	char *why = machine_lookup(machine, "lasting-load"),
	     *share = machine_lookup(machine, "pinned-disturbed");
	int busy = !strcmp(why, load_why_names[LOAD_WHY_BUSY]),
	    old = !strcmp(which, "old");
	if (busy || !strcmp(why, load_why_names[LOAD_WHY_PINNED]))
		fprintf(
		    out,
		    "%s run under a lasting load (%sits pinned takes "
		    "disturbed in %s): every pinned row is disturbed, and "
		    "%s\n",
		    which, busy ? "the machine busy through it; " : "", share,
		    old ? "a ratio's or overhead's rise over one of its "
			  "baselines is a regression only beyond that "
			  "baseline's load bound (docs/precision.md item 55)"
			: "a row's slowdown is a regression only beyond "
			  "its load bound (docs/precision.md item 12)");
	free(why);
	free(share);
}

const char *compare_machine_unknown(const struct cmp_view *v)
{
	if (!v->old_machine)
		return v->new_machine ? "old" : "both";
	return v->new_machine ? NULL : "new";
}

static void print_text(FILE *out, const struct cmp_view *v)
{
	fprintf(out, "old: %s (%s)\nnew: %s (%s)\n", v->old_path, v->old_label,
		v->new_path, v->new_label);
	const char *unknown = compare_machine_unknown(v);
	if (unknown)
		fprintf(out,
			"machine unknown: %s: whether the machines or the "
			"ways of measuring differ, or a load lasted, is not "
			"known\n",
			!strcmp(unknown, "both")
			    ? "neither run has a machine.txt"
			: !strcmp(unknown, "old")
			    ? "the old run has no machine.txt"
			    : "the new run has no machine.txt");
	if (v->machines_differ)
		fprintf(out,
			"machines differ: %s: a time moves with the machine as "
			"much as with the code; compare ratios and overheads "
			"(--normalize)\n",
			v->machines_differ);
	if (v->methods_differ)
		fprintf(out,
			"measured differently: %s: a time moves with how it "
			"is measured; compare runs measured alike\n",
			v->methods_differ);
	if (v->placement_differs)
		fprintf(out,
			"CPUs placed otherwise: %s: the rows on every CPU "
			"that contend for a cache line move with the time it "
			"takes between the CPUs (docs/precision.md item 36)\n",
			v->placement_differs);
	if (v->faults_differ)
		fprintf(out,
			"memory faulted otherwise: %s: the rows that allocate "
			"move with what a first touch of fresh memory costs, "
			"where their heap grows as they are timed "
			"(docs/precision.md item 70)\n",
			v->faults_differ);
	print_lasting(out, "old", v->old_machine);
	print_lasting(out, "new", v->new_machine);
	print_apart(out, v);
	print_history(out, v);
	fprintf(out, "%-8s %-16s %-10s %-9s %30s %30s %10s  %s\n", "case",
		"variant", "param", "metric", "old", "new", "change", "");
	size_t zero = 0;
	for (size_t i = 0; i < v->n; i++) {
		const struct cmp_row *c = &v->rows[i];
		if (all_zero(c)) {
			zero++;
			continue;
		}
		char ov[96], nv[96], ch[32], why[128], flag[96];
		units_format_ci(ov, sizeof ov, c->old_med, c->old_lo, c->old_hi,
				c->unit, !strcmp(c->metric, "overhead"));
		units_format_ci(nv, sizeof nv, c->new_med, c->new_lo, c->new_hi,
				c->unit, !strcmp(c->metric, "overhead"));
		change_cols(c, ch, sizeof ch, why, sizeof why);
		fprintf(out, "%-8s %-16s %-10s %-9s %30s %30s %10s  %s%s\n",
			c->o->family, c->o->variant, c->o->param, c->metric, ov,
			nv, ch, why,
			mark(c, v->threshold_pct, flag, sizeof flag));
	}
	fprintf(out, "~: no significant change (p >= alpha, or the intervals "
		     "overlap)\n");
	if (zero)
		fprintf(out,
			"%zu rows 0 in both runs (B/op, allocs/op) not shown: "
			"they are in --format csv and json\n",
			zero);
	print_only(out, "old", v->only_old, v->nonly_old);
	print_only(out, "new", v->only_new, v->nonly_new);
	print_verdict(out, v);
}

/* compare's outputs, in the order of enum compare_format: a new format
 * is a function, an enum value and a name. */
static const struct {
	void (*write)(FILE *out, const struct cmp_view *v);
} formats[] = {{print_text}, {compare_write_csv}, {compare_write_json}};

const char *const compare_format_names[] = {"text", "csv", "json", NULL};
_Static_assert(sizeof formats / sizeof *formats ==
		   sizeof compare_format_names / sizeof *compare_format_names -
		       1,
	       "a name for every format");

void compare_write(int format, FILE *out, const struct cmp_view *v)
{
	formats[format].write(out, v);
}
