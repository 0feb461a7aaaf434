#include "history.h"

#include "csv.h"
#include "machine.h"
#include "summary.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const columns[] = {
    "schema", "date", "commit", "toolchain", "cc",     "case",	 "variant",
    "param",  "unit", "n",	"median",    "ci_low", "ci_high"};
#define NCOLS (sizeof columns / sizeof *columns)

int history_append(const char *run_dir, const char *history_path, char *err,
		   size_t errlen)
{
	char *mpath = xasprintf("%s/machine.txt", run_dir);
	char *spath = xasprintf("%s/summary.csv", run_dir);
	char *mtext = NULL;
	struct csv_table t = {0};
	struct sbuf sb = {0};
	int rc = file_read(mpath, &mtext, NULL, err, errlen);
	if (rc == 0)
		rc = csv_read_file(spath, &t, err, errlen);

	if (rc == 0)
		rc = summary_require(&t, err, errlen);
	if (rc == 0 && path_exists(history_path)) {
		struct csv_table h;
		rc = csv_read_file(history_path, &h, err, errlen);
		if (rc == 0) {
			int same = h.ncols == NCOLS;
			for (size_t i = 0; same && i < NCOLS; i++)
				same = !strcmp(h.header[i], columns[i]);
			csv_free(&h);
			if (!same)
				rc = set_error(err, errlen,
					       "%s:1: not a history file of "
					       "schema %d",
					       history_path, HISTORY_SCHEMA);
		}
	} else if (rc == 0) {
		csv_add_row(&sb, columns, NCOLS);
	}
	if (rc == 0) {
		char *date = machine_lookup(mtext, "date"),
		     *commit = machine_lookup(mtext, "harness-commit");
		char schema[8];
		snprintf(schema, sizeof schema, "%d", HISTORY_SCHEMA);
		for (size_t r = 0; r < t.nrows; r++) {
			const char *n = t.rows[r][csv_col(&t, "n")];
			if (!strcmp(n, "0"))
				continue;
#define F(name) t.rows[r][csv_col(&t, name)]
			const char *f[NCOLS] = {schema,	      date,
						commit,	      F("toolchain"),
						F("cc"),      F("case"),
						F("variant"), F("param"),
						F("unit"),    n,
						F("median"),  F("ci_low"),
						F("ci_high")};
#undef F
			csv_add_row(&sb, f, NCOLS);
		}
		free(date);
		free(commit);
		FILE *f = fopen(history_path, "a");
		if (!f || fwrite(sb.buf, 1, sb.len, f) != sb.len)
			rc = set_error(err, errlen, "cannot append to '%s'",
				       history_path);
		if (f && fclose(f) != 0)
			rc = set_error(err, errlen, "cannot append to '%s'",
				       history_path);
	}
	sbuf_free(&sb);
	csv_free(&t);
	free(mtext);
	free(mpath);
	free(spath);
	return rc;
}
