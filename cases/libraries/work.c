/* The C side of the libraries family, in its own translation unit so
 * that no caller inlines it. */
#include "work.h"

#include <openssl/sha.h>
#include <zlib.h>

uint32_t lib_crc32(const uint8_t *p, size_t n)
{
	return (uint32_t)crc32(0L, p, (uInt)n);
}

uint32_t lib_sha256(const uint8_t *p, size_t n)
{
	unsigned char md[SHA256_DIGEST_LENGTH];
	SHA256(p, n, md);
	return (uint32_t)md[0] << 24 | (uint32_t)md[1] << 16 |
	       (uint32_t)md[2] << 8 | md[3];
}

uint32_t lib_crc32_batch(const uint8_t *p, size_t n)
{
	uint32_t sum = 0;
	for (int i = 0; i < LIB_BATCH; i++)
		sum += lib_crc32(p + (size_t)i * n, n);
	return sum;
}

uint32_t lib_sha256_batch(const uint8_t *p, size_t n)
{
	uint32_t sum = 0;
	for (int i = 0; i < LIB_BATCH; i++)
		sum += lib_sha256(p + (size_t)i * n, n);
	return sum;
}
