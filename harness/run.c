#include "run.h"
#include "runint.h"

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
#include "report.h"
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

extern char **environ;

void run_info(const struct run *r, const char *fmt, ...)
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

void run_warn(const struct run *r, const char *fmt, ...)
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

/* On a terminal, one line rewritten before each sample; off one, a line
 * every tenth of the samples planned or every minute, whichever comes
 * first. The time left is the samples left at the pace so far, the time
 * they waited for a slow CPU left out: a slow spell, which may end any
 * moment, does not stretch it, and the budget bounds the samples
 * (schedule_samples_left). */
void run_progress(struct run *r, const char *what, int round, int rounds)
{
	if (r->c->quiet)
		return;
	double now = monotonic_s();
	size_t left_n = r->planned > r->done ? r->planned - r->done : 0;
	double left = schedule_sample_s(r) * (double)left_n;
	if (r->progress) {
		fprintf(stderr,
			"\r\033[K[round %d/%d] %s  %zu/%zu  about %dm%02ds "
			"left",
			round, rounds, what, r->done, r->planned,
			(int)left / 60, (int)left % 60);
		return;
	}
	size_t step = r->planned / 10 ? r->planned / 10 : 1;
	if (!r->done ||
	    (r->done < r->said_done + step && now - r->said_at < 60))
		return;
	fprintf(stderr,
		"cgobench: round %d/%d: %zu of %zu samples taken, about "
		"%dm%02ds left\n",
		round, rounds, r->done, r->planned, (int)left / 60,
		(int)left % 60);
	r->said_done = r->done;
	r->said_at = now;
}

/* Creates dir/raw.csv exclusively, so that two runs can never share a
 * run directory; 1 when it is taken already, by a run's raw.csv or by
 * what a run writes beside it (a raw.csv moved away leaves them). */
