#include "csv.h"

#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void add_field(struct sbuf *sb, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		sbuf_addstr(sb, s);
		return;
	}
	sbuf_add(sb, "\"", 1);
	for (; *s; s++) {
		if (*s == '"')
			sbuf_add(sb, "\"", 1);
		sbuf_add(sb, s, 1);
	}
	sbuf_add(sb, "\"", 1);
}

void csv_add_row(struct sbuf *sb, const char *const *fields, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			sbuf_add(sb, ",", 1);
		add_field(sb, fields[i] ? fields[i] : "");
	}
	sbuf_add(sb, "\n", 1);
}

int csv_write_row(FILE *f, const char *const *fields, size_t n)
{
	struct sbuf sb = {0};
	csv_add_row(&sb, fields, n);
	int rc = fwrite(sb.buf, 1, sb.len, f) == sb.len ? 0 : -1;
	sbuf_free(&sb);
	return rc;
}

const char *csv_double(char *buf, double v)
{
	if (isnan(v))
		buf[0] = '\0';
	else
		snprintf(buf, 32, "%.17g", v);
	return buf;
}

/* Reads one record starting at *p; advances *p past its line end. */
static int parse_record(const char **p, int *line, const char *source,
			char ***out, size_t *nout, char *err, size_t errlen)
{
	const char *s = *p;
	char **f = NULL;
	size_t n = 0;
	int quote_line = *line;
	for (;;) {
		struct sbuf field = {0};
		sbuf_add(&field, "", 0);
		if (*s == '"') {
			quote_line = *line;
			s++;
			for (;;) {
				if (*s == '\0') {
					sbuf_free(&field);
					goto unterminated;
				}
				if (*s == '"' && s[1] == '"') {
					sbuf_add(&field, "\"", 1);
					s += 2;
				} else if (*s == '"') {
					s++;
					break;
				} else {
					if (*s == '\n')
						(*line)++;
					sbuf_add(&field, s++, 1);
				}
			}
			if (*s != ',' && *s != '\n' && *s != '\r' && *s) {
				sbuf_free(&field);
				goto stray;
			}
		} else {
			while (*s && *s != ',' && *s != '\n' && *s != '\r') {
				if (*s == '"') {
					sbuf_free(&field);
					goto stray;
				}
				sbuf_add(&field, s++, 1);
			}
		}
		f = xrealloc(f, (n + 1) * sizeof *f);
		f[n++] = field.buf;
		if (*s == ',') {
			s++;
			continue;
		}
		if (*s == '\r')
			s++;
		if (*s == '\n')
			s++;
		break;
	}
	*p = s;
	*out = f;
	*nout = n;
	return 0;
unterminated:
	set_error(err, errlen, "%s:%d: unterminated quoted field", source,
		  quote_line);
	goto fail;
stray:
	set_error(err, errlen, "%s:%d: stray quote in field %zu", source, *line,
		  n + 1);
fail:
	for (size_t i = 0; i < n; i++)
		free(f[i]);
	free(f);
	return -1;
}

int csv_parse(const char *text, const char *source, struct csv_table *t,
	      char *err, size_t errlen)
{
	memset(t, 0, sizeof *t);
	t->source = xstrdup(source);
	const char *p = text;
	int line = 1;
	if (!*p) {
		csv_free(t);
		return set_error(err, errlen,
				 "%s:1: empty file, want a header row", source);
	}
	if (parse_record(&p, &line, source, &t->header, &t->ncols, err,
			 errlen) != 0) {
		csv_free(t);
		return -1;
	}
	while (*p) {
		line++;
		int start = line;
		if (*p == '\n' || (*p == '\r' && p[1] == '\n')) {
			p += *p == '\r' ? 2 : 1;
			continue; /* a blank line, e.g. at the end */
		}
		char **row;
		size_t n;
		if (parse_record(&p, &line, source, &row, &n, err, errlen) !=
		    0) {
			csv_free(t);
			return -1;
		}
		if (n != t->ncols) {
			for (size_t i = 0; i < n; i++)
				free(row[i]);
			free(row);
			set_error(err, errlen,
				  "%s:%d: %zu fields, the header has %zu",
				  source, start, n, t->ncols);
			csv_free(t);
			return -1;
		}
		t->rows = xrealloc(t->rows, (t->nrows + 1) * sizeof *t->rows);
		t->lines =
		    xrealloc(t->lines, (t->nrows + 1) * sizeof *t->lines);
		t->rows[t->nrows] = row;
		t->lines[t->nrows] = start;
		t->nrows++;
	}
	return 0;
}

int csv_read_file(const char *path, struct csv_table *t, char *err,
		  size_t errlen)
{
	char *text;
	if (file_read(path, &text, NULL, err, errlen) != 0)
		return -1;
	int rc = csv_parse(text, path, t, err, errlen);
	free(text);
	return rc;
}

int csv_col(const struct csv_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (!strcmp(t->header[i], name))
			return (int)i;
	return -1;
}

int csv_require(const struct csv_table *t, const char *const *names, char *err,
		size_t errlen)
{
	for (; *names; names++)
		if (csv_col(t, *names) < 0)
			return set_error(err, errlen, "%s:1: no column '%s'",
					 t->source, *names);
	return 0;
}

void csv_free(struct csv_table *t)
{
	for (size_t i = 0; i < t->ncols; i++)
		free(t->header[i]);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t i = 0; i < t->ncols; i++)
			free(t->rows[r][i]);
		free(t->rows[r]);
	}
	free(t->header);
	free(t->rows);
	free(t->lines);
	free(t->source);
	memset(t, 0, sizeof *t);
}
