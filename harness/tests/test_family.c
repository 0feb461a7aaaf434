/* Baselines files and family discovery. */
#include "testutil.h"

#include "build.h"
#include "family.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static void baselines(void **state)
{
	(void)state;
	struct family f = {0};
	char err[ERRLEN];
	const char *text = "# crossing   baseline\n"
			   "go->c        c->c\n\n"
			   "go->c->go\tc->c(fnptr)   # a callback\n";
	assert_int_equal(family_parse_baselines(text, "b", &f, err, sizeof err),
			 0);
	assert_int_equal(f.nbaselines, 2);
	assert_string_equal(family_baseline(&f, "go->c"), "c->c");
	assert_string_equal(family_baseline(&f, "go->c->go"), "c->c(fnptr)");
	assert_null(family_baseline(&f, "c->c"));
	assert_int_equal(
	    family_parse_baselines("x y\nlonely\n", "b", &f, err, sizeof err),
	    -1);
	assert_string_equal(err, "b:2: want 'variant baseline', two words");
	assert_int_equal(
	    family_parse_baselines("a b\nx y z\n", "b", &f, err, sizeof err),
	    -1);
	assert_string_equal(err, "b:2: want 'variant baseline', two words");
	assert_int_equal(
	    family_parse_baselines("go->c c->c\n", "b", &f, err, sizeof err),
	    -1);
	assert_string_equal(err, "b:1: variant 'go->c' has a baseline already");
	struct family g = {0};
	assert_int_equal(family_parse_baselines("x y\ngo->c go->c\n", "b", &g,
						err, sizeof err),
			 -1);
	assert_string_equal(err, "b:2: variant 'go->c' is its own baseline: "
				 "its overhead would be 0");
	struct family *gh = xmalloc(sizeof g);
	*gh = g;
	family_free_all(gh, 1);
	f.name = xstrdup("x");
	f.dir = xstrdup("x");
	family_free_all(xmalloc(sizeof f), 0);
	struct family *heap = xmalloc(sizeof f);
	*heap = f;
	family_free_all(heap, 1);
}

