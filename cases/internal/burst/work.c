#include "work.h"

#include <time.h>

__attribute__((noinline)) uint64_t burst_compute(uint64_t x)
{
	for (int i = 0; i < BURST_ROUNDS; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
	}
	return x;
}

__attribute__((noinline)) void burst_sleep(int us)
{
	struct timespec ts = {us / 1000000, (long)(us % 1000000) * 1000};
	while (nanosleep(&ts, &ts) != 0)
		;
}
