/* The work of the data family: read every byte of what was passed, so
 * that each way of handing data over is followed by the same use of it.
 * Its own translation unit, so that no caller can inline it. */
#ifndef DATA_WORK_H
#define DATA_WORK_H

#include <stddef.h>
#include <stdint.h>

#define DATA_LEN 64

/* A 64-byte struct: eight 8-byte fields. */
struct data_rec {
	int64_t f[8];
};

uint32_t data_sum(const uint8_t *p, size_t n);
uint32_t data_rec_value(struct data_rec r);
uint32_t data_rec_pointer(const struct data_rec *r);
uint32_t data_ptr1(const int64_t *a);
uint32_t data_ptr8(const int64_t *a, const int64_t *b, const int64_t *c,
		   const int64_t *d, const int64_t *e, const int64_t *f,
		   const int64_t *g, const int64_t *h);
/* What C.CString then C.free do, in C: malloc, copy, free. */
uint32_t data_dup_free(const char *s, size_t n);
/* A NUL-terminated C string of DATA_LEN bytes, for GoString and GoBytes. */
extern const char data_cstring[DATA_LEN + 1];

#endif
