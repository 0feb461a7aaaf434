/* The work of the threads and blocking families: a call that computes
 * for a while and one that blocks for a while. Its own translation unit,
 * so that no caller can inline it. */
#ifndef BURST_WORK_H
#define BURST_WORK_H

#include <stdint.h>

/* About a microsecond of computing: rounds of a xorshift. */
#define BURST_ROUNDS 400
uint64_t burst_compute(uint64_t x);
/* Blocks in nanosleep for us microseconds. */
void burst_sleep(int us);

#endif
