/* libFuzzer target for the commands that read whole run directories:
 * compare, report, history and machines. The input is a run directory's
 * files, each led by a line "%%% NAME" (raw.csv, summary.csv,
 * machine.txt, anatomy.csv, or history.csv, the history appended to); a
 * file with no part is absent. The first byte picks compare's format.
 * Each command must either work or fail with an error, never crash, leak,
 * read out of bounds or hang. Run from the repository's top directory:
 * report reads the claims of cases/. The files live in a directory of
 * $TMPDIR (/tmp when unset), removed when the process exits. */
#include "charts.h"
#include "compare.h"
#include "csv.h"
#include "history.h"
#include "report.h"
#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const files[] = {"raw.csv", "summary.csv", "machine.txt",
				    "anatomy.csv", "history.csv"};
#define NFILES (sizeof files / sizeof *files)

static char *dir;

/* Writes each part of the input to its file of dir, and removes the
 * files the input has no part for. */
static void lay_out(const char *text, size_t len)
{
	const char *part[NFILES] = {0}, *end[NFILES] = {0};
	const char *p = text, *stop = text + len;
	int cur = -1;
	while (p < stop) {
		const char *nl = memchr(p, '\n', (size_t)(stop - p));
		const char *next = nl ? nl + 1 : stop;
		int which = -1;
		for (size_t i = 0; i < NFILES && !strncmp(p, "%%% ", 4); i++)
			if ((size_t)(next - p) >= 4 + strlen(files[i]) &&
			    !strncmp(p + 4, files[i], strlen(files[i])))
				which = (int)i;
		if (which >= 0) {
			if (cur >= 0)
				end[cur] = p;
			cur = which;
			part[cur] = next;
			end[cur] = stop;
		}
		p = next;
	}
	for (size_t i = 0; i < NFILES; i++) {
		char *path = xasprintf("%s/%s", dir, files[i]);
		unlink(path);
		if (part[i]) {
			FILE *f = fopen(path, "w");
			fwrite(part[i], 1, (size_t)(end[i] - part[i]), f);
			fclose(f);
		}
		free(path);
	}
}

/* Removes dir at exit: an input with no parts removes its files. */
static void remove_dir(void)
{
	lay_out("", 0);
	rmdir(dir);
}

/* Makes dir under $TMPDIR, once, and has it removed at exit. */
static void make_dir(void)
{
	if (dir)
		return;
	const char *tmp = getenv("TMPDIR");
	dir = xasprintf("%s/cgobench-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir) || atexit(remove_dir))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	make_dir();
	lay_out((const char *)data + 1, size - 1);
	char err[ERRLEN];
	FILE *null = fopen("/dev/null", "w");
	struct compare_opts o = {.threshold_pct = 5,
				 .alpha = 0.05,
				 .format = data[0] % 3,
				 .normalize = data[0] / 3 % 2};
	size_t reg;
	compare_runs(dir, dir, &o, null, &reg, err, sizeof err);
	fclose(null);
	struct sbuf sb = {0};
	report_build(dir, "cases", &sb, err, sizeof err);
	sbuf_free(&sb);
	const char *runs[] = {dir};
	charts_machines(runs, 1, "ns/op", &sb, err, sizeof err);
	sbuf_free(&sb);
	char *hist = xasprintf("%s/history.csv", dir);
	int schema;
	struct csv_table h;
	if (history_append(runs, 1, hist, &schema, err, sizeof err) == 0 &&
	    csv_read_file(hist, &h, err, sizeof err) == 0) {
		history_chart_data(&h, "", HISTORY_VALUE, &sb, err, sizeof err);
		sbuf_free(&sb);
		csv_free(&h);
	}
	free(hist);
	return 0;
}
