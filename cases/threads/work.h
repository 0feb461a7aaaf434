/* The work of the threads family: a call that computes for a while and
 * one that blocks for a while. Its own translation unit, so that no caller
 * can inline it. */
#ifndef THREADS_WORK_H
#define THREADS_WORK_H

#include <stdint.h>

/* About a microsecond of computing: rounds of a xorshift. */
#define THREADS_ROUNDS 400
uint64_t threads_compute(uint64_t x);
/* Blocks in nanosleep for us microseconds. */
void threads_sleep(int us);

#endif
