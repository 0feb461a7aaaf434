#include "side.h"

#include "csv.h"
#include "drift.h"
#include "load.h"
#include "machine.h"
#include "raw.h"
#include "stats.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *sum_baseline(void *ctx, const char *family,
				const char *variant)
{
	const struct side *s = ctx;
	const char *k[] = {family, variant};
	long r = key_index_get(&s->sum_variant, k, 2);
	return r < 0 ? NULL : s->sum.rows[r].baseline;
}

/* The indexes of a side's summary.csv. */
static void index_side(struct side *s)
{
	for (size_t r = 0; s->has_sum && r < s->sum.nrows; r++) {
		const struct summary_row *x = &s->sum.rows[r];
		const char *k[] = {x->family, x->variant,   x->param,
				   x->unit,   x->toolchain, x->cc};
		key_index_put(&s->sum_variant, k, 2, r);
		key_index_put(&s->sum_order, k, 4, r);
		key_index_put(&s->sum_key, k, 6, r);
	}
}

/* 1 when path is there, 0 when it is not, -1 with err set when that
 * cannot be told (a directory that cannot be searched, a link loop). */
static int findable(const char *path, char *err, size_t errlen)
{
	struct stat st;
	if (stat(path, &st) == 0)
		return 1;
	if (errno == ENOENT)
		return 0;
	return set_error(err, errlen, "cannot read '%s': %s", path,
			 strerror(errno));
}

/* The indexes of a side's rows compared. */
static void index_rows(struct side *s)
{
	for (size_t r = 0; r < s->nrows; r++) {
		const struct summary_row *x = &s->rows[r];
		const char *k[] = {x->family, x->variant,   x->param,
				   x->unit,   x->toolchain, x->cc};
		key_index_put(&s->by_key, k, 6, r);
		key_index_put(&s->by_key_any, k, 4, r);
	}
}

static int csv_has(const char *path, const char *col)
{
	struct csv_table t;
	char err[ERRLEN];
	if (csv_read_file(path, &t, err, sizeof err) != 0)
		return 0;
	int has = csv_col(&t, col) >= 0;
	csv_free(&t);
	return has;
}

/* The path of the file name in the directory of file, to free. */
static char *beside(const char *file, const char *name)
{
	const char *slash = strrchr(file, '/');
	return slash ? xasprintf("%.*s/%s", (int)(slash - file), file, name)
		     : xstrdup(name);
}

/* machine.txt in a run directory, or beside a CSV of one; NULL when
 * there is none, or, with a warning that says why, when it is there but
 * cannot be read (a FIFO, a directory, a NUL byte). */
static char *machine_of(const char *path)
{
	char *p = path_is_dir(path) ? xasprintf("%s/machine.txt", path)
				    : beside(path, "machine.txt"),
	     *text, err[ERRLEN];
	struct stat st;
	if (file_read(p, &text, NULL, err, sizeof err) != 0) {
		text = NULL;
		if (lstat(p, &st) == 0)
			fprintf(stderr,
				"cgobench: warning: %s; compare reads the run "
				"as one without machine.txt\n",
				err);
	}
	free(p);
	return text;
}

/* Whether machine.txt (NULL: none) says its run's machine was busy: the
 * load of other processes or the hypervisor, averaged over the samples,
 * that of a CPU-bound process sharing the CPUs part of the time (a
 * load it does not give, "unknown", is none). */
static int ran_busy(const char *machine)
{
	char *others = machine_lookup(machine, "load-others"),
	     *steal = machine_lookup(machine, "load-steal");
	int busy = load_busy(atof(others), atof(steal));
	free(others);
	free(steal);
	return busy;
}

/* Whether family, of the run s (a struct side), ran pinned to one CPU:
 * machine.txt names a CPU, and family is not among those it ran
 * unpinned ("unpinned: GOMAXPROCS=2, no pinning: handles,parallel,
 * threads"). There a load only slows its time and leaves its B/op and
 * allocs/op alone. Spread over every CPU, a contended family can run
 * faster beside a load, with fewer of its threads contending
 * (busy-bound's `handles` rows at 2 goroutines took 207 ns against 374
 * ns quiet, docs/precision.md item 12), and allocate otherwise. */
