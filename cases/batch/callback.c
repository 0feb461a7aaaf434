/* The C half of go->c->go(batch): one crossing into C, which calls the
 * exported Go goBatchItem once per item. */
#include "_cgo_export.h"
#include "work.h"

__attribute__((noinline)) uint32_t batch_all_go(uint8_t *items, int n)
{
	uint32_t sum = 0;
	for (int i = 0; i < n; i++)
		sum += goBatchItem(items + (long)i * BATCH_ITEM);
	return sum;
}