/* The options files of the real families, and every error. */
static void options(void **state)
{
	(void)state;
	struct family *f = xcalloc(1, sizeof *f);
	char err[ERRLEN];
	const char *text = "# how to run\n"
			   "unpinned\n"
			   "nocgo\n"
			   "shared\n"
			   "uncounted\n"
			   "go 1.25\n"
			   "link -lcrypto -lz\n"
			   "env cgocheck=0 GODEBUG=cgocheck=0 A=b  # off\n";
	assert_int_equal(family_parse_options(text, "o", f, err, sizeof err),
			 0);
	assert_int_equal(f->unpinned, 1);
	assert_int_equal(f->nocgo, 1);
	assert_int_equal(f->shared, 1);
	assert_int_equal(f->uncounted, 1);
	assert_int_equal(f->min_go, 25);
	assert_int_equal(f->opt_in, 0);
	assert_string_equal(f->links[0], "-lcrypto");
	assert_string_equal(f->links[1], "-lz");
	assert_null(f->links[2]);
	assert_int_equal(f->nenvs, 1);
	assert_string_equal(f->envs[0].level, "cgocheck=0");
	assert_string_equal(f->envs[0].vars[0], "GODEBUG=cgocheck=0");
	assert_string_equal(f->envs[0].vars[1], "A=b");
	assert_null(f->envs[0].vars[2]);
	assert_ptr_equal(family_env_of(f, "cgocheck=0"), &f->envs[0]);
	assert_ptr_equal(family_env_of(f, "n=1/cgocheck=0"), &f->envs[0]);
	assert_ptr_equal(family_env_of(f, "cgocheck=0/n=1"), &f->envs[0]);
	assert_null(family_env_of(f, "cgocheck=1"));
	assert_null(family_env_of(f, "cgocheck=00"));
	assert_null(family_env_of(f, "xcgocheck=0"));
	assert_null(family_env_of(f, ""));

	static const struct {
		const char *text, *want;
	} bad[] = {
	    {"unpinned now\n", "o:1: 'unpinned' takes nothing after it"},
	    {"\npinned\n",
	     "o:2: unknown option 'pinned' (want 'unpinned', "
	     "'spread', 'opt-in', 'nocgo', 'shared', 'uncounted', 'go 1.N', "
	     "'link -lNAME...' or 'env <level> <VAR=value>...')"},
	    {"uncounted here\n", "o:1: 'uncounted' takes nothing after it"},
	    {"opt-in now\n", "o:1: 'opt-in' takes nothing after it"},
	    {"nocgo please\n", "o:1: 'nocgo' takes nothing after it"},
	    {"shared libwork.so\n", "o:1: 'shared' takes nothing after it"},
	    {"go\n", "o:1: want 'go 1.N', the least Go release that builds "
		     "the family"},
	    {"go 1.25.0\n", "o:1: want 'go 1.N', the least Go release that "
			    "builds the family"},
	    {"go 2.1\n", "o:1: want 'go 1.N', the least Go release that "
			 "builds the family"},
	    {"go 1.25 or so\n", "o:1: want 'go 1.N', the least Go release "
				"that builds the family"},
	    {"link\n", "o:1: 'link' names no library"},
	    {"link -lz -o/tmp/x\n", "o:1: '-o/tmp/x' is not -lNAME"},
	    {"link -l\n", "o:1: '-l' is not -lNAME"},
	    {"link -lz;rm\n", "o:1: '-lz;rm' is not -lNAME"},
	    {"env\n", "o:1: want 'env <level> <VAR=value>...', the level one "
		      "param level such as cgocheck=0"},
	    {"env a/b=1 X=1\n", "o:1: want 'env <level> <VAR=value>...', the "
				"level one param level such as cgocheck=0"},
	    {"env cgocheck=0\n", "o:1: env 'cgocheck=0' sets no variable"},
	    {"env cgocheck=0 GODEBUG\n", "o:1: 'GODEBUG' is not VAR=value"},
	    {"env cgocheck=0 X=1\n", "o:1: level 'cgocheck=0' has an env "
				     "already"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		/* the last is an error only after the first text */
		struct family *g = i + 1 < sizeof bad / sizeof *bad
				       ? xcalloc(1, sizeof *g)
				       : f;
		assert_int_equal(
		    family_parse_options(bad[i].text, "o", g, err, sizeof err),
		    -1);
		assert_string_equal(err, bad[i].want);
		if (g != f)
			family_free_all(g, 1);
	}
	family_free_all(f, 1);
}

/* "spread goroutines": a row at one goroutine contends with none (handles'
 * rwmutex-map(mutex-id) at goroutines=1 ended `spread`, "contention
 * spreads it", in pty-quiet-6); "spread" alone covers every row. */
static void spread_key(void **state)
{
	(void)state;
	struct family *f = xcalloc(1, sizeof *f);
	char err[ERRLEN];
	assert_false(family_contended(f, "goroutines=2"));
	assert_int_equal(
	    family_parse_options("spread\n", "o", f, err, sizeof err), 0);
	assert_null(f->spread_alone);
	assert_true(family_contended(f, "goroutines=1"));
	assert_true(family_contended(f, ""));
	assert_int_equal(family_parse_options("spread goroutines  # n\n", "o",
					      f, err, sizeof err),
			 0);
	assert_string_equal(f->spread_alone, "goroutines=1");
	assert_false(family_contended(f, "goroutines=1"));
	assert_false(family_contended(f, "n=8/goroutines=1"));
	assert_true(family_contended(f, "goroutines=2"));
	assert_true(family_contended(f, "goroutines=10"));
	assert_true(family_contended(f, "goroutines=16"));
	assert_true(family_contended(f, "xgoroutines=1"));
	assert_true(family_contended(f, ""));
	static const char *const bad[] = {"spread goroutines=1\n",
					  "spread a/b\n", "spread a b\n"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_int_equal(
		    family_parse_options(bad[i], "o", f, err, sizeof err), -1);
		assert_string_equal(err,
				    "o:1: want 'spread' or 'spread <key>', "
				    "the key the param level that counts "
				    "the goroutines (goroutines)");
	}
	family_free_all(f, 1);
}

/* bench.txt names each Go result Benchmark<Family>/variant: every real
 * family's Go benchmark must carry that name, or bench.txt names one that
 * go test never printed (recovery's was BenchmarkRecover). */
static void go_benchmarks_named_for_their_family(void **state)
{
	(void)state;
	struct family *f;
	size_t n;
	char err[ERRLEN];
	assert_int_equal(
	    family_discover("cases", "all", &f, &n, err, sizeof err), 0);
	size_t checked = 0;
	for (size_t i = 0; i < n; i++) {
		if (!f[i].has_go)
			continue;
		char *want = xasprintf("func Benchmark%c%s(b *testing.B) {",
				       f[i].name[0] - 'a' + 'A', f[i].name + 1);
		char *path = xasprintf("%s/%s_test.go", f[i].dir, f[i].name);
		char *text = fixture(path);
		if (!strstr(text, want))
			fail_msg("%s has no '%s'", path, want);
		free(text);
		free(path);
		free(want);
		checked++;
	}
	assert_true(checked >= 8);
	family_free_all(f, n);
}

static void touch(const char *path)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("go->c c->c\n", f);
	fclose(f);
}

