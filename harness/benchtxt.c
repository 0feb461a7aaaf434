#include "benchtxt.h"

#include "util.h"

#include <ctype.h>
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
	const char *tc = NULL, *cc = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!tc || strcmp(tc, s[i].toolchain) || strcmp(cc, s[i].cc)) {
			tc = s[i].toolchain;
			cc = s[i].cc;
			sbuf_addf(sb, "toolchain: %s\ncc: %s\n", tc, cc);
		}
		sbuf_addf(sb, "Benchmark%c%s/%s%s%s\t%lld",
			  toupper((unsigned char)s[i].family[0]),
			  s[i].family + 1, s[i].variant,
			  s[i].param[0] ? "/" : "", s[i].param, s[i].iters);
		for (size_t k = 0; k < s[i].nmetrics; k++)
			sbuf_addf(sb, "\t%.17g %s", s[i].metrics[k].value,
				  s[i].metrics[k].unit);
		sbuf_addstr(sb, "\n");
	}
}
