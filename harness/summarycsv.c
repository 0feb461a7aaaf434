/* summary.csv: its columns, one list that the writer and the reader
 * share, and the table a summary.csv is read into (summary.h). */
#include "summary.h"

#include "csv.h"
#include "util.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const summary_status_names[SUMMARY_NSTATUS] = {
    "ok",      "wide",	  "incomplete", "failed",
    "skipped", "deleted", "disturbed",	"spread"};

/* How a column is written and read. */
enum col_kind {
	COL_SCHEMA,
	COL_TEXT,     /* a const char * of the row */
	COL_OPTIONAL, /* the same, NULL for "" */
	COL_COUNT,    /* s.n */
	COL_SAMPLES,  /* a double, "" when the row has no samples */
	COL_SPREAD,   /* the same, NaN when an older summary.csv lacks it */
	COL_BASELINE, /* a double, "" when no baseline was found */
	COL_LOAD,     /* a factor, "" for 0 (unknown); absent from older */
	COL_STATUS,
	COL_NOTE
};

#define AT(field) offsetof(struct summary_row, field)

/* summary.csv's columns, in order: the one list the writer, the reader
 * and summary_columns share. */
#define COLUMNS(X)                                                             \
	X("schema", COL_SCHEMA, 0)                                             \
	X("case", COL_TEXT, AT(family))                                        \
	X("variant", COL_TEXT, AT(variant))                                    \
	X("toolchain", COL_TEXT, AT(toolchain))                                \
	X("cc", COL_TEXT, AT(cc))                                              \
	X("param", COL_TEXT, AT(param))                                        \
	X("unit", COL_TEXT, AT(unit))                                          \
	X("n", COL_COUNT, AT(s.n))                                             \
	X("median", COL_SAMPLES, AT(s.median))                                 \
	X("min", COL_SAMPLES, AT(s.min))                                       \
	X("max", COL_SAMPLES, AT(s.max))                                       \
	X("q1", COL_SPREAD, AT(s.q1))                                          \
	X("q3", COL_SPREAD, AT(s.q3))                                          \
	X("ci_low", COL_SAMPLES, AT(s.ci_low))                                 \
	X("ci_high", COL_SAMPLES, AT(s.ci_high))                               \
	X("ci_level", COL_SAMPLES, AT(s.ci_level))                             \
	X("baseline", COL_OPTIONAL, AT(baseline))                              \
	X("baseline_median", COL_BASELINE, AT(baseline_median))                \
	X("overhead", COL_BASELINE, AT(d.diff))                                \
	X("overhead_ci_low", COL_BASELINE, AT(d.diff_low))                     \
	X("overhead_ci_high", COL_BASELINE, AT(d.diff_high))                   \
	X("ratio", COL_BASELINE, AT(d.ratio))                                  \
	X("ratio_ci_low", COL_BASELINE, AT(d.ratio_low))                       \
	X("ratio_ci_high", COL_BASELINE, AT(d.ratio_high))                     \
	X("load_bound", COL_LOAD, AT(load_bound))                              \
	X("status", COL_STATUS, AT(status))                                    \
	X("note", COL_NOTE, AT(note))

static const struct column {
	const char *name;
	enum col_kind kind;
	size_t at;
} columns[] = {
#define AS_COLUMN(name, kind, at) {name, kind, at},
    COLUMNS(AS_COLUMN)
#undef AS_COLUMN
};
#define NCOLUMNS (sizeof columns / sizeof *columns)

const char *const summary_columns[NCOLUMNS + 1] = {
#define AS_NAME(name, kind, at) name,
    COLUMNS(AS_NAME)
#undef AS_NAME
	NULL};

static void *field_of(struct summary_row *r, const struct column *c)
{
	return (char *)r + c->at;
}

static const void *cfield_of(const struct summary_row *r,
			     const struct column *c)
{
	return (const char *)r + c->at;
}