static void discover(void **state)
{
	(void)state;
	char dir[] = "/tmp/cgobench-fam-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *p;
	const char *mk[] = {"call", "call/cbench", "batch", "notes", ".hidden"};
	for (int i = 0; i < 5; i++) {
		p = xasprintf("%s/%s", dir, mk[i]);
		mkdir(p, 0777);
		free(p);
	}
	p = xasprintf("%s/call/baselines", dir);
	touch(p);
	free(p);
	p = xasprintf("%s/batch/batch_test.go", dir);
	touch(p);
	free(p);
	p = xasprintf("%s/call/options", dir);
	FILE *o = fopen(p, "w");
	assert_non_null(o);
	fputs("unpinned\n", o);
	fclose(o);
	free(p);
	struct family *f;
	size_t n;
	char err[ERRLEN];
	assert_int_equal(family_discover(dir, "all", &f, &n, err, sizeof err),
			 0);
	assert_int_equal(n, 2);
	assert_string_equal(f[0].name, "batch");
	assert_true(f[0].has_go && !f[0].has_cbench);
	assert_string_equal(f[1].name, "call");
	assert_true(!f[1].has_go && f[1].has_cbench && !f[1].has_export);
	assert_string_equal(family_baseline(&f[1], "go->c"), "c->c");
	assert_true(f[1].unpinned && !f[0].unpinned);
	family_free_all(f, n);
	/* an opt-in family is not in "all", only where a pattern names it */
	p = xasprintf("%s/batch/options", dir);
	o = fopen(p, "w");
	assert_non_null(o);
	fputs("opt-in\n", o);
	fclose(o);
	static const struct {
		const char *patterns;
		size_t n;
	} sel[] = {{"all", 1},	 {"", 1},   {"all,batch", 2},
		   {"batch", 1}, {"b*", 1}, {"call", 1}};
	for (size_t i = 0; i < sizeof sel / sizeof *sel; i++) {
		assert_int_equal(family_discover(dir, sel[i].patterns, &f, &n,
						 err, sizeof err),
				 0);
		if (n != sel[i].n)
			fail_msg("'%s': %zu families, want %zu",
				 sel[i].patterns, n, sel[i].n);
		family_free_all(f, n);
	}
	unlink(p);
	free(p);
	assert_int_equal(family_discover(dir, "ca*", &f, &n, err, sizeof err),
			 0);
	assert_int_equal(n, 1);
	family_free_all(f, n);
	assert_int_equal(
	    family_discover(dir, "call,nope", &f, &n, err, sizeof err), -1);
	assert_string_equal(
	    err, "no case matches 'nope' (the cases are: batch, call)");
	/* commas and nothing else name no family: an error, not an empty run */
	assert_int_equal(family_discover(dir, ",,", &f, &n, err, sizeof err),
			 -1);
	assert_string_equal(err, "',,' names no case (the cases are: batch, "
				 "call)");
	char *missing = xasprintf("%s/none", dir);
	assert_int_equal(
	    family_discover(missing, "all", &f, &n, err, sizeof err), -1);
	assert_non_null(strstr(err, "'--cases-dir <DIR>'"));
	/* a directory without a family is an error, not an empty run */
	assert_int_equal(mkdir(missing, 0777), 0);
	assert_int_equal(
	    family_discover(missing, "all", &f, &n, err, sizeof err), -1);
	char *none = xasprintf("no case family in '%s': a family is a "
			       "directory with Go tests or a cbench directory "
			       "(set it with '--cases-dir <DIR>')",
			       missing);
	assert_string_equal(err, none);
	free(none);
	rmdir(missing);
	free(missing);
	/* a bad options file fails discovery, naming it */
	p = xasprintf("%s/call/options", dir);
	o = fopen(p, "w");
	assert_non_null(o);
	fputs("pinned\n", o);
	fclose(o);
	assert_int_equal(family_discover(dir, "all", &f, &n, err, sizeof err),
			 -1);
	char *want = xasprintf("%s:1: unknown option 'pinned'", p);
	assert_true(str_starts(err, want));
	free(want);
	free(p);
	remove_tree(dir);
	assert_false(path_exists(dir));
}

/* A family with "go 1.N" is skipped by an older gc release and by
 * gccgo, with the reason; one without is built by every toolchain. */
static void too_old_toolchains_skip(void **state)
{
	(void)state;
	struct family f = {.name = "purego", .min_go = 25};
	static const struct {
		const char *name;
		int skipped;
	} tcs[] = {{"go1.26.8", 0}, {"go1.25", 0},     {"go1.25rc1", 0},
		   {"go1.24.9", 1}, {"go1.19.8", 1},   {"go1.3", 1},
		   {"go1.", 1},	    {"gccgo12.2.0", 1}};
	for (size_t i = 0; i < sizeof tcs / sizeof *tcs; i++) {
		struct toolchain t = {.name = (char *)tcs[i].name};
		char *why = build_unsupported(&f, &t);
		if (!why != !tcs[i].skipped)
			fail_msg("%s: '%s'", tcs[i].name, why ? why : "builds");
		if (why && !strstr(why, "case 'purego' needs Go 1.25 or later "
					"(the file options says 'go 1.25'): "))
			fail_msg("%s", why);
		free(why);
	}
	f.min_go = 0;
	struct toolchain g = {.name = "gccgo12.2.0"};
	assert_null(build_unsupported(&f, &g));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(baselines),
	    cmocka_unit_test(options),
	    cmocka_unit_test(spread_key),
	    cmocka_unit_test(too_old_toolchains_skip),
	    cmocka_unit_test(discover),
	    cmocka_unit_test(go_benchmarks_named_for_their_family),
	};
	return cmocka_run_group_tests_name("family", tests, NULL, NULL);
}
