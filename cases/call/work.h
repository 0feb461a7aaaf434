/* The work of the call family: take an int, return it plus one. It lives
 * in its own translation unit so that no caller can inline it. */
#ifndef CALL_WORK_H
#define CALL_WORK_H

int call_add1(int x);

#endif
