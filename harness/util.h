/* util: allocation that cannot fail quietly, growable strings, files.
 *
 * xmalloc and friends abort the process on out-of-memory (the only sane
 * answer in a benchmark driver). A struct sbuf owns its bytes; free them
 * with sbuf_free. Functions that can fail return 0 or -1 and write the
 * reason into err (errlen bytes). */
#ifndef CGOBENCH_UTIL_H
#define CGOBENCH_UTIL_H

#include <stdarg.h>
#include <stddef.h>

#define ERRLEN 512

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Sets err to the formatted message; returns -1 so callers can
 * `return set_error(err, errlen, ...)`. */
int set_error(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

struct sbuf {
	char *buf; /* always NUL-terminated once anything was added */
	size_t len;
	size_t cap;
};

void sbuf_add(struct sbuf *sb, const char *s, size_t n);
void sbuf_addstr(struct sbuf *sb, const char *s);
void sbuf_addf(struct sbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sbuf_free(struct sbuf *sb);

/* Reads a whole regular file, of at most FILE_READ_MAX bytes, into a
 * NUL-terminated buffer the caller frees. A FIFO, a device or a
 * directory is an error, and so is a NUL byte in it when len is NULL
 * (the caller takes it as a string). */
#define FILE_READ_MAX (256 << 20)
int file_read(const char *path, char **out, size_t *len, char *err,
	      size_t errlen);
/* Writes data to path through "path.tmp" and rename(2), so that a reader
 * never sees a half-written file. */
int file_write_atomic(const char *path, const char *data, size_t len, char *err,
		      size_t errlen);
int mkdir_p(const char *path, char *err, size_t errlen);
int path_exists(const char *path);
int path_is_dir(const char *path);
/* The names in a directory but those starting with '.', sorted, in a
 * NULL-terminated array the caller frees with free_list; NULL when the
 * directory cannot be read (errno says why). */
char **dir_list(const char *dir, size_t *n);
void free_list(char **names);
/* Removes a directory and everything below it (symbolic links are
 * removed, not followed), or a file; errors are ignored. */
void remove_tree(const char *path);

/* An index from a tuple of strings to a number: a hash table that grows,
 * for lookups that would otherwise scan a table once per row (quadratic on
 * a run of 100,000 rows). It keeps its own copy of each key. */
struct key_index {
	struct key_slot *slots;
	size_t cap, n;
};
/* Adds key -> value unless key is there; returns the value key has now
 * (the first one put, as a scan from the top would find). */
size_t key_index_put(struct key_index *x, const char *const *key, size_t nkey,
		     size_t value);
/* The value of key, or -1. */
long key_index_get(const struct key_index *x, const char *const *key,
		   size_t nkey);
void key_index_free(struct key_index *x);

/* Strips trailing white space in place; returns s. */
char *str_rstrip(char *s);
int str_starts(const char *s, const char *prefix);
/* strcmp of two char * that a and b point to: for qsort of strings. */
int str_ptr_cmp(const void *a, const void *b);
/* Seconds on the monotonic clock, for durations. */
double monotonic_s(void);
/* Sleeps s seconds, or less when a signal comes. */
void sleep_s(double s);
/* Parses a whole string as a number; -1 when anything else is in it. */
int parse_double(const char *s, double *out);
int parse_long(const char *s, long *out);

#endif
