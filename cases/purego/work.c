#include "work.h"

#include <pthread.h>

/* noinline keeps it a real call even under link-time optimisation. */
__attribute__((noinline)) int purego_add1(int x) { return x + 1; }

__attribute__((noinline)) int purego_call_back(int (*fn)(int), int x)
{
	return fn(x);
}

struct loop {
	int (*fn)(int);
	long n;
	int x;
};

static void *loop_run(void *arg)
{
	struct loop *l = arg;
	int x = 0;
	for (long i = 0; i < l->n; i++)
		x = l->fn(x);
	l->x = x;
	return NULL;
}

int purego_loop_cthread(int (*fn)(int), long n)
{
	pthread_t t;
	struct loop l = {fn, n, 0};
	if (pthread_create(&t, NULL, loop_run, &l) != 0)
		return -1;
	pthread_join(t, NULL);
	return l.x;
}
