#include "work.h"

/* noinline keeps every item a real call even under link-time
 * optimisation, as it is in Go. */
__attribute__((noinline)) uint32_t batch_item(const uint8_t *item)
{
	uint32_t h = 2166136261u;
	for (int i = 0; i < BATCH_ITEM; i++)
		h = (h ^ item[i]) * 16777619u;
	return h;
}

__attribute__((noinline)) uint32_t batch_all(const uint8_t *items, int n)
{
	uint32_t sum = 0;
	for (int i = 0; i < n; i++)
		sum += batch_item(items + (long)i * BATCH_ITEM);
	return sum;
}
