/* toolchain: CGO_CFLAGS and the like split as go splits them. Each input's
 * words are those `go build -n` showed go 1.26.8 hand to gcc for it. */
#include "testutil.h"

#include "toolchain.h"
#include "util.h"

/* want: the words, joined by '|'; NULL: an error naming CGO_CFLAGS */
static void expect(const char *value, const char *want)
{
	char err[ERRLEN] = "";
	char **got =
	    toolchain_split_flags("CGO_CFLAGS", value, err, sizeof err);
	if (!want) {
		if (got)
			fail_msg("'%s': split, want an error", value);
		assert_true(str_starts(err, "CGO_CFLAGS: a "));
		assert_non_null(strstr(err, value));
		return;
	}
	if (!got)
		fail_msg("'%s': %s", value, err);
	struct sbuf sb = {0};
	for (size_t i = 0; got[i]; i++)
		sbuf_addf(&sb, "%s%s", i ? "|" : "", got[i]);
	if (strcmp(sb.buf ? sb.buf : "", want))
		fail_msg("'%s': '%s', want '%s'", value, sb.buf ? sb.buf : "",
			 want);
	sbuf_free(&sb);
	free_list(got);
}

static void splits_as_go(void **state)
{
	(void)state;
	expect("-O2 -g", "-O2|-g");
	expect(" \t-O2\r\n -g  ", "-O2|-g");
	expect("", "");
	expect("   ", "");
	/* a word that starts with a quote runs to the next such quote */
	expect("-O2 '-DX=a b' \"-DY=c 'd'\"", "-O2|-DX=a b|-DY=c 'd'");
	/* quotes further inside a word do not count */
	expect("-DX='a b'", "-DX='a|b'");
	/* a quoted word ends at its quote, and the next starts there */
	expect("'a'b", "a|b");
	expect("-O2 ''", "-O2|");
	/* go panics: "unterminated ' string" */
	expect("-O2 '-g", NULL);
	expect("\"", NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(splits_as_go),
	};
	return cmocka_run_group_tests_name("toolchain", tests, NULL, NULL);
}
