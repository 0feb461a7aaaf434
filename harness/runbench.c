#include "runint.h"

#include "anatomy.h"
#include "benchout.h"
#include "benchtxt.h"
#include "build.h"
#include "callgrind.h"
#include "claims.h"
#include "export.h"
#include "family.h"
#include "gbench.h"
#include "gotest.h"
#include "raw.h"
#include "rundir.h"
#include "spawn.h"
#include "stats.h"
#include "toolchain.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
char *runbench_go_filter(const struct unit *u)
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

char *runbench_gb_filter(const char *variant, const char *param)
{
	struct sbuf sb = {0};
	sbuf_addstr(&sb, "^");
	add_quoted(&sb, variant);
	if (param[0]) {
		sbuf_addstr(&sb, "/");
		add_quoted(&sb, param);
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
 * op (see anatomy.h); RUNBENCH_LOST, the line set all the same, when the
 * loop's count ran past the dumps (callgrind_lost_to_end). */
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
	double ir, end;
	char *path;
	if (callgrind_largest_dump(prefix, &ir, &path, err, errlen) != 0)
		return -1;
	struct bench_line *l = &out->lines[0];
	int rc = callgrind_end_dump(prefix, &end, err, errlen);
	if (rc == 0 && groups) {
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
	if (!callgrind_lost_to_end(ir, end))
		return 0;
	set_error(err, errlen,
		  "callgrind's count of the timed loop ran past its dumps: "
		  "the program's end holds %.0f instructions, the largest "
		  "dump %.0f",
		  end, ir);
	return RUNBENCH_LOST;
}

/* Runs a binary with the family's directory as its working directory and
 * parses what it printed into out, which the caller frees in every case:
 * after a crash or a timeout it holds what was printed before. filter NULL
 * runs every benchmark; skip (Go only) leaves out those it matches. */
/* The arguments of one benchmark process, after callgrind's when
 * counted; the strings it made go into owned (4, freed by the caller). */
static void bench_argv(const struct run *r, int is_go, const char *bin,
		       const char *filter, const char *skip, double seconds,
		       long counted, char **args, int a, char **owned)
{
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
}

char *runbench_godebug(const char *user, long counted, char *const *vars)
{
	struct sbuf sb = {0};
	if (user && *user)
		sbuf_addstr(&sb, user);
	/* counted: valgrind 3.19 cannot decode RDTSCP, which Go's
	 * cputicks uses where the CPU has it (under lock contention, in
	 * sysmon): one counted run of the call family in six died of SIGILL
	 * here. Go from 1.21 takes this off; older ones print a warning. */
	if (counted)
		sbuf_addf(&sb, "%sasyncpreemptoff=1,cpu.rdtscp=off",
			  sb.len ? "," : "");
	for (char *const *v = vars; v && *v; v++)
		if (str_starts(*v, "GODEBUG="))
			sbuf_addf(&sb, "%s%s", sb.len ? "," : "", *v + 8);
	char *var = sb.len ? xasprintf("GODEBUG=%s", sb.buf) : NULL;
	sbuf_free(&sb);
	return var;
}

/* The environment of one benchmark process: the toolchain's, GOMAXPROCS,
 * GODEBUG (runbench_godebug), the family's other variables; env has room
 * for the toolchain's and 8 more. Returns the GODEBUG variable it made,
 * for the caller to free. */
static char *bench_env(const struct run *r, const struct family *f,
		       const struct toolchain *t, const struct family_env *fe,
		       long counted, const char **env, size_t room)
{
	size_t e = 0;
	for (int i = 0; t->env[i]; i++)
		env[e++] = t->env[i];
	/* counted: one P keeps the scheduler's path the same from run to
	 * run; valgrind runs one thread at a time, so pinning buys nothing */
	env[e++] = counted	 ? "GOMAXPROCS=1"
		   : f->unpinned ? r->allprocs
				 : r->gomaxprocs;
	for (char **v = fe ? fe->vars : NULL; v && *v; v++)
		if (!str_starts(*v, "GODEBUG=") && e < room - 2)
			env[e++] = *v;
	char *godebug_var =
	    runbench_godebug(getenv("GODEBUG"), counted, fe ? fe->vars : NULL);
	if (godebug_var)
		env[e++] = godebug_var;
	env[e] = NULL;
	return godebug_var;
}

/* What a finished benchmark process printed, parsed into out; -1 with err
 * set when it failed (out keeps what was parsed before the end). */
static int bench_read(const struct run *r, const struct family *f, int is_go,
		      const char *bin, const char *filter, long counted,
		      struct spawn_result *res, struct bench_output *out,
		      char *err, size_t errlen)
{
	char *source = xasprintf("output of %s", bin);
	char perr[ERRLEN];
	int parsed =
	    is_go ? gotest_parse(res->out, source,
				 counted       ? 1
				 : f->unpinned ? r->ncpu
					       : r->procs,
				 out, perr, sizeof perr)
		  : gbench_parse(res->out, source, out, perr, sizeof perr);
	free(source);
	/* Google Benchmark says so on stderr and exits 0 */
	if (!is_go && spawn_ok(res) && out->nlines == 0 && out->nnotes == 0 &&
	    res->err && strstr(res->err, "Failed to match any benchmarks")) {
		set_error(err, errlen, "%s: no benchmark matches '%s'", bin,
			  filter ? filter : ".");
		return RUNBENCH_NO_MATCH;
	}
	/* a Go binary exits 1 when a benchmark fails: that one is named in
	 * its notes and the others still count */
	if (!spawn_ok(res) &&
	    !(is_go && res->exit_code == 1 && parsed == 0 && out->nnotes > 0)) {
		char how[128];
		spawn_describe(res, r->c->timeout_s, how, sizeof how);
		char *tail = spawn_reason(res->err, res->err_len);
		set_error(err, errlen, "%s: %s%s%s", bin, how,
			  *tail ? ": " : "", tail);
		free(tail);
		return -1;
	}
	return parsed != 0 ? set_error(err, errlen, "%s", perr) : 0;
}

int runbench_run(struct run *r, const struct family *f,
		 const struct toolchain *t, int is_go, const char *bin,
		 const struct family_env *fe, const char *filter,
		 const char *skip, double seconds, long counted, double *groups,
		 struct load_share *load, struct bench_output *out, char *err,
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
	bench_argv(r, is_go, bin, filter, skip, seconds, counted, args, a,
		   owned);
	const char *env[sizeof t->env / sizeof *t->env + 8];
	char *godebug =
	    bench_env(r, f, t, fe, counted, env, sizeof env / sizeof *env);
	struct spawn_opts so = {.argv = args,
				.env = (char *const *)env,
				.unset = RUNBENCH_UNSET,
				.cwd = f->dir,
				.pin_cpu = counted || f->unpinned ? -1 : r->pin,
				.batch = !counted && !f->unpinned && r->batch,
				.timeout_s = r->c->timeout_s,
				.stop = r->c->stop};
	struct spawn_result res;
	struct load_snap before, after;
	if (load)
		load_read(&before);
	int rc = spawn_run(&so, &res, err, errlen);
	if (load && rc == 0) {
		load_read(&after);
		load_between(&before, &after, so.pin_cpu, res.cpu_s,
			     res.elapsed_s, load);
		load->wall_s = res.elapsed_s;
	}
	for (int i = 0; i < 4; i++)
		free(owned[i]);
	free(godebug);
	if (rc == 0) {
		rc = bench_read(r, f, is_go, bin, filter, counted, &res, out,
				err, errlen);
		spawn_result_free(&res);
	}
	if (rc == 0 && counted) {
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
