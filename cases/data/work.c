#include "work.h"

#include <stdlib.h>
#include <string.h>

const char data_cstring[DATA_LEN + 1] =
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

/* noinline keeps each a real call even under link-time optimisation. */
__attribute__((noinline)) uint32_t data_sum(const uint8_t *p, size_t n)
{
	uint32_t s = 0;
	for (size_t i = 0; i < n; i++)
		s = s * 31 + p[i];
	return s;
}

__attribute__((noinline)) uint32_t data_rec_value(struct data_rec r)
{
	return data_sum((const uint8_t *)&r, sizeof r);
}

__attribute__((noinline)) uint32_t data_rec_pointer(const struct data_rec *r)
{
	return data_sum((const uint8_t *)r, sizeof *r);
}

__attribute__((noinline)) uint32_t data_ptr1(const int64_t *a)
{
	return (uint32_t)*a;
}

__attribute__((noinline)) uint32_t
data_ptr8(const int64_t *a, const int64_t *b, const int64_t *c,
	  const int64_t *d, const int64_t *e, const int64_t *f,
	  const int64_t *g, const int64_t *h)
{
	return (uint32_t)(*a + *b + *c + *d + *e + *f + *g + *h);
}

__attribute__((noinline)) uint32_t data_dup_free(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (!p)
		abort();
	memcpy(p, s, n);
	p[n] = '\0';
	uint32_t r = (uint8_t)p[n / 2];
	free(p);
	return r;
}
