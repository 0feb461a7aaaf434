/* The work of the purego family: the call family's, return x + 1, in a
 * shared library (libwork.so) that the Go side loads through purego, and
 * linked into the C driver for the baselines. */
#ifndef PUREGO_WORK_H
#define PUREGO_WORK_H

int purego_add1(int x);
/* fn(x): the C half of go->c->go. */
int purego_call_back(int (*fn)(int), int x);
/* Calls fn n times on a thread it makes with pthread_create, each
 * result the next argument, and returns the last; -1 when the thread
 * cannot be made. */
int purego_loop_cthread(int (*fn)(int), long n);

#endif
