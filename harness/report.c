#include "report.h"

#include "anatomy.h"
#include "csv.h"
#include "machine.h"
#include "summary.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct run_files {
	const char *dir;
	char *machine;	       /* machine.txt */
	struct summary_table sum; /* summary.csv */
	struct csv_table anat;	  /* anatomy.csv, when has_anat */
	int has_anat;
};

static const char *str0(const char *s)
{
	return s ? s : "";
}

static const char *cell(const struct csv_table *t, size_t r, const char *col)
{
	int c = csv_col(t, col);
	return c < 0 ? "" : t->rows[r][c];
}

static double num(const struct csv_table *t, size_t r, const char *col)
{
	double v;
	return parse_double(cell(t, r, col), &v) == 0 ? v : NAN;
}

/* Whether a row has a figure to judge by: samples, and not one the
 * compiler made by deleting the work. */
static int measured(const struct summary_table *t, size_t r)
{
	return !isnan(t->rows[r].s.median) &&
	       t->rows[r].status != SUMMARY_DELETED;
}

/* The row of these keys with a figure (see measured), or -1. */
static long row_of(const struct summary_table *t, const char *family,
		   const char *variant, const char *toolchain,
		   const char *param, const char *unit)
{
	for (size_t r = 0; r < t->nrows; r++)
		if (!strcmp(t->rows[r].family, family) &&
		    !strcmp(t->rows[r].variant, variant) &&
		    !strcmp(t->rows[r].toolchain, toolchain) &&
		    !strcmp(t->rows[r].param, param) &&
		    !strcmp(t->rows[r].unit, unit) && measured(t, r))
			return (long)r;
	return -1;
}

/* The median of row_of, NaN when there is no such row. */
static double median_of(const struct summary_table *t, const char *family,
			const char *variant, const char *toolchain,
			const char *param, const char *unit)
{
	long r = row_of(t, family, variant, toolchain, param, unit);
	return r < 0 ? NAN : t->rows[(size_t)r].s.median;
}

/* The largest N of the params "<prefix>N" of a family's variant. */
static long max_param(const struct summary_table *t, const char *family,
		      const char *variant, const char *toolchain,
		      const char *prefix)
{
	long best = -1;
	size_t l = strlen(prefix);
	for (size_t r = 0; r < t->nrows; r++) {
		const char *p = t->rows[r].param;
		if (!strcmp(t->rows[r].family, family) &&
		    !strcmp(t->rows[r].variant, variant) &&
		    !strcmp(t->rows[r].toolchain, toolchain) &&
		    !strncmp(p, prefix, l) && atol(p + l) > best)
			best = atol(p + l);
	}
	return best;
}

static void fmt_ci(struct sbuf *sb, double m, double lo, double hi)
{
	sbuf_addf(sb, "%.4g [%.4g, %.4g]", m, lo, hi);
}

static void headline(struct sbuf *sb, const struct summary_table *t)
{
	sbuf_addstr(sb,
		    "## Headline\n\n"
		    "| case | variant | toolchain | param | unit | median "
		    "[95%] | baseline | overhead [95%] | ratio [95%] | n |\n"
		    "|---|---|---|---|---|---|---|---|---|---|\n");
	for (size_t r = 0; r < t->nrows; r++) {
		const char *unit = t->rows[r].unit;
		if (strcmp(unit, "ns/op") && strcmp(unit, "instructions/op"))
			continue;
		if (!str0(t->rows[r].baseline)[0] || isnan(t->rows[r].d.diff))
			continue;
		sbuf_addf(sb, "| %s | `%s` | %s | %s | %s | ",
			  t->rows[r].family, t->rows[r].variant,
			  t->rows[r].toolchain, t->rows[r].param, unit);
		fmt_ci(sb, t->rows[r].s.median, t->rows[r].s.ci_low,
		       t->rows[r].s.ci_high);
		sbuf_addf(sb, " | `%s` | ", str0(t->rows[r].baseline));
		fmt_ci(sb, t->rows[r].d.diff, t->rows[r].d.diff_low,
		       t->rows[r].d.diff_high);
		sbuf_addstr(sb, " | ");
		fmt_ci(sb, t->rows[r].d.ratio, t->rows[r].d.ratio_low,
		       t->rows[r].d.ratio_high);
		sbuf_addf(sb, " | %zu |\n", t->rows[r].s.n);
	}
	sbuf_addstr(sb, "\n");
}

/* The verdict over toolchains from how many of n held. */
static const char *verdict(size_t held, size_t n)
{
	return held == n ? "**holds**"
	       : held	 ? "**holds only for some toolchains**"
			 : "**does not hold**";
}

