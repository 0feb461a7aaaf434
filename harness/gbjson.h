/* gbjson: Google Benchmark's own JSON of a run, a file a C driver
 * (family, toolchain and compiler), gbench-<family>-<toolchain>-<cc>.json
 * in the run directory: the context of its first sample and every
 * sample's benchmarks, each with its repetition_index, so that Google
 * Benchmark's tools/compare.py compares the C sides of two runs as its
 * users expect. */
#ifndef CGOBENCH_GBJSON_H
#define CGOBENCH_GBJSON_H

#include <stddef.h>

struct gbjson {
	struct gbjson_doc *docs;
	size_t n;
};

/* Adds the benchmarks of one sample's JSON (repetition rep, from 1). */
void gbjson_add(struct gbjson *g, const char *family, const char *toolchain,
		const char *cc, int rep, const char *json);
/* Writes each driver's file into dir; the number not written, each
 * reported through warn. */
size_t gbjson_write(const struct gbjson *g, const char *dir,
		    void (*warn)(void *ctx, const char *msg), void *ctx);
void gbjson_free(struct gbjson *g);

#endif
