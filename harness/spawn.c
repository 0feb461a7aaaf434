#include "spawn.h"

#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* environ with every "K=V" of extra replacing the same K, and those whose
 * names begin with unset (NULL: none) left out. */
static char **merged_env(char *const *extra, const char *unset)
{
	size_t n = 0, m = 0;
	while (environ[n])
		n++;
	while (extra && extra[m])
		m++;
	char **env = xcalloc(n + m + 1, sizeof *env);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const char *eq = strchr(environ[i], '=');
		size_t keylen =
		    eq ? (size_t)(eq - environ[i]) : strlen(environ[i]);
		int replaced = 0;
		for (size_t j = 0; j < m; j++)
			if (strncmp(extra[j], environ[i], keylen) == 0 &&
			    extra[j][keylen] == '=')
				replaced = 1;
		if (!replaced && !(unset && str_starts(environ[i], unset)))
			env[k++] = environ[i];
	}
	for (size_t j = 0; j < m; j++)
		env[k++] = extra[j];
	env[k] = NULL;
	return env;
}

/* The steps of starting a child, of which the child reports the one
 * that failed. */
enum { SPAWN_CHDIR, SPAWN_PIN, SPAWN_BATCH, SPAWN_EXEC };

static void child(const struct spawn_opts *o, char **env, int outfd, int errfd,
		  int reportfd, pid_t parent)
{
	setpgid(0, 0);
	/* a driver killed with SIGKILL takes its child along: neither a
	 * build writing into the build directory nor a benchmark pinned to
	 * a CPU outlives it (the child is in a process group of its own) */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(127);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	int devnull = open("/dev/null", O_RDONLY);
	if (devnull >= 0)
		dup2(devnull, 0);
	dup2(outfd, 1);
	dup2(errfd, 2);
	/* the step that failed and its errno, for the parent to say */
	int e[2] = {SPAWN_CHDIR, 0};
	if (o->cwd && chdir(o->cwd) != 0)
		e[1] = errno;
	if (!e[1] && o->pin_cpu >= 0) {
		cpu_set_t set;
		CPU_ZERO(&set);
		CPU_SET(o->pin_cpu, &set);
		e[0] = SPAWN_PIN;
		if (sched_setaffinity(0, sizeof set, &set) != 0)
			e[1] = errno;
	}
	if (!e[1] && o->batch) {
		e[0] = SPAWN_BATCH;
		if (sched_setscheduler(0, SCHED_BATCH,
				       &(struct sched_param){0}))
			e[1] = errno;
	}
	if (!e[1]) {
		e[0] = SPAWN_EXEC;
		execvpe(o->argv[0], o->argv, env);
		e[1] = errno;
	}
	ssize_t unused = write(reportfd, e, sizeof e);
	(void)unused;
	_exit(127);
}

static void drain(int *fd, struct sbuf *sb)
{
	char chunk[65536];
	ssize_t n = read(*fd, chunk, sizeof chunk);
	if (n > 0) {
		sbuf_add(sb, chunk, (size_t)n);
	} else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
		close(*fd);
		*fd = -1;
	}
}

/* Reads the child's stdout and stderr until both close, killing its
 * process group at the timeout or when a stop is asked for (and saying
 * which in r); returns whether it killed it. */
static int collect(const struct spawn_opts *o, pid_t pid, double start,
		   int out_fd, int err_fd, struct sbuf *out, struct sbuf *errb,
		   struct spawn_result *r)
{
	int fds[2] = {out_fd, err_fd};
	int killed = 0;
	while (fds[0] >= 0 || fds[1] >= 0) {
		struct pollfd p[2];
		nfds_t np = 0;
		for (int i = 0; i < 2; i++)
			if (fds[i] >= 0)
				p[np++] = (struct pollfd){.fd = fds[i],
							  .events = POLLIN};
		int rc = poll(p, np, 100);
		if (rc < 0 && errno != EINTR)
			break;
		for (nfds_t i = 0; rc > 0 && i < np; i++) {
			if (!p[i].revents)
				continue;
			if (p[i].fd == fds[0])
				drain(&fds[0], out);
			else
				drain(&fds[1], errb);
		}
		if (killed)
			continue;
		if (o->timeout_s > 0 && monotonic_s() - start > o->timeout_s) {
			r->timed_out = 1;
			killed = 1;
		} else if (o->stop && *o->stop) {
			r->stopped = 1;
			killed = 1;
		}
		if (killed)
			killpg(pid, SIGKILL);
	}
	for (int i = 0; i < 2; i++)
		if (fds[i] >= 0)
			close(fds[i]);

	return killed;
}

