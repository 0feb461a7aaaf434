#include "raw.h"

#include "benchtxt.h"
#include "csv.h"
#include "util.h"

#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const columns[] = {"schema", "case",	 "variant", "toolchain",
				      "cc",	"param", "rep",	    "iters",
				      "unit",	"value", NULL};

void raw_add_header(struct sbuf *sb)
{
	csv_add_row(sb, columns, sizeof columns / sizeof *columns - 1);
}

void raw_add_row(struct sbuf *sb, const struct obs *o, long long iters)
{
	char schema[8], rep[16], it[24], val[32];
	snprintf(schema, sizeof schema, "%d", RAW_SCHEMA);
	snprintf(rep, sizeof rep, "%d", o->rep);
	snprintf(it, sizeof it, "%lld", iters);
	const char *f[] = {schema,     o->family,
			   o->variant, o->toolchain,
			   o->cc,      o->param,
			   rep,	       it,
			   o->unit,    csv_double(val, o->value)};
	csv_add_row(sb, f, sizeof f / sizeof *f);
}

int raw_format_transfer(const struct benchtxt_sample *s, size_t n,
			struct sbuf *sb)
{
	int any = 0;
	for (size_t i = 0; i < n; i++) {
		if (!(s[i].transfer > 0))
			continue;
		if (!any++)
			raw_add_header(sb);
		struct obs o = {.family = s[i].family,
				.variant = s[i].variant,
				.toolchain = s[i].toolchain,
				.cc = s[i].cc,
				.param = s[i].param,
				.unit = RAW_TRANSFER,
				.rep = s[i].rep,
				.value = s[i].transfer};
		raw_add_row(sb, &o, s[i].iters);
	}
	return any > 0;
}

/* s as one string of t's, the same pointer for the same text. */
static const char *keep(struct raw_table *t, struct key_index *kept,
			const char *s)
{
	size_t i = key_index_put(kept, &s, 1, t->nstrings);
	if (i != t->nstrings)
		return t->strings[i];
	if (!(t->nstrings & (t->nstrings - 1)))
		t->strings =
		    xrealloc(t->strings, (t->nstrings ? 2 * t->nstrings : 1) *
					     sizeof *t->strings);
	return t->strings[t->nstrings++] = xstrdup(s);
}

int raw_read(const char *path, struct raw_table *t, char *err, size_t errlen)
{
	memset(t, 0, sizeof *t);
	struct csv_table c;
	if (csv_read_file(path, &c, err, errlen) != 0)
		return -1;
	if (csv_require(&c, columns, err, errlen) != 0) {
		csv_free(&c);
		return -1;
	}
	int col[10];
	for (int i = 0; i < 10; i++)
		col[i] = csv_col(&c, columns[i]);
	int rc = 0;
	struct key_index kept = {0};
	t->obs = xcalloc(c.nrows, sizeof *t->obs);
	for (size_t r = 0; r < c.nrows && rc == 0; r++) {
		char **row = c.rows[r];
		long schema, rep;
		double value;
		if (parse_long(row[col[0]], &schema) != 0 ||
		    schema != RAW_SCHEMA)
			rc = set_error(
			    err, errlen,
			    "%s:%d: schema '%s', this cgobench reads %d", path,
			    c.lines[r], row[col[0]], RAW_SCHEMA);
		else if (parse_long(row[col[6]], &rep) != 0)
			rc = set_error(err, errlen, "%s:%d: bad rep '%s'", path,
				       c.lines[r], row[col[6]]);
		else if (parse_double(row[col[9]], &value) != 0 ||
			 !isfinite(value) || value < 0)
			/* a count, a time, bytes: never negative, never
			 * infinite or NaN */
			rc = set_error(err, errlen, "%s:%d: bad value '%s'",
				       path, c.lines[r], row[col[9]]);
		if (rc)
			break;
		struct obs *o = &t->obs[t->n++];
		o->family = keep(t, &kept, row[col[1]]);
		o->variant = keep(t, &kept, row[col[2]]);
		o->toolchain = keep(t, &kept, row[col[3]]);
		o->cc = keep(t, &kept, row[col[4]]);
		o->param = keep(t, &kept, row[col[5]]);
		o->unit = keep(t, &kept, row[col[8]]);
		o->rep = (int)rep;
		o->value = value;
	}
	csv_free(&c);
	key_index_free(&kept);
	if (rc)
		raw_free(t);
	return rc;
}

void raw_free(struct raw_table *t)
{
	for (size_t i = 0; i < t->nstrings; i++)
		free(t->strings[i]);
	free(t->strings);
	free(t->obs);
	memset(t, 0, sizeof *t);
}
