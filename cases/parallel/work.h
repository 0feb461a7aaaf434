/* The work of the parallel family, as in the call family: x+1. Its own
 * translation unit, so that no caller can inline it. */
#ifndef PARALLEL_WORK_H
#define PARALLEL_WORK_H

int parallel_add1(int x);

#endif
