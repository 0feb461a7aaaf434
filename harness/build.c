#include "build.h"

#include "machine.h"
#include "place.h"
#include "spawn.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Hashes every regular file below dir, names and contents, in sorted
 * order so that the hash does not depend on readdir's. */
static uint64_t hash_tree(uint64_t h, const char *dir)
{
	size_t n;
	char **names = dir_list(dir, &n);
	if (!names)
		return h;
	for (size_t i = 0; i < n; i++) {
		char *p = xasprintf("%s/%s", dir, names[i]);
		h = fnv(h, names[i], strlen(names[i]) + 1);
		if (path_is_dir(p)) {
			h = hash_tree(h, p);
		} else {
			char *text, err[ERRLEN];
			size_t len;
			if (file_read(p, &text, &len, err, sizeof err) == 0) {
				h = fnv(h, text, len);
				free(text);
			}
		}
		free(p);
	}
	free_list(names);
	return h;
}

struct job {
	const struct toolchain *t;
	const struct build_opts *o;
	char **env; /* the toolchain's, CGO_ENABLED=0 for a nocgo family,
		     * and cgo's C flags (cgo_cflags) */
	struct sbuf log;
	char *failure;	    /* tail of the failing command's output */
	unsigned loop_byte; /* where the drivers' loops start (place.h) */
};

static int run_step(struct job *j, char *const *argv, const char *cwd)
{
	for (int i = 0; argv[i]; i++)
		sbuf_addf(&j->log, "%s%s", i ? " " : "$ ", argv[i]);
	sbuf_addstr(&j->log, "\n");
	struct spawn_opts so = {.argv = argv,
				.env = j->env,
				.cwd = cwd,
				.pin_cpu = -1,
				.timeout_s = 900,
				.stop = j->o->stop};
	struct spawn_result r;
	char err[ERRLEN];
	if (spawn_run(&so, &r, err, sizeof err) != 0) {
		sbuf_addf(&j->log, "%s\n", err);
		j->failure = xstrdup(err);
		return -1;
	}
	sbuf_add(&j->log, r.out, r.out_len);
	sbuf_add(&j->log, r.err, r.err_len);
	int ok = spawn_ok(&r);
	if (!ok) {
		char how[128];
		spawn_describe(&r, so.timeout_s, how, sizeof how);
		char *tail = spawn_tail(r.err_len ? r.err : r.out,
					r.err_len ? r.err_len : r.out_len, 400);
		j->failure = xasprintf("%s: %s: %s", argv[0], how, tail);
		free(tail);
		sbuf_addf(&j->log, "# %s\n", how);
	}
	spawn_result_free(&r);
	return ok ? 0 : -1;
}

/* Lists the files of dir whose names end in suffix, sorted, as paths in
 * a NULL-terminated array (free_list). */
static size_t list_sources(const char *dir, const char *suffix, char ***out)
{
	size_t all, n = 0, sl = strlen(suffix);
	char **names = dir_list(dir, &all);
	*out = xcalloc(all + 1, sizeof **out);
	for (size_t i = 0; i < all; i++) {
		size_t l = strlen(names[i]);
		if (l > sl && !strcmp(names[i] + l - sl, suffix))
			(*out)[n++] = xasprintf("%s/%s", dir, names[i]);
	}
	free_list(names);
	return n;
}

/* The flags the C and C++ sides are compiled with; the build stamp
 * hashes them, so that a change here rebuilds every case. No -DNDEBUG:
 * benchmark.h's assert stays in the drivers' loops where gcc does not
 * hoist it (a compare and a branch), because without it the nanosecond
 * loops, laid out anew, sat in their slow state more often (three of five
 * worse, one better; docs/precision.md, item 28). */
static char *const case_flags[] = {"-O2", "-g", NULL};
#define NCASE_FLAGS (sizeof case_flags / sizeof *case_flags - 1)

/* Whether the drivers' loops are moved (place.h): on x86-64, whose
 * assembly place.c reads, and where it was measured. */
static int places_loops(const struct toolchain *t)
{
	return !strcmp(t->goarch, "amd64");
}

/* Whether cgo's C functions are started at 64-byte lines (cgo_cflags):
 * on x86-64, unless the user's CGO_CFLAGS set a function alignment. */
