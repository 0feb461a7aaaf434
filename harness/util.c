#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void oom(void)
{
	fputs("cgobench: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p;
	if (vasprintf(&p, fmt, ap) < 0)
		oom();
	va_end(ap);
	return p;
}

int set_error(char *err, size_t errlen, const char *fmt, ...)
{
	if (err && errlen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

void sbuf_add(struct sbuf *sb, const char *s, size_t n)
{
	if (sb->len + n + 1 > sb->cap) {
		size_t cap = sb->cap ? sb->cap * 2 : 256;
		while (cap < sb->len + n + 1)
			cap *= 2;
		sb->buf = xrealloc(sb->buf, cap);
		sb->cap = cap;
	}
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sbuf_addstr(struct sbuf *sb, const char *s)
{
	sbuf_add(sb, s, strlen(s));
}

void sbuf_addf(struct sbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p;
	if (vasprintf(&p, fmt, ap) < 0)
		oom();
	va_end(ap);
	sbuf_addstr(sb, p);
	free(p);
}

void sbuf_free(struct sbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

int file_read(const char *path, char **out, size_t *len, char *err,
	      size_t errlen)
{
	/* O_NONBLOCK: a FIFO must not block the open; only regular files,
	 * of a bounded size, are read */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return set_error(err, errlen, "cannot open '%s': %s", path,
				 strerror(errno));
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return set_error(err, errlen, "'%s' is not a regular file",
				 path);
	}
	if (st.st_size > FILE_READ_MAX) {
		close(fd);
		return set_error(err, errlen,
				 "'%s' is %lld bytes, more than the %d MiB "
				 "this reads",
				 path, (long long)st.st_size,
				 FILE_READ_MAX >> 20);
	}
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		close(fd);
		return set_error(err, errlen, "cannot open '%s': %s", path,
				 strerror(errno));
	}
	struct sbuf sb = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sbuf_add(&sb, chunk, n);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		sbuf_free(&sb);
		return set_error(err, errlen, "cannot read '%s'", path);
	}
	if (!sb.buf)
		sbuf_add(&sb, "", 0);
	/* a caller without the length takes the text as a string: a NUL in
	 * it would cut it short without a word */
	size_t nul = strlen(sb.buf);
	if (!len && nul < sb.len) {
		sbuf_free(&sb);
		return set_error(err, errlen,
				 "'%s' has a NUL byte at offset %zu: not a "
				 "text file",
				 path, nul);
	}
	*out = sb.buf;
	if (len)
		*len = sb.len;
	return 0;
}

int file_write_atomic(const char *path, const char *data, size_t len, char *err,
		      size_t errlen)
{
	/* a temporary name of this process's own: two processes may write
	 * the same file at once (toolchain.txt of a shared build directory),
	 * and each rename must find its own file */
	char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	FILE *f = fopen(tmp, "wb");
	if (!f) {
		set_error(err, errlen, "cannot create '%s': %s", tmp,
			  strerror(errno));
		free(tmp);
		return -1;
	}
	int bad = fwrite(data, 1, len, f) != len;
	bad |= fflush(f) != 0;
	bad |= fsync(fileno(f)) != 0;
	bad |= fclose(f) != 0;
	if (bad || rename(tmp, path) != 0) {
		set_error(err, errlen, "cannot write '%s': %s", path,
			  strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

int mkdir_p(const char *path, char *err, size_t errlen)
{
	char *p = xstrdup(path);
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			set_error(err, errlen,
				  "cannot create directory '%s': %s", p,
				  strerror(errno));
			free(p);
			return -1;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return 0;
}

int path_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

int path_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

char *str_rstrip(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
		     s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

int str_starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

double monotonic_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void sleep_s(double s)
{
	struct timespec t = {.tv_sec = (time_t)s,
			     .tv_nsec = (long)((s - (double)(time_t)s) * 1e9)};
	nanosleep(&t, NULL);
}

int parse_double(const char *s, double *out)
{
	char *end;
	errno = 0;
	if (!*s)
		return -1;
	double v = strtod(s, &end);
	if (*end || errno == ERANGE)
		return -1;
	*out = v;
	return 0;
}

int parse_long(const char *s, long *out)
{
	char *end;
	errno = 0;
	if (!*s)
		return -1;
	long v = strtol(s, &end, 10);
	if (*end || errno == ERANGE)
		return -1;
	*out = v;
	return 0;
}

char **dir_list(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	*n = 0;
	if (!d)
		return NULL;
	char **names = xcalloc(1, sizeof *names);
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		names = xrealloc(names, (*n + 2) * sizeof *names);
		names[(*n)++] = xstrdup(e->d_name);
		names[*n] = NULL;
	}
	closedir(d);
	qsort(names, *n, sizeof *names, str_ptr_cmp);
	return names;
}

void free_list(char **names)
{
	for (char **p = names; p && *p; p++)
		free(*p);
	free(names);
}

void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		unlink(dir);
		return;
	}
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *p = xasprintf("%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			remove_tree(p);
		else
			unlink(p);
		free(p);
	}
	closedir(d);
	rmdir(dir);
}

int str_ptr_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct key_slot {
	char *key; /* each string with its NUL, back to back; NULL: empty */
	size_t len;
	uint64_t hash;
	size_t value;
};

/* The strings of key back to back with their NULs, which no string can
 * hold, so that ("ab", "c") and ("a", "bc") differ. */
static char *key_join(const char *const *key, size_t nkey, size_t *len)
{
	size_t n = 0;
	for (size_t i = 0; i < nkey; i++)
		n += strlen(key[i]) + 1;
	char *k = xmalloc(n ? n : 1), *p = k;
	for (size_t i = 0; i < nkey; i++) {
		size_t l = strlen(key[i]) + 1;
		memcpy(p, key[i], l);
		p += l;
	}
	*len = n;
	return k;
}

/* FNV-1a */
static uint64_t key_hash(const char *k, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)k[i]) * 0x100000001b3ULL;
	return h;
}

/* The slot holding k, or the empty slot where it would go. */
static struct key_slot *key_slot_of(const struct key_index *x, const char *k,
				    size_t len, uint64_t h)
{
	size_t i = h & (x->cap - 1);
	while (x->slots[i].key &&
	       (x->slots[i].hash != h || x->slots[i].len != len ||
		memcmp(x->slots[i].key, k, len)))
		i = (i + 1) & (x->cap - 1);
	return &x->slots[i];
}

static void key_index_grow(struct key_index *x)
{
	struct key_index bigger = {
	    xcalloc(x->cap ? 2 * x->cap : 64, sizeof *x->slots),
	    x->cap ? 2 * x->cap : 64, x->n};
	for (size_t i = 0; i < x->cap; i++)
		if (x->slots[i].key)
			*key_slot_of(&bigger, x->slots[i].key, x->slots[i].len,
				     x->slots[i].hash) = x->slots[i];
	free(x->slots);
	*x = bigger;
}

size_t key_index_put(struct key_index *x, const char *const *key, size_t nkey,
		     size_t value)
{
	if (2 * (x->n + 1) > x->cap)
		key_index_grow(x);
	size_t len;
	char *k = key_join(key, nkey, &len);
	uint64_t h = key_hash(k, len);
	struct key_slot *s = key_slot_of(x, k, len, h);
	if (s->key) {
		free(k);
		return s->value;
	}
	*s = (struct key_slot){k, len, h, value};
	x->n++;
	return value;
}

long key_index_get(const struct key_index *x, const char *const *key,
		   size_t nkey)
{
	if (!x->cap)
		return -1;
	size_t len;
	char *k = key_join(key, nkey, &len);
	const struct key_slot *s = key_slot_of(x, k, len, key_hash(k, len));
	free(k);
	return s->key ? (long)s->value : -1;
}

void key_index_free(struct key_index *x)
{
	for (size_t i = 0; i < x->cap; i++)
		free(x->slots[i].key);
	free(x->slots);
	memset(x, 0, sizeof *x);
}
