/* spawn: run one child process from an argv array, never through a shell.
 *
 * The child gets its own process group, so that a timeout or an interrupt
 * kills it and everything it started. It may be pinned to one CPU, given
 * extra environment entries, and run in another directory. Its stdout and
 * stderr are captured into buffers that spawn_result_free releases. */
#ifndef CGOBENCH_SPAWN_H
#define CGOBENCH_SPAWN_H

#include <signal.h>
#include <stddef.h>

struct spawn_opts {
	char *const *argv; /* argv[0] is looked up in PATH */
	char *const *env;  /* "K=V" entries set on top of ours, or NULL */
	const char *unset; /* ours whose names begin with it are left out
			    * (NULL: none) */
	const char *cwd;   /* NULL: ours */
	int pin_cpu;	   /* -1: no pinning */
	int batch;	   /* run it under SCHED_BATCH: a thread of it that
			    * wakes does not preempt one that runs */
	double timeout_s;  /* 0: none */
	volatile sig_atomic_t *stop; /* when it becomes non-zero the child is
				      * killed; may be NULL */
};

struct spawn_result {
	int exit_code;	 /* -1 when it did not exit normally */
	int term_signal; /* 0 unless killed by a signal */
	int timed_out;
	int stopped; /* killed because *stop was set */
	double elapsed_s;
	double
	    cpu_s;   /* the child's user and system time (not its children's) */
	long nivcsw; /* the times it was switched off a CPU it wanted */
	char *out;
	size_t out_len;
	char *err;
	size_t err_len;
};

/* Returns -1 only when the child could not be started (err says why); a
 * child that fails, crashes or times out returns 0 with r saying so. */
int spawn_run(const struct spawn_opts *o, struct spawn_result *r, char *err,
	      size_t errlen);
void spawn_result_free(struct spawn_result *r);
/* 1 when the child exited with status 0. */
int spawn_ok(const struct spawn_result *r);
/* One line describing how the child ended, e.g. "exit status 2",
 * "killed by signal 11 (Segmentation fault)", "timed out after 5 s". */
void spawn_describe(const struct spawn_result *r, double timeout_s, char *buf,
		    size_t len);
/* The last lines of a captured stream, at most max_bytes long, with
 * newlines folded into " | "; the caller frees it. */
char *spawn_tail(const char *s, size_t len, size_t max_bytes);
/* What a failed Go program said about its end: the line of a Go panic or
 * fatal error when its stderr err (len bytes, NUL-terminated) has one,
 * else spawn_tail's 300 bytes. For the caller to free. */
char *spawn_reason(const char *err, size_t len);

#endif