static int pinned_name(const void *side, const char *family)
{
	const struct side *s = side;
	if (strncmp(s->pinned, "cpu ", 4))
		return 0;
	const char *list = strrchr(s->unpinned, ':');
	list = list ? list + 1 : s->unpinned;
	size_t n = strlen(family);
	for (const char *p = list; *p;) {
		p += strspn(p, " ,");
		size_t len = strcspn(p, ",");
		if (len == n && !strncmp(p, family, n))
			return 0;
		p += len;
	}
	return 1;
}

int side_pinned_family(const struct side *s, const struct summary_row *r)
{
	return pinned_name(s, r->family);
}

int side_pinned_in_both(const struct side *os, const struct summary_row *a,
			const struct side *ns, const struct summary_row *b)
{
	return side_pinned_family(os, a) && side_pinned_family(ns, b);
}

/* transfer.csv beside raw (raw.csv's path) into s, when it is there;
 * -1 with err set when it is, but cannot be read or holds another unit. */
static int load_transfer(struct side *s, const char *raw, char *err,
			 size_t errlen)
{
	char *p = beside(raw, RAW_TRANSFER_FILE);
	int rc = findable(p, err, errlen);
	if (rc > 0)
		rc = raw_read(p, &s->transfer, err, errlen);
	for (size_t i = 0; rc == 0 && i < s->transfer.n; i++)
		if (strcmp(s->transfer.obs[i].unit, RAW_TRANSFER))
			rc = set_error(err, errlen,
				       "'%s': a row of unit '%s' (%s holds "
				       "%s alone)",
				       p, s->transfer.obs[i].unit,
				       RAW_TRANSFER_FILE, RAW_TRANSFER);
	if (rc == 0 && s->transfer.n) {
		s->has_transfer = 1;
		summary_compute(s->transfer.obs, s->transfer.n, NULL, NULL,
				&s->trows, &s->ntrows, &s->tsamples);
		for (size_t r = 0; r < s->ntrows; r++) {
			const struct summary_row *x = &s->trows[r];
			const char *k[] = {x->family, x->variant, x->param,
					   x->toolchain, x->cc};
			key_index_put(&s->tkey, k, 5, r);
		}
	}
	free(p);
	return rc < 0 ? -1 : 0;
}

size_t side_transfer(const struct side *s, const struct summary_row *r,
		     const double **v, const int **reps)
{
	const char *k[] = {r->family, r->variant, r->param, r->toolchain,
			   r->cc};
	long i = s->has_transfer ? key_index_get(&s->tkey, k, 5) : -1;
	if (i < 0)
		return 0;
	*v = s->tsamples.values[i];
	*reps = s->tsamples.reps[i];
	return s->tsamples.count[i];
}

/* The samples of r, a row of s, paired with the transfer each met (by
 * repetition), appended to x (figures) and t (transfers) from *n on;
 * how many were. */
static size_t paired_transfer(const struct side *s, const struct summary_row *r,
			      double *x, double *t, size_t *n)
{
	const double *tv;
	const int *tr;
	size_t nt = side_transfer(s, r, &tv, &tr), from = *n;
	if (!nt || !s->has_raw)
		return 0;
	size_t i = (size_t)(r - s->rows);
	for (size_t k = 0; k < s->samples.count[i]; k++)
		for (size_t j = 0; j < nt; j++)
			if (tr[j] == s->samples.reps[i][k]) {
				x[*n] = s->samples.values[i][k];
				t[(*n)++] = tv[j];
				break;
			}
	return *n - from;
}

/* Whether the n transfers t fall in two placements: two groups
 * (stats_two_groups) whose medians lie MACHINE_PLACED times apart or
 * more, not one placement's jitter (a run's 320 to 416 ns against
 * another's 381 to 417). */
static int two_placements(const double *t, size_t n)
{
	struct stats_groups g;
	return stats_two_groups(t, n, &g) &&
	       g.med[1] >= MACHINE_PLACED * g.med[0];
}

