/* The work of the libraries family: real C libraries doing the job Go's
 * standard library also does. CRC-32 through zlib's crc32, SHA-256
 * through OpenSSL's libcrypto. Called from C (the Google Benchmark side)
 * and from Go through cgo, on the same C memory. */
#ifndef LIBRARIES_WORK_H
#define LIBRARIES_WORK_H

#include <stddef.h>
#include <stdint.h>

/* The largest input, 1 MiB; inputs are the first n bytes of one buffer. */
#define LIB_MAX (1 << 20)
/* Inputs a batched crossing hashes, one after another. */
#define LIB_BATCH 16

/* zlib's crc32 of p[0..n). */
uint32_t lib_crc32(const uint8_t *p, size_t n);
/* The first 4 bytes of OpenSSL's SHA-256 of p[0..n), as a number. */
uint32_t lib_sha256(const uint8_t *p, size_t n);
/* LIB_BATCH inputs of n bytes each (at p, p + n, ...) in one call, their
 * results summed: the batched crossing. */
uint32_t lib_crc32_batch(const uint8_t *p, size_t n);
uint32_t lib_sha256_batch(const uint8_t *p, size_t n);

#endif
