#include "run.h"

#include "benchout.h"
#include "benchtxt.h"
#include "build.h"
#include "anatomy.h"
#include "callgrind.h"
#include "claims.h"
#include "csv.h"
#include "family.h"
#include "gbench.h"
#include "gotest.h"
#include "machine.h"
#include "raw.h"
#include "rundir.h"
#include "export.h"
#include "spawn.h"
#include "stats.h"
#include "summary.h"
#include "toolchain.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <dirent.h>
#include <unistd.h>

enum unit_state { UNIT_OK, UNIT_FAILED, UNIT_SKIPPED };

/* One benchmark of one binary: what a round runs once. */
struct unit {
	const struct family *fam;
	const struct toolchain *tc;
	int is_go;
	const char *binary;
	char *top, *variant, *param;
	const struct family_env *env; /* what its process is started with */
	enum unit_state state;
	char *note;
	double *primary; /* ns/op of every sample, for the interval goal */
	double warm_ns;	 /* ns/op in the warm-up */
	/* instructions/op by group of every counted sample, beside primary */
	double (*anatomy)[ANATOMY_NGROUPS];
	size_t n;
};

/* One sample as taken: which unit, which repetition, what it printed. */
struct taken {
	size_t unit;
	int rep;
	struct bench_line line;
};

struct run {
	const struct run_config *c;
	struct toolchain *tcs;
	size_t ntcs;
	struct family *fams;
	size_t nfams;
	struct built *builts; /* nfams * ntcs */
	struct unit *units;
	size_t nunits;
	struct taken *taken;
	size_t ntaken;
	struct machine m;
	char *dir;
	FILE *raw;
	int pin, procs, ncpu;
	char gomaxprocs[32];
	char allprocs[32]; /* GOMAXPROCS of the unpinned families */
	int gb18; /* Google Benchmark >= 1.8 takes "0.2s" for min_time */
	int progress;
	const char *primary; /* "ns/op", or "instructions/op" */
	uint64_t rng;
	double started;
	size_t done, planned; /* samples, for the time-left estimate */
};

