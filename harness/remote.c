#include "remote.h"

#include "options.h"

#include "build.h"
#include "family.h"
#include "machine.h"
#include "spawn.h"
#include "toolchain.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void remote_quote(struct sbuf *sb, const char *s)
{
	sbuf_addstr(sb, "'");
	for (; *s; s++)
		if (*s == '\'')
			sbuf_addstr(sb, "'\\''");
		else
			sbuf_add(sb, s, 1);
	sbuf_addstr(sb, "'");
}

/* Copies a regular file, keeping its permission bits. */
static int copy_file(const char *src, const char *dst, char *err, size_t errlen)
{
	struct stat st;
	int in = open(src, O_RDONLY | O_CLOEXEC);
	if (in < 0 || fstat(in, &st) != 0) {
		if (in >= 0)
			close(in);
		return set_error(err, errlen, "cannot read '%s': %s", src,
				 strerror(errno));
	}
	int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
		       st.st_mode & 0777);
	if (out < 0) {
		close(in);
		return set_error(err, errlen, "cannot write '%s': %s", dst,
				 strerror(errno));
	}
	char buf[1 << 16];
	ssize_t n;
	int rc = 0;
	while (rc == 0 && (n = read(in, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || write(out, buf, (size_t)n) != n)
			rc = set_error(err, errlen, "cannot copy '%s' to '%s'",
				       src, dst);
	}
	close(in);
	if (close(out) != 0 && rc == 0)
		rc = set_error(err, errlen, "cannot write '%s'", dst);
	return rc;
}

/* Copies a directory's files and directories below it. */
static int copy_tree(const char *src, const char *dst, char *err, size_t errlen)
{
	if (mkdir_p(dst, err, errlen) != 0)
		return -1;
	DIR *d = opendir(src);
	if (!d)
		return set_error(err, errlen, "cannot read '%s'", src);
	int rc = 0;
	struct dirent *e;
	while (rc == 0 && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *s = xasprintf("%s/%s", src, e->d_name);
		char *t = xasprintf("%s/%s", dst, e->d_name);
		rc = path_is_dir(s) ? copy_tree(s, t, err, errlen)
				    : copy_file(s, t, err, errlen);
		free(s);
		free(t);
	}
	closedir(d);
	return rc;
}

/* Runs argv and keeps what it printed in res (the caller frees it); -1
 * with err naming the command when it cannot start or does not exit 0
 * (unless any_exit). */
static int run_cmd(char *const *argv, volatile sig_atomic_t *stop, int any_exit,
		   struct spawn_result *res, char *err, size_t errlen)
{
	struct spawn_opts o = {.argv = argv, .pin_cpu = -1, .stop = stop};
	if (spawn_run(&o, res, err, errlen) != 0)
		return -1;
	if (any_exit && res->exit_code >= 0)
		return 0;
	if (!spawn_ok(res)) {
		char how[128];
		spawn_describe(res, 0, how, sizeof how);
		char *tail = spawn_tail(res->err, res->err_len, 300);
		set_error(err, errlen, "%s: %s%s%s", argv[0], how,
			  *tail ? ": " : "", tail);
		free(tail);
		spawn_result_free(res);
		return -1;
	}
	return 0;
}

/* The shared libraries of bin that a machine without our -dev packages
 * may lack, copied into lib (as ldd finds them). */
static int copy_libs(const char *bin, const char *lib, char *err, size_t errlen)
{
	char *argv[] = {"ldd", (char *)bin, NULL};
	struct spawn_result res;
	if (run_cmd(argv, NULL, 0, &res, err, errlen) != 0)
		return -1;
	static const char *const wanted[] = {"libbenchmark", "libjansson",
					     "libgo."};
	int rc = 0;
	char *save;
	for (char *line = strtok_r(res.out, "\n", &save); line && rc == 0;
	     line = strtok_r(NULL, "\n", &save)) {
		/* "\tlibjansson.so.4 => /usr/lib/.../libjansson.so.4 (0x...)"
		 */
		char name[256], path[1024];
		if (sscanf(line, " %255s => %1023s", name, path) != 2 ||
		    path[0] != '/')
			continue;
		for (size_t i = 0; i < sizeof wanted / sizeof *wanted; i++)
			if (str_starts(name, wanted[i])) {
				char *dst = xasprintf("%s/%s", lib, name);
				if (!path_exists(dst))
					rc = copy_file(path, dst, err, errlen);
				free(dst);
			}
	}
	spawn_result_free(&res);
	return rc;
}

