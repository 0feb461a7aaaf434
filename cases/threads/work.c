#include "work.h"

#include <time.h>

__attribute__((noinline)) uint64_t threads_compute(uint64_t x)
{
	for (int i = 0; i < THREADS_ROUNDS; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
	}
	return x;
}

__attribute__((noinline)) void threads_sleep(int us)
{
	struct timespec ts = {0, (long)us * 1000};
	while (nanosleep(&ts, &ts) != 0)
		;
}