static int aligns_cgo(const struct toolchain *t)
{
	const char *user = t->build_env[TC_CGO_CFLAGS];
	return places_loops(t) && user && !strstr(user, "-falign-functions");
}

/* The byte the drivers' loops start at, for this machine's CPU
 * (place_loop_byte): a bundle's binaries get the CPU they were built on. */
static unsigned loop_byte(void)
{
	char *vendor = machine_cpuinfo("vendor_id"),
	     *family = machine_cpuinfo("cpu family");
	unsigned byte = place_loop_byte(vendor, family);
	free(vendor);
	free(family);
	return byte;
}

/* The assembly at as with its loops moved (place.h) into placed, which
 * is assembled into obj. */
static int place_and_assemble(struct job *j, const char *as, const char *placed,
			      const char *obj, int cxx)
{
	char err[ERRLEN];
	size_t moved;
	unsigned byte = j->loop_byte;
	if (place_loops_file(as, placed, byte, &moved, err, sizeof err) != 0) {
		sbuf_addf(&j->log, "%s\n", err);
		j->failure = xstrdup(err);
		return -1;
	}
	sbuf_addf(&j->log,
		  "# moved %zu loops to byte %u of their 64-byte lines: %s\n",
		  moved, byte, placed);
	char *argv[] = {cxx ? j->t->cxx : j->t->cc,
			"-c",
			(char *)placed,
			"-o",
			(char *)obj,
			NULL};
	return run_step(j, argv, NULL);
}

/* Whether t is gccgo, whose Go functions gcc places. */
static int is_gccgo(const struct toolchain *t)
{
	return str_starts(t->name, "gccgo");
}

/* The flags work.c is compiled with, on the C side as cgo compiles it
 * into the Go side, so that both sides run the same machine code
 * (docs/precision.md items 51 and 54): the user's CGO_CFLAGS as go env
 * gives them (case_flags where it gave none), split as go splits them
 * (toolchain_split_flags; go env refuses a quote left open); -fPIC, which
 * cgo always gives; gccgo's cgo's -fsplit-stack; and cgo_cflags's
 * alignment where it adds it (aligns_cgo). For free_list. */
static char **work_flags(const struct toolchain *t)
{
	const char *user = t->build_env[TC_CGO_CFLAGS];
	char err[ERRLEN];
	char **out =
	    user ? toolchain_split_flags("CGO_CFLAGS", user, err, sizeof err)
		 : NULL;
	size_t n = 0;
	if (!out) {
		out = xcalloc(NCASE_FLAGS + 1, sizeof *out);
		for (; n < NCASE_FLAGS; n++)
			out[n] = xstrdup(case_flags[n]);
	}
	while (out[n])
		n++;
	out = xrealloc(out, (n + 4) * sizeof *out);
	out[n++] = xstrdup("-fPIC");
	if (is_gccgo(t))
		out[n++] = xstrdup("-fsplit-stack");
	if (aligns_cgo(t))
		out[n++] = xstrdup("-falign-functions=64");
	out[n] = NULL;
	return out;
}

/* The argv cc, flags, then tail (both NULL-terminated), for the caller
 * to free (the array only). */
static char **cc_argv(char *cc, char *const *flags, char *const *tail)
{
	size_t nf = 0, nt = 0;
	while (flags[nf])
		nf++;
	while (tail[nt])
		nt++;
	char **argv = xcalloc(1 + nf + nt + 1, sizeof *argv);
	argv[0] = cc;
	memcpy(argv + 1, flags, nf * sizeof *flags);
	memcpy(argv + 1 + nf, tail, (nt + 1) * sizeof *tail);
	return argv;
}

/* Compiles src into obj with flags (NULL: case_flags). A driver's source
 * (place) is compiled to assembly first, obj.s, and its loops moved into
 * obj.placed.s, which is assembled: both stay beside obj for a reader. */
static int compile(struct job *j, const char *src, const char *obj,
		   const char *incdir, char *const *flags, int cxx, int place)
{
	char *inc = xasprintf("-I%s", incdir);
	place = place && places_loops(j->t);
	char *as = place ? xasprintf("%s.s", obj) : NULL;
	char *tail[] = {cxx ? "-std=c++17" : "-std=c11",
			"-D_GNU_SOURCE",
			inc,
			place ? "-S" : "-c",
			(char *)src,
			"-o",
			place ? as : (char *)obj,
			NULL};
	char **argv = cc_argv(cxx ? j->t->cxx : j->t->cc,
			      flags ? flags : case_flags, tail);
	int rc = run_step(j, argv, NULL);
	if (rc == 0 && place) {
		char *placed = xasprintf("%s.placed.s", obj);
		rc = place_and_assemble(j, as, placed, obj, cxx);
		free(placed);
	}
	free(argv);
	free(inc);
	free(as);
	return rc;
}