static int claim(struct run *r, const char *dir, char *err, size_t errlen)
{
	if (mkdir_p(dir, err, errlen) != 0)
		return -1;
	static const char *const outputs[] = {"summary.csv", "machine.txt",
					      "report.md"};
	for (size_t i = 0; i < sizeof outputs / sizeof *outputs; i++) {
		char *p = xasprintf("%s/%s", dir, outputs[i]);
		int taken = path_exists(p);
		free(p);
		if (taken)
			return 1;
	}
	char *raw = xasprintf("%s/raw.csv", dir);
	int fd = open(raw, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	int e = errno;
	free(raw);
	if (fd < 0 && e == EEXIST)
		return 1;
	if (fd < 0)
		return set_error(err, errlen, "cannot create '%s/raw.csv': %s",
				 dir, strerror(e));
	r->raw_fd = fd;
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
	rc = run_append_raw(r, sb.buf, sb.len);
	sbuf_free(&sb);
	if (rc != 0)
		return set_error(err, errlen, "cannot write '%s/raw.csv': %s",
				 r->dir, strerror(errno));
	return 0;
}

int run_append_raw(struct run *r, const char *buf, size_t len)
{
	off_t at = r->raw_len;
	while (len > 0) {
		ssize_t n = pwrite(r->raw_fd, buf, len, at);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			int e = n < 0 ? errno : ENOSPC;
			/* no part line stays behind (the space it took is
			 * given back even on a full disk) */
			if (ftruncate(r->raw_fd, r->raw_len) != 0)
				run_warn(r,
					 "cannot cut %s/raw.csv back to "
					 "its last whole line: %s",
					 r->dir, strerror(errno));
			errno = e;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
		at += n;
	}
	r->raw_len = at;
	return 0;
}

static void warn_spoilers(struct run *r);

/* machine.txt's build-env of t: the variables that change what go and
 * cgo build (toolchain_build_vars), as go env gave them, those with a
 * value; NULL for a toolchain of a bundle, which has none. */
static char *build_env_text(const struct toolchain *t)
{
	if (!t->build_env[0])
		return NULL;
	char *owned[TC_BUILD_VARS];
	const char *set[TC_BUILD_VARS];
	size_t n = 0;
	for (size_t i = 0; i < TC_BUILD_VARS; i++)
		if (t->build_env[i] && *t->build_env[i]) {
			owned[n] = xasprintf("%s=%s", toolchain_build_vars[i],
					     t->build_env[i]);
			set[n] = owned[n];
			n++;
		}
	char *text = machine_env_text(set, n);
	for (size_t i = 0; i < n; i++)
		free(owned[i]);
	return text;
}

/* Each toolchain's keys of machine.txt, numbered when there are more
 * than one (go-version-2). */
static void record_toolchains(struct run *r)
{
	for (size_t i = 0; i < r->ntcs; i++) {
		const struct toolchain *t = &r->tcs[i];
		char key[64];
		char *build = build_env_text(t);
		const char *fields[][2] = {
		    {"go-version", t->name}, {"goroot", t->goroot},
		    {"goos", t->goos},	     {"goarch", t->goarch},
		    {"cc", t->cc_name},	     {"cc-version", t->cc_version},
		    {"build-env", build}};
		for (size_t k = 0; k < sizeof fields / sizeof *fields; k++) {
			if (!fields[k][1])
				continue;
			if (r->ntcs > 1)
				snprintf(key, sizeof key, "%s-%zu",
					 fields[k][0], i + 1);
			else
				snprintf(key, sizeof key, "%s", fields[k][0]);
			machine_set(&r->m, key, fields[k][1]);
		}
		free(build);
	}
}

/* machine.txt's runtime-env, and a warning where the user's environment
 * sets any of it, or a variable the benchmarks do not get. */
static void record_runtime_env(struct run *r)
{
	char *env = machine_runtime_env(environ);
	machine_set(&r->m, "runtime-env", env);
	if (strcmp(env, "none"))
		run_warn(r,
			 "%s from the environment reaches every benchmark "
			 "process and moves what it measures (machine.txt's "
			 "runtime-env; compare says so against a run without "
			 "it)",
			 env);
	free(env);
	struct sbuf left = {0};
	for (char **v = environ; *v; v++)
		if (str_starts(*v, RUNBENCH_UNSET))
			sbuf_addf(&left, "%s%.*s", left.len ? ", " : "",
				  (int)strcspn(*v, "="), *v);
	if (left.len)
		run_warn(r,
			 "%s from the environment left out of the benchmark "
			 "processes: cgobench sets how Google Benchmark "
			 "measures (--benchtime, --count)",
			 left.buf);
	sbuf_free(&left);
}

static void record_setup(struct run *r)
{
	const struct run_config *c = r->c;
	machine_probe(&r->m, c->repo_dir);
	runout_take_faults(r);
	record_toolchains(r);
	char *pc[] = {"pkg-config", "--modversion", "benchmark", NULL};
	char *gbv = machine_command_line(pc, NULL);
	machine_set(&r->m, "benchmark-version", gbv ? gbv : "unknown");
	r->gb18 = gbv && strverscmp(gbv, "1.8") >= 0;
	free(gbv);
	char buf[384];
	char aim[64] = "";
	if (c->aim_pct < c->target_pct)
		snprintf(aim, sizeof aim, ", then the pinned toward +-%g%%",
			 c->aim_pct);
	snprintf(buf, sizeof buf,
		 "%d (raised up to %d for +-%g%%, +-%g%% unpinned, beyond %zu "
		 "only where %zu would reach it, a contended row's beyond %d, "
		 "until the others are done%s, while the samples take under "
		 "%gs)",
		 c->count, c->max_count, c->target_pct, c->target_unpinned_pct,
		 schedule_reach_from(c), schedule_reach_before(c),
		 SCHEDULE_SPREAD_MAX, aim, c->budget_s);
	machine_set(&r->m, "repetitions", buf);
	snprintf(buf, sizeof buf, "%gs", c->benchtime_s);
	machine_set(&r->m, "benchtime", buf);
	/* not where instructions are counted, as no sample is timed: a
	 * counted run against the baseline of one before the key then
	 * reads --benchtime for it on both sides, not 0.1s against it */
	if (!c->instructions) {
		snprintf(buf, sizeof buf, "%gs", c->benchtime_unpinned_s);
		machine_set(&r->m, "benchtime-unpinned", buf);
	}
	snprintf(buf, sizeof buf, "%gs", c->hold_s);
	machine_set(&r->m, "hold", buf);
	if (r->pin >= 0)
		snprintf(buf, sizeof buf, "cpu %d", r->pin);
	else
		snprintf(buf, sizeof buf, "none");
	machine_set(&r->m, "pinned", buf);
	if (r->pin >= 0)
		machine_set(&r->m, "sched", r->batch ? "batch" : "normal");
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
	record_runtime_env(r);
	warn_spoilers(r);
	char *p = xasprintf("%s/machine.txt", r->dir);
	struct sbuf sb = {0};
	machine_set(&r->m, "status", "running");
	machine_format(&r->m, &sb);
	char err[ERRLEN];
	if (file_write_atomic(p, sb.buf, sb.len, err, sizeof err) != 0)
		run_warn(r, "%s", err);
	sbuf_free(&sb);
	free(p);
}

/* Warns loudly about what spoils a measurement: a virtual machine, CPU
 * scaling, a loaded machine. */
static void warn_spoilers(struct run *r)
{
	if (r->c->instructions)
		return; /* none of them moves a count of instructions */
	const char *virt = machine_get(&r->m, "virtualised");
	if (virt && strcmp(virt, "none") && strcmp(virt, "no"))
		run_warn(
		    r,
		    "running in a virtual machine (%s): timings are noisier "
		    "than on bare metal",
		    virt);
	const char *gov = machine_get(&r->m, "governor");
	if (gov && strcmp(gov, "performance") && strcmp(gov, "unreadable"))
		run_warn(r,
			 "CPU governor is '%s', not 'performance': CPU scaling "
			 "spoils timings",
			 gov);
	double load[1];
	if (getloadavg(load, 1) == 1 &&
	    load[0] > 0.5 * (double)sysconf(_SC_NPROCESSORS_ONLN))
		run_warn(r,
			 "the machine is loaded (load average %.2f): results "
			 "will be noisy",
			 load[0]);
}

static void run_free(struct run *r)
{
	for (size_t i = 0; i < r->nunits; i++) {
		free(r->units[i].top);
		free(r->units[i].variant);
		free(r->units[i].param);
		free(r->units[i].note);
		free(r->units[i].primary);
		free(r->units[i].settled);
		free(r->units[i].load);
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
	gbjson_free(&r->gb);
	if (r->raw_fd >= 0)
		close(r->raw_fd);
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
	/* rows are keyed by the toolchain's name: one named twice (go,go)
	 * pooled both's samples, n=2 at --count 1 */
	for (size_t i = 0; i < *n && rc == 0; i++)
		for (size_t j = 0; j < i && rc == 0; j++)
			if (!strcmp((*out)[i].name, (*out)[j].name))
				rc = set_error(err, errlen,
					       "'--go' names %s twice ('%s' "
					       "and '%s'): name each toolchain "
					       "once",
					       (*out)[i].name, c->go[j],
					       c->go[i]);
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

/* Writes what the run took, says how it ended, and returns its exit
 * code: 130 stopped, 3 an output or a sample not written, 1 a case that
 * failed, 0. */
static int finish(struct run *r)
{
	const struct run_config *c = r->c;
	int wrote = runout_write(r);
	if (*c->stop && r->planned)
		fprintf(stderr,
			"cgobench: stopped: %zu of about %zu samples taken; "
			"what was measured is in %s, marked incomplete\n",
			r->done, r->planned, r->dir);
	else if (*c->stop)
		fprintf(stderr, "cgobench: stopped before the first sample: "
				"nothing was measured\n");
	else
		run_info(r, "wrote %s", r->dir);
	if (r->precision.measured) {
		struct sbuf sb = {0}, m = {0};
		machine_format(&r->m, &m);
		report_precision(&r->precision, m.buf, 0, &sb);
		fprintf(stderr, "cgobench: %s\n", sb.buf);
		sbuf_free(&sb);
		sbuf_free(&m);
	}
	int failed = 0;
	for (size_t i = 0; i < r->nunits; i++)
		failed |= r->units[i].state == UNIT_FAILED;
	if (r->unwritten)
		fprintf(stderr,
			"cgobench: %zu samples could not be written to "
			"%s/raw.csv (%s): the run leaves them out\n",
			r->unwritten, r->dir, strerror(r->unwritten_errno));
	return *c->stop ? 130 : wrote != 0 || r->unwritten ? 3 : failed ? 1 : 0;
}

/* Whether this machine lets a child run under SCHED_BATCH (a seccomp
 * filter or a scheduler policy may refuse it); else the run says so and
 * its pinned processes run under the normal policy. */
static int batch_allowed(const struct run *r)
{
	char *argv[] = {"true", NULL}, err[ERRLEN];
	struct spawn_opts o = {
	    .argv = argv, .pin_cpu = -1, .batch = 1, .timeout_s = 10};
	struct spawn_result res;
	if (spawn_run(&o, &res, err, sizeof err) == 0) {
		spawn_result_free(&res);
		return 1;
	}
	run_warn(r,
		 "%s: the pinned processes run under the normal policy, "
		 "which lets the Go runtime's threads cut into their time "
		 "(docs/precision.md item 13)",
		 err);
	return 0;
}

/* Why family f is not run with toolchain t, or NULL: too old a
 * toolchain (build_unsupported), or a counted run of a family that says
 * it cannot be counted. */
static char *not_run(const struct run_config *c, const struct family *f,
		     const struct toolchain *t)
{
	if (c->instructions && f->uncounted)
		return xasprintf(
		    "case '%s' is not counted in instructions (the "
		    "file options says 'uncounted'): run it "
		    "without --metric instructions",
		    f->name);
	return build_unsupported(f, t);
}

int run_execute(const struct run_config *c, char *err, size_t errlen)
{
	struct run r = {.c = c, .rng = c->seed, .raw_fd = -1};
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
	run_info(&r, "run directory %s", r.dir);
	r.batch =
	    r.pin >= 0 && c->sched == RUN_SCHED_BATCH && batch_allowed(&r);
	record_setup(&r);

	struct build_opts bo = {.cases_dir = c->cases_dir,
				.build_dir = c->build_dir,
				.stop = c->stop};
	r.builts = xcalloc(r.nfams * r.ntcs, sizeof *r.builts);
	for (size_t t = 0; t < r.ntcs && !*c->stop; t++)
		for (size_t f = 0; f < r.nfams && !*c->stop; f++) {
			struct built *b = &r.builts[t * r.nfams + f];
			char *why = not_run(c, &r.fams[f], &r.tcs[t]);
			if (why) {
				discover_family_skipped(&r, &r.fams[f],
							&r.tcs[t], why);
				free(why);
				continue;
			}
			run_info(&r, "%s %s with %s",
				 c->prebuilt ? "using the bundle's"
					     : "building",
				 r.fams[f].name, r.tcs[t].name);
			char berr[ERRLEN * 2];
			if ((c->prebuilt ? build_prebuilt : build_family)(
				&r.fams[f], &r.tcs[t], &bo, b, berr,
				sizeof berr) != 0) {
				if (!*c->stop)
					discover_family_failed(&r, &r.fams[f],
							       &r.tcs[t], berr);
				continue;
			}
			if (b->cbench)
				discover_family(&r, &r.fams[f], &r.tcs[t], 0,
						b->cbench);
			if (b->go_test && !*c->stop)
				discover_family(&r, &r.fams[f], &r.tcs[t], 1,
						b->go_test);
		}
	for (size_t f = 0; f < r.nfams && !*c->stop; f++)
		discover_check_family(&r, &r.fams[f]);
	if (!*c->stop)
		schedule_measure(&r);
	int code = finish(&r);
	run_free(&r);
	return code;
}
