/* build: build one family's binaries with one toolchain, into
 * build_dir/<toolchain key>/<family>/, and reuse them while nothing they
 * are made from has changed.
 *
 * Outputs: go.test (go test -c), libexport.a (-buildmode=c-archive of
 * export/) and c.bench (cbench/ with work.c, linked against Google
 * Benchmark and libexport.a; on x86-64 the loops of cbench/ start at one
 * byte of their lines of code, place.h). A stamp file holds a hash of every
 * source file of the family, go.mod, the toolchain and the compiler; a matching
 * stamp means the binaries are current. An exclusive lock on the
 * toolchain's directory keeps two runs from building into it at once.
 * Every command and what it printed goes to build.log beside the
 * outputs. struct built owns its paths; free them with build_free. */
#ifndef CGOBENCH_BUILD_H
#define CGOBENCH_BUILD_H

#include "family.h"
#include "toolchain.h"

#include <signal.h>
#include <stddef.h>

struct build_opts {
	const char *cases_dir; /* the Go module's root */
	const char *build_dir;
	volatile sig_atomic_t *stop;
};

struct built {
	char *go_test; /* NULL when the family has no Go side */
	char *cbench;  /* NULL when it has no Google Benchmark side */
	char *shared;  /* libwork.so, NULL unless the family is "shared" */
	int reused;    /* 1 when the stamp matched and nothing was rebuilt */
};

int build_family(const struct family *f, const struct toolchain *t,
		 const struct build_opts *o, struct built *b, char *err,
		 size_t errlen);
/* The binaries of a bundle, built elsewhere: no compiler is run; a
 * binary the family should have and the bundle lacks is an error. */
int build_prebuilt(const struct family *f, const struct toolchain *t,
		   const struct build_opts *o, struct built *b, char *err,
		   size_t errlen);
/* build_dir/<toolchain key>/: where the toolchain's builds and its
 * toolchain.txt go. The caller frees it. */
char *build_toolchain_dir(const struct toolchain *t,
			  const struct build_opts *o);
void build_free(struct built *b);
/* Why toolchain t cannot build family f (a gc release older than its
 * option "go 1.N", or gccgo), or NULL; the caller frees it. */
char *build_unsupported(const struct family *f, const struct toolchain *t);

#endif
