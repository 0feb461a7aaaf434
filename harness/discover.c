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

static int has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

/* Writes a name's control characters as C escapes (\\n, \\x01), so that
 * a message or a table can show it on one line. */
static void escape_controls(char **s)
{
	struct sbuf sb = {0};
	for (const char *p = *s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '\n')
			sbuf_addstr(&sb, "\\n");
		else if (c < 0x20 || c == 0x7f)
			sbuf_addf(&sb, "\\x%02x", c);
		else
			sbuf_add(&sb, p, 1);
	}
	free(*s);
	*s = sb.buf ? sb.buf : xstrdup("");
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

void discover_set_state(struct unit *u, enum unit_state st, const char *note)
{
	u->state = st;
	free(u->note);
	u->note = xstrdup(note);
}

/* Failures that have no unit of their own (a family that does not build,
 * a binary that crashes before listing its benchmarks) get a unit with an
 * empty variant, so that the summary shows them; so does a family that a
 * toolchain is too old to build, skipped. */
void discover_family_failed(struct run *r, const struct family *f,
			    const struct toolchain *t, const char *why)
{
	run_warn(r, "%s", why);
	struct unit *u = add_unit(r, f, t, 0, "", "", "", "");
	discover_set_state(u, UNIT_FAILED, why);
}

void discover_family_skipped(struct run *r, const struct family *f,
			     const struct toolchain *t, const char *why)
{
	run_info(r, "skipping %s", why);
	struct unit *u = add_unit(r, f, t, 0, "", "", "", "");
	discover_set_state(u, UNIT_SKIPPED, why);
}

void discover_unit_failed(struct run *r, struct unit *u, const char *why)
{
	discover_set_state(u, UNIT_FAILED, why);
	run_warn(r, "%s %s (%s) failed: %s", u->fam->name, u->variant,
		 u->tc->name, why);
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
			discover_set_state(u, UNIT_SKIPPED, why);
		else
			discover_unit_failed(r, u, why);
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
		int rc = runbench_run(r, f, t, 1, bin, fe, NULL, skip.buf,
				      r->c->warmup_s, 0, NULL, NULL, &out, err,
				      sizeof err);
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
			discover_unit_failed(r, u, why);
			free(why);
			char *pattern = runbench_go_filter(u);
			sbuf_addf(&skip, "%s%s", skip.len ? "|" : "", pattern);
			free(pattern);
		} else if (rc != 0 && !*r->c->stop) {
			char *why = xasprintf(
			    "case '%s' (%s) failed while warming up: %s",
			    f->name, t->name, err);
			discover_family_failed(r, f, t, why);
			free(why);
			rc = 0;
		}
		benchout_free(&out);
		if (rc == 0)
			break;
	}
	sbuf_free(&skip);
}

/* Warms each listed benchmark of a Google Benchmark binary up alone, to
 * find the ones that crash or hang. Its list has a name per line, so a
 * name that holds a newline comes as lines that match nothing alone: such
 * a line is joined with the next until they match. */
static void warm_gb_alone(struct run *r, const struct family *f,
			  const struct toolchain *t, const char *bin,
			  char **names, size_t n)
{
	for (size_t i = 0; i < n && !*r->c->stop; i++) {
		char *name = xstrdup(names[i]), *variant, *param, err[ERRLEN];
		struct bench_output out;
		int rc;
		for (;;) {
			benchout_split_name(name, &variant, &param);
			char *filter = runbench_gb_filter(variant, param);
			rc = runbench_run(r, f, t, 0, bin, NULL, filter, NULL,
					  r->c->warmup_s, 0, NULL, NULL, &out,
					  err, sizeof err);
			free(filter);
			if (rc != RUNBENCH_NO_MATCH || i + 1 >= n)
				break;
			benchout_free(&out);
			free(variant);
			free(param);
			char *longer = xasprintf("%s\n%s", name, names[++i]);
			free(name);
			name = longer;
		}
		struct unit *u = add_unit(r, f, t, 0, bin, "", variant, param);
		if (rc != 0 && !*r->c->stop) {
			char *why = xasprintf("while warming up: %s", err);
			discover_unit_failed(r, u, why);
			free(why);
		}
		add_found(r, f, t, 0, bin, NULL, &out);
		benchout_free(&out);
		free(name);
		free(variant);
		free(param);
	}
}

