/* The C threads of the scheduling family: n threads made with
 * pthread_create, each making calls calls, to the exported Go function
 * goSchedAdd1 (c->go) or to sched_add1 through a function pointer (c->c),
 * each result the next argument. */
#include "_cgo_export.h"
#include "work.h"

#include <pthread.h>

#define SCHED_MAX_THREADS 256

struct job {
	long calls;
	int go, x;
};

/* Read through a volatile so the compiler cannot turn it into a direct call. */
static int (*volatile add1_ptr)(int) = sched_add1;

static void *loop(void *arg)
{
	struct job *j = arg;
	int x = 0;
	for (long i = 0; i < j->calls; i++)
		x = j->go ? goSchedAdd1(x) : add1_ptr(x);
	j->x = x;
	return NULL;
}

/* Runs the n threads to the end; the sum of their last results, or -1
 * when a thread cannot be made (those made are joined first). */
long sched_cthreads(int n, long calls, int go)
{
	pthread_t t[SCHED_MAX_THREADS];
	struct job j[SCHED_MAX_THREADS];
	int made = 0;
	if (n > SCHED_MAX_THREADS)
		return -1;
	for (; made < n; made++) {
		j[made] = (struct job){calls, go, 0};
		if (pthread_create(&t[made], NULL, loop, &j[made]) != 0)
			break;
	}
	long sum = 0;
	for (int i = 0; i < made; i++) {
		pthread_join(t[i], NULL);
		sum += j[i].x;
	}
	return made == n ? sum : -1;
}
