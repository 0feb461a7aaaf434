#include "benchtxt.h"

#include "util.h"

#include <ctype.h>
#include <string.h>

void benchtxt_format(const char *machine, const struct benchtxt_sample *s,
		     size_t n, struct sbuf *sb)
{
	sbuf_addstr(sb, machine);
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
