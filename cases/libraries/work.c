/* The C side of the libraries family, in its own translation unit so
 * that no caller inlines it. */
#include "work.h"

#include <openssl/evp.h>
#include <zlib.h>

uint32_t lib_crc32(const uint8_t *p, size_t n)
{
	return (uint32_t)crc32(0L, p, (uInt)n);
}

/* SHA-256 as a program that hashes often calls it: the algorithm fetched
 * once and one digest context reused (OpenSSL 3's one-shot SHA256()
 * fetches the algorithm on every call, about 0.5 us here). One context
 * for the process: the benchmarks hash on one thread at a time. */
uint32_t lib_sha256(const uint8_t *p, size_t n)
{
	static EVP_MD *md;
	static EVP_MD_CTX *ctx;
	if (!md) {
		md = EVP_MD_fetch(NULL, "SHA256", NULL);
		ctx = EVP_MD_CTX_new();
	}
	unsigned char out[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	if (!md || !ctx || !EVP_DigestInit_ex2(ctx, md, NULL) ||
	    !EVP_DigestUpdate(ctx, p, n) || !EVP_DigestFinal_ex(ctx, out, &len))
		return 0;
	return (uint32_t)out[0] << 24 | (uint32_t)out[1] << 16 |
	       (uint32_t)out[2] << 8 | out[3];
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