/* The verdict of a claim in parts, over toolchains: held of n held
 * wholly, part of them in part only. */
static const char *verdict_parts(size_t held, size_t part, size_t n)
{
	if (held == n)
		return "**holds**";
	if (held + part == n && part)
		return "**holds only in part**";
	if (held + part)
		return "**holds only for some toolchains**";
	return "**does not hold**";
}

static int in(double v, double lo, double hi)
{
	return v >= lo && v <= hi;
}

static void claim_go_to_c(struct sbuf *sb, const struct summary_table *t)
{
	const char *const *tcs = t->toolchains;
	size_t ntc = t->ntoolchains, measured = 0, held = 0;
	struct sbuf detail = {0};
	for (size_t i = 0; i < ntc; i++) {
		long c = row_of(t, "call", "go->c", tcs[i], "", "ns/op"),
		     g = row_of(t, "call", "go->go", tcs[i], "", "ns/op");
		if (c < 0 || g < 0)
			continue;
		double gc = t->rows[(size_t)c].s.median,
		       gg = t->rows[(size_t)g].s.median;
		int ok =
		    in(gc, 60, 200) && in(gg, 1, 5) && in(gc / gg, 20, 100);
		measured++;
		held += ok;
		sbuf_addf(
		    &detail,
		    "  - %s: `go->c` %.4g ns (%s 60 to 200), `go->go` %.4g "
		    "ns (%s 1 to 5), %.3g times (%s 20 to 100)\n",
		    tcs[i], gc, in(gc, 60, 200) ? "within" : "outside", gg,
		    in(gg, 1, 5) ? "within" : "outside", gc / gg,
		    in(gc / gg, 20, 100) ? "within" : "outside");
	}
	sbuf_addstr(sb,
		    "- *A Go-to-C call costs roughly 60 to 200 ns against 1 "
		    "to 5 ns for a Go call, 20 to 100 times more.* ");
	if (!measured)
		sbuf_addstr(sb, "Not measured: this run has no `go->c` and "
				"`go->go` timed in ns/op.\n");
	else
		sbuf_addf(sb, "%s.\n%s", verdict(held, measured), detail.buf);
	sbuf_free(&detail);
}

static void claim_c_to_go(struct sbuf *sb, const struct summary_table *t)
{
	const char *const *tcs = t->toolchains;
	size_t ntc = t->ntoolchains, measured = 0, held = 0, ms = 0;
	struct sbuf detail = {0};
	for (size_t i = 0; i < ntc; i++) {
		long c =
		    row_of(t, "call", "c->go(cthread)", tcs[i], "", "ns/op");
		long g = row_of(t, "call", "go->c", tcs[i], "", "ns/op");
		if (c < 0 || g < 0)
			continue;
		double cg = t->rows[(size_t)c].s.median,
		       gc = t->rows[(size_t)g].s.median;
		measured++;
		held += cg >= 2 * gc;
		ms += in(cg, 1e6, 2e6);
		sbuf_addf(&detail,
			  "  - %s: `c->go(cthread)` %.4g ns, `go->c` %.4g ns: "
			  "%.3g times\n",
			  tcs[i], cg, gc, cg / gc);
	}
	sbuf_addstr(sb,
		    "- *Calling Go from C costs far more than calling C from "
		    "Go (one claim puts it at 1 to 2 ms).* ");
	if (!measured) {
		sbuf_addstr(sb,
			    "Not measured: this run has no `c->go(cthread)` "
			    "and `go->c` timed in ns/op.\n");
	} else {
		sbuf_addf(sb,
			  "Far more (taken as at least twice): %s. The 1 to 2 "
			  "ms figure: %s.\n%s",
			  verdict(held, measured), verdict(ms, measured),
			  detail.buf);
	}
	sbuf_free(&detail);
}

/* One claim judged per toolchain: judge appends a detail line and
 * returns 1 when the claim holds, 2 when it holds in part only, 0 when
 * not, -1 when the toolchain has not measured it. */
typedef int (*judge_fn)(struct sbuf *detail, const struct summary_table *t,
			const char *tc);

static void claim(struct sbuf *sb, const struct summary_table *t, const char *text,
		  const char *needs, judge_fn judge)
{
	const char *const *tcs = t->toolchains;
	size_t ntc = t->ntoolchains, measured = 0, held = 0, part = 0;
	struct sbuf detail = {0};
	for (size_t i = 0; i < ntc; i++) {
		int v = judge(&detail, t, tcs[i]);
		if (v < 0)
			continue;
		measured++;
		held += v == 1;
		part += v == 2;
	}
	sbuf_addf(sb, "- *%s* ", text);
	if (!measured)
		sbuf_addf(sb, "Not measured: this run has no %s.\n", needs);
	else
		sbuf_addf(sb, "%s.\n%s", verdict_parts(held, part, measured),
			  detail.buf);
	sbuf_free(&detail);
}