/* One field of a row as summary.csv has it; buf holds numbers. */
static const char *format_field(const struct summary_row *r,
				const struct column *c, char buf[32])
{
	const void *f = cfield_of(r, c);
	switch (c->kind) {
	case COL_SCHEMA: snprintf(buf, 32, "%d", SUMMARY_SCHEMA); return buf;
	case COL_TEXT: return *(const char *const *)f;
	case COL_OPTIONAL:
	case COL_NOTE: {
		const char *s = *(const char *const *)f;
		return s ? s : "";
	}
	case COL_COUNT: snprintf(buf, 32, "%zu", r->s.n); return buf;
	case COL_SAMPLES:
	case COL_SPREAD:
		return csv_double(buf, r->s.n > 0 ? *(const double *)f : NAN);
	case COL_BASELINE:
		return csv_double(buf,
				  r->baseline_found ? *(const double *)f : NAN);
	case COL_LOAD:
		return csv_double(buf, r->load_bound > 0 ? r->load_bound : NAN);
	case COL_STATUS: return summary_status_names[r->status];
	}
	return "";
}

/* Whether a row has its quartiles, or its load bound: every row a run
 * writes (every row of time, for the bound); none of a summary.csv read
 * back from before they were written. */
static int has_kind(const struct summary_row *rows, size_t n,
		    enum col_kind kind)
{
	for (size_t i = 0; i < n; i++)
		if (kind == COL_SPREAD ? rows[i].s.n > 0 && !isnan(rows[i].s.q1)
				       : rows[i].load_bound > 0)
			return 1;
	return 0;
}

/* The columns that an older summary.csv may lack. */
static int optional_kind(enum col_kind kind)
{
	return kind == COL_SPREAD || kind == COL_LOAD;
}

void summary_format_csv(const struct summary_row *rows, size_t n,
			struct sbuf *sb)
{
	/* the columns written: q1, q3 and load_bound only where known, so
	 * that an older summary.csv is written back as it was */
	size_t cols[NCOLUMNS], nc = 0;
	for (size_t k = 0; k < NCOLUMNS; k++)
		if (!optional_kind(columns[k].kind) ||
		    has_kind(rows, n, columns[k].kind))
			cols[nc++] = k;
	char bufs[NCOLUMNS][32];
	const char *f[NCOLUMNS];
	for (size_t k = 0; k < nc; k++)
		f[k] = columns[cols[k]].name;
	csv_add_row(sb, f, nc);
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < nc; k++)
			f[k] =
			    format_field(&rows[i], &columns[cols[k]], bufs[k]);
		csv_add_row(sb, f, nc);
	}
}

int summary_require(const struct csv_table *t, char *err, size_t errlen)
{
	const char *required[NCOLUMNS + 1];
	size_t n = 0;
	for (size_t k = 0; k < NCOLUMNS; k++)
		if (!optional_kind(columns[k].kind))
			required[n++] = columns[k].name;
	required[n] = NULL;
	return csv_require(t, required, err, errlen);
}

/* Reads one field of a summary.csv row into r. */
static int read_field(struct summary_row *r, const struct column *c, char *text,
		      const struct csv_table *t, size_t row, char *err,
		      size_t errlen)
{
	void *f = field_of(r, c);
	long v;
	switch (c->kind) {
	case COL_SCHEMA:
		if (parse_long(text, &v) != 0 || v != SUMMARY_SCHEMA)
			return set_error(err, errlen,
					 "%s:%d: schema '%s', this cgobench "
					 "reads %d",
					 t->source, t->lines[row], text,
					 SUMMARY_SCHEMA);
		return 0;
	case COL_TEXT: *(const char **)f = text; return 0;
	case COL_OPTIONAL: *(const char **)f = text[0] ? text : NULL; return 0;
	case COL_NOTE: *(char **)f = text[0] ? xstrdup(text) : NULL; return 0;
	case COL_COUNT:
		if (parse_long(text, &v) != 0 || v < 0)
			return set_error(err, errlen, "%s:%d: bad n '%s'",
					 t->source, t->lines[row], text);
		r->s.n = (size_t)v;
		return 0;
	case COL_SAMPLES:
	case COL_SPREAD:
	case COL_BASELINE:
		*(double *)f = NAN;
		/* a figure is finite; one of the samples' is not negative */
		if (text[0] && (parse_double(text, (double *)f) != 0 ||
				!isfinite(*(double *)f) ||
				(c->kind != COL_BASELINE && *(double *)f < 0)))
			return set_error(err, errlen, "%s:%d: bad %s '%s'",
					 t->source, t->lines[row], c->name,
					 text);
		if (c->kind == COL_BASELINE && text[0])
			r->baseline_found = 1;
		return 0;
	case COL_LOAD:
		r->load_bound = 0;
		if (text[0] && (parse_double(text, &r->load_bound) != 0 ||
				!(r->load_bound >= 1) || isinf(r->load_bound)))
			return set_error(err, errlen,
					 "%s:%d: bad load_bound '%s' (a factor "
					 "of 1 or more)",
					 t->source, t->lines[row], text);
		return 0;
	case COL_STATUS:
		for (int s = 0; s < SUMMARY_NSTATUS; s++)
			if (!strcmp(text, summary_status_names[s])) {
				*(enum summary_status *)f = s;
				return 0;
			}
		return set_error(err, errlen, "%s:%d: bad status '%s'",
				 t->source, t->lines[row], text);
	}
	return 0;
}