static int build_cbench(struct job *j, const struct family *f, const char *out,
			int with_export)
{
	/* absolute paths, so that debug information (and with it the
	 * anatomy of a crossing) names the case's own files in full */
	char *fam = realpath(f->dir, NULL);
	if (!fam)
		fam = xstrdup(f->dir);
	char *cbdir = xasprintf("%s/cbench", fam);
	char **srcs[2];
	size_t ns[2] = {list_sources(cbdir, ".c", &srcs[0]),
			list_sources(cbdir, ".cc", &srcs[1])};
	char *work = xasprintf("%s/work.c", fam);
	char **objs = xcalloc(ns[0] + ns[1] + 2, sizeof *objs);
	size_t no = 0;
	int rc = 0;
	if (path_exists(work)) {
		objs[no] = xasprintf("%s/work.o", out);
		char **wf = work_flags(j->t);
		rc = compile(j, work, objs[no++], out, wf, 0, 0);
		free_list(wf);
	}
	for (int lang = 0; lang < 2 && rc == 0; lang++)
		for (size_t i = 0; i < ns[lang] && rc == 0; i++) {
			objs[no] =
			    xasprintf("%s/cbench-%zu-%d.o", out, i, lang);
			rc = compile(j, srcs[lang][i], objs[no++], out, NULL,
				     lang, 1);
		}
	if (rc == 0) {
		size_t nl = 0;
		while (f->links && f->links[nl])
			nl++;
		char **argv = xcalloc(no + nl + 10, sizeof *argv);
		size_t a = 0;
		char *bin = xasprintf("%s/c.bench", out);
		char *lib = xasprintf("%s/libexport.a", out);
		argv[a++] = j->t->cxx;
		argv[a++] = "-o";
		argv[a++] = bin;
		for (size_t i = 0; i < no; i++)
			argv[a++] = objs[i];
		if (with_export)
			argv[a++] = lib;
		/* a gccgo c-archive needs gccgo's runtime, libgo */
		if (with_export && is_gccgo(j->t))
			argv[a++] = "-lgo";
		for (size_t i = 0; i < nl; i++)
			argv[a++] = f->links[i];
		argv[a++] = "-lbenchmark";
		argv[a++] = "-lpthread";
		argv[a] = NULL;
		rc = run_step(j, argv, NULL);
		free(bin);
		free(lib);
		free(argv);
	}
	free_list(objs);
	free_list(srcs[0]);
	free_list(srcs[1]);
	free(work);
	free(cbdir);
	free(fam);
	return rc;
}

/* work.c as a shared library, libwork.so in out, for a Go side that
 * loads it at run time (the family's option "shared"). */
static int build_shared(struct job *j, const struct family *f, const char *out,
			struct built *b)
{
	char *fam = realpath(f->dir, NULL);
	char *work = xasprintf("%s/work.c", fam ? fam : f->dir);
	char *inc = xasprintf("-I%s", fam ? fam : f->dir);
	b->shared = xasprintf("%s/libwork.so", out);
	char **wf = work_flags(j->t);
	char *tail[] = {"-std=c11", "-D_GNU_SOURCE", "-shared",	  inc, work,
			"-o",	    b->shared,	     "-lpthread", NULL};
	char **argv = cc_argv(j->t->cc, wf, tail);
	int rc = run_step(j, argv, NULL);
	free(argv);
	free_list(wf);
	free(fam);
	free(work);
	free(inc);
	return rc;
}

/* Whether the go command argv, run in j's environment, prints word on
 * stdout or stderr (whatever its exit status). */
static int go_says(struct job *j, char *const *argv, const char *word)
{
	struct spawn_opts so = {.argv = argv,
				.env = j->env,
				.pin_cpu = -1,
				.timeout_s = 600,
				.stop = j->o->stop};
	struct spawn_result r;
	char err[ERRLEN];
	if (spawn_run(&so, &r, err, sizeof err) != 0)
		return 0;
	size_t n = strlen(word);
	int says = (r.err_len && memmem(r.err, r.err_len, word, n)) ||
		   (r.out_len && memmem(r.out, r.out_len, word, n));
	spawn_result_free(&r);
	return says;
}