/* What the child said of the step it could not take. */
static int start_error(const struct spawn_opts *o, int step, int errnum,
		       char *err, size_t errlen)
{
	const char *why = strerror(errnum);
	if (step == SPAWN_PIN)
		return set_error(err, errlen, "cannot pin '%s' to CPU %d: %s",
				 o->argv[0], o->pin_cpu, why);
	if (step == SPAWN_BATCH)
		return set_error(err, errlen,
				 "cannot run '%s' under SCHED_BATCH: %s",
				 o->argv[0], why);
	if (step == SPAWN_CHDIR)
		return set_error(err, errlen, "cannot run '%s' in '%s': %s",
				 o->argv[0], o->cwd, why);
	return set_error(err, errlen, "cannot run '%s': %s", o->argv[0], why);
}

int spawn_run(const struct spawn_opts *o, struct spawn_result *r, char *err,
	      size_t errlen)
{
	memset(r, 0, sizeof *r);
	int outp[2], errp[2], rep[2];
	if (pipe(outp) || pipe(errp) || pipe2(rep, O_CLOEXEC))
		return set_error(err, errlen, "pipe: %s", strerror(errno));
	char **env = merged_env(o->env, o->unset);
	double start = monotonic_s();
	pid_t parent = getpid(), pid = fork();
	if (pid < 0) {
		free(env);
		return set_error(err, errlen, "fork: %s", strerror(errno));
	}
	if (pid == 0) {
		close(outp[0]);
		close(errp[0]);
		close(rep[0]);
		child(o, env, outp[1], errp[1], rep[1], parent);
	}
	free(env);
	setpgid(pid,
		pid); /* also here, so killpg works before the child runs */
	close(outp[1]);
	close(errp[1]);
	close(rep[1]);

	struct sbuf out = {0}, errb = {0};
	int killed = collect(o, pid, start, outp[0], errp[0], &out, &errb, r);
	int status;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR)
		;
	r->elapsed_s = monotonic_s() - start;
	r->cpu_s = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
		   (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
	r->nivcsw = ru.ru_nivcsw;
	if (killed)
		killpg(pid, SIGKILL); /* grandchildren left behind */

	int failed[2];
	ssize_t n = read(rep[0], failed, sizeof failed);
	close(rep[0]);
	if (n == (ssize_t)sizeof failed) {
		sbuf_free(&out);
		sbuf_free(&errb);
		return start_error(o, failed[0], failed[1], err, errlen);
	}
	if (!out.buf)
		sbuf_add(&out, "", 0);
	if (!errb.buf)
		sbuf_add(&errb, "", 0);
	r->out = out.buf;
	r->out_len = out.len;
	r->err = errb.buf;
	r->err_len = errb.len;
	r->exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	r->term_signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
	return 0;
}

void spawn_result_free(struct spawn_result *r)
{
	free(r->out);
	free(r->err);
	r->out = r->err = NULL;
}

int spawn_ok(const struct spawn_result *r)
{
	return !r->timed_out && !r->stopped && r->exit_code == 0;
}

void spawn_describe(const struct spawn_result *r, double timeout_s, char *buf,
		    size_t len)
{
	if (r->timed_out)
		snprintf(buf, len, "timed out after %g s", timeout_s);
	else if (r->stopped)
		snprintf(buf, len, "interrupted");
	else if (r->term_signal)
		snprintf(buf, len, "killed by signal %d (%s)", r->term_signal,
			 strsignal(r->term_signal));
	else
		snprintf(buf, len, "exit status %d", r->exit_code);
}

char *spawn_reason(const char *err, size_t len)
{
	static const char *const marks[] = {"panic: ", "fatal error: "};
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
		const char *p = strstr(err, marks[i]);
		if (p && (p == err || p[-1] == '\n'))
			return xstrndup(p, strcspn(p, "\n"));
	}
	return spawn_tail(err, len, 300);
}

char *spawn_tail(const char *s, size_t len, size_t max_bytes)
{
	while (len && (s[len - 1] == '\n' || s[len - 1] == ' '))
		len--;
	size_t start = len > max_bytes ? len - max_bytes : 0;
	/* begin at a line boundary where one is near */
	if (start) {
		const char *nl = memchr(s + start, '\n', len - start);
		if (nl && (size_t)(nl - s) + 1 < len)
			start = (size_t)(nl - s) + 1;
	}
	struct sbuf sb = {0};
	for (size_t i = start; i < len; i++) {
		if (s[i] == '\n')
			sbuf_addstr(&sb, " | ");
		else if (s[i] != '\r')
			sbuf_add(&sb, &s[i], 1);
	}
	if (!sb.buf)
		sbuf_add(&sb, "", 0);
	return sb.buf;
}