struct side_placed side_placed(const struct side *os,
			       const struct summary_row *a,
			       const struct side *ns,
			       const struct summary_row *b, double alpha)
{
	struct side_placed p = {0, 0, NAN, NAN, NAN, NAN};
	size_t room = (os->has_raw ? os->samples.count[a - os->rows] : 0) +
		      (ns->has_raw ? ns->samples.count[b - ns->rows] : 0) + 1;
	double *x = xcalloc(room, sizeof *x), *t = xcalloc(room, sizeof *t);
	size_t n = 0, no = paired_transfer(os, a, x, t, &n),
	       nn = paired_transfer(ns, b, x, t, &n);
	p.known = no >= SIDE_PLACED_N && nn >= SIDE_PLACED_N;
	if (p.known) {
		p.r = stats_correlation(x, t, n);
		p.p = stats_mann_whitney(t, no, t + no, nn, NULL);
		p.old_med = stats_median(t, no);
		p.new_med = stats_median(t + no, nn);
		p.placed =
		    p.r >= SIDE_PLACED_R && p.p < alpha && two_placements(t, n);
	}
	free(x);
	free(t);
	return p;
}

int side_load(struct side *s, const char *path, char *err, size_t errlen)
{
	memset(s, 0, sizeof *s);
	s->path = path;
	s->machine = machine_of(path);
	s->busy = ran_busy(s->machine);
	s->pinned = machine_lookup(s->machine, "pinned");
	s->unpinned = machine_lookup(s->machine, "unpinned");
	char *raw = NULL, *sum = NULL;
	if (path_is_dir(path)) {
		raw = xasprintf("%s/raw.csv", path);
		sum = xasprintf("%s/summary.csv", path);
		int has = findable(raw, err, errlen);
		if (has < 0 || findable(sum, err, errlen) < 0) {
			free(raw);
			free(sum);
			return -1;
		}
		if (!has) {
			free(raw);
			raw = NULL;
		}
	} else if (!path_exists(path)) {
		return set_error(err, errlen, "no such run: '%s'", path);
	} else if (csv_has(path, "rep")) {
		raw = xstrdup(path);
		sum = beside(path, "summary.csv");
	} else {
		sum = xstrdup(path);
	}
	int rc = 0;
	if (sum && path_exists(sum)) {
		rc = summary_read(sum, &s->sum, err, errlen);
		s->has_sum = rc == 0;
		index_side(s);
	}
	if (rc == 0 && raw) {
		rc = raw_read(raw, &s->raw, err, errlen);
		s->has_raw = rc == 0;
		/* a run that took the drift off its summary: its samples
		 * are read the same way */
		char *drift = machine_lookup(s->machine, "drift");
		if (rc == 0 && !strncmp(drift, "corrected", 9))
			drift_correct(s->raw.obs, s->raw.n, pinned_name, s);
		free(drift);
		if (rc == 0)
			summary_compute(s->raw.obs, s->raw.n, sum_baseline, s,
					&s->rows, &s->nrows, &s->samples);
		if (rc == 0)
			rc = load_transfer(s, raw, err, errlen);
	} else if (rc == 0 && s->has_sum) {
		s->rows = s->sum.rows;
		s->nrows = s->sum.nrows;
	} else if (rc == 0) {
		rc = set_error(err, errlen,
			       "'%s' has neither raw.csv nor summary.csv (want "
			       "a run directory or one of its CSVs)",
			       path);
	}
	if (rc == 0)
		index_rows(s);
	struct stat st;
	if (s->has_raw && stat(raw, &st) == 0) {
		s->raw_dev = st.st_dev;
		s->raw_ino = st.st_ino;
	}
	if (s->has_sum && stat(sum, &st) == 0) {
		s->sum_dev = st.st_dev;
		s->sum_ino = st.st_ino;
	}
	free(raw);
	free(sum);
	return rc;
}

int side_same_run(const struct side *a, const struct side *b)
{
	return (a->raw_ino && a->raw_dev == b->raw_dev &&
		a->raw_ino == b->raw_ino) ||
	       (a->sum_ino && a->sum_dev == b->sum_dev &&
		a->sum_ino == b->sum_ino);
}