/* The least batch size from which go->c(batch)'s crossing costs under 10%
 * of the work, or -1; *largest is the largest n measured. One crossing of
 * F ns for k items of w ns each costs w + F/k per item: the crossing is
 * under 10% of the work where that is within 10% of w, taken as the least
 * cost per item of any n. */
static long break_even(const struct summary_table *t, const char *tc, long *largest)
{
	long n = max_param(t, "batch", "go->c(batch)", tc, "n=");
	*largest = n;
	char p[32];
	double w = NAN;
	for (long k = n; k >= 1; k /= 2) {
		snprintf(p, sizeof p, "n=%ld", k);
		double m =
		    median_of(t, "batch", "go->c(batch)", tc, p, "ns/item");
		if (!isnan(m) && !(m >= w))
			w = m;
	}
	long even = -1;
	for (long k = n; k >= 1 && !isnan(w); k /= 2) {
		snprintf(p, sizeof p, "n=%ld", k);
		double m =
		    median_of(t, "batch", "go->c(batch)", tc, p, "ns/item");
		if (isnan(m) || m > 1.1 * w)
			break;
		even = k;
	}
	return even;
}

/* Batching: at the largest batch, one crossing per batch costs less per
 * item than one per item (the intervals apart), and where the crossing
 * falls under 10% of the work. */
static int judge_batching(struct sbuf *d, const struct summary_table *t,
			  const char *tc)
{
	long n = max_param(t, "batch", "go->c(batch)", tc, "n=");
	if (n < 1)
		return -1;
	char p[32];
	snprintf(p, sizeof p, "n=%ld", n);
	long b = row_of(t, "batch", "go->c(batch)", tc, p, "ns/item");
	long e = row_of(t, "batch", "go->c(each)", tc, p, "ns/item");
	if (b < 0 || e < 0)
		return -1;
	double bm = t->rows[(size_t)b].s.median,
	       em = t->rows[(size_t)e].s.median;
	int ok = t->rows[(size_t)b].s.ci_high < t->rows[(size_t)e].s.ci_low;
	sbuf_addf(d,
		  "  - %s: at n=%ld, `go->c(batch)` %.4g ns/item against "
		  "`go->c(each)` %.4g ns/item (%.3g times less) and `c->c` "
		  "%.4g ns/item",
		  tc, n, bm, em, em / bm,
		  median_of(t, "batch", "c->c", tc, p, "ns/item"));
	long largest, even = break_even(t, tc, &largest);
	sbuf_addf(d,
		  "; the crossing costs under 10%% of the work (ns/item within "
		  "10%% of its least) from n=%ld on\n",
		  even);
	return ok;
}

/* Contention: the big locked map's overhead over the bare callback grows
 * from 1 goroutine to the most; each remedy is faster than it there. */
static int judge_handles(struct sbuf *d, const struct summary_table *t,
			 const char *tc)
{
	long g =
	    max_param(t, "handles", "rwmutex-map(mutex-id)", tc, "goroutines=");
	if (g < 2)
		return -1;
	char pg[32];
	snprintf(pg, sizeof pg, "goroutines=%ld", g);
	long r1 = row_of(t, "handles", "rwmutex-map(mutex-id)", tc,
			 "goroutines=1", "ns/op");
	long rg =
	    row_of(t, "handles", "rwmutex-map(mutex-id)", tc, pg, "ns/op");
	if (r1 < 0 || rg < 0)
		return -1;
	double o1 = t->rows[r1].d.diff,
	       og = t->rows[(size_t)rg].d.diff;
	int grows = t->rows[(size_t)rg].d.diff_low >
		    t->rows[r1].d.diff_high;
	sbuf_addf(d,
		  "  - %s: `rwmutex-map(mutex-id)` costs %.4g ns over the bare "
		  "callback with 1 goroutine and %.4g ns with %ld: contention "
		  "%s\n",
		  tc, o1, og, g, grows ? "grows" : "does not grow measurably");
	static const char *const remedies[][2] = {
	    {"rwmutex-map", "atomic ids"},
	    {"sharded-map", "sharding"},
	    {"sync.Map", "sync.Map"},
	    {"rwmutex-map(object-key)", "the object's own key"},
	    {"sharded-map(object-key)", "sharding by the object's own key"}};
	int all = grows, any = grows;
	double base = t->rows[(size_t)rg].s.median;
	for (size_t i = 0; i < sizeof remedies / sizeof *remedies; i++) {
		long r = row_of(t, "handles", remedies[i][0], tc, pg, "ns/op");
		if (r < 0) {
			all = 0;
			continue;
		}
		double m = t->rows[(size_t)r].s.median;
		int relieves =
		    t->rows[(size_t)r].s.ci_high < t->rows[(size_t)rg].s.ci_low;
		all &= relieves;
		any |= relieves;
		sbuf_addf(d,
			  "    - %s (`%s`): %.4g ns/op with %ld goroutines "
			  "against %.4g: %s\n",
			  remedies[i][1], remedies[i][0], m, g, base,
			  relieves ? "relieves it" : "does not relieve it");
	}
	return all ? 1 : any ? 2 : 0;
}