/* Lists a Google Benchmark binary's benchmarks (which runs none of them)
 * and warms it up; the warm-up's JSON names them as they are. When that
 * fails, each is warmed up alone. A name with a control character in it
 * (a newline) is refused: no line of a table could show it. */
static void discover_gb(struct run *r, const struct family *f,
			const struct toolchain *t, const char *bin)
{
	char *argv[] = {(char *)bin, "--benchmark_list_tests=true", NULL};
	struct spawn_opts so = {.argv = argv,
				.env = t->env,
				.unset = RUNBENCH_UNSET,
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
		discover_family_failed(r, f, t, why);
		free(why);
		if (res.out)
			spawn_result_free(&res);
		return;
	}
	size_t first = r->nunits, n = 0;
	char **names = NULL, *save;
	for (char *name = strtok_r(res.out, "\n", &save); name;
	     name = strtok_r(NULL, "\n", &save)) {
		names = xrealloc(names, (n + 1) * sizeof *names);
		names[n++] = name;
	}
	struct bench_output out;
	int rc = runbench_run(r, f, t, 0, bin, NULL, NULL, NULL, r->c->warmup_s,
			      0, NULL, NULL, &out, err, sizeof err);
	add_found(r, f, t, 0, bin, NULL, &out);
	benchout_free(&out);
	if (rc != 0)
		warm_gb_alone(r, f, t, bin, names, n);
	free(names);
	spawn_result_free(&res);
	for (size_t i = first; i < r->nunits; i++) {
		struct unit *u = &r->units[i];
		if (!has_control(u->variant) && !has_control(u->param))
			continue;
		escape_controls(&u->variant);
		escape_controls(&u->param);
		discover_unit_failed(
		    r, u,
		    "its name holds a newline or another control "
		    "character, which neither Google Benchmark's "
		    "list of benchmarks nor a table can carry: "
		    "rename it");
	}
}

void discover_family(struct run *r, const struct family *f,
		     const struct toolchain *t, int is_go, const char *bin)
{
	run_info(r, "warming up %s %s (%s)", f->name,
		 is_go ? "go side" : "C side", t->name);
	if (is_go) {
		discover_go(r, f, t, bin, NULL);
		for (size_t i = 0; i < f->nenvs && !*r->c->stop; i++)
			discover_go(r, f, t, bin, &f->envs[i]);
	} else
		discover_gb(r, f, t, bin);
}

/* Whether a benchmark of family f (in any toolchain) has this variant, or
 * when level is set, a param with that level. */
static int family_has(const struct run *r, const struct family *f,
		      const char *variant, const char *level)
{
	for (size_t i = 0; i < r->nunits; i++) {
		const struct unit *u = &r->units[i];
		if (u->fam != f)
			continue;
		if (variant && !strcmp(u->variant, variant))
			return 1;
		if (level && !variant && family_param_has(u->param, level))
			return 1;
	}
	return 0;
}

void discover_check_family(struct run *r, const struct family *f)
{
	int found = 0;
	for (size_t i = 0; i < r->nunits && !found; i++)
		found = r->units[i].fam == f && r->units[i].variant[0];
	if (!found)
		return; /* it did not build: nothing to check against */
	for (size_t i = 0; i < f->nbaselines; i++)
		for (int side = 0; side < 2; side++) {
			const char *v = side ? f->baselines[i].baseline
					     : f->baselines[i].variant;
			if (!family_has(r, f, v, NULL))
				run_warn(r,
					 "%s/baselines: '%s' is no variant "
					 "of case '%s': its line is unused",
					 f->dir, v, f->name);
		}
	for (size_t i = 0; i < f->nenvs; i++)
		if (!family_has(r, f, NULL, f->envs[i].level))
			run_warn(r,
				 "%s/options: env level '%s' is in no "
				 "param of case '%s': its line is unused",
				 f->dir, f->envs[i].level, f->name);
}
