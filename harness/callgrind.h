/* callgrind: instructions per op, counted by valgrind's callgrind, for the
 * steady mode of `cgobench run --metric instructions`.
 *
 * The benchmark runs under callgrind with every counter zeroed when its
 * timer starts (testing.(*B).StartTimer and again on entry to the Go
 * sub-benchmark's function, benchmark::State::StartKeepRunning)
 * and a dump written when it stops (StopTimer, FinishKeepRunning), so that
 * each dump holds exactly the timed loop of one run, on whatever thread it
 * ran. Threads are counted apart (--separate-threads=yes), and a dump
 * holds the thread that stopped the timer: the one that ran the loop, not
 * the runtime's other threads, whose work depends on timing. The largest
 * dump is the final run, whose iteration count the benchmark prints;
 * instructions over iterations is the figure. */
#ifndef CGOBENCH_CALLGRIND_H
#define CGOBENCH_CALLGRIND_H

#include <stddef.h>

/* Fills argv with the valgrind command line that writes its dumps to
 * out_prefix.N, NULL-terminated; returns how many entries it used (at most
 * CALLGRIND_ARGS). The strings are owned by the caller's out_prefix and
 * static storage, except argv[2], which the caller frees. */
#define CALLGRIND_ARGS 11
int callgrind_argv(const char *out_prefix, char **argv);

/* The "summary:" count of one dump's text; -1 when it has none. */
int callgrind_parse_summary(const char *text, const char *source, double *ir,
			    char *err, size_t errlen);

/* The largest "summary:" over the numbered dumps out_prefix.N (or
 * out_prefix.N-T, one a thread, with --separate-threads), and in *path the
 * file it is in (the caller frees it; path may be NULL). An error when
 * there is no dump at all (the benchmark never started its timer). */
int callgrind_largest_dump(const char *out_prefix, double *ir, char **path,
			   char *err, size_t errlen);

#endif