/* The pool: fewer threads and a cheaper burst than direct calls, for
 * computing and for blocking calls. */
static int judge_pool(struct sbuf *d, const struct summary_table *t, const char *tc)
{
	static const char *const pairs[][2] = {{"go->c", "go->c(pool)"},
					       {"sleep(c)", "sleep(c,pool)"}};
	int measured = 0, ok = 1, any = 0;
	for (size_t i = 0; i < 2; i++) {
		long dt = row_of(t, "threads", pairs[i][0], tc, "goroutines=64",
				 "ns/op");
		long pt = row_of(t, "threads", pairs[i][1], tc, "goroutines=64",
				 "ns/op");
		double dth = median_of(t, "threads", pairs[i][0], tc,
				       "goroutines=64", "threads");
		double pth = median_of(t, "threads", pairs[i][1], tc,
				       "goroutines=64", "threads");
		if (dt < 0 || pt < 0 || isnan(dth) || isnan(pth))
			continue;
		measured = 1;
		int fewer = pth < dth;
		int cheaper = t->rows[(size_t)pt].s.ci_high <
			      t->rows[(size_t)dt].s.ci_low;
		ok &= fewer && cheaper;
		any |= fewer || cheaper;
		sbuf_addf(
		    d,
		    "  - %s, bursts of 64 `%s` calls: %.4g threads "
		    "through the pool, %.4g direct (%s); %.4g ns per "
		    "burst through the pool, %.4g direct (%s)\n",
		    tc, pairs[i][0], pth, dth, fewer ? "fewer" : "not fewer",
		    t->rows[(size_t)pt].s.median, t->rows[(size_t)dt].s.median,
		    cheaper ? "cheaper" : "not cheaper");
	}
	return !measured ? -1 : ok ? 1 : any ? 2 : 0;
}

/* Blocking calls: 64 goroutines blocked in C at once grow about 64
 * threads more than the same blocked in Go (at least 90% of them). */
static int judge_blocking(struct sbuf *d, const struct summary_table *t,
			  const char *tc)
{
	double c =
	    median_of(t, "threads", "sleep(c)", tc, "goroutines=64", "threads");
	double g = median_of(t, "threads", "sleep(go)", tc, "goroutines=64",
			     "threads");
	if (isnan(c) || isnan(g))
		return -1;
	int ok = c - g >= 0.9 * 64;
	sbuf_addf(d,
		  "  - %s: 64 goroutines blocking in C grew the process to "
		  "%.4g threads, blocking in Go to %.4g: %.4g threads for 64 "
		  "blocking calls\n",
		  tc, c, g, c - g);
	return ok;
}

/* GoString: at least one allocation and the string's bytes per call,
 * where reading the C memory in place has none. */
static int judge_gostring(struct sbuf *d, const struct summary_table *t,
			  const char *tc)
{
	double a =
	    median_of(t, "data", "GoString", tc, "cgocheck=1", "allocs/op");
	double by = median_of(t, "data", "GoString", tc, "cgocheck=1", "B/op");
	double va = median_of(t, "data", "view", tc, "cgocheck=1", "allocs/op");
	if (isnan(a) || isnan(by) || isnan(va))
		return -1;
	int ok = a >= 1 && by >= 64;
	sbuf_addf(d,
		  "  - %s: `GoString` of a 64-byte C string: %.3g allocs/op, "
		  "%.4g B/op; reading it in place (`view`): %.3g allocs/op\n",
		  tc, a, by, va);
	return ok;
}

