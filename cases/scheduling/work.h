/* The work of the scheduling family. Its own translation unit, so that no
 * caller can inline it. */
#ifndef SCHED_WORK_H
#define SCHED_WORK_H

/* return x + 1, the call family's work */
int sched_add1(int x);
/* The calling thread's id (gettid), read once per thread and kept in a
 * thread-local variable: a cheap call that says which thread ran it. */
long sched_tid(void);

#endif
