#ifndef MAINTHREAD_WORK_H
#define MAINTHREAD_WORK_H

/* The work of every variant: x + 1, in its own translation unit. */
int mainthread_add1(int x);

/* Adds n memory mappings to the process (n pages whose protection
 * alternates, so that no two neighbours merge); 0, or -1 when mmap or
 * mprotect fails. mainthread_unmap removes them again. */
int mainthread_map(int n);
void mainthread_unmap(void);

/* The lines of /proc/self/maps: the process's mappings; -1 on error. */
int mainthread_count_maps(void);

#endif
