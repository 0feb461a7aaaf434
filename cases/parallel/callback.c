/* The C half of go->c->go in the parallel family. */
#include "_cgo_export.h"

__attribute__((noinline)) int parallel_back(int x) { return goParallelAdd1(x); }