/* The go command's flag that starts every Go function at a 64-byte line,
 * so that a benchmark's loop lies where its own function puts it, not
 * where the code before it in the binary ends (docs/precision.md item
 * 48: call's go->go ran a fifth slower with its loop across two lines):
 * the linker's -funcalign, or gcc's -falign-functions for gccgo; or
 * NULL: not on x86-64 (places_loops), a linker without -funcalign, or
 * GOFLAGS giving the same go flag, which ours would override. Asked of
 * the toolchain's own linker (its usage, on stderr with exit status 2);
 * build.log says which. */
static const char *go_funcalign(struct job *j)
{
	if (!places_loops(j->t))
		return NULL;
	int gccgo = is_gccgo(j->t);
	const char *flag = gccgo ? "-gccgoflags" : "-ldflags";
	/* GOFLAGS of the environment or of go env -w, as go env said it */
	const char *goflags = j->t->build_env[TC_GOFLAGS];
	if (goflags && strstr(goflags, flag)) {
		sbuf_addf(&j->log,
			  "# GOFLAGS gives %s: Go functions left where the %s "
			  "puts them\n",
			  flag, gccgo ? "compiler" : "linker");
		return NULL;
	}
	if (gccgo) {
		sbuf_addstr(&j->log, "# Go functions start at 64-byte lines "
				     "(-gccgoflags=-falign-functions=64)\n");
		return "-gccgoflags=-falign-functions=64";
	}
	int has =
	    go_says(j, (char *[]){j->t->go, "tool", "link", "-help", NULL},
		    "-funcalign");
	sbuf_addstr(&j->log, has ? "# Go functions start at 64-byte lines "
				   "(-ldflags=-funcalign=64)\n"
				 : "# this toolchain's linker has no "
				   "-funcalign: Go functions left where it "
				   "puts them\n");
	return has ? "-ldflags=-funcalign=64" : NULL;
}

static int build_all(struct job *j, const struct family *f, const char *out,
		     struct built *b)
{
	/* a family with its own go.mod is its own module, built where it is */
	char *gomod = xasprintf("%s/go.mod", f->dir);
	int own = path_exists(gomod);
	free(gomod);
	char *pkg = own ? xstrdup(".") : xasprintf("./%s", f->name);
	char *mod = own ? realpath(f->dir, NULL) : xstrdup(j->o->cases_dir);
	int rc = 0;
	const char *align = f->has_go || f->has_export ? go_funcalign(j) : NULL;
	if (f->has_go) {
		b->go_test = xasprintf("%s/go.test", out);
		/* the flag, where there is one, before the package */
		char *argv[] = {j->t->go,
				"test",
				"-c",
				"-o",
				b->go_test,
				align ? (char *)align : pkg,
				align ? pkg : NULL,
				NULL};
		rc = run_step(j, argv, mod ? mod : f->dir);
	}
	if (rc == 0 && f->has_export) {
		char *lib = xasprintf("%s/libexport.a", out);
		char *epkg = xasprintf("%s/export", pkg);
		char *argv[] = {j->t->go,
				"build",
				"-buildmode=c-archive",
				"-o",
				lib,
				align ? (char *)align : epkg,
				align ? epkg : NULL,
				NULL};
		rc = run_step(j, argv, mod ? mod : f->dir);
		free(lib);
		free(epkg);
	}
	if (rc == 0 && f->shared)
		rc = build_shared(j, f, out, b);
	if (rc == 0 && f->has_cbench) {
		b->cbench = xasprintf("%s/c.bench", out);
		rc = build_cbench(j, f, out, f->has_export);
	}
	free(pkg);
	free(mod);
	return rc;
}

/* The CGO_CFLAGS entry that starts every C function cgo compiles at a
 * 64-byte line, as go_funcalign does the Go functions, so that a loop in
 * a family's C code lies where its own function puts it (docs/
 * precision.md item 50: with the Go functions moved, batch's C loop came
 * to lie across two lines, and go->c(batch) ran a quarter to a half
 * slower at its fastest); the user's C flags first. NULL: not
 * on x86-64 (places_loops), or their flags set a function alignment. */