static void info(const struct run *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void info(const struct run *r, const char *fmt, ...)
{
	if (r->c->quiet)
		return;
	va_list ap;
	va_start(ap, fmt);
	if (r->progress)
		fputs("\r\033[K", stderr);
	fputs("cgobench: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

static void warn(const struct run *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void warn(const struct run *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (r->progress)
		fputs("\r\033[K", stderr);
	fputs("cgobench: warning: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

static void progress(struct run *r, const char *what, int round, int rounds)
{
	if (!r->progress)
		return;
	double spent = monotonic_s() - r->started;
	double left =
	    r->done
		? spent / (double)r->done *
		      (double)(r->planned > r->done ? r->planned - r->done : 0)
		: 0;
	fprintf(stderr,
		"\r\033[K[round %d/%d] %s  %zu/%zu  about %dm%02ds left", round,
		rounds, what, r->done, r->planned, (int)left / 60,
		(int)left % 60);
}

/* Escapes what a regexp would read as an operator. */
static void add_quoted(struct sbuf *sb, const char *s)
{
	for (; *s; s++) {
		if (strchr("\\^$.|?*+()[]{}", *s))
			sbuf_add(sb, "\\", 1);
		sbuf_add(sb, s, 1);
	}
}

/* The -test.bench pattern that selects exactly this unit: Go matches each
 * level of a name against its own part of the pattern. */
static char *go_filter(const struct unit *u)
{
	struct sbuf sb = {0};
	sbuf_addstr(&sb, "^");
	add_quoted(&sb, u->top);
	sbuf_addstr(&sb, "$/^");
	add_quoted(&sb, u->variant);
	sbuf_addstr(&sb, "$");
	if (u->param[0]) {
		char *p = xstrdup(u->param), *save;
		for (char *lvl = strtok_r(p, "/", &save); lvl;
		     lvl = strtok_r(NULL, "/", &save)) {
			sbuf_addstr(&sb, "/^");
			add_quoted(&sb, lvl);
			sbuf_addstr(&sb, "$");
		}
		free(p);
	}
	return sb.buf;
}

static char *gb_filter(const struct unit *u)
{
	struct sbuf sb = {0};
	sbuf_addstr(&sb, "^");
	add_quoted(&sb, u->variant);
	if (u->param[0]) {
		sbuf_addstr(&sb, "/");
		add_quoted(&sb, u->param);
	}
	sbuf_addstr(&sb, "$");
	return sb.buf;
}

static char *seconds_arg(const struct run *r, const char *flag, double s,
			 int go)
{
	if (go || r->gb18)
		return xasprintf("%s=%gs", flag, s);
	return xasprintf("%s=%g", flag, s);
}

/* Turns the one result line of a counted run into instructions per op,
 * and when groups is not NULL, sums that dump's functions into them, per
 * op (see anatomy.h). */
static int count_instructions(struct bench_output *out, const char *prefix,
			      const char *family_dir, double *groups, char *err,
			      size_t errlen)
{
	if (out->nlines != 1)
		return out->nlines ? set_error(err, errlen,
					       "a counted run printed %zu "
					       "results, want 1",
					       out->nlines)
				   : 0; /* skipped or failed: its note says */
	double ir;
	char *path;
	if (callgrind_largest_dump(prefix, &ir, &path, err, errlen) != 0)
		return -1;
	struct bench_line *l = &out->lines[0];
	int rc = 0;
	if (groups) {
		char *text = NULL;
		struct fn_cost *fns = NULL;
		size_t nfns = 0;
		rc = file_read(path, &text, NULL, err, errlen);
		if (rc == 0)
			rc = anatomy_parse_dump(text, path, &fns, &nfns, err,
						errlen);
		if (rc == 0) {
			memset(groups, 0, ANATOMY_NGROUPS * sizeof *groups);
			anatomy_sum(fns, nfns, family_dir, groups);
			for (int g = 0; g < ANATOMY_NGROUPS; g++)
				groups[g] /= (double)l->iters;
			anatomy_free(fns, nfns);
		}
		free(text);
	}
	free(path);
	if (rc != 0)
		return -1;
	for (size_t k = 0; k < l->nmetrics; k++)
		free(l->metrics[k].unit);
	l->nmetrics = 0;
	benchout_add_metric(l, "instructions/op", ir / (double)l->iters);
	return 0;
}

/* What a failed benchmark process said about its end: the line of a Go
 * panic or fatal error when there is one, else the end of its stderr. */
static char *failure_reason(const char *err, size_t len)
{
	static const char *const marks[] = {"panic: ", "fatal error: "};
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
		const char *p = strstr(err, marks[i]);
		if (p && (p == err || p[-1] == '\n'))
			return xstrndup(p, strcspn(p, "\n"));
	}
	return spawn_tail(err, len, 300);
}

/* Runs a binary with the family's directory as its working directory and
 * parses what it printed into out, which the caller frees in every case:
 * after a crash or a timeout it holds what was printed before. filter NULL
 * runs every benchmark; skip (Go only) leaves out those it matches. */
static int run_binary(struct run *r, const struct family *f,
		      const struct toolchain *t, int is_go, const char *bin,
		      const struct family_env *fe, const char *filter,
		      const char *skip, double seconds, long counted,
		      double *groups, struct bench_output *out, char *err,
		      size_t errlen)
{
	memset(out, 0, sizeof *out);
	char *args[12 + CALLGRIND_ARGS];
	int a = 0;
	char *owned[4] = {0};
	char cgdir[] = "/tmp/cgobench-callgrind-XXXXXX";
	char *cgprefix = NULL;
	if (counted) {
		if (!mkdtemp(cgdir))
			return set_error(err, errlen, "mkdtemp: %s",
					 strerror(errno));
		cgprefix = xasprintf("%s/cg.out", cgdir);
		a = callgrind_argv(cgprefix, args);
		owned[3] = args[2];
	}
	args[a++] = (char *)bin;
	if (is_go) {
		args[a++] = "-test.run=^$";
		args[a++] = owned[0] =
		    xasprintf("-test.bench=%s", filter ? filter : ".");
		args[a++] = owned[1] =
		    counted ? xasprintf("-test.benchtime=%ldx", counted)
			    : seconds_arg(r, "-test.benchtime", seconds, 1);
		args[a++] = "-test.count=1";
		if (skip)
			args[a++] = owned[2] = xasprintf("-test.skip=%s", skip);
		args[a++] = "-test.benchmem";
		args[a++] = "-test.v";
	} else {
		args[a++] = owned[0] =
		    xasprintf("--benchmark_filter=%s", filter ? filter : ".");
		args[a++] = owned[1] =
		    seconds_arg(r, "--benchmark_min_time", seconds, 0);
		args[a++] = "--benchmark_format=json";
	}
	args[a] = NULL;
	struct sbuf godebug = {0};
	/* the toolchain's, GOMAXPROCS, GODEBUG, the family's */
	const char *env[sizeof t->env / sizeof *t->env + 8];
	size_t e = 0;
	for (int i = 0; t->env[i]; i++)
		env[e++] = t->env[i];
	/* counted: one P keeps the scheduler's path the same from run to
	 * run; valgrind runs one thread at a time, so pinning buys nothing */
	env[e++] = counted	 ? "GOMAXPROCS=1"
		   : f->unpinned ? r->allprocs
				 : r->gomaxprocs;
	/* counted: valgrind 3.19 cannot decode RDTSCP, which Go's
	 * cputicks uses where the CPU has it (under lock contention, in
	 * sysmon): one counted run of the call family in six died of SIGILL
	 * here. Go from 1.21 takes this off; older ones print a warning. */
	if (counted)
		sbuf_addstr(&godebug, "asyncpreemptoff=1,cpu.rdtscp=off");
	for (char **v = fe ? fe->vars : NULL; v && *v; v++) {
		/* GODEBUG settings join the one above; others are added */
		if (!strncmp(*v, "GODEBUG=", 8))
			sbuf_addf(&godebug, "%s%s", godebug.len ? "," : "",
				  *v + 8);
		else if (e < sizeof env / sizeof *env - 2)
			env[e++] = *v;
	}
	char *godebug_var =
	    godebug.len ? xasprintf("GODEBUG=%s", godebug.buf) : NULL;
	if (godebug_var)
		env[e++] = godebug_var;
	env[e] = NULL;
	sbuf_free(&godebug);
	struct spawn_opts so = {.argv = args,
				.env = (char *const *)env,
				.cwd = f->dir,
				.pin_cpu = counted || f->unpinned ? -1 : r->pin,
				.timeout_s = r->c->timeout_s,
				.stop = r->c->stop};
	struct spawn_result res;
	int rc = spawn_run(&so, &res, err, errlen);
	for (int i = 0; i < 4; i++)
		free(owned[i]);
	free(godebug_var);
	if (rc != 0) {
		if (counted)
			remove_tree(cgdir);
		free(cgprefix);
		return -1;
	}
	char *source = xasprintf("output of %s", bin);
	char perr[ERRLEN];
	int parsed =
	    is_go ? gotest_parse(res.out, source,
				 counted       ? 1
				 : f->unpinned ? r->ncpu
					       : r->procs,
				 out, perr, sizeof perr)
		  : gbench_parse(res.out, source, out, perr, sizeof perr);
	free(source);
	if (!spawn_ok(&res) &&
	    !(is_go && res.exit_code == 1 && parsed == 0 && out->nnotes > 0)) {
		/* a Go binary exits 1 when a benchmark fails: that one is
		 * named in its notes and the others still count */
		char how[128];
		spawn_describe(&res, r->c->timeout_s, how, sizeof how);
		char *tail = failure_reason(res.err, res.err_len);
		set_error(err, errlen, "%s: %s%s%s", bin, how,
			  *tail ? ": " : "", tail);
		free(tail);
		spawn_result_free(&res);
		if (counted)
			remove_tree(cgdir);
		free(cgprefix);
		return -1; /* out keeps what was parsed before the end */
	}
	spawn_result_free(&res);
	if (parsed != 0)
		rc = set_error(err, errlen, "%s", perr);
	else if (counted) {
		char *dir = realpath(f->dir, NULL);
		rc = count_instructions(out, cgprefix, dir ? dir : f->dir,
					groups, err, errlen);
		free(dir);
	}
	if (counted)
		remove_tree(cgdir);
	free(cgprefix);
	return rc;
}

static struct unit *add_unit(struct run *r, const struct family *f,
			     const struct toolchain *t, int is_go,
			     const char *bin, const char *top,
			     const char *variant, const char *param)
{
	for (size_t i = 0; i < r->nunits; i++) {
		struct unit *u = &r->units[i];
		if (u->fam == f && u->tc == t && u->is_go == is_go &&
		    !strcmp(u->variant, variant) && !strcmp(u->param, param))
			return u;
	}
	r->units = xrealloc(r->units, (r->nunits + 1) * sizeof *r->units);
	struct unit *u = &r->units[r->nunits++];
	memset(u, 0, sizeof *u);
	u->fam = f;
	u->tc = t;
	u->is_go = is_go;
	u->binary = bin;
	u->top = xstrdup(top);
	u->variant = xstrdup(variant);
	u->param = xstrdup(param);
	return u;
}

static void set_state(struct unit *u, enum unit_state st, const char *note)
{
	u->state = st;
	free(u->note);
	u->note = xstrdup(note);
}

/* Failures that have no unit of their own (a family that does not build,
 * a binary that crashes before listing its benchmarks) get a unit with an
 * empty variant, so that the summary shows them. */
static void family_failed(struct run *r, const struct family *f,
			  const struct toolchain *t, const char *why)
{
	warn(r, "%s", why);
	struct unit *u = add_unit(r, f, t, 0, "", "", "", "");
	set_state(u, UNIT_FAILED, why);
}

static void unit_failed(struct run *r, struct unit *u, const char *why)
{
	set_state(u, UNIT_FAILED, why);
	warn(r, "%s %s (%s) failed: %s", u->fam->name, u->variant, u->tc->name,
	     why);
}

/* Whether a benchmark of this param belongs to a warm-up run with the
 * family's env fe (NULL: the run with none). A Go benchmark that needs
 * another env skips, and that note is not its verdict. */
static int belongs(const struct family *f, int is_go,
		   const struct family_env *fe, const char *param)
{
	return !is_go || family_env_of(f, param) == fe;
}

/* Adds the units and the skipped or failed notes of a warm-up's output
 * run with the family's env fe. */
static void add_found(struct run *r, const struct family *f,
		      const struct toolchain *t, int is_go, const char *bin,
		      const struct family_env *fe,
		      const struct bench_output *out)
{
	for (size_t i = 0; i < out->nlines; i++) {
		const struct bench_line *l = &out->lines[i];
		if (!belongs(f, is_go, fe, l->param))
			continue;
		struct unit *u =
		    add_unit(r, f, t, is_go, bin, l->top, l->variant, l->param);
		u->warm_ns = l->metrics[0].value;
		u->env = fe;
	}
	for (size_t i = 0; i < out->nnotes; i++) {
		const struct bench_note *n = &out->notes[i];
		if (is_go && !n->param[0] && !strcmp(n->variant, n->top + 9))
			continue; /* the parent of a failed sub-benchmark */
		if (!belongs(f, is_go, fe, n->param))
			continue;
		struct unit *u =
		    add_unit(r, f, t, is_go, bin, n->top, n->variant, n->param);
		u->env = fe;
		const char *why = n->reason[0] ? n->reason : "no reason given";
		if (n->status == BENCH_SKIPPED)
			set_state(u, UNIT_SKIPPED, why);
		else
			unit_failed(r, u, why);
	}
}

/* Warms a Go test binary up under the family's env fe (NULL: none),
 * which also lists its benchmarks. When one crashes or hangs, -test.v has
 * named it: it is recorded as failed and the warm-up runs again without
 * it, so that one bad benchmark does not hide the others. */
static void discover_go(struct run *r, const struct family *f,
			const struct toolchain *t, const char *bin,
			const struct family_env *fe)
{
	struct sbuf skip = {0};
	for (int attempt = 0; attempt < 10 && !*r->c->stop; attempt++) {
		struct bench_output out;
		char err[ERRLEN];
		int rc =
		    run_binary(r, f, t, 1, bin, fe, NULL, skip.buf,
			       r->c->warmup_s, 0, NULL, &out, err, sizeof err);
		add_found(r, f, t, 1, bin, fe, &out);
		if (rc != 0 && !*r->c->stop && out.unfinished) {
			char *variant, *param;
			benchout_split_name(out.unfinished, &variant, &param);
			struct unit *u =
			    add_unit(r, f, t, 1, bin, out.unfinished_top,
				     variant, param);
			u->env = family_env_of(f, param);
			free(variant);
			free(param);
			char *why = xasprintf("while warming up: %s", err);
			unit_failed(r, u, why);
			free(why);
			char *pattern = go_filter(u);
			sbuf_addf(&skip, "%s%s", skip.len ? "|" : "", pattern);
			free(pattern);
		} else if (rc != 0 && !*r->c->stop) {
			char *why = xasprintf(
			    "case '%s' (%s) failed while warming up: %s",
			    f->name, t->name, err);
			family_failed(r, f, t, why);
			free(why);
			rc = 0;
		}
		benchout_free(&out);
		if (rc == 0)
			break;
	}
	sbuf_free(&skip);
}

/* Lists a Google Benchmark binary's benchmarks (which runs none of them),
 * warms it up, and when that fails, warms each benchmark up alone to find
 * the ones that crash or hang. */
static void discover_gb(struct run *r, const struct family *f,
			const struct toolchain *t, const char *bin)
{
	char *argv[] = {(char *)bin, "--benchmark_list_tests=true", NULL};
	struct spawn_opts so = {.argv = argv,
				.env = t->env,
				.cwd = f->dir,
				.pin_cpu = -1,
				.timeout_s = r->c->timeout_s,
				.stop = r->c->stop};
	struct spawn_result res;
	char err[ERRLEN];
	if (spawn_run(&so, &res, err, sizeof err) != 0 || !spawn_ok(&res)) {
		if (err[0] == '\0' || strncmp(err, "cannot run", 10) != 0)
			spawn_describe(&res, so.timeout_s, err, sizeof err);
		char *why = xasprintf("case '%s' (%s): %s cannot list its "
				      "benchmarks: %s",
				      f->name, t->name, bin, err);
		family_failed(r, f, t, why);
		free(why);
		if (res.out)
			spawn_result_free(&res);
		return;
	}
	size_t first = r->nunits;
	char *save;
	for (char *name = strtok_r(res.out, "\n", &save); name;
	     name = strtok_r(NULL, "\n", &save)) {
		char *variant, *param;
		benchout_split_name(name, &variant, &param);
		add_unit(r, f, t, 0, bin, "", variant, param);
		free(variant);
		free(param);
	}
	spawn_result_free(&res);
	struct bench_output out;
	int rc = run_binary(r, f, t, 0, bin, NULL, NULL, NULL, r->c->warmup_s,
			    0, NULL, &out, err, sizeof err);
	add_found(r, f, t, 0, bin, NULL, &out);
	benchout_free(&out);
	for (size_t i = first; rc != 0 && i < r->nunits && !*r->c->stop; i++) {
		struct unit *u = &r->units[i];
		if (u->state != UNIT_OK)
			continue;
		char *filter = gb_filter(u);
		if (run_binary(r, f, t, 0, bin, NULL, filter, NULL,
			       r->c->warmup_s, 0, NULL, &out, err,
			       sizeof err) != 0 &&
		    !*r->c->stop) {
			char *why = xasprintf("while warming up: %s", err);
			unit_failed(r, u, why);
			free(why);
		}
		add_found(r, f, t, 0, bin, NULL, &out);
		benchout_free(&out);
		free(filter);
	}
}

static void discover(struct run *r, const struct family *f,
		     const struct toolchain *t, int is_go, const char *bin)
{
	info(r, "warming up %s %s (%s)", f->name, is_go ? "go side" : "C side",
	     t->name);
	if (is_go) {
		discover_go(r, f, t, bin, NULL);
		for (size_t i = 0; i < f->nenvs && !*r->c->stop; i++)
			discover_go(r, f, t, bin, &f->envs[i]);
	} else
		discover_gb(r, f, t, bin);
}

static struct obs obs_of(const struct run *r, const struct unit *u, int rep,
			 const struct metric *m)
{
	(void)r;
	return (struct obs){.family = u->fam->name,
			    .variant = u->variant,
			    .toolchain = u->tc->name,
			    .cc = u->tc->cc_name,
			    .param = u->param,
			    .unit = m->unit,
			    .rep = rep,
			    .value = m->value};
}

static void append_raw(struct run *r, const struct unit *u, int rep,
		       const struct bench_line *l)
{
	struct sbuf sb = {0};
	for (size_t k = 0; k < l->nmetrics; k++) {
		struct obs o = obs_of(r, u, rep, &l->metrics[k]);
		raw_add_row(&sb, &o, l->iters);
	}
	if (fwrite(sb.buf, 1, sb.len, r->raw) != sb.len || fflush(r->raw) != 0)
		warn(r, "cannot append to %s/raw.csv", r->dir);
	sbuf_free(&sb);
}

/* Iterations of a counted sample: about 1e8 instructions' worth (taking
 * 3 instructions a ns), so that the few thousand the timer's start and
 * stop cost weigh under 0.01%; 0 when counting is off. */
static long counted_iterations(const struct run *r, const struct unit *u)
{
	if (!r->c->instructions)
		return 0;
	if (r->c->instr_fixed)
		return r->c->instr_iters;
	double n = u->warm_ns > 0 ? 3e7 / u->warm_ns : r->c->instr_iters;
	if (n < r->c->instr_iters)
		n = (double)r->c->instr_iters;
	return n > 1e7 ? 10000000 : (long)n;
}

static void take_sample(struct run *r, size_t ui, int rep)
{
	struct unit *u = &r->units[ui];
	char *filter = u->is_go ? go_filter(u) : gb_filter(u);
	struct bench_output out;
	char err[ERRLEN];
	double groups[ANATOMY_NGROUPS];
	long counted = counted_iterations(r, u);
	int rc = run_binary(r, u->fam, u->tc, u->is_go, u->binary, u->env,
			    filter, NULL, r->c->benchtime_s, counted,
			    counted ? groups : NULL, &out, err, sizeof err);
	if (rc == 0 && counted && out.nlines) {
		u->anatomy =
		    xrealloc(u->anatomy, (u->n + 1) * sizeof *u->anatomy);
		memcpy(u->anatomy[u->n], groups, sizeof groups);
	}
	free(filter);
	r->done++;
	if (rc != 0) {
		if (!*r->c->stop) {
			char *why = xasprintf("repetition %d: %s", rep, err);
			unit_failed(r, u, why);
			free(why);
		}
		benchout_free(&out);
		return;
	}
	const struct bench_line *l = benchout_find(&out, u->variant, u->param);
	const struct bench_note *n =
	    benchout_find_note(&out, u->variant, u->param);
	if (!l) {
		char *why = xasprintf("repetition %d: %s", rep,
				      n && n->reason[0] ? n->reason
							: "printed no result");
		if (n && n->status == BENCH_SKIPPED)
			set_state(u, UNIT_SKIPPED, why);
		else
			unit_failed(r, u, why);
		free(why);
		benchout_free(&out);
		return;
	}
	append_raw(r, u, rep, l);
	u->primary = xrealloc(u->primary, (u->n + 1) * sizeof *u->primary);
	u->primary[u->n++] = l->metrics[0].value;
	r->taken = xrealloc(r->taken, (r->ntaken + 1) * sizeof *r->taken);
	struct taken *tk = &r->taken[r->ntaken++];
	tk->unit = ui;
	tk->rep = rep;
	tk->line = *l;
	/* the line's strings now belong to r->taken */
	struct bench_line *src = (struct bench_line *)l;
	memset(src, 0, sizeof *src);
	benchout_free(&out);
}

static int interval_met(const struct run *r, const struct unit *u)
{
	if (u->n < 2)
		return 0;
	struct stats_summary s;
	stats_summarize(u->primary, u->n, SUMMARY_LEVEL, &s);
	return summary_within(&s, r->c->target_pct);
}

/* Runs one round over the units in want (a flag each), shuffled. */
static void round_of(struct run *r, const int *want, int round, int rounds)
{
	size_t *order = xmalloc(r->nunits * sizeof *order), n = 0;
	for (size_t i = 0; i < r->nunits; i++)
		if (want[i])
			order[n++] = i;
	for (size_t i = n; i > 1; i--) {
		size_t j = stats_rand(&r->rng) % i;
		size_t t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
	for (size_t i = 0; i < n && !*r->c->stop; i++) {
		struct unit *u = &r->units[order[i]];
		if (u->state != UNIT_OK)
			continue;
		char *what =
		    xasprintf("%s %s %s", u->fam->name, u->variant, u->param);
		progress(r, what, round, rounds);
		free(what);
		take_sample(r, order[i], round);
	}
	free(order);
}

static void measure(struct run *r)
{
	const struct run_config *c = r->c;
	int *want = xcalloc(r->nunits, sizeof *want);
	size_t active = 0;
	for (size_t i = 0; i < r->nunits; i++)
		active += want[i] = r->units[i].state == UNIT_OK;
	r->planned = active * (size_t)c->count;
	r->started = monotonic_s();
	for (int round = 1; round <= c->count && !*c->stop; round++)
		round_of(r, want, round, c->count);
	for (int round = c->count + 1; round <= c->max_count && !*c->stop;
	     round++) {
		size_t more = 0;
		for (size_t i = 0; i < r->nunits; i++) {
			want[i] = r->units[i].state == UNIT_OK &&
				  !interval_met(r, &r->units[i]);
			more += want[i];
		}
		if (!more)
			break;
		r->planned = r->done + more;
		round_of(r, want, round, round);
	}
	if (r->progress)
		fputs("\r\033[K", stderr);
	free(want);
}

static const char *baseline_of(void *ctx, const char *family,
			       const char *variant)
{
	const struct run *r = ctx;
	for (size_t i = 0; i < r->nfams; i++)
		if (!strcmp(r->fams[i].name, family))
			return family_baseline(&r->fams[i], variant);
	return NULL;
}

/* The unit a summary row belongs to, or NULL. */
static const struct unit *unit_of(const struct run *r,
				  const struct summary_row *row)
{
	for (size_t k = 0; k < r->nunits; k++)
		if (!strcmp(r->units[k].fam->name, row->family) &&
		    !strcmp(r->units[k].variant, row->variant) &&
		    !strcmp(r->units[k].param, row->param) &&
		    !strcmp(r->units[k].tc->name, row->toolchain))
			return &r->units[k];
	return NULL;
}

/* Rows in the order their benchmarks were found (per family, the C side
 * first, each in its own order), time before other units. */
static int cmp_rows(const void *a, const void *b, void *ctx)
{
	const struct run *r = ctx;
	const struct summary_row *x = a, *y = b;
	const struct unit *ux = unit_of(r, x), *uy = unit_of(r, y);
	size_t ix = ux ? (size_t)(ux - r->units) : r->nunits;
	size_t iy = uy ? (size_t)(uy - r->units) : r->nunits;
	if (ix != iy)
		return ix < iy ? -1 : 1;
	int tx = !strcmp(x->unit, r->primary),
	    ty = !strcmp(y->unit, r->primary);
	if (tx != ty)
		return ty - tx;
	return strcmp(x->unit, y->unit);
}

/* Status and note of each row, from its unit's state and sample count. */
/* Below this a time per op cannot be real work. */
#define DELETED_NS 0.1

static void annotate(struct run *r, struct summary_row *rows, size_t nrows)
{
	const struct run_config *c = r->c;
	for (size_t i = 0; i < nrows; i++) {
		struct summary_row *row = &rows[i];
		const struct unit *u = unit_of(r, row);
		if (!u)
			continue;
		int primary = !strcmp(row->unit, r->primary);
		if (u->state != UNIT_OK) {
			row->status = u->state == UNIT_FAILED ? SUMMARY_FAILED
							      : SUMMARY_SKIPPED;
			row->note = xstrdup(u->note);
		} else if (!strcmp(row->unit, "ns/op") &&
			   row->s.median <
			       DELETED_NS / (u->fam->unpinned ? r->ncpu : 1)) {
			/* less than a cycle of a 10 GHz CPU (on each CPU, when
			 * all run the benchmark at once): no call is that
			 * cheap, the compiler removed the work */
			row->status = SUMMARY_DELETED;
			row->note = xasprintf(
			    "%.2g ns/op is less than one CPU cycle: the "
			    "compiler removed the work (gccgo ignores "
			    "//go:noinline)",
			    row->s.median);
		} else if (*c->stop && row->s.n < (size_t)c->count) {
			row->status = SUMMARY_INCOMPLETE;
			row->note =
			    xasprintf("stopped after %zu of %d repetitions",
				      row->s.n, c->count);
		} else if (primary && !summary_within(&row->s, c->target_pct)) {
			row->status = SUMMARY_WIDE;
			row->note = xasprintf(
			    "95%% interval wider than +-%g%% after %zu "
			    "repetitions (raise '--max-count <N>')",
			    c->target_pct, row->s.n);
		} else if (primary && row->s.n > (size_t)c->count) {
			row->note = xasprintf(
			    "repetitions raised from %d to %zu to reach +-%g%%",
			    c->count, row->s.n, c->target_pct);
		}
	}
}

/* Adds a row for every unit that ended with no sample at all. */
static void add_empty_rows(struct run *r, struct summary_row **rows,
			   size_t *nrows)
{
	for (size_t k = 0; k < r->nunits; k++) {
		const struct unit *u = &r->units[k];
		if (u->n)
			continue;
		*rows = xrealloc(*rows, (*nrows + 1) * sizeof **rows);
		struct summary_row *row = &(*rows)[(*nrows)++];
		memset(row, 0, sizeof *row);
		row->family = u->fam->name;
		row->variant = u->variant;
		row->toolchain = u->tc->name;
		row->cc = u->tc->cc_name;
		row->param = u->param;
		row->unit = r->primary;
		row->baseline = family_baseline(u->fam, u->variant);
		row->status = u->state == UNIT_SKIPPED	? SUMMARY_SKIPPED
			      : u->state == UNIT_FAILED ? SUMMARY_FAILED
							: SUMMARY_INCOMPLETE;
		row->note = xstrdup(u->note ? u->note : "no sample taken");
	}
}

/* The instructions per op by group of the sample whose count is the
 * median, which stands for the unit; NULL when nothing was counted. */
static const double *unit_anatomy(const struct unit *u)
{
	if (!u->anatomy || !u->n)
		return NULL;
	double med = stats_median(u->primary, u->n);
	size_t at = 0;
	for (size_t k = 1; k < u->n; k++)
		if (fabs(u->primary[k] - med) < fabs(u->primary[at] - med))
			at = k;
	return u->anatomy[at];
}

/* The anatomy rows of the counted units, in unit order; the caller
 * frees them. */
static struct anatomy_row *anatomy_rows(const struct run *r, size_t *n)
{
	struct anatomy_row *rows = xcalloc(r->nunits + 1, sizeof *rows);
	*n = 0;
	for (size_t i = 0; i < r->nunits; i++) {
		const struct unit *u = &r->units[i];
		const double *groups = unit_anatomy(u);
		if (!groups)
			continue;
		struct anatomy_row *a = &rows[(*n)++];
		*a = (struct anatomy_row){u->fam->name, u->variant, u->tc->name,
					  u->tc->cc_name, u->param, {0}};
		memcpy(a->groups, groups, sizeof a->groups);
	}
	return rows;
}

static void warn_export(void *ctx, const char *msg)
{
	warn(ctx, "%s", msg);
}

static int write_outputs(struct run *r)
{
	size_t nobs = 0;
	for (size_t i = 0; i < r->ntaken; i++)
		nobs += r->taken[i].line.nmetrics;
	struct obs *obs = xcalloc(nobs, sizeof *obs);
	struct benchtxt_sample *bs = xcalloc(r->ntaken, sizeof *bs);
	size_t k = 0;
	for (size_t i = 0; i < r->ntaken; i++) {
		const struct taken *t = &r->taken[i];
		const struct unit *u = &r->units[t->unit];
		for (size_t m = 0; m < t->line.nmetrics; m++)
			obs[k++] = obs_of(r, u, t->rep, &t->line.metrics[m]);
		bs[i] = (struct benchtxt_sample){.family = u->fam->name,
						 .variant = u->variant,
						 .param = u->param,
						 .toolchain = u->tc->name,
						 .cc = u->tc->cc_name,
						 .iters = t->line.iters,
						 .metrics = t->line.metrics,
						 .nmetrics = t->line.nmetrics};
	}
	struct summary_row *rows;
	size_t nrows;
	summary_compute(obs, nobs, baseline_of, r, &rows, &nrows);
	annotate(r, rows, nrows);
	add_empty_rows(r, &rows, &nrows);
	qsort_r(rows, nrows, sizeof *rows, cmp_rows, r);

	struct sbuf mach = {0};
	machine_set(&r->m, "status", *r->c->stop ? "incomplete" : "complete");
	machine_format(&r->m, &mach);
	/* the run's model, from which every output is made */
	struct run_model m = {.dir = r->dir,
			      .machine = mach.buf,
			      .counted = r->c->instructions,
			      .samples = bs,
			      .nsamples = r->ntaken};
	summary_table_of(&m.sum, rows, nrows);
	m.anatomy = anatomy_rows(r, &m.nanatomy);
	char err[ERRLEN];
	struct claim_set *claims;
	if (claims_load(r->c->cases_dir, &claims, err, sizeof err) != 0)
		warn(r, "%s: report.md judges no claim", err);
	else
		m.claims = claims;
	int rc = export_all(&m, EXPORT_RUN, warn_export, r, err, sizeof err);
	if (m.counted && !r->c->quiet) {
		struct sbuf txt = {0};
		anatomy_format_txt(m.anatomy, m.nanatomy, &txt);
		if (txt.buf)
			fputs(txt.buf, stderr);
		sbuf_free(&txt);
	}
	claims_free(claims);
	free(m.anatomy);
	free(m.sum.toolchains);
	sbuf_free(&mach);
	summary_free(rows, nrows);
	free(obs);
	free(bs);
	return rc;
}

/* Creates dir/raw.csv exclusively, so that two runs can never share a
 * run directory; 1 when it is taken already. */
static int claim(struct run *r, const char *dir, char *err, size_t errlen)
{
	if (mkdir_p(dir, err, errlen) != 0)
		return -1;
	char *raw = xasprintf("%s/raw.csv", dir);
	int fd = open(raw, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	int e = errno;
	free(raw);
	if (fd < 0 && e == EEXIST)
		return 1;
	if (fd < 0 || !(r->raw = fdopen(fd, "w")))
		return set_error(err, errlen, "cannot create '%s/raw.csv': %s",
				 dir, strerror(e));
	r->dir = xstrdup(dir);
	return 0;
}

static int open_run_dir(struct run *r, char *err, size_t errlen)
{
	const struct run_config *c = r->c;
	int rc;
	if (c->out_dir) {
		rc = claim(r, c->out_dir, err, errlen);
		if (rc == 1)
			return set_error(err, errlen,
					 "'%s' holds a run already (choose "
					 "another with '--out <DIR>')",
					 c->out_dir);
	} else {
		char stamp[32];
		time_t t = time(NULL);
		strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", gmtime(&t));
		char *host = machine_name();
		rc = 1;
		/* a second run started in the same second gets "-2" */
		for (int i = 1; rc == 1 && i < 100; i++) {
			char *dir =
			    i == 1 ? xasprintf("%s/%s/%s", c->results_dir, host,
					       stamp)
				   : xasprintf("%s/%s/%s-%d", c->results_dir,
					       host, stamp, i);
			rc = claim(r, dir, err, errlen);
			free(dir);
		}
		free(host);
		if (rc == 1)
			return set_error(err, errlen,
					 "no free run directory under '%s'",
					 c->results_dir);
	}
	if (rc != 0)
		return -1;
	struct sbuf sb = {0};
	raw_add_header(&sb);
	fwrite(sb.buf, 1, sb.len, r->raw);
	fflush(r->raw);
	sbuf_free(&sb);
	return 0;
}

static void record_setup(struct run *r)
{
	const struct run_config *c = r->c;
	machine_probe(&r->m, c->repo_dir);
	for (size_t i = 0; i < r->ntcs; i++) {
		const struct toolchain *t = &r->tcs[i];
		char key[64];
		const char *fields[][2] = {
		    {"go-version", t->name}, {"goroot", t->goroot},
		    {"goos", t->goos},	     {"goarch", t->goarch},
		    {"cc", t->cc_name},	     {"cc-version", t->cc_version}};
		for (size_t k = 0; k < 6; k++) {
			if (r->ntcs > 1)
				snprintf(key, sizeof key, "%s-%zu",
					 fields[k][0], i + 1);
			else
				snprintf(key, sizeof key, "%s", fields[k][0]);
			machine_set(&r->m, key, fields[k][1]);
		}
	}
	char *pc[] = {"pkg-config", "--modversion", "benchmark", NULL};
	char *gbv = machine_command_line(pc, NULL);
	machine_set(&r->m, "benchmark-version", gbv ? gbv : "unknown");
	r->gb18 = gbv && strverscmp(gbv, "1.8") >= 0;
	free(gbv);
	char buf[128];
	snprintf(buf, sizeof buf, "%d (raised up to %d for +-%g%%)", c->count,
		 c->max_count, c->target_pct);
	machine_set(&r->m, "repetitions", buf);
	snprintf(buf, sizeof buf, "%gs", c->benchtime_s);
	machine_set(&r->m, "benchtime", buf);
	if (r->pin >= 0)
		snprintf(buf, sizeof buf, "cpu %d", r->pin);
	else
		snprintf(buf, sizeof buf, "none");
	machine_set(&r->m, "pinned", buf);
	snprintf(buf, sizeof buf, "%d", r->procs);
	machine_set(&r->m, "gomaxprocs", buf);
	/* the families that measure parallelism run on every CPU */
	struct sbuf un = {0};
	for (size_t i = 0; i < r->nfams; i++)
		if (r->fams[i].unpinned)
			sbuf_addf(&un, "%s%s", un.len ? "," : "",
				  r->fams[i].name);
	if (un.len) {
		snprintf(buf, sizeof buf, "GOMAXPROCS=%d, no pinning: %s",
			 r->ncpu, un.buf);
		machine_set(&r->m, "unpinned", buf);
	}
	sbuf_free(&un);
	snprintf(buf, sizeof buf, "%llu", (unsigned long long)c->seed);
	machine_set(&r->m, "shuffle-seed", buf);
	if (c->prebuilt)
		machine_set(&r->m, "binaries", "prebuilt, from a bundle");

	const char *virt = machine_get(&r->m, "virtualised");
	if (virt && strcmp(virt, "none") && strcmp(virt, "no"))
		warn(r,
		     "running in a virtual machine (%s): timings are noisier "
		     "than on bare metal",
		     virt);
	const char *gov = machine_get(&r->m, "governor");
	if (gov && strcmp(gov, "performance") && strcmp(gov, "unreadable"))
		warn(r,
		     "CPU governor is '%s', not 'performance': CPU scaling "
		     "spoils timings",
		     gov);
	double load[1];
	if (getloadavg(load, 1) == 1 &&
	    load[0] > 0.5 * (double)sysconf(_SC_NPROCESSORS_ONLN))
		warn(r,
		     "the machine is loaded (load average %.2f): results "
		     "will be noisy",
		     load[0]);
	char *p = xasprintf("%s/machine.txt", r->dir);
	struct sbuf sb = {0};
	machine_set(&r->m, "status", "running");
	machine_format(&r->m, &sb);
	char err[ERRLEN];
	if (file_write_atomic(p, sb.buf, sb.len, err, sizeof err) != 0)
		warn(r, "%s", err);
	sbuf_free(&sb);
	free(p);
}

static void run_free(struct run *r)
{
	for (size_t i = 0; i < r->nunits; i++) {
		free(r->units[i].top);
		free(r->units[i].variant);
		free(r->units[i].param);
		free(r->units[i].note);
		free(r->units[i].primary);
		free(r->units[i].anatomy);
	}
	free(r->units);
	for (size_t i = 0; i < r->ntaken; i++)
		benchout_line_free(&r->taken[i].line);
	free(r->taken);
	for (size_t i = 0; r->builts && i < r->nfams * r->ntcs; i++)
		build_free(&r->builts[i]);
	free(r->builts);
	family_free_all(r->fams, r->nfams);
	for (size_t i = 0; i < r->ntcs; i++)
		toolchain_free(&r->tcs[i]);
	free(r->tcs);
	machine_free(&r->m);
	if (r->raw)
		fclose(r->raw);
	free(r->dir);
}

int run_toolchains(const struct run_config *c, struct toolchain **out,
		   size_t *n, char *err, size_t errlen)
{
	*out = NULL;
	*n = 0;
	int rc = 0;
	if (c->prebuilt) {
		/* every build_dir/<key>/toolchain.txt, by key */
		DIR *d = opendir(c->build_dir);
		if (!d)
			return set_error(err, errlen,
					 "no bundle here: cannot read '%s'",
					 c->build_dir);
		char **paths = NULL;
		size_t np = 0;
		struct dirent *e;
		while ((e = readdir(d))) {
			char *p = xasprintf("%s/%s/toolchain.txt", c->build_dir,
					    e->d_name);
			if (e->d_name[0] != '.' && path_exists(p)) {
				paths =
				    xrealloc(paths, (np + 1) * sizeof *paths);
				paths[np++] = p;
			} else {
				free(p);
			}
		}
		closedir(d);
		if (np)
			qsort(paths, np, sizeof *paths, str_ptr_cmp);
		*out = xcalloc(np ? np : 1, sizeof **out);
		for (size_t i = 0; i < np; i++) {
			if (rc == 0 && toolchain_load(paths[i], &(*out)[*n],
						      err, errlen) == 0)
				(*n)++;
			else
				rc = -1;
			free(paths[i]);
		}
		free(paths);
		if (rc == 0 && !*n)
			rc = set_error(err, errlen,
				       "no bundle here: no toolchain.txt under "
				       "'%s'",
				       c->build_dir);
		return rc;
	}
	*out = xcalloc(c->ngo, sizeof **out);
	for (size_t i = 0; i < c->ngo && rc == 0; i++, (*n)++)
		rc = toolchain_resolve(c->go[i], c->cc, c->cxx, &(*out)[i], err,
				       errlen);
	struct build_opts bo = {.build_dir = c->build_dir};
	for (size_t i = 0; i < *n && rc == 0; i++) {
		char *dir = build_toolchain_dir(&(*out)[i], &bo);
		char *p = xasprintf("%s/toolchain.txt", dir);
		rc = mkdir_p(dir, err, errlen);
		if (rc == 0)
			rc = toolchain_save(&(*out)[i], p, err, errlen);
		free(dir);
		free(p);
	}
	return rc;
}

int run_execute(const struct run_config *c, char *err, size_t errlen)
{
	struct run r = {.c = c, .rng = c->seed};
	int ncpu = (int)sysconf(_SC_NPROCESSORS_ONLN);
	r.pin = c->pin_cpu == RUN_PIN_AUTO ? (ncpu > 1 ? ncpu - 1 : -1)
					   : c->pin_cpu;
	if (r.pin >= ncpu) {
		return set_error(
		    err, errlen,
		    "cannot pin to CPU %d: this machine has %d (see "
		    "'--pin <CPU|none>')",
		    r.pin, ncpu);
	}
	r.procs = r.pin >= 0 ? 1 : ncpu;
	r.ncpu = ncpu;
	snprintf(r.gomaxprocs, sizeof r.gomaxprocs, "GOMAXPROCS=%d", r.procs);
	snprintf(r.allprocs, sizeof r.allprocs, "GOMAXPROCS=%d", ncpu);
	r.progress = !c->quiet && isatty(2);
	r.primary = c->instructions ? "instructions/op" : "ns/op";

	int rc = run_toolchains(c, &r.tcs, &r.ntcs, err, errlen);
	if (rc == 0)
		rc = family_discover(c->cases_dir, c->cases, &r.fams, &r.nfams,
				     err, errlen);
	if (rc == 0)
		rc = open_run_dir(&r, err, errlen);
	if (rc != 0) {
		run_free(&r);
		return -1;
	}
	info(&r, "run directory %s", r.dir);
	record_setup(&r);

	struct build_opts bo = {.cases_dir = c->cases_dir,
				.build_dir = c->build_dir,
				.stop = c->stop};
	r.builts = xcalloc(r.nfams * r.ntcs, sizeof *r.builts);
	for (size_t t = 0; t < r.ntcs && !*c->stop; t++)
		for (size_t f = 0; f < r.nfams && !*c->stop; f++) {
			struct built *b = &r.builts[t * r.nfams + f];
			info(&r, "%s %s with %s",
			     c->prebuilt ? "using the bundle's" : "building",
			     r.fams[f].name, r.tcs[t].name);
			char berr[ERRLEN * 2];
			if ((c->prebuilt ? build_prebuilt : build_family)(
				&r.fams[f], &r.tcs[t], &bo, b, berr,
				sizeof berr) != 0) {
				if (!*c->stop)
					family_failed(&r, &r.fams[f], &r.tcs[t],
						      berr);
				continue;
			}
			if (b->cbench)
				discover(&r, &r.fams[f], &r.tcs[t], 0,
					 b->cbench);
			if (b->go_test && !*c->stop)
				discover(&r, &r.fams[f], &r.tcs[t], 1,
					 b->go_test);
		}
	if (!*c->stop)
		measure(&r);
	int wrote = write_outputs(&r);
	info(&r, "wrote %s", r.dir);
	int failed = 0;
	for (size_t i = 0; i < r.nunits; i++)
		failed |= r.units[i].state == UNIT_FAILED;
	int code = *c->stop ? 130 : wrote != 0 ? 3 : failed ? 1 : 0;
	run_free(&r);
	return code;
}