void report_claims(const struct summary_table *t, struct sbuf *sb)
{
	sbuf_addstr(sb, "## Claims about cgo\n\n");
	claim_go_to_c(sb, t);
	claim_c_to_go(sb, t);
	claim(sb, t,
	      "Batching amortises the crossing: one crossing for N items "
	      "instead of N crossings.",
	      "batch family", judge_batching);
	claim(sb, t,
	      "A big map behind a lock suffers contention as cores grow, and "
	      "sharding, sync.Map and atomic ids relieve it.",
	      "handles family at more than one goroutine", judge_handles);
	claim(sb, t,
	      "A worker pool with runtime.LockOSThread limits thread growth "
	      "and lowers the cost of bursts.",
	      "threads family", judge_pool);
	claim(sb, t, "Blocking C calls grow one OS thread each.",
	      "threads family", judge_blocking);
	claim(sb, t, "C.GoString allocates and copies on every call.",
	      "data family", judge_gostring);
	sbuf_addstr(sb, "\n");
}

static void anatomy_lines(struct sbuf *sb, const struct csv_table *a)
{
	sbuf_addstr(sb, "## Anatomy of each crossing\n\n");
	for (size_t r = 0; r < a->nrows;) {
		/* rows come a unit at a time, one a group */
		size_t end = r;
		while (
		    end < a->nrows &&
		    !strcmp(cell(a, end, "variant"), cell(a, r, "variant")) &&
		    !strcmp(cell(a, end, "toolchain"),
			    cell(a, r, "toolchain")) &&
		    !strcmp(cell(a, end, "param"), cell(a, r, "param")) &&
		    !strcmp(cell(a, end, "case"), cell(a, r, "case")))
			end++;
		double total = 0;
		for (size_t k = r; k < end; k++)
			total += num(a, k, "instructions");
		sbuf_addf(sb, "- `%s`%s%s (%s): %.0f instructions per op",
			  cell(a, r, "variant"),
			  cell(a, r, "param")[0] ? " " : "",
			  cell(a, r, "param"), cell(a, r, "toolchain"), total);
		for (size_t k = r; k < end; k++)
			if (num(a, k, "share") >= 0.005)
				sbuf_addf(sb, ", %.0f%% %s",
					  100 * num(a, k, "share"),
					  cell(a, k, "group"));
		sbuf_addstr(sb, "\n");
		r = end;
	}
	sbuf_addstr(sb, "\n");
}

static int load(struct run_files *f, const char *dir, char *err, size_t errlen)
{
	memset(f, 0, sizeof *f);
	f->dir = dir;
	char *m = xasprintf("%s/machine.txt", dir);
	char *s = xasprintf("%s/summary.csv", dir);
	char *a = xasprintf("%s/anatomy.csv", dir);
	int rc = file_read(m, &f->machine, NULL, err, errlen);
	if (rc == 0)
		rc = summary_read(s, &f->sum, err, errlen);
	if (rc == 0 && path_exists(a)) {
		rc = csv_read_file(a, &f->anat, err, errlen);
		f->has_anat = rc == 0;
		const char *aneed[] = {"case",	"variant", "toolchain",
				       "param", "group",   "instructions",
				       "share", NULL};
		if (rc == 0)
			rc = csv_require(&f->anat, aneed, err, errlen);
	}
	free(m);
	free(s);
	free(a);
	return rc;
}

static void unload(struct run_files *f)
{
	free(f->machine);
	summary_table_free(&f->sum);
	if (f->has_anat)
		csv_free(&f->anat);
}

int report_build(const char *run_dir, struct sbuf *sb, char *err, size_t errlen)
{
	struct run_files f;
	if (load(&f, run_dir, err, errlen) != 0) {
		unload(&f);
		return -1;
	}
	sbuf_addf(sb,
		  "# cgobench report\n\nGenerated by `cgobench report` from "
		  "the files of this run directory; every figure is one of "
		  "theirs. Intervals are 95%%.\n\n## Machine\n\n");
	static const char *const keys[] = {"date",	  "harness-commit",
					   "cpu",	  "cores",
					   "os",	  "kernel",
					   "virtualised", "governor",
					   "cc-version",  "benchmark-version",
					   "repetitions", "benchtime",
					   "pinned",	  "status"};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		char *v = machine_lookup(f.machine, keys[i]);
		sbuf_addf(sb, "- %s: %s\n", keys[i], v);
		free(v);
	}
	const char *const *tcs = f.sum.toolchains;
	size_t ntc = f.sum.ntoolchains;
	sbuf_addstr(sb, "- toolchains:");
	for (size_t i = 0; i < ntc; i++)
		sbuf_addf(sb, "%s %s", i ? "," : "", tcs[i]);
	sbuf_addstr(sb, "\n\n");
	headline(sb, &f.sum);
	report_claims(&f.sum, sb);
	if (f.has_anat)
		anatomy_lines(sb, &f.anat);
	unload(&f);
	return 0;
}