static char *cgo_cflags(const struct toolchain *t)
{
	const char *user = t->build_env[TC_CGO_CFLAGS];
	if (!aligns_cgo(t))
		return NULL;
	return xasprintf("CGO_CFLAGS=%s%s-falign-functions=64", user,
			 *user ? " " : "");
}

/* The toolchain's environment for family f's commands, with cflags (a
 * CGO_CFLAGS entry, or NULL): a nocgo family's Go side is built with
 * CGO_ENABLED=0. The caller frees the array only. */
static char **family_env(const struct family *f, const struct toolchain *t,
			 char *cflags)
{
	size_t n = 0;
	while (t->env[n])
		n++;
	char **env = xcalloc(n + 3, sizeof *env);
	memcpy(env, t->env, n * sizeof *env);
	if (cflags)
		env[n++] = cflags;
	if (!f->nocgo)
		return env;
	size_t k = 0;
	while (k < n && !str_starts(env[k], "CGO_ENABLED="))
		k++;
	env[k] = "CGO_ENABLED=0";
	return env;
}

/* What the binaries of a family are built from, hashed into stamp (32
 * bytes): its files and the shared packages', go.mod, the toolchain and
 * compilers, the cases' C flags, the byte its drivers' loops start at
 * (byte, loop_byte's) and the flags from the environment or go env -w
 * (toolchain.h's build_env). A build whose stamp
 * is the same is reused. */
static void build_stamp(const struct family *f, const struct toolchain *t,
			const struct build_opts *o, unsigned byte, char *stamp)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	h = hash_tree(h, f->dir);
	/* the packages the families share, cases/internal */
	char *shared = xasprintf("%s/internal", o->cases_dir);
	if (path_is_dir(shared))
		h = hash_tree(h, shared);
	free(shared);
	char *gomod = xasprintf("%s/go.mod", o->cases_dir), *text;
	char err[ERRLEN];
	if (file_read(gomod, &text, NULL, err, sizeof err) == 0) {
		h = fnv(h, text, strlen(text));
		free(text);
	}
	free(gomod);
	const char *id[] = {t->name, t->goroot, t->cc, t->cxx, t->cc_version};
	for (size_t i = 0; i < sizeof id / sizeof *id; i++)
		h = fnv(h, id[i], strlen(id[i]) + 1);
	for (size_t i = 0; i < NCASE_FLAGS; i++)
		h = fnv(h, case_flags[i], strlen(case_flags[i]) + 1);
	/* and work.c's, which differ from them (work_flags) */
	char **wf = work_flags(t);
	for (size_t i = 0; wf[i]; i++)
		h = fnv(h, wf[i], strlen(wf[i]) + 1);
	free_list(wf);
	if (places_loops(t)) {
		char placing[96];
		/* gccgo's functions placed, and loops fallen into moved,
		 * since the stamp had these words */
		snprintf(placing, sizeof placing,
			 "loops at %u, fallen into or not, Go and C functions "
			 "at 64-byte lines%s",
			 byte, is_gccgo(t) ? ", gccgo's by gcc" : "");
		h = fnv(h, placing, strlen(placing) + 1);
	}
	/* flags from the environment or go env -w change what go and cgo
	 * build */
	for (size_t i = 0; i < TC_BUILD_VARS && t->build_env[i]; i++) {
		const char *k = toolchain_build_vars[i], *v = t->build_env[i];
		h = fnv(h, k, strlen(k) + 1);
		h = fnv(h, v, strlen(v) + 1);
	}
	snprintf(stamp, 32, "%016llx\n", (unsigned long long)h);
}

char *build_unsupported(const struct family *f, const struct toolchain *t)
{
	if (!f->min_go)
		return NULL;
	long minor;
	char *end;
	if (str_starts(t->name, "go1.")) {
		minor = strtol(t->name + 4, &end, 10);
		if (end != t->name + 4 && minor >= f->min_go)
			return NULL;
	}
	return xasprintf("case '%s' needs Go 1.%d or later (the file options "
			 "says 'go 1.%d'): %s is not",
			 f->name, f->min_go, f->min_go, t->name);
}

/* The paths of the binaries family f has, in out. */
static void built_paths(const struct family *f, const char *out,
			struct built *b)
{
	if (f->has_go)
		b->go_test = xasprintf("%s/go.test", out);
	if (f->has_cbench)
		b->cbench = xasprintf("%s/c.bench", out);
	if (f->shared)
		b->shared = xasprintf("%s/libwork.so", out);
}