static const char run_script[] =
    "#!/bin/sh\n"
    "# cgobench from a bundle: its shared libraries first, then the driver.\n"
    "# ./run run --prebuilt [options] measures the bundle's binaries.\n"
    "here=$(cd \"$(dirname \"$0\")\" && pwd)\n"
    "LD_LIBRARY_PATH=\"$here/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}\"\n"
    "export LD_LIBRARY_PATH\n"
    "cd \"$here\" && exec \"$here/cgobench\" \"$@\"\n";

/* Fills stage with the bundle's contents. */
/* Builds family f with toolchain t and copies its binaries into tdir/f,
 * the C driver's shared libraries into lib. */
static int stage_family(const struct family *f, const struct toolchain *t,
			const struct build_opts *bo, const char *tdir,
			const char *lib, char *err, size_t errlen)
{
	struct built b;
	char berr[ERRLEN];
	char *why = build_unsupported(f, t);
	if (why) { /* the run from the bundle says why it is missing */
		free(why);
		return 0;
	}
	/* its error names the case and the toolchain */
	if (build_family(f, t, bo, &b, berr, sizeof berr) != 0)
		return set_error(err, errlen, "%s", berr);
	char *fdir = xasprintf("%s/%s", tdir, f->name);
	int rc = mkdir_p(fdir, err, errlen);
	const char *bins[] = {b.go_test, b.cbench, b.shared};
	const char *names[] = {"go.test", "c.bench", "libwork.so"};
	for (int k = 0; k < 3 && rc == 0; k++) {
		if (!bins[k])
			continue;
		char *dst = xasprintf("%s/%s", fdir, names[k]);
		rc = copy_file(bins[k], dst, err, errlen);
		if (rc == 0 && k == 1)
			rc = copy_libs(bins[k], lib, err, errlen);
		free(dst);
	}
	free(fdir);
	build_free(&b);
	return rc;
}

static int stage_bundle(const struct run_config *c, const char *stage,
			char *err, size_t errlen)
{
	struct toolchain *tcs = NULL;
	size_t ntcs = 0;
	struct family *fams = NULL;
	size_t nfams = 0;
	int rc = run_toolchains(c, &tcs, &ntcs, err, errlen);
	if (rc == 0)
		rc = family_discover(c->cases_dir, c->cases, &fams, &nfams, err,
				     errlen);
	char *lib = xasprintf("%s/lib", stage);
	if (rc == 0)
		rc = mkdir_p(lib, err, errlen);
	char *self = realpath("/proc/self/exe", NULL);
	char *p = xasprintf("%s/cgobench", stage);
	if (rc == 0)
		rc = self ? copy_file(self, p, err, errlen)
			  : set_error(err, errlen, "cannot find the driver");
	if (rc == 0)
		rc = copy_libs(p, lib, err, errlen);
	free(p);
	free(self);
	p = xasprintf("%s/run", stage);
	if (rc == 0)
		rc = file_write_atomic(p, run_script, strlen(run_script), err,
				       errlen);
	if (rc == 0 && chmod(p, 0755) != 0)
		rc = set_error(err, errlen, "cannot chmod '%s'", p);
	free(p);
	char *src = xasprintf("%s/go.mod", c->cases_dir);
	char *cdir = xasprintf("%s/cases", stage);
	p = xasprintf("%s/go.mod", cdir);
	if (rc == 0)
		rc = mkdir_p(cdir, err, errlen);
	if (rc == 0)
		rc = copy_file(src, p, err, errlen);
	free(src);
	free(cdir);
	free(p);
	for (size_t i = 0; i < nfams && rc == 0; i++) {
		p = xasprintf("%s/cases/%s", stage, fams[i].name);
		rc = copy_tree(fams[i].dir, p, err, errlen);
		free(p);
	}
	struct build_opts bo = {.cases_dir = c->cases_dir,
				.build_dir = c->build_dir,
				.stop = c->stop};
	struct build_opts so = {.build_dir = "build"};
	for (size_t t = 0; t < ntcs && rc == 0; t++) {
		char *key = build_toolchain_dir(&tcs[t], &so);
		char *tdir = xasprintf("%s/%s", stage, key);
		char *txt = xasprintf("%s/toolchain.txt", tdir);
		free(key);
		rc = mkdir_p(tdir, err, errlen);
		if (rc == 0)
			rc = toolchain_save(&tcs[t], txt, err, errlen);
		for (size_t f = 0; f < nfams && rc == 0; f++)
			rc = stage_family(&fams[f], &tcs[t], &bo, tdir, lib,
					  err, errlen);
		free(tdir);
		free(txt);
	}
	free(lib);
	family_free_all(fams, nfams);
	for (size_t i = 0; i < ntcs; i++)
		toolchain_free(&tcs[i]);
	free(tcs);
	return rc;
}