/* The direction of a crossing, for grouping the overview: 0 baselines
 * (no baseline of their own), 1 Go to C (every crossing not named
 * otherwise: the data and directives variants are Go calling C), 2 Go to
 * C to Go, 3 C to Go. */
static int direction(const char *variant, const char *baseline)
{
	if (!baseline[0])
		return 0;
	if (str_starts(variant, "go->c->go"))
		return 2;
	if (str_starts(variant, "c->go"))
		return 3;
	return 1;
}

/* How many families the rows of unit have. */
static size_t count_families(const struct summary_table *t, const char *unit)
{
	const char *seen[64];
	size_t n = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		if (strcmp(t->rows[r].unit, unit))
			continue;
		size_t i = 0;
		while (i < n && strcmp(seen[i], t->rows[r].family))
			i++;
		if (i == n && n < 64)
			seen[n++] = t->rows[r].family;
	}
	return n;
}

void report_overview_data(const struct summary_table *t, const char *unit,
			  struct sbuf *sb)
{
	static const char *const names[] = {"baseline", "Go to C",
					    "Go to C to Go", "C to Go"};
	size_t ntc = t->ntoolchains;
	int fams = count_families(t, unit) > 1;
	sbuf_addstr(sb, "# label\tdirection\tgroup\tmedian\tci_low\tci_high\n");
	/* the scenarios without a param: the swept ones have their charts */
	for (int d = 0; d < 4; d++)
		for (size_t r = 0; r < t->nrows; r++) {
			if (strcmp(t->rows[r].unit, unit) ||
			    t->rows[r].param[0] || !measured(t, r) ||
			    direction(t->rows[r].variant,
				      str0(t->rows[r].baseline)) != d)
				continue;
			sbuf_addf(
			    sb,
			    "\"%s%s%s%s%s\"\t\"%s\"\t%d\t%.17g\t%.17g\t%.17g\n",
			    fams ? t->rows[r].family : "", fams ? ": " : "",
			    t->rows[r].variant, ntc > 1 ? " " : "",
			    ntc > 1 ? t->rows[r].toolchain : "", names[d], d,
			    t->rows[r].s.median, t->rows[r].s.ci_low,
			    t->rows[r].s.ci_high);
		}
}

void report_series_data(const struct summary_table *t, const char *family,
			const char *prefix, const char *unit, struct sbuf *sb)
{
	size_t ntc = t->ntoolchains, l = strlen(prefix);
	/* the series (variant, toolchain) and the xs, in order of appearance */
	size_t *series = NULL, ns = 0;
	long *xs = NULL;
	size_t nx = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		const char *p = t->rows[r].param;
		if (strcmp(t->rows[r].family, family) ||
		    strcmp(t->rows[r].unit, unit) || strncmp(p, prefix, l))
			continue;
		size_t i = 0;
		while (i < ns && (strcmp(t->rows[series[i]].variant,
					 t->rows[r].variant) ||
				  strcmp(t->rows[series[i]].toolchain,
					 t->rows[r].toolchain)))
			i++;
		if (i == ns) {
			series = xrealloc(series, (ns + 1) * sizeof *series);
			series[ns++] = r;
		}
		long x = atol(p + l);
		for (i = 0; i < nx && xs[i] != x; i++)
			;
		if (i == nx) {
			xs = xrealloc(xs, (nx + 1) * sizeof *xs);
			xs[nx++] = x;
		}
	}
	sbuf_addf(sb, "%.*s", (int)(l && prefix[l - 1] == '=' ? l - 1 : l),
		  prefix);
	for (size_t i = 0; i < ns; i++)
		sbuf_addf(sb, "\t\"%s%s%s\"\t\"low\"\t\"high\"",
			  t->rows[series[i]].variant, ntc > 1 ? " " : "",
			  ntc > 1 ? t->rows[series[i]].toolchain : "");
	sbuf_addstr(sb, "\n");
	for (size_t k = 0; k < nx; k++) {
		char p[64];
		snprintf(p, sizeof p, "%s%ld", prefix, xs[k]);
		sbuf_addf(sb, "%ld", xs[k]);
		for (size_t i = 0; i < ns; i++) {
			long r =
			    row_of(t, family, t->rows[series[i]].variant,
				   t->rows[series[i]].toolchain, p, unit);
			if (r < 0)
				sbuf_addstr(sb, "\tNaN\tNaN\tNaN");
			else
				sbuf_addf(sb, "\t%.17g\t%.17g\t%.17g",
					  t->rows[(size_t)r].s.median,
					  t->rows[(size_t)r].s.ci_low,
					  t->rows[(size_t)r].s.ci_high);
		}
		sbuf_addstr(sb, "\n");
	}
	free(series);
	free(xs);
}

