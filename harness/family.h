/* family: the case families under cases/ and their matched baselines.
 *
 * A family is a directory cases/<name>/ with any of: Go benchmarks
 * (*_test.go, built with go test -c), a Google Benchmark driver (cbench/,
 * compiled with work.c of the family), and a Go library for C to call
 * (export/, built with -buildmode=c-archive). Its file `baselines` pairs
 * each crossing with the variant it is matched with, one pair a line:
 *     go->c   c->c
 * Its optional file `options` says how its benchmarks must run, one
 * option a line:
 *     unpinned                     every CPU, GOMAXPROCS = the CPUs (for
 *                                  families that measure parallelism)
 *     env <level> <VAR=value>...   Go benchmarks whose param has the
 *                                  level ("cgocheck=0") run in processes
 *                                  started with these variables
 *     link -lNAME...               libraries its C driver links with
 *     spread [<key>]               its samples' spread is its behaviour
 *                                  (contention): rows report quartiles and
 *                                  go beyond --count only to 20 samples,
 *                                  while their middle half says 20 reach
 *                                  the goal; with a key, the param level
 *                                  that counts the goroutines, a row
 *                                  whose param sets it to 1 contends with
 *                                  none and is held to its goal as any
 *                                  row ("spread goroutines")
 *     opt-in                       not in "all": run when named
 *                                  ("--cases all,libraries")
 *     nocgo                        its Go side built with CGO_ENABLED=0
 *     shared                       work.c also built as libwork.so, in
 *                                  the directory of go.test, for a Go
 *                                  side that loads it (purego)
 *     go 1.N                       the least Go release that builds it:
 *                                  older toolchains and gccgo skip it
 *     uncounted                    not counted in instructions: runs of
 *                                  --metric instructions skip it (its
 *                                  benchmarks need more than the one P
 *                                  and no async preemption of counting)
 * A family with its own go.mod is its own module: its Go side is built
 * in its directory.
 * A struct family owns its strings; family_free_all releases an array. */
#ifndef CGOBENCH_FAMILY_H
#define CGOBENCH_FAMILY_H

#include <stddef.h>

struct baseline {
	char *variant;
	char *baseline;
};

struct family_env {
	char *level; /* "cgocheck=0" */
	char **vars; /* "GODEBUG=cgocheck=0", NULL-terminated */
};

struct family {
	char *name;
	char *dir; /* cases_dir/name */
	int has_go, has_cbench, has_export;
	struct baseline *baselines;
	size_t nbaselines;
	int unpinned;
	int spread; /* the spread between samples is the behaviour */
	/* the param level of a row that contends with none ("goroutines=1",
	 * from "spread goroutines"), or NULL */
	char *spread_alone;
	struct family_env *envs;
	size_t nenvs;
	char **links;  /* "-lNAME" flags of its C driver, NULL-terminated */
	int opt_in;    /* only when a pattern names it, not in "all" */
	int nocgo;     /* its Go side built with CGO_ENABLED=0 */
	int shared;    /* work.c also built as libwork.so beside go.test */
	int uncounted; /* skipped by counted runs (--metric instructions) */
	int min_go;    /* N of "go 1.N": the least release that builds it */
};

/* Every family under cases_dir whose name matches one of the
 * comma-separated glob patterns ("" or "all": every family), sorted by
 * name. A pattern that matches nothing is an error. */
int family_discover(const char *cases_dir, const char *patterns,
		    struct family **out, size_t *n, char *err, size_t errlen);
/* Parses a baselines file's text; source names it in errors. */
int family_parse_baselines(const char *text, const char *source,
			   struct family *f, char *err, size_t errlen);
/* Parses an options file's text; source names it in errors. */
int family_parse_options(const char *text, const char *source, struct family *f,
			 char *err, size_t errlen);
/* Whether param has the level ("n=1/cgocheck=0" has cgocheck=0). */
int family_param_has(const char *param, const char *level);
/* The env option one of whose levels param has ("n=1/cgocheck=0" has
 * the levels n=1 and cgocheck=0), or NULL. */
const struct family_env *family_env_of(const struct family *f,
				       const char *param);
/* Whether f's rows of this param spread by contention: f says spread,
 * and the param does not set its key to 1 ("goroutines=1": one goroutine
 * contends with none). */
int family_contended(const struct family *f, const char *param);
/* The baseline of variant, or NULL for a variant that is a baseline. */
const char *family_baseline(const struct family *f, const char *variant);
void family_free_all(struct family *f, size_t n);

#endif
