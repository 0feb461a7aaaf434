#include "work.h"

static uint32_t sum(const uint8_t *p)
{
	uint32_t s = 0;
	for (int i = 0; i < DIRECTIVES_LEN; i++)
		s = s * 31 + p[i];
	return s;
}

__attribute__((noinline)) uint32_t dir_plain(const uint8_t *p) { return sum(p); }
__attribute__((noinline)) uint32_t dir_noescape(const uint8_t *p) { return sum(p); }
__attribute__((noinline)) uint32_t dir_nocallback(const uint8_t *p) { return sum(p); }
__attribute__((noinline)) uint32_t dir_both(const uint8_t *p) { return sum(p); }
