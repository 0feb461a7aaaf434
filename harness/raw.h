/* raw: raw.csv, one row per measured value of one sample, written as the
 * samples arrive and read back into observations.
 *
 * Columns: schema, case, variant, toolchain, cc, param, rep, iters, unit,
 * value. struct raw_table owns the strings its observations point to. */
#ifndef CGOBENCH_RAW_H
#define CGOBENCH_RAW_H

#include "summary.h"

#include <stddef.h>

#define RAW_SCHEMA 1

struct sbuf;
void raw_add_header(struct sbuf *sb);
void raw_add_row(struct sbuf *sb, const struct obs *o, long long iters);

struct raw_table {
	struct obs *obs;
	size_t n;
	char **strings; /* every string the obs point to */
	size_t nstrings;
};

/* transfer.csv: a row a sample whose transfer was measured (struct
 * benchtxt_sample), in raw.csv's columns, its unit RAW_TRANSFER and its
 * value the transfer; 0 and nothing appended when no sample has one.
 * compare reads it (raw_read) to tell which placements of the CPUs a
 * row's samples met. */
#define RAW_TRANSFER	  "transfer-ns"
#define RAW_TRANSFER_FILE "transfer.csv"
struct benchtxt_sample;
int raw_format_transfer(const struct benchtxt_sample *s, size_t n,
			struct sbuf *sb);

/* Reads raw.csv; a bad schema, a missing column or a value that is not a
 * number is an error naming path:line. */
int raw_read(const char *path, struct raw_table *t, char *err, size_t errlen);
void raw_free(struct raw_table *t);

#endif
