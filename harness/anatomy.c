#include "anatomy.h"

#include "csv.h"
#include "util.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

const char *const anatomy_groups[ANATOMY_NGROUPS] = {
    "entry/exit",     "stack switch", "callback",
    "pointer checks", "benchmark",    "other"};

enum { G_ENTRY, G_STACK, G_CALLBACK, G_CHECKS, G_BENCH, G_OTHER };

/* The functions a crossing runs through, by group. Patterns are fnmatch
 * globs over callgrind's function names. First match wins. */
static const struct {
	const char *pattern;
	int group;
} table[] = {
    /* cgo entry and exit: the Go stub of a C function, and the
     * scheduler's bookkeeping around the call */
    {"*._Cfunc_*", G_ENTRY},
    {"runtime.cgocall", G_ENTRY},
    {"runtime.entersyscall*", G_ENTRY},
    {"runtime.reentersyscall", G_ENTRY},
    {"runtime.exitsyscall*", G_ENTRY},
    {"runtime.casgstatus", G_ENTRY},
    {"runtime.save", G_ENTRY},
    {"runtime.procyield*", G_ENTRY},
    {"runtime.getcallerfp", G_ENTRY},
    {"runtime.getfp", G_ENTRY},
    /* the switch to the system (C) stack and the C-side trampolines */
    {"runtime.asmcgocall*", G_STACK},
    {"runtime.systemstack*", G_STACK},
    {"runtime.mcall", G_STACK},
    {"runtime.gogo*", G_STACK},
    {"_cgo_*_Cfunc_*", G_STACK},
    {"gosave_systemstack_switch", G_STACK},
    {"_cgo_topofstack", G_STACK},
    /* callbacks into Go, and the preparation of threads Go did not make */
    {"runtime.cgocallback*", G_CALLBACK},
    {"runtime.cgocallbackg*", G_CALLBACK},
    {"crosscall2", G_CALLBACK},
    {"_cgoexp_*", G_CALLBACK},
    {"*._cgoexp_*", G_CALLBACK},
    {"runtime.needm*", G_CALLBACK},
    {"runtime.needAndBindM", G_CALLBACK},
    {"runtime.dropm*", G_CALLBACK},
    {"runtime.cgoBindM", G_CALLBACK},
    {"runtime.callbackUpdateSystemStack", G_CALLBACK},
    {"runtime.lockOSThread", G_CALLBACK},
    {"runtime.unlockOSThread", G_CALLBACK},
    {"runtime.dolockOSThread", G_CALLBACK},
    {"runtime.dounlockOSThread", G_CALLBACK},
    {"_cgo_wait_runtime_init_done", G_CALLBACK},
    {"_cgo_getstackbound", G_CALLBACK},
    {"x_cgo_*", G_CALLBACK},
    {"_cgo_release_context", G_CALLBACK},
    {"runtime.cgoGetCallbackContext*", G_CALLBACK},
    /* what needm and dropm run when a C thread borrows an M and gives it
     * back: every call before Go 1.21, once a thread since */
    {"runtime.minit*", G_CALLBACK},
    {"runtime.unminit*", G_CALLBACK},
    {"runtime.signalstack", G_CALLBACK},
    {"runtime.sigaltstack*", G_CALLBACK},
    {"runtime.sigblock", G_CALLBACK},
    {"runtime.sigsave", G_CALLBACK},
    {"runtime.msigsave", G_CALLBACK},
    {"runtime.msigrestore", G_CALLBACK},
    {"runtime.rtsigprocmask*", G_CALLBACK},
    {"runtime.lockextra", G_CALLBACK},
    {"runtime.unlockextra", G_CALLBACK},
    {"runtime.getExtraM", G_CALLBACK},
    {"runtime.putExtraM", G_CALLBACK},
    {"runtime.setg*", G_CALLBACK},
    {"runtime.gettid*", G_CALLBACK},
    {"runtime.asminit*", G_CALLBACK},
    {"_cgo_get_context_function", G_CALLBACK},
    {"runtime.unwindm", G_CALLBACK},
    /* the checks of pointers passed to C */
    {"runtime.cgoCheck*", G_CHECKS},
    {"runtime.cgoIsGoPointer", G_CHECKS},
    {"runtime.cgoInRange", G_CHECKS},
    /* the benchmark loops of testing and Google Benchmark */
    {"testing.*", G_BENCH},
    {"benchmark::*", G_BENCH},
    {"*(benchmark::State&)", G_BENCH}, /* a driver's function, inlined */
};