void report_toolchain_data(const struct summary_table *t, const char *unit,
			   struct sbuf *sb)
{
	const char *const *tcs = t->toolchains;
	size_t ntc = t->ntoolchains;
	sbuf_addstr(sb, "variant");
	for (size_t i = 0; i < ntc; i++)
		sbuf_addf(sb, "\t\"%s\"\t\"low\"\t\"high\"", tcs[i]);
	sbuf_addstr(sb, "\n");
	int fams = count_families(t, unit) > 1;
	for (size_t r = 0; r < t->nrows; r++) {
		/* one line a scenario without a param, at its first
		 * toolchain */
		if (strcmp(t->rows[r].unit, unit) ||
		    t->rows[r].param[0] ||
		    strcmp(t->rows[r].toolchain, tcs[0]))
			continue;
		sbuf_addf(sb, "\"%s%s%s\"", fams ? t->rows[r].family : "",
			  fams ? ": " : "", t->rows[r].variant);
		for (size_t i = 0; i < ntc; i++) {
			size_t k;
			for (k = 0; k < t->nrows; k++)
				if (!strcmp(t->rows[k].unit, unit) &&
				    !strcmp(t->rows[k].toolchain, tcs[i]) &&
				    !strcmp(t->rows[k].family,
					    t->rows[r].family) &&
				    !strcmp(t->rows[k].variant,
					    t->rows[r].variant) &&
				    !strcmp(t->rows[k].param,
					    t->rows[r].param))
					break;
			if (k == t->nrows || !measured(t, k))
				sbuf_addstr(sb, "\tNaN\tNaN\tNaN");
			else
				sbuf_addf(sb, "\t%.17g\t%.17g\t%.17g",
					  t->rows[k].s.median,
					  t->rows[k].s.ci_low,
					  t->rows[k].s.ci_high);
		}
		sbuf_addstr(sb, "\n");
	}
}

int report_machines_data(const char *const *runs, size_t n, const char *unit,
			 struct sbuf *sb, char *err, size_t errlen)
{
	struct summary_table *ts = xcalloc(n, sizeof *ts);
	char **labels = xcalloc(n, sizeof *labels);
	const char **tc0 = xcalloc(n, sizeof *tc0);
	int rc = 0;
	size_t loaded = 0;
	for (; loaded < n && rc == 0; loaded++) {
		struct run_files f;
		rc = load(&f, runs[loaded], err, errlen);
		if (rc == 0) {
			/* results/<machine>/<run>: both names, and the CPU */
			char *cpu = machine_lookup(f.machine, "cpu");
			char *cores = machine_lookup(f.machine, "cores");
			char *dir = xstrdup(runs[loaded]);
			size_t l = strlen(dir);
			while (l > 1 && dir[l - 1] == '/')
				dir[--l] = '\0';
			char *base = strrchr(dir, '/');
			const char *name = dir;
			if (base) {
				*base = '\0';
				char *parent = strrchr(dir, '/');
				name = parent ? parent + 1 : dir;
				labels[loaded] =
				    xasprintf("%s/%s (%s, %s cores)", name,
					      base + 1, cpu, cores);
			} else {
				labels[loaded] = xasprintf("%s (%s, %s cores)",
							   name, cpu, cores);
			}
			free(dir);
			free(cpu);
			free(cores);
			ts[loaded] = f.sum;
			memset(&f.sum, 0, sizeof f.sum);
			tc0[loaded] = ts[loaded].ntoolchains
					  ? ts[loaded].toolchains[0]
					  : "";
		}
		unload(&f);
	}
	if (rc != 0)
		loaded--;
	if (rc == 0) {
		sbuf_addstr(sb, "scenario");
		for (size_t i = 0; i < n; i++)
			sbuf_addf(sb, "\t\"%s\"\t\"low\"\t\"high\"", labels[i]);
		sbuf_addstr(sb, "\n");
		/* every scenario without a param, in the order the runs
		 * first have it, at each run's first toolchain */
		/* "\ncase: variant\n" of each scenario written */
		struct sbuf seen = {0};
		sbuf_addstr(&seen, "\n");
		for (size_t i = 0; i < n; i++)
			for (size_t r = 0; r < ts[i].nrows; r++) {
				const struct summary_table *t = &ts[i];
				if (strcmp(t->rows[r].unit, unit) ||
				    t->rows[r].param[0] ||
				    strcmp(t->rows[r].toolchain, tc0[i]))
					continue;
				char *key =
				    xasprintf("\n%s: %s\n", t->rows[r].family,
					      t->rows[r].variant);
				if (strstr(seen.buf, key)) {
					free(key);
					continue;
				}
				sbuf_addstr(&seen, key + 1);
				free(key);
				sbuf_addf(sb, "\"%s: %s\"", t->rows[r].family,
					  t->rows[r].variant);
				for (size_t k = 0; k < n; k++) {
					long m =
					    row_of(&ts[k], t->rows[r].family,
						   t->rows[r].variant,
						   tc0[k], "", unit);
					if (m < 0)
						sbuf_addstr(sb,
							    "\tNaN\tNaN\tNaN");
					else
						sbuf_addf(
						    sb, "\t%.17g\t%.17g\t%.17g",
						    ts[k].rows[m].s.median,
						    ts[k].rows[m].s.ci_low,
						    ts[k].rows[m].s.ci_high);
				}
				sbuf_addstr(sb, "\n");
			}
		sbuf_free(&seen);
	}
	for (size_t i = 0; i < loaded; i++)
		summary_table_free(&ts[i]);
	for (size_t i = 0; i < n; i++)
		free(labels[i]);
	free(ts);
	free(labels);
	free(tc0);
	return rc;
}

