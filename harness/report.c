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

struct run_files {
	const char *dir;
	char *machine;	       /* machine.txt */
	struct csv_table sum;  /* summary.csv */
	struct csv_table anat; /* anatomy.csv, when has_anat */
	int has_anat;
};

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

/* The time row of a call-family variant for one toolchain, or -1. */
static long time_row(const struct csv_table *t, const char *variant,
		     const char *toolchain)
{
	for (size_t r = 0; r < t->nrows; r++)
		if (!strcmp(cell(t, r, "case"), "call") &&
		    !strcmp(cell(t, r, "variant"), variant) &&
		    !strcmp(cell(t, r, "toolchain"), toolchain) &&
		    !strcmp(cell(t, r, "unit"), "ns/op") &&
		    !isnan(num(t, r, "median")))
			return (long)r;
	return -1;
}

/* The toolchains of the run, in the order of summary.csv. */
static size_t toolchains(const struct csv_table *t, const char **out,
			 size_t max)
{
	size_t n = 0;
	for (size_t r = 0; r < t->nrows && n < max; r++) {
		const char *tc = cell(t, r, "toolchain");
		size_t i = 0;
		while (i < n && strcmp(out[i], tc))
			i++;
		if (i == n)
			out[n++] = tc;
	}
	return n;
}

static void fmt_ci(struct sbuf *sb, double m, double lo, double hi)
{
	sbuf_addf(sb, "%.4g [%.4g, %.4g]", m, lo, hi);
}