int build_family(const struct family *f, const struct toolchain *t,
		 const struct build_opts *o, struct built *b, char *err,
		 size_t errlen)
{
	memset(b, 0, sizeof *b);
	char *rel = xasprintf("%s/%s/%s", o->build_dir, t->key, f->name);
	if (mkdir_p(rel, err, errlen) != 0) {
		free(rel);
		return -1;
	}
	char *out = realpath(rel, NULL);
	free(rel);
	if (!out)
		return set_error(err, errlen,
				 "cannot resolve build directory: %s",
				 strerror(errno));
	char *lockpath = xasprintf("%s/../.lock", out);
	int lock = open(lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	free(lockpath);
	if (lock >= 0)
		while (flock(lock, LOCK_EX) != 0 && errno == EINTR)
			;

	/* read once: the stamp hashes the byte the build places loops at */
	unsigned byte = places_loops(t) ? loop_byte() : 0;
	char stamp[32];
	build_stamp(f, t, o, byte, stamp);

	char *stamppath = xasprintf("%s/stamp", out);
	char *old = NULL;
	int current = file_read(stamppath, &old, NULL, err, errlen) == 0 &&
		      !strcmp(old, stamp);
	free(old);
	char *cflags = cgo_cflags(t);
	struct job j = {
	    .t = t, .o = o, .env = family_env(f, t, cflags), .loop_byte = byte};
	if (cflags)
		sbuf_addf(&j.log, "# C functions start at 64-byte lines (%s)\n",
			  cflags);
	else if (places_loops(t))
		sbuf_addstr(&j.log, "# CGO_CFLAGS sets a function alignment: "
				    "C functions left where it puts them\n");
	int rc;
	if (current) {
		b->reused = 1;
		built_paths(f, out, b);
		rc = 0;
	} else {
		unlink(stamppath);
		rc = build_all(&j, f, out, b);
		char *logpath = xasprintf("%s/build.log", out);
		char lerr[ERRLEN];
		file_write_atomic(logpath, j.log.buf ? j.log.buf : "",
				  j.log.len, lerr, sizeof lerr);
		if (rc == 0)
			rc = file_write_atomic(stamppath, stamp, strlen(stamp),
					       err, errlen);
		else
			set_error(err, errlen,
				  "case '%s' does not build with %s: %s (full "
				  "log: %s)",
				  f->name, t->name, j.failure ? j.failure : "?",
				  logpath);
		free(logpath);
	}
	sbuf_free(&j.log);
	free(j.env);
	free(cflags);
	free(j.failure);
	free(stamppath);
	free(out);
	if (lock >= 0)
		close(lock);
	if (rc != 0)
		build_free(b);
	return rc;
}

void build_free(struct built *b)
{
	free(b->go_test);
	free(b->cbench);
	free(b->shared);
	b->go_test = b->cbench = b->shared = NULL;
}

char *build_toolchain_dir(const struct toolchain *t, const struct build_opts *o)
{
	return xasprintf("%s/%s", o->build_dir, t->key);
}

int build_prebuilt(const struct family *f, const struct toolchain *t,
		   const struct build_opts *o, struct built *b, char *err,
		   size_t errlen)
{
	memset(b, 0, sizeof *b);
	char *dir = build_toolchain_dir(t, o);
	char *rel = xasprintf("%s/%s", dir, f->name);
	free(dir);
	/* absolute: the binaries run in the family's directory */
	char *out = realpath(rel, NULL);
	if (!out) {
		int rc = set_error(err, errlen,
				   "case '%s' (%s) is not in the bundle: no %s",
				   f->name, t->name, rel);
		free(rel);
		return rc;
	}
	free(rel);
	built_paths(f, out, b);
	const char *paths[] = {b->go_test, b->cbench, b->shared};
	int rc = 0;
	for (size_t k = 0; k < 3 && rc == 0; k++)
		if (paths[k] && !path_exists(paths[k]))
			rc = set_error(err, errlen,
				       "case '%s' (%s) is not in the bundle: "
				       "no %s",
				       f->name, t->name, paths[k]);
	b->reused = 1;
	free(out);
	if (rc != 0)
		build_free(b);
	return rc;
}