int remote_bundle(const struct run_config *c, const char *out_path, char *err,
		  size_t errlen)
{
	char *stage = xasprintf("%s/bundle-stage", c->build_dir);
	remove_tree(stage);
	int rc = stage_bundle(c, stage, err, errlen);
	if (rc == 0) {
		/* tar runs in the stage: the output path must be absolute */
		char *cwd = out_path[0] == '/' ? NULL : getcwd(NULL, 0);
		char *out =
		    cwd ? xasprintf("%s/%s", cwd, out_path) : xstrdup(out_path);
		free(cwd);
		char *argv[] = {"tar", "-czf", out, "-C", stage, ".", NULL};
		struct spawn_result res;
		rc = run_cmd(argv, c->stop, 0, &res, err, errlen);
		if (rc == 0)
			spawn_result_free(&res);
		free(out);
	}
	remove_tree(stage);
	free(stage);
	return rc;
}

/* ssh or scp with the options every call shares; words after them. */
static int remote_cmd(const char *prog, const char *ssh_config,
		      char *const *words, volatile sig_atomic_t *stop,
		      int any_exit, struct spawn_result *res, char *err,
		      size_t errlen)
{
	char *argv[16];
	int a = 0;
	argv[a++] = (char *)prog;
	if (!strcmp(prog, "scp")) {
		argv[a++] = "-q";
		argv[a++] = "-r";
	}
	if (ssh_config) {
		argv[a++] = "-F";
		argv[a++] = (char *)ssh_config;
	}
	argv[a++] = "-o";
	argv[a++] = "BatchMode=yes";
	for (int i = 0; words[i] && a < 15; i++)
		argv[a++] = words[i];
	argv[a] = NULL;
	return run_cmd(argv, stop, any_exit, res, err, errlen);
}

/* ssh host with a shell line; what it printed in res. */
static int ssh_line(const char *host, const char *ssh_config, const char *line,
		    volatile sig_atomic_t *stop, int any_exit,
		    struct spawn_result *res, char *err, size_t errlen)
{
	/* "--" before the destination: no host is taken as an option */
	char *words[] = {"--", (char *)host, (char *)line, NULL};
	int rc = remote_cmd("ssh", ssh_config, words, stop, any_exit, res, err,
			    errlen);
	if (rc != 0) {
		char inner[ERRLEN];
		snprintf(inner, sizeof inner, "%s", err);
		set_error(err, errlen, "host '%s': %s", host, inner);
	}
	return rc;
}

/* The options of c that the remote run takes, quoted, after "run". */
static void remote_flags(const struct run_config *c, const char *rdir,
			 struct sbuf *sb)
{
	char *res = xasprintf("%s/results", rdir);
	sbuf_addstr(sb, " run --prebuilt --results ");
	remote_quote(sb, res);
	free(res);
	options_to_flags(run_options, RUN_CMD_RUN, c, c->given, sb,
			 remote_quote);
}

/* Unpacks the bundle in rdir on host and runs it there with c's options;
 * *code is its exit status, which must be one a run ends with. */
static int run_there(const struct run_config *c, const char *host,
		     const char *ssh_config, const char *rdir, int *code,
		     char *err, size_t errlen)
{
	if (!c->quiet)
		fprintf(stderr, "cgobench: running on %s\n", host);
	struct sbuf line = {0};
	struct spawn_result res;
	sbuf_addstr(&line, "cd ");
	remote_quote(&line, rdir);
	sbuf_addstr(&line, " && tar -xzf bundle.tar.gz && ./run");
	remote_flags(c, rdir, &line);
	int rc =
	    ssh_line(host, ssh_config, line.buf, c->stop, 1, &res, err, errlen);
	sbuf_free(&line);
	if (rc != 0)
		return rc;
	fwrite(res.out, 1, res.out_len, stdout);
	fwrite(res.err, 1, res.err_len, stderr);
	*code = res.exit_code;
	if (*code != 0 && *code != 1 && *code != 130) {
		char *tail = spawn_tail(res.err, res.err_len, 300);
		rc = set_error(err, errlen, "host '%s': the run exited %d: %s",
			       host, *code, tail);
		free(tail);
	}
	spawn_result_free(&res);
	return rc;
}