static void headline(struct sbuf *sb, const struct csv_table *t)
{
	sbuf_addstr(sb,
		    "## Headline\n\n"
		    "| case | variant | toolchain | param | unit | median "
		    "[95%] | baseline | overhead [95%] | ratio [95%] | n |\n"
		    "|---|---|---|---|---|---|---|---|---|---|\n");
	for (size_t r = 0; r < t->nrows; r++) {
		const char *unit = cell(t, r, "unit");
		if (strcmp(unit, "ns/op") && strcmp(unit, "instructions/op"))
			continue;
		if (!cell(t, r, "baseline")[0] || isnan(num(t, r, "overhead")))
			continue;
		sbuf_addf(sb, "| %s | `%s` | %s | %s | %s | ",
			  cell(t, r, "case"), cell(t, r, "variant"),
			  cell(t, r, "toolchain"), cell(t, r, "param"), unit);
		fmt_ci(sb, num(t, r, "median"), num(t, r, "ci_low"),
		       num(t, r, "ci_high"));
		sbuf_addf(sb, " | `%s` | ", cell(t, r, "baseline"));
		fmt_ci(sb, num(t, r, "overhead"), num(t, r, "overhead_ci_low"),
		       num(t, r, "overhead_ci_high"));
		sbuf_addstr(sb, " | ");
		fmt_ci(sb, num(t, r, "ratio"), num(t, r, "ratio_ci_low"),
		       num(t, r, "ratio_ci_high"));
		sbuf_addf(sb, " | %s |\n", cell(t, r, "n"));
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

static int in(double v, double lo, double hi)
{
	return v >= lo && v <= hi;
}

static void claim_go_to_c(struct sbuf *sb, const struct csv_table *t)
{
	const char *tcs[16];
	size_t ntc = toolchains(t, tcs, 16), measured = 0, held = 0;
	struct sbuf detail = {0};
	for (size_t i = 0; i < ntc; i++) {
		long c = time_row(t, "go->c", tcs[i]),
		     g = time_row(t, "go->go", tcs[i]);
		if (c < 0 || g < 0)
			continue;
		double gc = num(t, (size_t)c, "median"),
		       gg = num(t, (size_t)g, "median");
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

static void claim_c_to_go(struct sbuf *sb, const struct csv_table *t)
{
	const char *tcs[16];
	size_t ntc = toolchains(t, tcs, 16), measured = 0, held = 0, ms = 0;
	struct sbuf detail = {0};
	for (size_t i = 0; i < ntc; i++) {
		long c = time_row(t, "c->go(cthread)", tcs[i]);
		long g = time_row(t, "go->c", tcs[i]);
		if (c < 0 || g < 0)
			continue;
		double cg = num(t, (size_t)c, "median"),
		       gc = num(t, (size_t)g, "median");
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

static void claims(struct sbuf *sb, const struct csv_table *t)
{
	sbuf_addstr(sb, "## Claims about cgo\n\n");
	claim_go_to_c(sb, t);
	claim_c_to_go(sb, t);
	static const char *const later[] = {
	    "Batching amortises the crossing: one crossing for N items instead "
	    "of N crossings.",
	    "A big map behind a lock suffers contention as cores grow, and "
	    "sharding, sync.Map and atomic ids relieve it.",
	    "A worker pool with runtime.LockOSThread limits thread growth and "
	    "lowers the cost of bursts.",
	    "Blocking C calls grow one OS thread each.",
	    "C.GoString allocates and copies on every call."};
	for (size_t i = 0; i < sizeof later / sizeof *later; i++)
		sbuf_addf(sb,
			  "- *%s* Not measured: no family of this run "
			  "measures it.\n",
			  later[i]);
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
		rc = csv_read_file(s, &f->sum, err, errlen);

	if (rc == 0)
		rc = summary_require(&f->sum, err, errlen);
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
	csv_free(&f->sum);
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
	const char *tcs[16];
	size_t ntc = toolchains(&f.sum, tcs, 16);
	sbuf_addstr(sb, "- toolchains:");
	for (size_t i = 0; i < ntc; i++)
		sbuf_addf(sb, "%s %s", i ? "," : "", tcs[i]);
	sbuf_addstr(sb, "\n\n");
	headline(sb, &f.sum);
	claims(sb, &f.sum);
	if (f.has_anat)
		anatomy_lines(sb, &f.anat);
	unload(&f);
	return 0;
}

/* The direction of a crossing, for grouping the overview: 0 baselines
 * (no baseline of their own), 1 Go to C, 2 Go to C to Go, 3 C to Go. */
static int direction(const char *variant, const char *baseline)
{
	if (!baseline[0])
		return 0;
	if (str_starts(variant, "go->c->go"))
		return 2;
	if (str_starts(variant, "go->c"))
		return 1;
	return 3;
}

void report_overview_data(const struct csv_table *t, const char *unit,
			  struct sbuf *sb)
{
	static const char *const names[] = {"baseline", "Go to C",
					    "Go to C to Go", "C to Go"};
	const char *tcs[16];
	size_t ntc = toolchains(t, tcs, 16);
	sbuf_addstr(sb, "# label\tdirection\tgroup\tmedian\tci_low\tci_high\n");
	for (int d = 0; d < 4; d++)
		for (size_t r = 0; r < t->nrows; r++) {
			if (strcmp(cell(t, r, "unit"), unit) ||
			    isnan(num(t, r, "median")) ||
			    direction(cell(t, r, "variant"),
				      cell(t, r, "baseline")) != d)
				continue;
			sbuf_addf(
			    sb,
			    "\"%s%s%s%s%s\"\t\"%s\"\t%d\t%.17g\t%.17g\t%.17g\n",
			    cell(t, r, "variant"),
			    cell(t, r, "param")[0] ? " " : "",
			    cell(t, r, "param"), ntc > 1 ? " " : "",
			    ntc > 1 ? cell(t, r, "toolchain") : "", names[d], d,
			    num(t, r, "median"), num(t, r, "ci_low"),
			    num(t, r, "ci_high"));
		}
}

void report_toolchain_data(const struct csv_table *t, const char *unit,
			   struct sbuf *sb)
{
	const char *tcs[16];
	size_t ntc = toolchains(t, tcs, 16);
	sbuf_addstr(sb, "variant");
	for (size_t i = 0; i < ntc; i++)
		sbuf_addf(sb, "\t\"%s\"\t\"low\"\t\"high\"", tcs[i]);
	sbuf_addstr(sb, "\n");
	for (size_t r = 0; r < t->nrows; r++) {
		/* one line a variant and param, at its first toolchain */
		if (strcmp(cell(t, r, "unit"), unit) ||
		    strcmp(cell(t, r, "toolchain"), tcs[0]))
			continue;
		sbuf_addf(sb, "\"%s%s%s\"", cell(t, r, "variant"),
			  cell(t, r, "param")[0] ? " " : "",
			  cell(t, r, "param"));
		for (size_t i = 0; i < ntc; i++) {
			size_t k;
			for (k = 0; k < t->nrows; k++)
				if (!strcmp(cell(t, k, "unit"), unit) &&
				    !strcmp(cell(t, k, "toolchain"), tcs[i]) &&
				    !strcmp(cell(t, k, "case"),
					    cell(t, r, "case")) &&
				    !strcmp(cell(t, k, "variant"),
					    cell(t, r, "variant")) &&
				    !strcmp(cell(t, k, "param"),
					    cell(t, r, "param")))
					break;
			if (k == t->nrows || isnan(num(t, k, "median")))
				sbuf_addstr(sb, "\tNaN\tNaN\tNaN");
			else
				sbuf_addf(sb, "\t%.17g\t%.17g\t%.17g",
					  num(t, k, "median"),
					  num(t, k, "ci_low"),
					  num(t, k, "ci_high"));
		}
		sbuf_addstr(sb, "\n");
	}
}

int report_write(const char *run_dir, const char *out_path, char *err,
		 size_t errlen)
{
	struct sbuf sb = {0};
	int rc = report_build(run_dir, &sb, err, errlen);
	if (rc == 0) {
		char *p = out_path ? xstrdup(out_path)
				   : xasprintf("%s/report.md", run_dir);
		rc = file_write_atomic(p, sb.buf, sb.len, err, errlen);
		free(p);
	}
	sbuf_free(&sb);
	/* the data of the charts, for scripts/charts.sh */
	struct csv_table t;
	char *sum = xasprintf("%s/summary.csv", run_dir);
	if (rc == 0 && csv_read_file(sum, &t, err, errlen) == 0) {
		const char *unit = "ns/op";
		for (size_t r = 0; r < t.nrows; r++)
			if (!strcmp(cell(&t, r, "unit"), "instructions/op"))
				unit = "instructions/op";
		struct sbuf ov = {0}, tc = {0};
		report_overview_data(&t, unit, &ov);
		report_toolchain_data(&t, unit, &tc);
		char *p1 = xasprintf("%s/overview.dat", run_dir);
		char *p2 = xasprintf("%s/toolchains.dat", run_dir);
		rc = file_write_atomic(p1, ov.buf, ov.len, err, errlen);
		if (rc == 0)
			rc = file_write_atomic(p2, tc.buf, tc.len, err, errlen);
		free(p1);
		free(p2);
		sbuf_free(&ov);
		sbuf_free(&tc);
		csv_free(&t);
	}
	free(sum);
	return rc;
}