void side_free(struct side *s)
{
	if (s->has_raw) {
		summary_free(s->rows, s->nrows);
		raw_free(&s->raw);
	}
	if (s->has_sum)
		summary_table_free(&s->sum);
	key_index_free(&s->by_key);
	key_index_free(&s->by_key_any);
	key_index_free(&s->sum_variant);
	key_index_free(&s->sum_order);
	key_index_free(&s->sum_key);
	summary_samples_free(&s->samples);
	if (s->has_transfer)
		summary_free(s->trows, s->ntrows);
	summary_samples_free(&s->tsamples);
	key_index_free(&s->tkey);
	raw_free(&s->transfer);
	free(s->machine);
	free(s->pinned);
	free(s->unpinned);
}

int side_one_toolchain(const struct side *s)
{
	for (size_t i = 1; i < s->nrows; i++)
		if (strcmp(s->rows[i].toolchain, s->rows[0].toolchain) ||
		    strcmp(s->rows[i].cc, s->rows[0].cc))
			return 0;
	return 1;
}

const struct summary_row *side_match(const struct side *s,
				     const struct summary_row *r, int any_tc)
{
	const char *k[] = {r->family, r->variant,   r->param,
			   r->unit,   r->toolchain, r->cc};
	long i = key_index_get(any_tc ? &s->by_key_any : &s->by_key, k,
			       any_tc ? 4 : 6);
	return i < 0 ? NULL : &s->rows[i];
}

const struct summary_row *side_baseline_row(const struct side *s,
					    const struct summary_row *r)
{
	const char *k[] = {r->family, r->baseline,  r->param,
			   r->unit,   r->toolchain, r->cc};
	long same = key_index_get(&s->by_key, k, 6);
	if (same < 0) {
		k[2] = "";
		same = key_index_get(&s->by_key, k, 6);
	}
	return same < 0 ? NULL : &s->rows[same];
}

double *side_samples(const struct side *s, const struct summary_row *r,
		     size_t *n)
{
	size_t i = (size_t)(r - s->rows);
	*n = s->samples.count[i];
	double *v = xmalloc((*n ? *n : 1) * sizeof *v);
	memcpy(v, s->samples.values[i], *n * sizeof *v);
	return v;
}

const struct summary_row *side_summary_of(const struct side *s,
					  const struct summary_row *r)
{
	const char *k[] = {r->family, r->variant,   r->param,
			   r->unit,   r->toolchain, r->cc};
	long i = s->has_sum ? key_index_get(&s->sum_key, k, 6) : -1;
	return i >= 0 ? &s->sum.rows[i] : NULL;
}

const char *side_toolchain_label(const struct side *s, char *buf, size_t len)
{
	if (!s->nrows)
		return "";
	snprintf(buf, len, "%s %s%s", s->rows[0].toolchain, s->rows[0].cc,
		 side_one_toolchain(s) ? "" : " and others");
	return buf;
}

void side_only_in(const struct side *a, const struct side *b, int any_tc,
		  char ***names, size_t *n)
{
	/* the benchmarks of a that b has in some unit */
	struct key_index both = {0}, seen = {0};
	for (size_t i = 0; i < a->nrows; i++) {
		const struct summary_row *r = &a->rows[i];
		const char *k[] = {r->family, r->variant, r->param,
				   any_tc ? "" : r->toolchain};
		if (side_match(b, r, any_tc))
			key_index_put(&both, k, 4, i);
	}
	*names = NULL;
	*n = 0;
	for (size_t i = 0; i < a->nrows; i++) {
		const struct summary_row *r = &a->rows[i];
		if (side_match(b, r, any_tc))
			continue;
		const char *k[] = {r->family, r->variant, r->param,
				   any_tc ? "" : r->toolchain, ""};
		/* a unit of a benchmark both have is named with its unit */
		int unit = key_index_get(&both, k, 4) >= 0;
		k[4] = unit ? r->unit : "";
		if (key_index_put(&seen, k, 5, *n) != *n)
			continue;
		*names = xrealloc(*names, (*n + 1) * sizeof **names);
		(*names)[(*n)++] = xasprintf(
		    "%s %s%s%s%s%s%s%s%s", r->family, r->variant,
		    r->param[0] ? " " : "", r->param, any_tc ? "" : " ",
		    any_tc ? "" : r->toolchain, unit ? " (" : "",
		    unit ? r->unit : "", unit ? ")" : "");
	}
	key_index_free(&both);
	key_index_free(&seen);
	if (*n)
		qsort(*names, *n, sizeof **names, str_ptr_cmp);
}

void side_names_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}
