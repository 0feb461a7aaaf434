#include "work.h"

__attribute__((noinline)) int slow_add1(int x)
{
#ifdef CGOBENCH_EXTRA_WORK
	for (volatile int i = 0; i < 200; i++)
		;
#endif
	return x + 1;
}