static void add_toolchain(struct summary_table *t, const char *tc)
{
	for (size_t i = 0; i < t->ntoolchains; i++)
		if (!strcmp(t->toolchains[i], tc))
			return;
	t->toolchains = xrealloc(t->toolchains,
				 (t->ntoolchains + 1) * sizeof *t->toolchains);
	t->toolchains[t->ntoolchains++] = tc;
}

/* The index of each key's first row. */
static void index_table(struct summary_table *t)
{
	t->first = xcalloc(1, sizeof *t->first);
	for (size_t r = 0; r < t->nrows; r++) {
		const struct summary_row *x = &t->rows[r];
		const char *k[] = {x->family, x->variant, x->toolchain,
				   x->param, x->unit};
		key_index_put(t->first, k, 5, r);
	}
}

/* The rows of a parsed summary.csv; t->csv is set. */
static int read_rows(struct summary_table *t, char *err, size_t errlen)
{
	const struct csv_table *c = t->csv;
	if (summary_require(c, err, errlen) != 0)
		return -1;
	int col[NCOLUMNS];
	for (size_t k = 0; k < NCOLUMNS; k++)
		col[k] = csv_col(c, columns[k].name);
	t->rows = xcalloc(c->nrows + 1, sizeof *t->rows);
	for (size_t r = 0; r < c->nrows; r++) {
		struct summary_row *row = &t->rows[t->nrows++];
		for (size_t k = 0; k < NCOLUMNS; k++)
			if (read_field(row, &columns[k],
				       col[k] < 0 ? "" : c->rows[r][col[k]], c,
				       r, err, errlen) != 0)
				return -1;
		row->baseline_found &= row->baseline != NULL;
		add_toolchain(t, row->toolchain);
	}
	index_table(t);
	return 0;
}

void summary_table_of(struct summary_table *t, struct summary_row *rows,
		      size_t n)
{
	memset(t, 0, sizeof *t);
	t->rows = rows;
	t->nrows = n;
	for (size_t i = 0; i < n; i++)
		add_toolchain(t, rows[i].toolchain);
	index_table(t);
}

int summary_parse(const char *text, const char *source, struct summary_table *t,
		  char *err, size_t errlen)
{
	memset(t, 0, sizeof *t);
	t->csv = xcalloc(1, sizeof *t->csv);
	if (csv_parse(text, source, t->csv, err, errlen) != 0) {
		free(t->csv);
		t->csv = NULL;
		return -1;
	}
	if (read_rows(t, err, errlen) != 0) {
		summary_table_free(t);
		return -1;
	}
	return 0;
}

int summary_read(const char *path, struct summary_table *t, char *err,
		 size_t errlen)
{
	char *text;
	memset(t, 0, sizeof *t);
	if (file_read(path, &text, NULL, err, errlen) != 0)
		return -1;
	int rc = summary_parse(text, path, t, err, errlen);
	free(text);
	return rc;
}

void summary_table_free(struct summary_table *t)
{
	summary_free(t->rows, t->nrows);
	free(t->toolchains);
	if (t->first) {
		key_index_free(t->first);
		free(t->first);
	}
	if (t->csv) {
		csv_free(t->csv);
		free(t->csv);
	}
	memset(t, 0, sizeof *t);
}
