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
#define CALLGRIND_ARGS 10
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

/* The zero and the dump fire on entering StartTimer and StopTimer as
 * callgrind sees them, and Go's switches between stacks and threads can
 * hide an entry from it: then a dump holds part of the timed loop, or
 * none of it (seen once: 10.37 instructions/op where 1530 were due, in
 * integration's counted run at 1ed08c3). A count that repeats is kept: a
 * take agrees when within CALLGRIND_AGREE of another count, and counts
 * differ by 0.2% at most in the committed counted runs, and lay within
 * +-0.30% of their median in 400 takes run two at a time
 * (results/vm/precision/counted-takes). A sample is taken up to
 * CALLGRIND_TAKES times. */
#define CALLGRIND_AGREE 0.02
#define CALLGRIND_TAKES 4

/* The count of the dump callgrind writes at the program's end, in
 * out_prefix itself; 0 when there is none. */
int callgrind_end_dump(const char *out_prefix, double *ir, char *err,
		       size_t errlen);

/* Whether the timed loop's count ran past the dumps into the program's
 * end: should callgrind miss every StopTimer after the loop, no dump
 * holds it. The end dump then holds more than the largest dump, and more
 * than a program's end costs (CALLGRIND_END_MIN): 12,000 to 16,000
 * instructions after a Go benchmark, 88,000 after a Google Benchmark
 * driver's (its JSON), whose counted loop held 5.7 million (call's c->c
 * at its 0.1 s). */
#define CALLGRIND_END_MIN 1e6
int callgrind_lost_to_end(double largest, double end);

/* Whether two counts agree, within CALLGRIND_AGREE of the larger. */
int callgrind_counts_agree(double a, double b);

/* Whether the last of a sample's takes (takes[ntakes - 1]) is kept: it
 * agrees with the median of the unit's kept samples, or, for the unit's
 * first sample, with one of the sample's earlier takes. */
int callgrind_take_kept(const double *kept, size_t nkept, const double *takes,
			size_t ntakes);

#endif
