#include "benchtxt.h"

#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* The keys that define a configuration: those benchstat may group by.
 * The rest of machine.txt differs between any two runs (date, commit,
 * kernel) and is written as comment lines, which benchfmt skips. */
static const char *const config_keys[] = {"goos", "goarch", "cpu"};

static int is_config(const char *line)
{
	for (size_t i = 0; i < sizeof config_keys / sizeof *config_keys; i++) {
		size_t n = strlen(config_keys[i]);
		if (!strncmp(line, config_keys[i], n) &&
		    (line[n] == ':' ||
		     (line[n] == '-' && isdigit((unsigned char)line[n + 1]))))
			return 1;
	}
	return 0;
}

/* Row by row, each row's samples in the order given. */
static int by_row(const void *a, const void *b, void *ctx)
{
	const struct benchtxt_sample *s = ctx;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	if (s[x].row != s[y].row)
		return s[x].row < s[y].row ? -1 : 1;
	return (x > y) - (x < y);
}

void benchtxt_format(const char *machine, const struct benchtxt_sample *s,
		     size_t n, struct sbuf *sb)
{
	/* goos, goarch and cpu as configuration (goos-1 of several
	 * toolchains as goos), the rest of the machine as comments */
	int goos = 0, goarch = 0;
	for (const char *l = machine; *l;) {
		size_t len = strcspn(l, "\n");
		if (is_config(l)) {
			const char *colon = memchr(l, ':', len);
			size_t key = strcspn(l, ":-");
			int *seen = !strncmp(l, "goos", 4)     ? &goos
				    : !strncmp(l, "goarch", 6) ? &goarch
							       : NULL;
			if (colon && (!seen || !(*seen)++))
				sbuf_addf(sb, "%.*s%.*s\n", (int)key, l,
					  (int)(len - (size_t)(colon - l)),
					  colon);
		} else if (len) {
			sbuf_addf(sb, "# %.*s\n", (int)len, l);
		}
		l += len + (l[len] == '\n');
	}
	/* counted instructions repeat to the instruction: benchstat adds no
	 * confidence for more of them */
	int counted = 0;
	for (size_t i = 0; i < n && !counted; i++)
		for (size_t k = 0; k < s[i].nmetrics; k++)
			counted |=
			    !strcmp(s[i].metrics[k].unit, "instructions/op");
	if (counted)
		sbuf_addstr(sb, "Unit instructions/op assume=exact\n");
	size_t *order = xmalloc((n ? n : 1) * sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	qsort_r(order, n, sizeof *order, by_row, (void *)s);
	const char *tc = NULL, *cc = NULL;
	for (size_t k = 0; k < n; k++) {
		size_t i = order[k];
		if (!tc || strcmp(tc, s[i].toolchain) || strcmp(cc, s[i].cc)) {
			tc = s[i].toolchain;
			cc = s[i].cc;
			sbuf_addf(sb, "toolchain: %s\ncc: %s\n", tc, cc);
		}
		sbuf_addf(sb, "Benchmark%c%s/%s%s%s\t%lld",
			  toupper((unsigned char)s[i].family[0]),
			  s[i].family + 1, s[i].variant,
			  s[i].param[0] ? "/" : "", s[i].param, s[i].iters);
		for (size_t j = 0; j < s[i].nmetrics; j++)
			sbuf_addf(sb, "\t%.17g %s", s[i].metrics[j].value,
				  s[i].metrics[j].unit);
		sbuf_addstr(sb, "\n");
	}
	free(order);
}