int anatomy_group(const char *name, const char *file, const char *family_dir)
{
	for (size_t i = 0; i < sizeof table / sizeof *table; i++)
		if (fnmatch(table[i].pattern, name, 0) == 0)
			return table[i].group;
	/* the C wrappers of //export functions */
	size_t fl = file ? strlen(file) : 0;
	if (fl >= 13 && !strcmp(file + fl - 13, "_cgo_export.c"))
		return G_CALLBACK;
	/* the case's own C and Go code, wherever it was built from */
	if (file && family_dir && str_starts(file, family_dir))
		return G_BENCH;
	return G_OTHER;
}

struct names {
	char **v;
	size_t n;
};

/* "(12) name" defines id 12; "(12)" looks it up; returns the name. */
static const char *compressed(struct names *t, const char *s)
{
	if (*s != '(')
		return s;
	char *end;
	long id = strtol(s + 1, &end, 10);
	if (*end != ')' || id < 0 || id > 10000000)
		return s;
	const char *name = end + 1;
	while (*name == ' ')
		name++;
	if ((size_t)id >= t->n) {
		t->v = xrealloc(t->v, ((size_t)id + 1) * sizeof *t->v);
		memset(t->v + t->n, 0, ((size_t)id + 1 - t->n) * sizeof *t->v);
		t->n = (size_t)id + 1;
	}
	if (*name) {
		free(t->v[id]);
		t->v[id] = xstrdup(name);
	}
	return t->v[id] ? t->v[id] : "???";
}

static void free_names(struct names *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
}

static struct fn_cost *find_or_add(struct fn_cost **f, size_t *n,
				   const char *name, const char *file)
{
	size_t len = strcspn(name, "'"); /* "runtime.foo'2" is runtime.foo */
	for (size_t i = 0; i < *n; i++)
		if (strlen((*f)[i].name) == len &&
		    !strncmp((*f)[i].name, name, len))
			return &(*f)[i];
	*f = xrealloc(*f, (*n + 1) * sizeof **f);
	struct fn_cost *c = &(*f)[(*n)++];
	c->name = xstrndup(name, len);
	c->file = xstrdup(file ? file : "");
	c->ir = 0;
	return c;
}

