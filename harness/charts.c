#include "charts.h"

#include "machine.h"
#include "rundir.h"
#include "summary.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The direction of a crossing, for grouping the overview: 0 baselines
 * (no baseline of their own), 1 Go to C (every crossing not named
 * otherwise: the data and directives variants are Go calling C), 2 Go to
 * C to Go, 3 C to Go. */
static int direction(const char *variant, const char *baseline)
{
	if (!baseline)
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

/* Which rows go into the overview (a flag a row): those without a param,
 * and those at their family's first param (a level such as cgocheck=1)
 * when the family sweeps none (batch sizes, goroutines: those have
 * charts of their own). Each family is looked at once. */
static char *overview_rows(const struct summary_table *t, const char *unit)
{
	char *shown = xcalloc(t->nrows ? t->nrows : 1, 1);
	struct key_index fams = {0};
	const char **first = xcalloc(t->nrows ? t->nrows : 1, sizeof *first);
	int *sweeps = xcalloc(t->nrows ? t->nrows : 1, sizeof *sweeps);
	for (size_t r = 0; r < t->nrows; r++) {
		const struct summary_row *x = &t->rows[r];
		if (strcmp(x->unit, unit) || !summary_measured(t, r))
			continue;
		size_t f = key_index_put(&fams, &x->family, 1, r);
		if (f == r) {
			char key[64];
			size_t values;
			sweeps[f] = summary_sweep(t, x->family, unit, key,
						  sizeof key, &values);
		}
		if (x->param[0] && !first[f])
			first[f] = x->param;
		shown[r] =
		    !x->param[0] || (!sweeps[f] && !strcmp(first[f], x->param));
	}
	key_index_free(&fams);
	free(first);
	free(sweeps);
	return shown;
}

static void overview_line(struct sbuf *sb, const struct summary_table *t,
			  size_t r, int fams)
{
	static const char *const names[] = {"baseline", "Go to C",
					    "Go to C to Go", "C to Go"};
	const struct summary_row *x = &t->rows[r];
	int d = direction(x->variant, x->baseline);
	int ntc = t->ntoolchains > 1;
	sbuf_addf(sb, "\"%s%s%s%s%s%s%s\"\t\"%s\"\t%d\t%.17g\t%.17g\t%.17g\n",
		  fams ? x->family : "", fams ? ": " : "", x->variant,
		  x->param[0] ? " " : "", x->param, ntc ? " " : "",
		  ntc ? x->toolchain : "", names[d], d, x->s.median,
		  x->s.ci_low, x->s.ci_high);
}

void charts_overview(const struct summary_table *t, const char *unit,
		     struct sbuf *sb)
{
	int fams = count_families(t, unit) > 1;
	char *shown = overview_rows(t, unit);
	/* the crossings shown of each baseline (family, toolchain and
	 * variant), chained in order: next[r] is the one after r */
	struct key_index heads = {0};
	size_t *next = xmalloc((t->nrows + 1) * sizeof *next),
	       *tail = xmalloc((t->nrows + 1) * sizeof *tail), none = t->nrows;
	for (size_t r = 0; r < t->nrows; r++) {
		next[r] = none;
		const struct summary_row *y = &t->rows[r];
		if (!shown[r] || !y->baseline)
			continue;
		const char *k[] = {y->family, y->toolchain, y->baseline};
		size_t h = key_index_put(&heads, k, 3, r);
		if (h != r)
			next[tail[h]] = r;
		tail[h] = r;
	}
	sbuf_addstr(sb, "# label\tdirection\tgroup\tmedian\tci_low\tci_high\n");
	/* each baseline, then the crossings measured against it */
	for (size_t b = 0; b < t->nrows; b++) {
		const struct summary_row *x = &t->rows[b];
		if (!shown[b] || x->baseline)
			continue;
		overview_line(sb, t, b, fams);
		const char *k[] = {x->family, x->toolchain, x->variant};
		long h = key_index_get(&heads, k, 3);
		for (size_t r = h < 0 ? none : (size_t)h; r != none;
		     r = next[r]) {
			overview_line(sb, t, r, fams);
			shown[r] = 2; /* written */
		}
	}
	/* crossings whose baseline is not shown */
	for (size_t r = 0; r < t->nrows; r++)
		if (shown[r] == 1 && t->rows[r].baseline)
			overview_line(sb, t, r, fams);
	key_index_free(&heads);
	free(next);
	free(tail);
	free(shown);
}

const struct series_chart charts_all_series[] = {
    {"batch", "batch", "batch", "n=", "ns/item",
     "Cost per item: one crossing per item or one per batch",
     "items per op (n, log scale)", 1},
    {"libraries", "libraries", "libraries", "bytes=", "ns/byte",
     "Time per byte: a C library through cgo, from C, and Go's own",
     "input size (bytes, log scale)", 1},
    {"blocking", "blocking", "blocking", "block_us=", "threads",
     "Threads grown by 64 calls blocking at once, by how long each blocks",
     "block time (µs, log scale)", 10},
    {"blocking", "pool", "pool", "pool=", "ns/op",
     "A burst of 64 calls through a pool of workers holding "
     "LockOSThread, by its size",
     "workers in the pool (log scale)", 1},
    {"scheduling", "cthreads", "scaling-cthreads", "threads=", "ns/callback",
     "One call on each of n threads made by C, to Go or to C (time of one "
     "call on one thread)",
     "threads made by C", 0},
    {"scheduling", "busy", "busy", "busy=", "ns/op",
     "One call while other goroutines compute", "other goroutines busy", 0},
    {"mainthread", "mainthread", "mainthread", "maps=", "ns/op",
     "A callback from C on the main thread, by the memory mappings added "
     "to the process",
     "memory mappings added (log scale)", 10},
    {"handles", "handles", "scaling-handles", "goroutines=", "ns/op",
     "A Go object handed to C and found again in a callback, as goroutines "
     "contend",
     "goroutines", 0},
    {"parallel", "parallel", "scaling-parallel", "goroutines=", "ns/op",
     "Calls from many goroutines at once (ns/op is wall time over all "
     "calls)",
     "goroutines", 0},
};
const size_t charts_nseries =
    sizeof charts_all_series / sizeof *charts_all_series;

const struct series_chart *charts_series_named(const char *data)
{
	for (size_t i = 0; i < charts_nseries; i++)
		if (!strcmp(charts_all_series[i].data, data))
			return &charts_all_series[i];
	return NULL;
}

size_t charts_series(const struct summary_table *t,
		     const struct series_chart *c, struct sbuf *sb)
{
	const char *family = c->family, *prefix = c->prefix, *unit = c->unit;
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
	sbuf_addf(sb,
		  "# chart %s\n# title %s\n# xlabel %s\n# logx %d\n# unit %s\n",
		  c->chart, c->title, c->xlabel, c->logx, unit);
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
			long r = summary_row_of(
			    t, family, t->rows[series[i]].variant,
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
	return nx;
}

void charts_toolchains(const struct summary_table *t, const char *unit,
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
		if (strcmp(t->rows[r].unit, unit) || t->rows[r].param[0] ||
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
				    !strcmp(t->rows[k].param, t->rows[r].param))
					break;
			if (k == t->nrows || !summary_measured(t, k))
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

/* A run's label in the machines chart: results/<machine>/<run> gives
 * both names, then the CPU and its cores. */
static char *machine_label(const char *run, const char *machine)
{
	char *cpu = machine_lookup(machine, "cpu");
	char *cores = machine_lookup(machine, "cores");
	char *dir = xstrdup(run), *label;
	size_t l = strlen(dir);
	while (l > 1 && dir[l - 1] == '/')
		dir[--l] = '\0';
	char *base = strrchr(dir, '/');
	if (base) {
		*base = '\0';
		char *parent = strrchr(dir, '/');
		label =
		    xasprintf("%s/%s (%s, %s cores)", parent ? parent + 1 : dir,
			      base + 1, cpu, cores);
	} else {
		label = xasprintf("%s (%s, %s cores)", dir, cpu, cores);
	}
	free(dir);
	free(cpu);
	free(cores);
	return label;
}

int charts_machines(const char *const *runs, size_t n, const char *unit,
		    struct sbuf *sb, char *err, size_t errlen)
{
	struct summary_table *ts = xcalloc(n, sizeof *ts);
	char **labels = xcalloc(n, sizeof *labels);
	const char **tc0 = xcalloc(n, sizeof *tc0);
	int rc = 0;
	size_t loaded = 0;
	for (; loaded < n && rc == 0; loaded++) {
		struct run_model f;
		rc = rundir_read(runs[loaded], &f, err, errlen);
		if (rc == 0) {
			labels[loaded] = machine_label(runs[loaded], f.machine);
			ts[loaded] = f.sum;
			memset(&f.sum, 0, sizeof f.sum);
			tc0[loaded] = ts[loaded].ntoolchains
					  ? ts[loaded].toolchains[0]
					  : "";
		}
		if (rc == 0)
			rundir_free(&f);
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
		struct key_index seen = {0}; /* the scenarios written */
		for (size_t i = 0; i < n; i++)
			for (size_t r = 0; r < ts[i].nrows; r++) {
				const struct summary_table *t = &ts[i];
				if (strcmp(t->rows[r].unit, unit) ||
				    t->rows[r].param[0] ||
				    strcmp(t->rows[r].toolchain, tc0[i]))
					continue;
				const char *key[] = {t->rows[r].family,
						     t->rows[r].variant};
				size_t before = seen.n;
				if (key_index_put(&seen, key, 2, before) !=
				    before)
					continue;
				sbuf_addf(sb, "\"%s: %s\"", t->rows[r].family,
					  t->rows[r].variant);
				for (size_t k = 0; k < n; k++) {
					long m = summary_row_of(
					    &ts[k], t->rows[r].family,
					    t->rows[r].variant, tc0[k], "",
					    unit);
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
		key_index_free(&seen);
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
