/* spells: the program of scripts/spells-study.sh and
 * scripts/speeds-study.sh (which build it).
 *
 * usage: spells SECONDS
 *        spells --each
 *        spells --loops SECONDS
 *
 * Keeps its CPU busy, as a run's samples do, with the kind of loop the
 * harness's probe is (six independent chains of adds and xors, every ALU
 * busy: harness/load.c), and every 0.2 s prints a CSV line: seconds since
 * the start and the median of the last five runs of the probe's loop, in
 * µs. A slow spell of the machine shows as a stretch of lines a quarter
 * or more above the fastest.
 *
 * With --each it moves itself to each online CPU in turn, probes it as
 * the harness does (the median of five runs of the loop), and prints one
 * CSV line of their times in µs, CPU 0 first.
 *
 * With --loops it runs the probe's loop back to back for SECONDS and
 * prints a CSV line for each run (seconds since the start at its end,
 * its time in µs): how long the CPU's slow and fast spells last, against
 * the length of a sample (scripts/flips-study.sh). */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <stdlib.h>
#include <time.h>

enum { RUNS = 5 };

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* One run of the probe's loop, in µs (harness/load.c's busy_us). */
static double probe_us(void)
{
	unsigned long long x0 = 1, x1 = 2, x2 = 3, x3 = 4, x4 = 5, x5 = 6;
	double start = now_s();
	for (int i = 0; i < 100000; i++) {
		x0 += x1;
		x1 ^= x2;
		x2 += x3;
		x3 ^= x4;
		x4 += x5;
		x5 ^= x0;
		__asm__ volatile(""
				 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3),
				   "+r"(x4), "+r"(x5));
	}
	return (now_s() - start) * 1e6;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The median of RUNS runs of the probe's loop, in µs. */
static double probe_median_us(void)
{
	double s[RUNS];
	for (int k = 0; k < RUNS; k++)
		s[k] = probe_us();
	qsort(s, RUNS, sizeof *s, cmp);
	return s[RUNS / 2];
}

/* --each: every online CPU's probe, on one line. */
static int each_cpu(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	for (long c = 0; c < n; c++) {
		cpu_set_t on;
		CPU_ZERO(&on);
		CPU_SET((int)c, &on);
		if (sched_setaffinity(0, sizeof on, &on) != 0) {
			perror("spells: sched_setaffinity");
			return 1;
		}
		printf("%s%.2f", c ? "," : "", probe_median_us());
	}
	printf("\n");
	return 0;
}

/* --loops: every run of the loop, for secs seconds. */
static int each_loop(double secs)
{
	double start = now_s(), t;
	do {
		double us = probe_us();
		t = now_s() - start;
		printf("%.6f,%.2f\n", t, us);
	} while (t < secs);
	return fflush(stdout) != 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--each"))
		return each_cpu();
	int loops = argc == 3 && !strcmp(argv[1], "--loops");
	double secs = argc == 2 || loops ? atof(argv[argc - 1]) : 0;
	if (!(secs > 0)) {
		fprintf(stderr,
			"usage: spells SECONDS | --each | --loops SECONDS\n");
		return 2;
	}
	if (loops)
		return each_loop(secs);
	double start = now_s(), next = start;
	double t[RUNS];
	int i = 0;
	while (now_s() - start < secs) {
		t[i++ % RUNS] = probe_us();
		if (i >= RUNS && now_s() >= next) {
			double s[RUNS];
			for (int k = 0; k < RUNS; k++)
				s[k] = t[k];
			qsort(s, RUNS, sizeof *s, cmp);
			printf("%.2f,%.2f\n", now_s() - start, s[RUNS / 2]);
			fflush(stdout);
			next += 0.2;
		}
	}
	return 0;
}