int anatomy_parse_dump(const char *text, const char *source,
		       struct fn_cost **out, size_t *n, char *err,
		       size_t errlen)
{
	*out = NULL;
	*n = 0;
	struct names fns = {0}, files = {0};
	const char *file = NULL;
	struct fn_cost *cur = NULL;
	int skip_next = 0, lineno = 0, rc = 0;
	char *copy = xstrdup(text);
	for (char *line = copy, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		if (str_starts(line, "fl="))
			file = compressed(&files, line + 3);
		else if (str_starts(line, "fi=") || str_starts(line, "fe=") ||
			 str_starts(line, "cfi=") || str_starts(line, "cfl="))
			compressed(&files, line + (line[0] == 'c' ? 4 : 3));
		else if (str_starts(line, "fn="))
			cur = find_or_add(out, n, compressed(&fns, line + 3),
					  file);
		else if (str_starts(line, "cfn="))
			compressed(&fns, line + 4);
		else if (str_starts(line, "calls="))
			skip_next = 1;
		else if ((*line >= '0' && *line <= '9') || *line == '+' ||
			 *line == '-' || *line == '*') {
			if (skip_next) {
				skip_next = 0;
				continue;
			}
			if (!cur) {
				rc = set_error(
				    err, errlen,
				    "%s:%d: a cost line before any fn=", source,
				    lineno);
				break;
			}
			char *sp = strchr(line, ' ');
			double v;
			if (!sp || parse_double(str_rstrip(sp + 1), &v) != 0) {
				rc = set_error(err, errlen,
					       "%s:%d: bad cost line '%s'",
					       source, lineno, line);
				break;
			}
			cur->ir += v;
		}
	}
	free(copy);
	free_names(&fns);
	free_names(&files);
	if (rc != 0) {
		anatomy_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

void anatomy_free(struct fn_cost *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(f[i].name);
		free(f[i].file);
	}
	free(f);
}

void anatomy_sum(const struct fn_cost *f, size_t n, const char *family_dir,
		 double *groups)
{
	for (size_t i = 0; i < n; i++)
		groups[anatomy_group(f[i].name, f[i].file, family_dir)] +=
		    f[i].ir;
}

static const char *const csv_columns[] = {
    "schema", "case",  "variant",      "toolchain", "cc",
    "param",  "group", "instructions", "share",	    NULL};
#define NCSV 9

static double total_of(const struct anatomy_row *r)
{
	double t = 0;
	for (int g = 0; g < ANATOMY_NGROUPS; g++)
		t += r->groups[g];
	return t;
}

void anatomy_format_csv(const struct anatomy_row *r, size_t n, struct sbuf *sb)
{
	csv_add_row(sb, csv_columns, NCSV);
	for (size_t i = 0; i < n; i++) {
		double total = total_of(&r[i]);
		for (int g = 0; g < ANATOMY_NGROUPS; g++) {
			char ins[32], share[32];
			const char *f[NCSV] = {
			    "1",
			    r[i].family,
			    r[i].variant,
			    r[i].toolchain,
			    r[i].cc,
			    r[i].param,
			    anatomy_groups[g],
			    csv_double(ins, r[i].groups[g]),
			    csv_double(share,
				       total > 0 ? r[i].groups[g] / total : 0)};
			csv_add_row(sb, f, NCSV);
		}
	}
}

void anatomy_format_txt(const struct anatomy_row *r, size_t n, struct sbuf *sb)
{
	for (size_t i = 0; i < n; i++) {
		double total = total_of(&r[i]);
		sbuf_addf(sb, "%s %s%s%s (%s): %.0f instructions per op",
			  r[i].family, r[i].variant, r[i].param[0] ? "/" : "",
			  r[i].param, r[i].toolchain, total);
		for (int g = 0; g < ANATOMY_NGROUPS; g++)
			if (r[i].groups[g] > 0)
				sbuf_addf(sb, ", %.0f%% %s",
					  100 * r[i].groups[g] / total,
					  anatomy_groups[g]);
		sbuf_addstr(sb, "\n");
	}
}

static int same_crossing(const struct anatomy_row *a,
			 const struct anatomy_row *b)
{
	return !strcmp(a->family, b->family) &&
	       !strcmp(a->variant, b->variant) && !strcmp(a->param, b->param);
}

void anatomy_format_dat(const struct anatomy_row *r, size_t n,
			size_t ntoolchains, struct sbuf *sb)
{
	sbuf_addstr(sb, "crossing");
	for (int g = 0; g < ANATOMY_NGROUPS; g++)
		sbuf_addf(sb, "\t\"%s\"", anatomy_groups[g]);
	sbuf_addstr(sb, "\n");
	for (size_t i = 0; i < n; i++) {
		int seen = 0;
		for (size_t k = 0; k < i && !seen; k++)
			seen = same_crossing(&r[k], &r[i]);
		for (size_t k = i; k < n && !seen; k++) {
			if (!same_crossing(&r[k], &r[i]))
				continue;
			sbuf_addf(sb, "\"%s%s%s%s%s\"", r[k].variant,
				  r[k].param[0] ? "/" : "", r[k].param,
				  ntoolchains > 1 ? " " : "",
				  ntoolchains > 1 ? r[k].toolchain : "");
			for (int g = 0; g < ANATOMY_NGROUPS; g++)
				sbuf_addf(sb, "\t%.17g", r[k].groups[g]);
			sbuf_addstr(sb, "\n");
		}
	}
}

int anatomy_read(const char *path, struct csv_table *csv,
		 struct anatomy_row **rows, size_t *n, char *err, size_t errlen)
{
	*rows = NULL;
	*n = 0;
	if (csv_read_file(path, csv, err, errlen) != 0)
		return -1;
	if (csv_require(csv, csv_columns, err, errlen) != 0)
		return -1;
	int c[NCSV];
	for (int k = 0; k < NCSV; k++)
		c[k] = csv_col(csv, csv_columns[k]);
	*rows = xcalloc(csv->nrows / ANATOMY_NGROUPS + 1, sizeof **rows);
	/* rows come a crossing at a time, a line a group, in order */
	for (size_t l = 0; l < csv->nrows; l++) {
		char **f = csv->rows[l];
		int g = (int)(l % ANATOMY_NGROUPS);
		if (strcmp(f[c[6]], anatomy_groups[g]) != 0)
			return set_error(
			    err, errlen, "%s:%d: group '%s', want '%s'", path,
			    csv->lines[l], f[c[6]], anatomy_groups[g]);
		struct anatomy_row *r = &(*rows)[l / ANATOMY_NGROUPS];
		if (g == 0) {
			*r = (struct anatomy_row){f[c[1]], f[c[2]], f[c[3]],
						  f[c[4]], f[c[5]], {0}};
			(*n)++;
		}
		if (parse_double(f[c[7]], &r->groups[g]) != 0)
			return set_error(err, errlen,
					 "%s:%d: bad instructions '%s'", path,
					 csv->lines[l], f[c[7]]);
	}
	if (csv->nrows % ANATOMY_NGROUPS)
		return set_error(err, errlen,
				 "%s: %zu lines, not %d a crossing", path,
				 csv->nrows, ANATOMY_NGROUPS);
	return 0;
}
