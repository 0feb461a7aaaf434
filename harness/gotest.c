#include "gotest.h"

#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "BenchmarkCall/go->c-2" -> top "BenchmarkCall", name "go->c"; -1 for
 * a name that is not a benchmark's. The caller frees both. */
static int split_name(const char *full, int procs, char **top, char **name)
{
	if (strlen(full) < 10 || strncmp(full, "Benchmark", 9) != 0)
		return -1;
	char *s = xstrdup(full);
	if (procs > 1) {
		char suffix[32];
		int n = snprintf(suffix, sizeof suffix, "-%d", procs);
		size_t l = strlen(s);
		if (l > (size_t)n && !strcmp(s + l - n, suffix))
			s[l - n] = '\0';
	}
	char *slash = strchr(s, '/');
	if (slash) {
		*top = xstrndup(s, (size_t)(slash - s));
		*name = xstrdup(slash + 1);
	} else {
		*top = xstrdup(s);
		*name = xstrdup(s + 9);
	}
	free(s);
	return 0;
}

static void clear_unfinished(struct bench_output *out)
{
	free(out->unfinished_top);
	free(out->unfinished);
	out->unfinished_top = out->unfinished = NULL;
}

/* Splits a line into white-space separated fields, in place. */
static size_t fields(char *line, char **f, size_t max)
{
	size_t n = 0;
	char *save;
	for (char *tok = strtok_r(line, " \t", &save); tok && n < max;
	     tok = strtok_r(NULL, " \t", &save))
		f[n++] = tok;
	return n;
}

static int parse_result(char *line, const char *source, int lineno, int procs,
			struct bench_output *out, char *err, size_t errlen)
{
	char *f[2 + 2 * BENCH_MAX_METRICS + 1];
	size_t nf = fields(line, f, sizeof f / sizeof *f);
	clear_unfinished(out);
	if (nf == 1) {
		/* -test.v prints the bare name before running it; a parent's
		 * name is replaced by its first sub-benchmark's */
		if (split_name(f[0], procs, &out->unfinished_top,
			       &out->unfinished) != 0)
			out->unfinished_top = out->unfinished = NULL;
		return 0;
	}
	long iters;
	if (parse_long(f[1], &iters) != 0 || iters <= 0)
		return 0; /* a name followed by the benchmark's own output */
	if (nf < 4 || nf % 2 != 0 || nf > 2 + 2 * BENCH_MAX_METRICS)
		return set_error(err, errlen,
				 "%s:%d: malformed benchmark line: want name, "
				 "iterations and value-unit pairs",
				 source, lineno);
	char *top, *name;
	if (split_name(f[0], procs, &top, &name) != 0)
		return set_error(err, errlen, "%s:%d: bad benchmark name '%s'",
				 source, lineno, f[0]);
	struct bench_line *l = benchout_add_line(out, top, name);
	free(top);
	free(name);
	l->iters = iters;
	for (size_t i = 2; i < nf; i += 2) {
		double v;
		if (parse_double(f[i], &v) != 0)
			return set_error(err, errlen,
					 "%s:%d: bad value '%s' for unit '%s'",
					 source, lineno, f[i], f[i + 1]);
		benchout_add_metric(l, f[i + 1], v);
	}
	if (strcmp(l->metrics[0].unit, "ns/op") != 0)
		return set_error(err, errlen,
				 "%s:%d: first metric is '%s', want 'ns/op'",
				 source, lineno, l->metrics[0].unit);
	return 0;
}

int gotest_parse(const char *text, const char *source, int procs,
		 struct bench_output *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	char *copy = xstrdup(text);
	struct sbuf pending = {0};	/* indented log lines not yet claimed */
	struct bench_note *last = NULL; /* takes log lines that follow it */
	int lineno = 0, rc = 0;
	char *next = copy;
	while (next && *next && rc == 0) {
		char *line = next;
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		str_rstrip(line);
		if (line[0] == ' ' || line[0] == '\t') {
			char *msg = line + strspn(line, " \t");
			if (last) {
				if (last->reason[0]) {
					char *r = xasprintf("%s; %s",
							    last->reason, msg);
					free(last->reason);
					last->reason = r;
				} else {
					free(last->reason);
					last->reason = xstrdup(msg);
				}
			} else {
				if (pending.len)
					sbuf_addstr(&pending, "; ");
				sbuf_addstr(&pending, msg);
			}
			continue;
		}
		int skip = str_starts(line, "--- SKIP: ");
		if (skip || str_starts(line, "--- FAIL: ")) {
			char *top, *name;
			if (split_name(line + 10, procs, &top, &name) != 0) {
				rc = set_error(
				    err, errlen,
				    "%s:%d: bad benchmark name in '%s'", source,
				    lineno, line);
				break;
			}
			clear_unfinished(out);
			last = benchout_add_note(
			    out, top, name, skip ? BENCH_SKIPPED : BENCH_FAILED,
			    pending.len ? pending.buf : "");
			free(top);
			free(name);
			sbuf_free(&pending);
			continue;
		}
		last = NULL;
		sbuf_free(&pending);
		if (str_starts(line, "Benchmark"))
			rc = parse_result(line, source, lineno, procs, out, err,
					  errlen);
	}
	sbuf_free(&pending);
	free(copy);
	if (rc != 0)
		benchout_free(out);
	return rc;
}
