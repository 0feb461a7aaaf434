/* The work of the slow family: return x+1, and with
 * -DCGOBENCH_EXTRA_WORK in CGO_CFLAGS, some extra work first: the
 * regression that compare's tests must catch. */
#ifndef SLOW_WORK_H
#define SLOW_WORK_H

int slow_add1(int x);

#endif
