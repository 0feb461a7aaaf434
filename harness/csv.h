/* csv: RFC 4180 CSV, written and read back.
 *
 * The writer quotes a field only when it holds a comma, quote, CR or LF,
 * and formats doubles with %.17g so that a value read back is the value
 * written. The reader takes a whole file with a header row and rejects a
 * row whose field count differs from the header's, or a stray quote, with
 * an error naming file:line. A struct csv_table owns its strings. */
#ifndef CGOBENCH_CSV_H
#define CGOBENCH_CSV_H

#include <stdio.h>
#include <stddef.h>

/* Writes one row and a newline; returns -1 on a write error. */
int csv_write_row(FILE *f, const char *const *fields, size_t n);
/* Appends one row to a string buffer instead. */
struct sbuf;
void csv_add_row(struct sbuf *sb, const char *const *fields, size_t n);
/* %.17g into buf (at least 32 bytes); "" for NaN, the way a missing
 * value is written. */
const char *csv_double(char *buf, double v);

struct csv_table {
	char *source; /* the file name, for error messages */
	size_t ncols;
	char **header;
	size_t nrows;
	char ***rows; /* rows[i][j] */
	int *lines;   /* the line in the file where row i starts */
};

int csv_parse(const char *text, const char *source, struct csv_table *t,
	      char *err, size_t errlen);
int csv_read_file(const char *path, struct csv_table *t, char *err,
		  size_t errlen);
/* The index of a column by name, -1 when absent. */
int csv_col(const struct csv_table *t, const char *name);
/* Requires every named column (NULL-terminated list); the error names the
 * first missing one. */
int csv_require(const struct csv_table *t, const char *const *names, char *err,
		size_t errlen);
void csv_free(struct csv_table *t);

#endif
