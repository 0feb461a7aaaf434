/* The C half of go->c->go: a C function that calls back into Go. */
#include "_cgo_export.h"

__attribute__((noinline)) int call_back_add1(int x) { return goAdd1(x); }
