#include "gbjson.h"

#include "util.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

struct gbjson_doc {
	char *name; /* gbench-<family>-<toolchain>-<cc>.json */
	json_t *root;
};

/* The file name of a driver, with nothing that could leave the run
 * directory. */
static char *file_name(const char *family, const char *toolchain,
		       const char *cc)
{
	char *n = xasprintf("gbench-%s-%s-%s.json", family, toolchain, cc);
	for (char *p = n; *p; p++)
		if (*p == '/' || *p == '\\' || (unsigned char)*p < 0x20)
			*p = '_';
	return n;
}

void gbjson_add(struct gbjson *g, const char *family, const char *toolchain,
		const char *cc, int rep, const char *json)
{
	json_t *in = json_loads(json, 0, NULL);
	json_t *benchmarks = json_object_get(in, "benchmarks");
	if (!json_is_array(benchmarks)) {
		json_decref(in);
		return;
	}
	char *name = file_name(family, toolchain, cc);
	size_t i = 0;
	while (i < g->n && strcmp(g->docs[i].name, name))
		i++;
	if (i == g->n) {
		g->docs = xrealloc(g->docs, (g->n + 1) * sizeof *g->docs);
		g->docs[i].name = name;
		g->docs[i].root = json_object();
		json_t *ctx = json_object_get(in, "context");
		json_object_set(g->docs[i].root, "context",
				ctx ? ctx : json_object());
		json_object_set_new(g->docs[i].root, "benchmarks",
				    json_array());
		g->n++;
	} else {
		free(name);
	}
	json_t *all = json_object_get(g->docs[i].root, "benchmarks");
	size_t k;
	json_t *b;
	json_array_foreach(benchmarks, k, b)
	{
		json_object_set_new(b, "repetition_index",
				    json_integer(rep - 1));
		json_array_append(all, b);
	}
	json_decref(in);
}

size_t gbjson_write(const struct gbjson *g, const char *dir,
		    void (*warn)(void *ctx, const char *msg), void *ctx)
{
	size_t failed = 0;
	for (size_t i = 0; i < g->n; i++) {
		char *text = json_dumps(g->docs[i].root,
					JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		char *path = xasprintf("%s/%s", dir, g->docs[i].name);
		char err[ERRLEN];
		if (!text || file_write_atomic(path, text, strlen(text), err,
					       sizeof err) != 0) {
			failed++;
			if (warn)
				warn(ctx, text ? err : "cannot format JSON");
		}
		free(path);
		free(text);
	}
	return failed;
}

void gbjson_free(struct gbjson *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->docs[i].name);
		json_decref(g->docs[i].root);
	}
	free(g->docs);
	memset(g, 0, sizeof *g);
}
