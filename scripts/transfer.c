/* transfer: the program of scripts/transfer-study.sh (which builds it).
 *
 * usage: transfer
 *
 * How long a cache line takes to go from the first CPU to the last and
 * back: two threads, pinned one to each, pass a counter to and fro
 * through one atomic word, ROUNDS times; prints the fastest of RUNS such
 * runs, in ns a round trip. The contended benchmarks of handles pay such
 * a trip on every write another CPU read last. */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

enum { ROUNDS = 20000, RUNS = 5 };

/* the word passed to and fro, on a cache line of its own */
static _Alignas(128) atomic_long ball;
static int first_cpu, last_cpu;

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int pin(int cpu)
{
	cpu_set_t on;
	CPU_ZERO(&on);
	CPU_SET(cpu, &on);
	return pthread_setaffinity_np(pthread_self(), sizeof on, &on);
}

/* The far end: answers each odd value with the next even one (where
 * the scheduler puts it, when it cannot be pinned). */
static void *answer(void *arg)
{
	(void)arg;
	(void)pin(first_cpu);
	for (long i = 0; i < ROUNDS; i++) {
		while (atomic_load_explicit(&ball, memory_order_acquire) !=
		       2 * i + 1)
			;
		atomic_store_explicit(&ball, 2 * i + 2, memory_order_release);
	}
	return NULL;
}

/* One run of ROUNDS round trips from the last CPU, in ns a trip; 0 when
 * a thread could not be started. */
static double one_run(void)
{
	pthread_t t;
	atomic_store(&ball, 0);
	if (pthread_create(&t, NULL, answer, NULL) != 0)
		return 0;
	double start = now_s();
	for (long i = 0; i < ROUNDS; i++) {
		atomic_store_explicit(&ball, 2 * i + 1, memory_order_release);
		while (atomic_load_explicit(&ball, memory_order_acquire) !=
		       2 * i + 2)
			;
	}
	double ns = (now_s() - start) / ROUNDS * 1e9;
	pthread_join(t, NULL);
	return ns;
}

int main(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 2) {
		fprintf(stderr, "transfer: needs two CPUs or more\n");
		return 2;
	}
	first_cpu = 0;
	last_cpu = (int)n - 1;
	if (pin(last_cpu) != 0) {
		fprintf(stderr, "transfer: cannot pin to CPU %d\n", last_cpu);
		return 1;
	}
	double best = 0;
	for (int r = 0; r < RUNS; r++) {
		double ns = one_run();
		if (ns > 0 && (best == 0 || ns < best))
			best = ns;
	}
	if (best == 0) {
		fprintf(stderr, "transfer: no thread could be started\n");
		return 1;
	}
	printf("%.1f\n", best);
	return 0;
}