/* file_write_atomic, failing with -2: the output could not be written */
static int write_output(const char *path, const char *data, size_t len,
			char *err, size_t errlen)
{
	return file_write_atomic(path, data, len, err, errlen) ? -2 : 0;
}

int report_write(const char *run_dir, const char *out_path, char *err,
		 size_t errlen)
{
	struct sbuf sb = {0};
	int rc = report_build(run_dir, &sb, err, errlen);
	if (rc == 0) {
		char *p = out_path ? xstrdup(out_path)
				   : xasprintf("%s/report.md", run_dir);
		rc = write_output(p, sb.buf, sb.len, err, errlen);
		free(p);
	}
	sbuf_free(&sb);
	/* the data of the charts, for scripts/charts.sh */
	struct summary_table t;
	char *sum = xasprintf("%s/summary.csv", run_dir);
	if (rc == 0 && summary_read(sum, &t, err, errlen) == 0) {
		const char *unit = "ns/op";
		for (size_t r = 0; r < t.nrows; r++)
			if (!strcmp(t.rows[r].unit, "instructions/op"))
				unit = "instructions/op";
		struct sbuf ov = {0}, tc = {0};
		report_overview_data(&t, unit, &ov);
		report_toolchain_data(&t, unit, &tc);
		char *p1 = xasprintf("%s/overview.dat", run_dir);
		char *p2 = xasprintf("%s/toolchains.dat", run_dir);
		rc = write_output(p1, ov.buf, ov.len, err, errlen);
		if (rc == 0)
			rc = write_output(p2, tc.buf, tc.len, err, errlen);
		free(p1);
		free(p2);
		sbuf_free(&ov);
		sbuf_free(&tc);
		/* the batching and scaling charts, where the run has them */
		static const char *const series[][4] = {
		    {"batch", "n=", "ns/item", "batch.dat"},
		    {"handles", "goroutines=", "ns/op", "handles.dat"},
		    {"parallel", "goroutines=", "ns/op", "parallel.dat"}};
		for (size_t i = 0; rc == 0 && i < 3; i++) {
			struct sbuf sd = {0};
			if (!strcmp(series[i][0], "batch")) {
				const char *const *tcs = t.toolchains;
				size_t ntc = t.ntoolchains;
				for (size_t k = 0; k < ntc; k++) {
					long largest, even = break_even(
							  &t, tcs[k], &largest);
					if (even > 0)
						sbuf_addf(&sd,
							  "# break-even %ld "
							  "%s\n",
							  even, tcs[k]);
				}
			}
			size_t head = sd.len;
			report_series_data(&t, series[i][0], series[i][1],
					   series[i][2], &sd);
			char *p = xasprintf("%s/%s", run_dir, series[i][3]);
			/* a header line alone: the run has no such family */
			if (strchr(sd.buf + head, '\n') + 1 < sd.buf + sd.len)
				rc = write_output(p, sd.buf, sd.len, err,
						       errlen);
			else
				unlink(p);
			free(p);
			sbuf_free(&sd);
		}
		summary_table_free(&t);
	}
	free(sum);
	return rc;
}
