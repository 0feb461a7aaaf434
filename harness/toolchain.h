/* toolchain: a Go toolchain and C compiler that cases are built with.
 *
 * A spec names the Go toolchain the way a user does: "go" (the one in
 * PATH), a path to a go binary, or a release such as "go1.27.3", which
 * the go in PATH runs through GOTOOLCHAIN. toolchain_resolve asks that go
 * for its version and GOROOT and the C compiler for its version, so that
 * every row can name what built it. A struct toolchain owns its strings. */
#ifndef CGOBENCH_TOOLCHAIN_H
#define CGOBENCH_TOOLCHAIN_H

#include <stddef.h>

/* The flags that change what go and cgo build, in this order. */
enum {
	TC_GOFLAGS,
	TC_CGO_CFLAGS,
	TC_CGO_CPPFLAGS,
	TC_CGO_LDFLAGS,
	TC_CGO_CXXFLAGS,
	TC_GOEXPERIMENT,
	TC_GOAMD64,
	TC_BUILD_VARS
};
extern const char *const toolchain_build_vars[TC_BUILD_VARS];

struct toolchain {
	char *spec; /* as the user gave it */
	char *go;   /* the command to run */
	char *name; /* GOVERSION, e.g. "go1.26.8": the toolchain column */
	char *goroot, *goos, *goarch;
	char *cc, *cxx;	  /* C and C++ compilers, as commands */
	char *cc_name;	  /* basename of cc: the cc column */
	char *cc_version; /* first line of cc --version */
	char *key;	  /* build directory name: name-goarch-cc_name */
	char *env[6];	  /* "K=V" entries for every go and cc command */
	/* the values of toolchain_build_vars, as go env gives them (from
	 * the environment or go env -w); for a toolchain loaded from a
	 * bundle, those it was built with, or NULLs (a bundle from before
	 * they were kept) */
	char *build_env[TC_BUILD_VARS];
};

/* value, the variable var's, split into words as cmd/go splits its
 * CGO_CFLAGS and the like (cmd/internal/quoted.Split): at blanks (space,
 * tab, newline, carriage return); a word that starts with ' or " runs to
 * the next such quote, and neither is kept; nothing is escaped. A
 * NULL-terminated array (free_list); NULL with err naming var when a
 * quote is not closed. */
char **toolchain_split_flags(const char *var, const char *value, char *err,
			     size_t errlen);
/* cc is "gcc", "clang" or a path; cxx NULL derives it (gcc -> g++). */
int toolchain_resolve(const char *spec, const char *cc, const char *cxx,
		      struct toolchain *t, char *err, size_t errlen);
void toolchain_free(struct toolchain *t);
/* What a run needs of a toolchain whose binaries are built already, as
 * "key: value" lines: written beside its builds, read back by a run from
 * a bundle (--prebuilt) on a machine without it. */
int toolchain_save(const struct toolchain *t, const char *path, char *err,
		   size_t errlen);
/* A missing field is an error naming path. */
int toolchain_load(const char *path, struct toolchain *t, char *err,
		   size_t errlen);

#endif
