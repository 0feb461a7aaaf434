/* The work of the batch family: a checksum (FNV-1a) of one 16-byte item.
 * It lives in its own translation unit so that no caller can inline it. */
#ifndef BATCH_WORK_H
#define BATCH_WORK_H

#include <stdint.h>

#define BATCH_ITEM 16
#define BATCH_MAX  4096

uint32_t batch_item(const uint8_t *item);
/* n items, one call of batch_item each, summed: the batched crossing. */
uint32_t batch_all(const uint8_t *items, int n);

#endif
