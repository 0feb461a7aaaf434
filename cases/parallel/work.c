#include "work.h"

/* noinline keeps it a real call even under link-time optimisation. */
__attribute__((noinline)) int parallel_add1(int x) { return x + 1; }