/* Copies the run directory the run made on host, <machine>/<UTC time>
 * under rdir/results, into c's results directory. */
static int bring_back(const struct run_config *c, const char *host,
		      const char *ssh_config, const char *rdir, char *err,
		      size_t errlen)
{
	struct sbuf line = {0};
	struct spawn_result res;
	sbuf_addstr(&line, "cd ");
	char *results = xasprintf("%s/results", rdir);
	remote_quote(&line, results);
	free(results);
	sbuf_addstr(&line, " && ls -d */*");
	int rc =
	    ssh_line(host, ssh_config, line.buf, NULL, 0, &res, err, errlen);
	sbuf_free(&line);
	if (rc != 0)
		return rc;
	char *rel = xstrndup(res.out, strcspn(res.out, "\n"));
	spawn_result_free(&res);
	if (!*rel || strstr(rel, "..")) {
		free(rel);
		return set_error(err, errlen, "host '%s' made no run directory",
				 host);
	}
	char *local =
	    xasprintf("%s/%.*s", c->results_dir, (int)strcspn(rel, "/"), rel);
	char *src = xasprintf("%s:%s/results/%s", host, rdir, rel);
	char *words[] = {"--", src, local, NULL};
	rc = mkdir_p(local, err, errlen);
	if (rc == 0)
		rc = remote_cmd("scp", ssh_config, words, NULL, 0, &res, err,
				errlen);
	if (rc == 0) {
		spawn_result_free(&res);
		fprintf(stderr, "cgobench: wrote %s/%s\n", c->results_dir, rel);
	}
	free(src);
	free(local);
	free(rel);
	return rc;
}

int remote_run(const struct run_config *c, const char *host,
	       const char *ssh_config, char *err, size_t errlen)
{
	char *bdir = xasprintf("%s/bundle", c->build_dir);
	char *bundle = xasprintf("%s/cgobench-bundle.tar.gz", bdir);
	int rc = mkdir_p(bdir, err, errlen);
	if (!c->quiet)
		fprintf(stderr, "cgobench: making the bundle for %s\n", host);
	if (rc == 0)
		rc = remote_bundle(c, bundle, err, errlen);
	free(bdir);
	char *me = machine_name();
	char *rdir = xasprintf("/tmp/cgobench-%s-%ld-%ld", me, (long)getpid(),
			       (long)time(NULL));
	free(me);
	struct sbuf line = {0};
	struct spawn_result res;
	int code = -1, made = 0;
	if (rc == 0) {
		sbuf_addstr(&line, "mkdir -p ");
		remote_quote(&line, rdir);
		rc = ssh_line(host, ssh_config, line.buf, c->stop, 0, &res, err,
			      errlen);
		if (rc == 0) {
			spawn_result_free(&res);
			made = 1;
		}
	}
	if (rc == 0) {
		char *dst = xasprintf("%s:%s/bundle.tar.gz", host, rdir);
		char *words[] = {"--", bundle, dst, NULL};
		rc = remote_cmd("scp", ssh_config, words, c->stop, 0, &res, err,
				errlen);
		if (rc == 0)
			spawn_result_free(&res);
		free(dst);
	}
	if (rc == 0)
		rc = run_there(c, host, ssh_config, rdir, &code, err, errlen);
	if (rc == 0)
		rc = bring_back(c, host, ssh_config, rdir, err, errlen);
	if (made) {
		/* whatever happened, leave nothing behind there */
		line.len = 0;
		sbuf_addstr(&line, "rm -rf ");
		remote_quote(&line, rdir);
		char ignored[ERRLEN];
		if (ssh_line(host, ssh_config, line.buf, NULL, 1, &res, ignored,
			     sizeof ignored) == 0)
			spawn_result_free(&res);
	}
	sbuf_free(&line);
	free(rdir);
	free(bundle);
	return rc == 0 ? code : -1;
}
