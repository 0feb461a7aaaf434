/* callgrind: instructions per op, counted by valgrind's callgrind, for the
 * steady mode of `cgobench run --metric instructions`.
 *
 * The benchmark runs under callgrind with every counter zeroed when its
 * timer starts (testing.(*B).StartTimer, benchmark::State::StartKeepRunning)
 * and a dump written when it stops (StopTimer, FinishKeepRunning), so that
 * each dump holds exactly the timed loop of one run, on whatever thread it
 * ran: all threads are counted together, because a goroutine may move
 * between threads. The largest dump is the final run, whose iteration
 * count the benchmark prints; instructions over iterations is the figure.
 * The counters are zeroed as the timer starts, so StartTimer's own work
 * (a few thousand instructions) is in the count: the harness runs enough
 * iterations that it weighs under 0.01%. */
#ifndef CGOBENCH_CALLGRIND_H
#define CGOBENCH_CALLGRIND_H

#include <stddef.h>

/* Fills argv with the valgrind command line that writes its dumps to
 * out_prefix.N, NULL-terminated; returns how many entries it used (at most
 * CALLGRIND_ARGS). The strings are owned by the caller's out_prefix and
 * static storage, except argv[2], which the caller frees. */
#define CALLGRIND_ARGS 8
int callgrind_argv(const char *out_prefix, char **argv);

/* The "totals:" count of one dump's text (or its "summary:" when it has
 * no totals); -1 when it has neither. */
int callgrind_parse_summary(const char *text, const char *source, double *ir,
			    char *err, size_t errlen);

/* The largest count over the numbered dumps out_prefix.N (or
 * out_prefix.N-T, one a thread, with --separate-threads), and in *path the
 * file it is in (the caller frees it; path may be NULL). An error when
 * there is no dump at all (the benchmark never started its timer). */
int callgrind_largest_dump(const char *out_prefix, double *ir, char **path,
			   char *err, size_t errlen);

#endif
