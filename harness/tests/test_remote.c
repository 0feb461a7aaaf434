/* What the machines path rests on: the quoting of every word of a remote
 * command line, and toolchain.txt written and read back. */
#include "testutil.h"

#include "remote.h"
#include "spawn.h"
#include "toolchain.h"

#include <unistd.h>

static void quoting(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
	    {"plain", "'plain'"},
	    {"", "''"},
	    {"a b", "'a b'"},
	    {"it's", "'it'\\''s'"},
	    {"$(rm -rf ~); `x` \"y\" \\", "'$(rm -rf ~); `x` \"y\" \\'"},
	    {"''", "''\\'''\\'''"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct sbuf sb = {0};
		remote_quote(&sb, cases[i][0]);
		assert_string_equal(sb.buf, cases[i][1]);
		sbuf_free(&sb);
	}
}

/* Every word read back by a real shell is the word given. */
static void quoting_through_sh(void **state)
{
	(void)state;
	const char *word = "a 'b' \"c\" $d `e` \\f\n*";
	struct sbuf sb = {0};
	sbuf_addstr(&sb, "printf %s ");
	remote_quote(&sb, word);
	/* the shell line is ours, as a remote command line would be */
	char *argv[] = {"sh", "-c", sb.buf, NULL};
	struct spawn_opts o = {.argv = argv, .pin_cpu = -1, .timeout_s = 10};
	struct spawn_result r;
	char err[ERRLEN];
	assert_int_equal(spawn_run(&o, &r, err, sizeof err), 0);
	assert_true(spawn_ok(&r));
	assert_string_equal(r.out, word);
	spawn_result_free(&r);
	sbuf_free(&sb);
}

static void toolchain_file(void **state)
{
	(void)state;
	struct toolchain t = {.spec = "go1.27.3",
			      .name = "go1.27.3",
			      .goroot = "/root/sdk/go1.27.3",
			      .goos = "linux",
			      .goarch = "amd64",
			      .cc = "gcc",
			      .cxx = "g++",
			      .cc_name = "gcc",
			      .cc_version = "gcc (Debian 12.2.0-14) 12.2.0"};
	char *flags[TC_BUILD_VARS] = {"",    "-O2 -g -DX", "",	"-O2 -g",
				      "-O2", "",	   "v3"};
	memcpy(t.build_env, flags, sizeof flags);
	char path[] = "/tmp/cgobench-toolchain-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	char err[ERRLEN];
	assert_int_equal(toolchain_save(&t, path, err, sizeof err), 0);
	struct toolchain u;
	assert_int_equal(toolchain_load(path, &u, err, sizeof err), 0);
	assert_string_equal(u.name, "go1.27.3");
	assert_string_equal(u.goroot, "/root/sdk/go1.27.3");
	assert_string_equal(u.cc_version, "gcc (Debian 12.2.0-14) 12.2.0");
	assert_string_equal(u.key, "go1.27.3-amd64-gcc");
	assert_string_equal(u.env[0], "CGO_ENABLED=1");
	/* the flags it was built with come back, empty ones too, for a
	 * prebuilt run's build-env */
	for (size_t i = 0; i < TC_BUILD_VARS; i++)
		assert_string_equal(u.build_env[i], flags[i]);
	toolchain_free(&u);
	/* a bundle from before them: none, and one cut short: none */
	memset(t.build_env, 0, sizeof t.build_env);
	assert_int_equal(toolchain_save(&t, path, err, sizeof err), 0);
	assert_int_equal(toolchain_load(path, &u, err, sizeof err), 0);
	for (size_t i = 0; i < TC_BUILD_VARS; i++)
		assert_null(u.build_env[i]);
	toolchain_free(&u);
	t.build_env[0] = "-mod=mod";
	t.build_env[1] = "-O1";
	assert_int_equal(toolchain_save(&t, path, err, sizeof err), 0);
	assert_int_equal(toolchain_load(path, &u, err, sizeof err), 0);
	for (size_t i = 0; i < TC_BUILD_VARS; i++)
		assert_null(u.build_env[i]);
	toolchain_free(&u);
	/* a file without a field is refused, naming it */
	assert_int_equal(
	    file_write_atomic(path, "name: go1.26.8\n", 15, err, sizeof err),
	    0);
	assert_int_equal(toolchain_load(path, &u, err, sizeof err), -1);
	char *want = xasprintf("%s: no 'spec: ' line", path);
	assert_string_equal(err, want);
	free(want);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(quoting),
	    cmocka_unit_test(quoting_through_sh),
	    cmocka_unit_test(toolchain_file),
	};
	return cmocka_run_group_tests_name("remote", tests, NULL, NULL);
}
