/* Checks a real run directory (CGOBENCH_RUN_DIR). CGOBENCH_EXPECT says of
 * what run:
 *   complete    the call family: every file there, every variant measured,
 *               every number positive and finite, the baselines matched,
 *               and c->c faster than go->c
 *   flaky       the test families under harness/tests/cases: the case that
 *               does not build, crashes, panics, hangs or skips is recorded
 *               with its reason, and the good ones are measured
 *   incomplete  a run stopped by SIGINT: its CSVs read back, hold samples,
 *               and say that the run is incomplete
 *   catalogue   every family of cases/: every variant at every param
 *               measured, with its extra units (ns/item, B/op, threads,
 *               ...) and its baseline matched; nothing failed; the
 *               figures the claims quote are summary.csv's
 *   anatomy     cgobench anatomy of the call family: go->go has no cgo
 *               group, go->c has entry and exit, every crossing's shares
 *               add up to 100%, and its total agrees with the counted
 *               instructions of summary.csv within 1% */
#include "testutil.h"

#include "csv.h"
#include "gotest.h"
#include "machine.h"
#include "raw.h"
#include "units.h"
#include "util.h"

#include <jansson.h>
#include <math.h>
#include <unistd.h>

static const char *const variants[] = {
    "c->c",	 "c->c(fnptr)", "go->go",	 "go->c",
    "go->c->go", "c->go(main)", "c->go(cthread)"};
#define NVARIANTS (sizeof variants / sizeof *variants)

static char *path_in(const char *name)
{
	const char *dir = getenv("CGOBENCH_RUN_DIR");
	if (!dir)
		fail_msg("CGOBENCH_RUN_DIR is not set");
	return xasprintf("%s/%s", dir, name);
}

static struct csv_table summary;

static int load(void **state)
{
	(void)state;
	char *p = path_in("summary.csv"), err[ERRLEN];
	int rc = csv_read_file(p, &summary, err, sizeof err);
	if (rc)
		fprintf(stderr, "%s\n", err);
	free(p);
	return rc;
}

static int unload(void **state)
{
	(void)state;
	csv_free(&summary);
	return 0;
}

static const char *cell(size_t row, const char *col)
{
	int c = csv_col(&summary, col);
	if (c < 0)
		fail_msg("summary.csv has no column '%s'", col);
	return summary.rows[row][c];
}

static double num(size_t row, const char *col)
{
	double v;
	if (parse_double(cell(row, col), &v) != 0)
		fail_msg("summary.csv:%d: '%s' is '%s', not a number",
			 summary.lines[row], col, cell(row, col));
	return v;
}

static long family_row(const char *family, const char *variant)
{
	for (size_t r = 0; r < summary.nrows; r++)
		if (!strcmp(cell(r, "case"), family) &&
		    !strcmp(cell(r, "variant"), variant) &&
		    !strcmp(cell(r, "unit"), "ns/op"))
			return (long)r;
	return -1;
}

static long time_row(const char *variant)
{
	return family_row("call", variant);
}

static void files_present(void **state)
{
	(void)state;
	const char *files[] = {"raw.csv",     "summary.csv", "bench.txt",
			       "machine.txt", "bmf.json",    "gab.json"};
	for (int i = 0; i < 6; i++) {
		char *p = path_in(files[i]);
		if (!path_exists(p))
			fail_msg("no %s", p);
		free(p);
	}
}

/* A JSON file of the run directory, parsed. */
static json_t *json_in(const char *name)
{
	char *p = path_in(name);
	json_error_t e;
	json_t *j = json_load_file(p, 0, &e);
	if (!j)
		fail_msg("%s:%d: %s", p, e.line, e.text);
	free(p);
	return j;
}

/* bmf.json and gab.json have the shape their trackers document (Bencher
 * Metric Format; github-action-benchmark's customSmallerIsBetter), and
 * their latency is summary.csv's median. */
static void trackers_documented_shape(void **state)
{
	(void)state;
	json_t *bmf = json_in("bmf.json"), *gab = json_in("gab.json");
	assert_true(json_is_object(bmf) && json_object_size(bmf) > 0);
	const char *name;
	json_t *measures;
	json_object_foreach(bmf, name, measures)
	{
		assert_non_null(strchr(name, '/'));
		assert_true(json_is_object(measures));
		const char *m;
		json_t *v;
		json_object_foreach(measures, m, v)
		{
			json_t *val = json_object_get(v, "value"),
			       *lo = json_object_get(v, "lower_value"),
			       *hi = json_object_get(v, "upper_value");
			if (!json_is_number(val) || !json_is_number(lo) ||
			    !json_is_number(hi) ||
			    json_number_value(lo) > json_number_value(val) ||
			    json_number_value(val) > json_number_value(hi))
				fail_msg("bmf.json: %s %s: not value within "
					 "[lower_value, upper_value]",
					 name, m);
		}
	}
	for (size_t i = 0; i < NVARIANTS; i++) {
		char *key = xasprintf("call/%s", variants[i]);
		json_t *lat = json_object_get(
		    json_object_get(json_object_get(bmf, key), "latency"),
		    "value");
		if (!lat || fabs(json_number_value(lat) -
				 num((size_t)time_row(variants[i]), "median")) >
				1e-9 * json_number_value(lat))
			fail_msg("bmf.json: %s latency is not the median", key);
		free(key);
	}
	assert_true(json_is_array(gab) && json_array_size(gab) > 0);
	size_t i;
	json_t *o;
	json_array_foreach(gab, i, o)
	{
		if (!json_is_string(json_object_get(o, "name")) ||
		    !json_is_string(json_object_get(o, "unit")) ||
		    !json_is_number(json_object_get(o, "value")) ||
		    !json_is_string(json_object_get(o, "range")) ||
		    !json_is_string(json_object_get(o, "extra")))
			fail_msg("gab.json[%zu]: want name, unit, value, range "
				 "and extra",
				 i);
	}
	json_decref(bmf);
	json_decref(gab);
}

/* Google Benchmark's JSON of the C driver keeps every repetition: as
 * many c->c iterations, with their repetition_index, as raw.csv has
 * samples. */
static void gbench_json_kept(void **state)
{
	(void)state;
	const char *tc = cell(0, "toolchain"), *cc = cell(0, "cc");
	char *name = xasprintf("gbench-call-%s-%s.json", tc, cc);
	json_t *j = json_in(name);
	json_t *b = json_object_get(j, "benchmarks");
	assert_true(json_is_object(json_object_get(j, "context")));
	size_t i, n = 0;
	json_t *o;
	json_array_foreach(b, i, o)
	{
		const char *nm = json_string_value(json_object_get(o, "name"));
		if (nm && !strcmp(nm, "c->c")) {
			assert_true(json_is_integer(
			    json_object_get(o, "repetition_index")));
			n++;
		}
	}
	assert_int_equal(n, (size_t)num((size_t)time_row("c->c"), "n"));
	json_decref(j);
	free(name);
}

static void schema_columns(void **state)
{
	(void)state;
	const char *need[] = {"schema",
			      "case",
			      "variant",
			      "toolchain",
			      "cc",
			      "param",
			      "unit",
			      "n",
			      "median",
			      "min",
			      "max",
			      "ci_low",
			      "ci_high",
			      "ci_level",
			      "baseline",
			      "overhead",
			      "overhead_ci_low",
			      "overhead_ci_high",
			      "ratio",
			      "status",
			      NULL};
	char err[ERRLEN];
	if (csv_require(&summary, need, err, sizeof err) != 0)
		fail_msg("%s", err);
}

/* A status of a row with samples: ok, wide, or disturbed (other work on
 * its CPUs: make test may run beside other work). */
static int measured_status(const char *st)
{
	return !strcmp(st, "ok") || !strcmp(st, "wide") ||
	       !strcmp(st, "disturbed") || !strcmp(st, "spread");
}

static void every_variant_measured(void **state)
{
	(void)state;
	for (size_t i = 0; i < NVARIANTS; i++) {
		long r = time_row(variants[i]);
		if (r < 0)
			fail_msg("summary.csv has no row for call %s",
				 variants[i]);
		const char *st = cell((size_t)r, "status");
		if (!measured_status(st))
			fail_msg("call %s: status %s: %s", variants[i], st,
				 cell((size_t)r, "note"));
		assert_true(num((size_t)r, "n") >= 3);
	}
}

static void numbers_positive_and_finite(void **state)
{
	(void)state;
	const char *cols[] = {"median", "min", "max", "ci_low", "ci_high"};
	for (size_t i = 0; i < NVARIANTS; i++) {
		size_t r = (size_t)time_row(variants[i]);
		for (int c = 0; c < 5; c++) {
			double v = num(r, cols[c]);
			if (!(isfinite(v) && v > 0))
				fail_msg("call %s: %s is %g", variants[i],
					 cols[c], v);
		}
		assert_true(num(r, "ci_low") <= num(r, "median"));
		assert_true(num(r, "median") <= num(r, "ci_high"));
	}
}

static void baselines_matched(void **state)
{
	(void)state;
	const char *pairs[][2] = {{"go->c", "c->c"},
				  {"go->c->go", "c->c(fnptr)"},
				  {"c->go(main)", "c->c(fnptr)"},
				  {"c->go(cthread)", "c->c(fnptr)"}};
	for (int i = 0; i < 4; i++) {
		size_t r = (size_t)time_row(pairs[i][0]);
		assert_string_equal(cell(r, "baseline"), pairs[i][1]);
		size_t b = (size_t)time_row(pairs[i][1]);
		double over = num(r, "overhead"), ratio = num(r, "ratio");
		assert_true(isfinite(over) && isfinite(ratio) && ratio > 0);
		double want = num(r, "median") - num(b, "median");
		assert_true(fabs(over - want) <= 1e-9 * fabs(want) + 1e-12);
		assert_true(num(r, "overhead_ci_low") <= over);
		assert_true(over <= num(r, "overhead_ci_high"));
	}
}

static void c_faster_than_cgo(void **state)
{
	(void)state;
	double cc = num((size_t)time_row("c->c"), "median");
	double goc = num((size_t)time_row("go->c"), "median");
	if (!(cc < goc))
		fail_msg("c->c %g ns is not faster than go->c %g ns", cc, goc);
}

static void raw_matches_summary(void **state)
{
	(void)state;
	char *p = path_in("raw.csv"), err[ERRLEN];
	struct raw_table t;
	if (raw_read(p, &t, err, sizeof err) != 0)
		fail_msg("%s", err);
	for (size_t i = 0; i < NVARIANTS; i++) {
		size_t count = 0;
		for (size_t k = 0; k < t.n; k++)
			count += !strcmp(t.obs[k].variant, variants[i]) &&
				 !strcmp(t.obs[k].unit, "ns/op");
		assert_int_equal(
		    count, (size_t)num((size_t)time_row(variants[i]), "n"));
	}
	raw_free(&t);
	free(p);
}

static void bench_txt_reads_back(void **state)
{
	(void)state;
	char *p = path_in("bench.txt");
	char *text = fixture(p);
	struct bench_output o;
	char err[ERRLEN];
	if (gotest_parse(text, p, 1, &o, err, sizeof err) != 0)
		fail_msg("%s", err);
	size_t want = 0;
	for (size_t i = 0; i < NVARIANTS; i++)
		want += (size_t)num((size_t)time_row(variants[i]), "n");
	assert_int_equal(o.nlines, want);
	assert_non_null(strstr(text, "\n# go-version: go"));
	assert_non_null(strstr(text, "\ngoos: "));
	assert_null(strstr(text, "\ndate: "));
	benchout_free(&o);
	free(text);
	free(p);
}

static void machine_record(void **state)
{
	(void)state;
	char *p = path_in("machine.txt");
	char *text = fixture(p);
	const char *keys[] = {
	    "cpu",     "cores",	      "kernel",	    "arch",
	    "os",      "virtualised", "governor",   "harness-commit",
	    "date",    "go-version",  "goroot",	    "goos",
	    "goarch",  "cc",	      "cc-version", "benchmark-version",
	    "status",  "runtime-env", "build-env",  "cpu-brand",
	    "fault-ns"};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		char *k = xasprintf("\n%s: ", keys[i]);
		if (!str_starts(text, k + 1) && !strstr(text, k))
			fail_msg("machine.txt has no '%s' line", keys[i]);
		free(k);
	}
	assert_non_null(strstr(text, "\nstatus: complete\n"));
	free(text);
	free(p);
}

static void expect_status(const char *family, const char *variant,
			  const char *status, const char *note_part)
{
	long r = family_row(family, variant);
	if (r < 0)
		fail_msg("summary.csv has no row for %s '%s'", family, variant);
	if (strcmp(cell((size_t)r, "status"), status) != 0)
		fail_msg("%s '%s': status %s, want %s", family, variant,
			 cell((size_t)r, "status"), status);
	if (note_part && !strstr(cell((size_t)r, "note"), note_part))
		fail_msg("%s '%s': note '%s' does not say '%s'", family,
			 variant, cell((size_t)r, "note"), note_part);
}

static void flaky_good_ones_measured(void **state)
{
	(void)state;
	/* "wide" is measured too: three samples may not reach +-3% */
	const char *good[] = {"ok", "c-ok"};
	for (int i = 0; i < 2; i++) {
		long r = family_row("flaky", good[i]);
		assert_true(r >= 0);
		const char *st = cell((size_t)r, "status");
		if (!measured_status(st))
			fail_msg("flaky '%s': status %s", good[i], st);
		assert_true(num((size_t)r, "n") == 3);
	}
}

static void flaky_bad_ones_named(void **state)
{
	(void)state;
	expect_status("broken", "", "failed", "does not build");
	expect_status("broken", "", "failed", "build.log");
	expect_status("flaky", "c-crash", "failed", "Segmentation fault");
	expect_status("flaky", "panics", "failed",
		      "panic: flaky: this benchmark panics on purpose");
	expect_status("flaky", "hangs", "failed", "timed out after");
	expect_status("flaky", "skips", "skipped", "needs go1.99");
	/* one row for the name with a newline, not one per line of it */
	expect_status("flaky", "c-two\\nlines", "failed", "holds a newline");
	assert_true(family_row("flaky", "c-two") < 0);
	assert_true(family_row("flaky", "lines") < 0);
}

static void incomplete_reads_back(void **state)
{
	(void)state;
	char *p = path_in("raw.csv"), err[ERRLEN];
	struct raw_table t;
	if (raw_read(p, &t, err, sizeof err) != 0)
		fail_msg("%s", err);
	assert_true(t.n > 0);
	raw_free(&t);
	free(p);
	int incomplete = 0;
	for (size_t r = 0; r < summary.nrows; r++)
		incomplete += !strcmp(cell(r, "status"), "incomplete");
	assert_true(incomplete > 0);
	p = path_in("machine.txt");
	char *text = fixture(p);
	assert_non_null(strstr(text, "\nstatus: incomplete\n"));
	free(text);
	free(p);
}

static struct csv_table anatomy;

/* The instructions of one variant's group in anatomy.csv; -1 if absent. */
static double group_of(const char *variant, const char *group)
{
	int cv = csv_col(&anatomy, "variant"), cg = csv_col(&anatomy, "group");
	int ci = csv_col(&anatomy, "instructions");
	for (size_t r = 0; r < anatomy.nrows; r++)
		if (!strcmp(anatomy.rows[r][cv], variant) &&
		    !strcmp(anatomy.rows[r][cg], group)) {
			double v;
			if (parse_double(anatomy.rows[r][ci], &v) != 0)
				fail_msg("anatomy.csv:%d: bad instructions",
					 anatomy.lines[r]);
			return v;
		}
	return -1;
}

static int load_anatomy(void **state)
{
	char *p = path_in("anatomy.csv"), err[ERRLEN];
	int rc = csv_read_file(p, &anatomy, err, sizeof err);
	if (rc)
		fprintf(stderr, "%s\n", err);
	free(p);
	return rc ? rc : load(state);
}

static int unload_anatomy(void **state)
{
	csv_free(&anatomy);
	return unload(state);
}

static const char *const cgo_groups[] = {"entry/exit", "stack switch",
					 "callback", "pointer checks"};

static void anatomy_go_go_has_no_cgo(void **state)
{
	(void)state;
	/* a few instructions in ten million ops may be the runtime's */
	for (int g = 0; g < 4; g++)
		if (group_of("go->go", cgo_groups[g]) > 0.001)
			fail_msg("go->go has %g instructions of %s",
				 group_of("go->go", cgo_groups[g]),
				 cgo_groups[g]);
	assert_true(group_of("go->go", "benchmark") > 0);
}

static void anatomy_go_c_has_entry_exit(void **state)
{
	(void)state;
	assert_true(group_of("go->c", "entry/exit") > 0);
	assert_true(group_of("go->c", "stack switch") > 0);
	assert_true(group_of("go->c->go", "callback") > 0);
	assert_true(group_of("c->go(cthread)", "callback") > 0);
}

static void anatomy_adds_up(void **state)
{
	(void)state;
	static const char *const groups[] = {"entry/exit", "stack switch",
					     "callback",   "pointer checks",
					     "benchmark",  "other"};
	int cs = csv_col(&anatomy, "share"), cv = csv_col(&anatomy, "variant");
	for (size_t i = 0; i < NVARIANTS; i++) {
		double total = 0, shares = 0;
		for (int g = 0; g < 6; g++)
			total += group_of(variants[i], groups[g]);
		for (size_t r = 0; r < anatomy.nrows; r++)
			if (!strcmp(anatomy.rows[r][cv], variants[i]))
				shares += atof(anatomy.rows[r][cs]);
		if (fabs(shares - 1) > 1e-9)
			fail_msg("%s: shares add up to %.12g", variants[i],
				 shares);
		long row = family_row("call", variants[i]);
		for (size_t r = 0; r < summary.nrows; r++)
			if (!strcmp(cell(r, "variant"), variants[i]) &&
			    !strcmp(cell(r, "unit"), "instructions/op"))
				row = (long)r;
		assert_string_equal(cell((size_t)row, "unit"),
				    "instructions/op");
		double counted = num((size_t)row, "median");
		if (fabs(total - counted) > 0.01 * counted)
			fail_msg("%s: anatomy total %g, counted %g",
				 variants[i], total, counted);
	}
}

/* The catalogue, written out independently of cases/: what each family
 * must have produced. params: "" none, "n" 1..4096 by powers of two, "g"
 * goroutines 1..2 x CPUs, "c" cgocheck=1 and cgocheck=0, "64" the burst
 * of 64 goroutines, "b" bytes=1..1048576 by powers of 16, "s" bytes=1..256
 * (the batched crossings of small inputs), "u" block_us=10..100000 by
 * powers of ten, "p" pool= GOMAXPROCS (the CPUs), 8 and 64, "t"
 * threads=1..2 x CPUs, "busy" busy=0, 1, CPUs and 2 x CPUs, "blocking"
 * blocking=CPUs and 2 x CPUs. units: the units beside ns/op. */
static const struct {
	const char *family, *variants, *baseline, *params, *units;
} catalogue[] = {
    {"batch", "c->c go->go", "", "n", "ns/item"},
    {"batch", "go->c(each) go->c(batch) go->c->go(batch)", "c->c", "n",
     "ns/item"},
    {"data",
     "c->c(dup+free) c->c(sum) c->c(struct-value) "
     "c->c(struct-pointer) c->c(1ptr) c->c(8ptr)",
     "", "", ""},
    {"data", "view", "", "c", "B/op allocs/op"},
    {"data", "CString+free", "c->c(dup+free)", "c", "B/op allocs/op"},
    {"data", "GoString GoBytes", "view", "c", "B/op allocs/op"},
    {"data", "bytes(copy) bytes(pointer) bytes(pinned)", "c->c(sum)", "c",
     "B/op allocs/op"},
    {"data", "struct(value)", "c->c(struct-value)", "c", "B/op allocs/op"},
    {"data", "struct(pointer)", "c->c(struct-pointer)", "c", "B/op allocs/op"},
    {"data", "args(1ptr)", "c->c(1ptr)", "c", "B/op allocs/op"},
    {"data", "args(8ptr)", "c->c(8ptr)", "c", "B/op allocs/op"},
    {"directives", "c->c", "", "", ""},
    {"directives", "plain noescape nocallback noescape+nocallback", "c->c", "",
     "allocs/op"},
    {"handles", "callback", "", "g", "allocs/op"},
    {"handles",
     "cgo.Handle rwmutex-map rwmutex-map(mutex-id) "
     "rwmutex-map(object-key) sharded-map sharded-map(object-key) "
     "sync.Map",
     "callback", "g", "allocs/op"},
    {"parallel", "go->go", "", "g", ""},
    {"parallel", "go->c go->c->go", "go->go", "g", ""},
    {"recovery", "go->go go->go(defer-recover) go->go(panic-recover)", "", "",
     ""},
    {"recovery", "go->c->go", "go->go", "", ""},
    {"recovery", "go->c->go(defer-recover)", "go->go(defer-recover)", "", ""},
    {"recovery", "go->c->go(panic-recover)", "go->go(panic-recover)", "", ""},
    {"threads", "go->go sleep(go)", "", "64", "threads cgocalls/op"},
    {"threads", "go->c go->c(pool)", "go->go", "64", "threads cgocalls/op"},
    {"threads", "sleep(c) sleep(c,pool)", "sleep(go)", "64",
     "threads cgocalls/op"},
    {"libraries", "crc32(c) sha256(c)", "", "b", "ns/byte"},
    {"libraries", "crc32(go) sha256(go)", "", "b", "ns/byte"},
    {"libraries", "crc32(cgo)", "crc32(c)", "b", "ns/byte"},
    {"libraries", "sha256(cgo)", "sha256(c)", "b", "ns/byte"},
    {"libraries", "crc32(cgo,batch)", "crc32(c)", "s", "ns/byte"},
    {"libraries", "sha256(cgo,batch)", "sha256(c)", "s", "ns/byte"},
    {"blocking", "sleep(go)", "", "u", "threads cgocalls/op"},
    {"blocking", "sleep(c)", "sleep(go)", "u", "threads cgocalls/op"},
    {"blocking", "go->go", "", "", "threads cgocalls/op"},
    {"blocking", "go->c", "go->go", "", "threads cgocalls/op"},
    {"blocking", "go->c(pool)", "go->go", "p", "threads cgocalls/op"},
    {"blocking", "sleep(go,pool)", "", "p", "threads cgocalls/op"},
    {"blocking", "sleep(c,pool)", "sleep(go,pool)", "p", "threads cgocalls/op"},
    {"scheduling", "c->c(cthreads)", "", "t", "ns/callback"},
    {"scheduling", "c->go(cthreads)", "c->c(cthreads)", "t", "ns/callback"},
    {"scheduling", "go->go", "", "busy", "moved/op"},
    {"scheduling", "go->c go->c(locked)", "go->go", "busy", "moved/op"},
    {"scheduling", "go->go", "", "blocking", "moved/op"},
    {"scheduling", "go->c go->c(locked)", "go->go", "blocking", "moved/op"},
    {"mainthread", "c->c(fnptr)", "", "m", "mappings"},
    {"mainthread", "c->go(main) c->go(main,coroutine) c->go(cthread,coroutine)",
     "c->c(fnptr)", "m", "mappings"},
    {"call", "c->c c->c(fnptr) go->go", "", "", ""},
    {"call", "go->c", "c->c", "", ""},
    {"call", "go->c->go c->go(main) c->go(cthread)", "c->c(fnptr)", "", ""},
    {"purego", "c->c c->c(fnptr)", "", "", ""},
    {"purego", "go->go", "", "", "B/op allocs/op"},
    {"purego", "go->c(purego) go->c(purego,syscall)", "c->c", "",
     "B/op allocs/op"},
    {"purego", "go->c->go(purego) c->go(purego,cthread)", "c->c(fnptr)", "",
     "B/op allocs/op"},
};

static long find_row(const char *family, const char *variant, const char *param,
		     const char *unit)
{
	for (size_t r = 0; r < summary.nrows; r++)
		if (!strcmp(cell(r, "case"), family) &&
		    !strcmp(cell(r, "variant"), variant) &&
		    !strcmp(cell(r, "param"), param) &&
		    !strcmp(cell(r, "unit"), unit))
			return (long)r;
	return -1;
}

static size_t params_of(const char *kind, char out[][32], size_t max)
{
	size_t n = 0;
	if (!*kind)
		snprintf(out[n++], 32, "%s", "");
	else if (!strcmp(kind, "n"))
		for (int i = 1; i <= 4096 && n < max; i *= 2)
			snprintf(out[n++], 32, "n=%d", i);
	else if (!strcmp(kind, "g"))
		for (long i = 1;
		     i <= 2 * sysconf(_SC_NPROCESSORS_ONLN) && n < max; i++)
			snprintf(out[n++], 32, "goroutines=%ld", i);
	else if (!strcmp(kind, "b") || !strcmp(kind, "s"))
		for (long i = 1;
		     i <= (kind[0] == 'b' ? 1048576 : 256) && n < max; i *= 16)
			snprintf(out[n++], 32, "bytes=%ld", i);
	else if (!strcmp(kind, "t"))
		for (long i = 1;
		     i <= 2 * sysconf(_SC_NPROCESSORS_ONLN) && n < max; i++)
			snprintf(out[n++], 32, "threads=%ld", i);
	else if (!strcmp(kind, "busy") || !strcmp(kind, "blocking")) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		long k[] = {0, 1, cpus, 2 * cpus};
		for (int i = 0; i < 4 && n < max; i++)
			if ((!i || k[i] > k[i - 1]) &&
			    (kind[1] == 'u' || k[i] >= cpus))
				snprintf(out[n++], 32, "%s=%ld", kind, k[i]);
	} else if (!strcmp(kind, "m"))
		for (long i = 10; i <= 10000 && n < max; i *= 10)
			snprintf(out[n++], 32, "maps=%ld", i);
	else if (!strcmp(kind, "u"))
		for (long i = 10; i <= 100000 && n < max; i *= 10)
			snprintf(out[n++], 32, "block_us=%ld", i);
	else if (!strcmp(kind, "p")) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		long sizes[] = {cpus < 8 ? cpus : 8, cpus < 8 ? 8 : cpus, 64};
		for (int i = 0; i < 3 && n < max; i++)
			if (!i || sizes[i] != sizes[i - 1])
				snprintf(out[n++], 32, "pool=%ld", sizes[i]);
	} else if (!strcmp(kind, "c")) {
		snprintf(out[n++], 32, "%s", "cgocheck=1");
		snprintf(out[n++], 32, "%s", "cgocheck=0");
	} else
		snprintf(out[n++], 32, "goroutines=%s", kind);
	return n;
}

static int in_catalogue(const char *family, const char *variant)
{
	for (size_t i = 0; i < sizeof catalogue / sizeof *catalogue; i++) {
		if (strcmp(catalogue[i].family, family))
			continue;
		size_t l = strlen(variant);
		for (const char *p = catalogue[i].variants; *p;) {
			size_t n = strcspn(p, " ");
			if (n == l && !strncmp(p, variant, l))
				return 1;
			p += n + (p[n] == ' ');
		}
	}
	return 0;
}

/* One verdict per benchmark: every unit of a benchmark (ns/op, ns/item,
 * B/op...) has the same status. */
static void one_status_per_benchmark(void **state)
{
	(void)state;
	static const char *const key[] = {"case", "variant", "toolchain", "cc",
					  "param"};
	struct key_index first = {0};
	for (size_t r = 0; r < summary.nrows; r++) {
		const char *k[5];
		for (int i = 0; i < 5; i++)
			k[i] = cell(r, key[i]);
		size_t f = key_index_put(&first, k, 5, r);
		if (strcmp(cell(f, "status"), cell(r, "status")))
			fail_msg("%s %s %s: %s in %s, %s in %s", k[0], k[1],
				 k[4], cell(f, "status"), cell(f, "unit"),
				 cell(r, "status"), cell(r, "unit"));
	}
	key_index_free(&first);
}

static void catalogue_measured(void **state)
{
	(void)state;
	size_t checked = 0;
	for (size_t i = 0; i < sizeof catalogue / sizeof *catalogue; i++) {
		char params[64][32];
		size_t np = params_of(catalogue[i].params, params, 64);
		char *vs = xstrdup(catalogue[i].variants), *save;
		for (char *v = strtok_r(vs, " ", &save); v;
		     v = strtok_r(NULL, " ", &save))
			for (size_t p = 0; p < np; p++) {
				char *us = xasprintf("ns/op %s",
						     catalogue[i].units),
				     *usave;
				for (char *u = strtok_r(us, " ", &usave); u;
				     u = strtok_r(NULL, " ", &usave)) {
					long r = find_row(catalogue[i].family,
							  v, params[p], u);
					if (r < 0)
						fail_msg("no row for %s %s "
							 "'%s' %s",
							 catalogue[i].family, v,
							 params[p], u);
					const char *st =
					    cell((size_t)r, "status");
					if (!measured_status(st))
						fail_msg(
						    "%s %s '%s': %s: %s",
						    catalogue[i].family, v,
						    params[p], st,
						    cell((size_t)r, "note"));
					assert_true(num((size_t)r, "n") >= 1);
					checked++;
				}
				free(us);
				if (!*catalogue[i].baseline)
					continue;
				long r = find_row(catalogue[i].family, v,
						  params[p], "ns/op");
				if (strcmp(cell((size_t)r, "baseline"),
					   catalogue[i].baseline) ||
				    !*cell((size_t)r, "overhead"))
					fail_msg("%s %s '%s': baseline '%s' "
						 "overhead '%s', want %s",
						 catalogue[i].family, v,
						 params[p],
						 cell((size_t)r, "baseline"),
						 cell((size_t)r, "overhead"),
						 catalogue[i].baseline);
			}
		free(vs);
	}
	/* nothing failed, and no variant missing from the catalogue */
	for (size_t r = 0; r < summary.nrows; r++) {
		const char *st = cell(r, "status");
		if (!measured_status(st))
			fail_msg("summary.csv:%d: %s %s '%s': %s: %s",
				 summary.lines[r], cell(r, "case"),
				 cell(r, "variant"), cell(r, "param"), st,
				 cell(r, "note"));
		if (!in_catalogue(cell(r, "case"), cell(r, "variant")))
			fail_msg("summary.csv:%d: %s %s is not in the "
				 "catalogue of check_run.c",
				 summary.lines[r], cell(r, "case"),
				 cell(r, "variant"));
	}
	assert_true(checked > 300);
}

/* Row r's median, interval low and high, the median for both ends
 * where it has no interval (as the judges read a row of threads). */
static void interval_of(size_t r, double v[3])
{
	v[0] = v[1] = v[2] = num(r, "median");
	if (cell(r, "ci_low")[0] && cell(r, "ci_high")[0]) {
		v[1] = num(r, "ci_low");
		v[2] = num(r, "ci_high");
	}
}

/* A summary row's median and interval as report.md prints them. */
static char *ci_of(const char *family, const char *variant, const char *param)
{
	long r = find_row(family, variant, param, "ns/op");
	if (r < 0)
		fail_msg("no row %s %s '%s'", family, variant, param);
	char buf[96];
	units_format_ci(buf, sizeof buf, num((size_t)r, "median"),
			num((size_t)r, "ci_low"), num((size_t)r, "ci_high"),
			"ns/op", 0);
	return xstrdup(buf);
}

/* Whether report.md calls a claim on family inconclusive for a row of it
 * that ended disturbed: a slow spell of the machine may leave one so in a
 * short run, and the claim then quotes no figure. */
static int disturbed_claim(const char *md, const char *family)
{
	for (size_t r = 0; r < summary.nrows; r++) {
		if (strcmp(cell(r, "case"), family) ||
		    strcmp(cell(r, "status"), "disturbed"))
			continue;
		const char *param = cell(r, "param");
		char *want =
		    xasprintf("**inconclusive**: `%s`%s%s was measured "
			      "while other work shared its CPUs",
			      cell(r, "variant"), param[0] ? " " : "", param);
		int found = strstr(md, want) != NULL;
		free(want);
		if (found)
			return 1;
	}
	return 0;
}

/* report.md quotes want, or leaves the claim on family (or on than, the
 * family it is set against, or NULL) inconclusive for a disturbed row of
 * it (disturbed_claim). */
static void quoted(const char *md, const char *want, const char *family,
		   const char *than)
{
	if (!strstr(md, want) && !disturbed_claim(md, family) &&
	    !(than && disturbed_claim(md, than)))
		fail_msg("report.md lacks '%s'", want);
}

/* report.md quotes the ratio of variant over baseline at param from
 * summary.csv, as "`v` over `b`: ... R [L, H] x at param" then after. */
static void ratio_quoted(const char *md, const char *family, const char *v,
			 const char *baseline, const char *param,
			 const char *after)
{
	long r = find_row(family, v, param, "ns/op");
	if (r < 0)
		fail_msg("no row %s %s %s", family, v, param);
	char ratio[96];
	units_format_ci(ratio, sizeof ratio, num((size_t)r, "ratio"),
			num((size_t)r, "ratio_ci_low"),
			num((size_t)r, "ratio_ci_high"), "x", 0);
	char *want = xasprintf("`%s` over `%s`: ", v, baseline);
	const char *at = strstr(md, want);
	free(want);
	want = xasprintf("%s at %s%s", ratio, param, after);
	if ((!at || !strstr(at, want)) && !disturbed_claim(md, family))
		fail_msg("report.md lacks '`%s` over `%s`: ... %s'", v,
			 baseline, want);
	free(want);
}

/* The figures of the purego, libraries, blocking, scheduling and
 * mainthread claims in report.md are the rows' of summary.csv, as
 * units.c prints them (pairs written out independently of the claims
 * files). */
static void claims_quote_the_summary(void **state)
{
	(void)state;
	char *p = path_in("report.md"), *md, err[ERRLEN];
	if (file_read(p, &md, NULL, err, sizeof err) != 0)
		fail_msg("%s", err);
	static const char *const pairs[][2] = {
	    {"go->c(purego)", "go->c"},
	    {"go->c(purego,syscall)", "go->c"},
	    {"go->c->go(purego)", "go->c->go"},
	    {"c->go(purego,cthread)", "c->go(cthread)"}};
	for (size_t i = 0; i < 4; i++) {
		char *a = ci_of("purego", pairs[i][0], ""),
		     *b = ci_of("call", pairs[i][1], "");
		char *want =
		    xasprintf("`%s` %s against call's `%s` %s: ", pairs[i][0],
			      a, pairs[i][1], b);
		quoted(md, want, "purego", "call");
		free(a);
		free(b);
		free(want);
	}
	static const char *const libs[] = {"crc32", "sha256"};
	for (size_t i = 0; i < 2; i++) {
		char *cgo = xasprintf("%s(cgo)", libs[i]),
		     *go = xasprintf("%s(go)", libs[i]);
		char *a = ci_of("libraries", cgo, "bytes=1048576"),
		     *b = ci_of("libraries", go, "bytes=1048576");
		char *want =
		    xasprintf("at bytes=1048576 %s against %s (", a, b);
		quoted(md, want, "libraries", NULL);
		free(want);
		free(a);
		free(b);
		free(cgo);
		free(go);
	}
	/* the blocking sweep: threads over Go's at the least block time,
	 * with the interval the two rows' allow */
	long c10 = find_row("blocking", "sleep(c)", "block_us=10", "threads"),
	     g10 = find_row("blocking", "sleep(go)", "block_us=10", "threads");
	if (c10 < 0 || g10 < 0)
		fail_msg("no threads rows of the blocking sweep");
	double c[3], g[3];
	interval_of((size_t)c10, c);
	interval_of((size_t)g10, g);
	char over[96];
	units_format_ci(over, sizeof over, c[0] - g[0], c[1] - g[2],
			c[2] - g[1], "threads", 0);
	char *want = xasprintf(
	    "blocking in C grew over the same in Go: %s at block_us=10, ",
	    over);
	quoted(md, want, "blocking", NULL);
	free(want);
	/* the C threads' ratio over C's at one thread, and a callback's on
	 * the main thread at the most mappings */
	ratio_quoted(md, "scheduling", "c->go(cthreads)", "c->c(cthreads)",
		     "threads=1", ", ");
	ratio_quoted(md, "mainthread", "c->go(main,coroutine)", "c->c(fnptr)",
		     "maps=10000", ": ");
	free(md);
	free(p);
}

/* transfer.csv: on a machine of two CPUs or more, a row a sample of a
 * family on every CPU (machine.txt's unpinned list), each the transfer
 * around a sample raw.csv holds, of the same benchmark and repetition. */
static void transfer_matches_raw(void **state)
{
	(void)state;
	if (sysconf(_SC_NPROCESSORS_ONLN) < 2)
		skip();
	char *mp = path_in("machine.txt"), *text = fixture(mp),
	     *unpinned = machine_lookup(text, "unpinned");
	const char *names = strrchr(unpinned, ':');
	assert_non_null(names);
	/* ",handles,parallel,threads," */
	char *list = xasprintf(",%s,", names + 1 + strspn(names + 1, " "));
	char *p = path_in("transfer.csv"), *rp = path_in("raw.csv"),
	     err[ERRLEN];
	struct raw_table t, r;
	if (raw_read(p, &t, err, sizeof err) != 0 ||
	    raw_read(rp, &r, err, sizeof err) != 0)
		fail_msg("%s", err);
	assert_true(t.n > 0);
	for (size_t i = 0; i < t.n; i++) {
		const struct obs *o = &t.obs[i];
		char *fam = xasprintf(",%s,", o->family);
		if (!strstr(list, fam))
			fail_msg("transfer.csv: %s is not on every CPU (%s)",
				 o->family, list);
		free(fam);
		assert_string_equal(o->unit, "transfer-ns");
		assert_true(o->value > 0 && isfinite(o->value));
		size_t k = 0;
		while (k < r.n &&
		       (strcmp(r.obs[k].family, o->family) ||
			strcmp(r.obs[k].variant, o->variant) ||
			strcmp(r.obs[k].param, o->param) ||
			strcmp(r.obs[k].toolchain, o->toolchain) ||
			strcmp(r.obs[k].cc, o->cc) || r.obs[k].rep != o->rep))
			k++;
		if (k == r.n)
			fail_msg("transfer.csv: %s %s %s rep %d has no sample",
				 o->family, o->variant, o->param, o->rep);
	}
	raw_free(&t);
	raw_free(&r);
	free(p);
	free(rp);
	free(list);
	free(unpinned);
	free(text);
	free(mp);
}

int main(void)
{
	if (getenv("CGOBENCH_EXPECT") &&
	    !strcmp(getenv("CGOBENCH_EXPECT"), "catalogue")) {
		const struct CMUnitTest tests[] = {
		    cmocka_unit_test(files_present),
		    cmocka_unit_test(schema_columns),
		    cmocka_unit_test(catalogue_measured),
		    cmocka_unit_test(one_status_per_benchmark),
		    cmocka_unit_test(claims_quote_the_summary),
		    cmocka_unit_test(transfer_matches_raw),
		};
		return cmocka_run_group_tests_name("catalogue", tests, load,
						   unload);
	}
	if (getenv("CGOBENCH_EXPECT") &&
	    !strcmp(getenv("CGOBENCH_EXPECT"), "anatomy")) {
		const struct CMUnitTest tests[] = {
		    cmocka_unit_test(anatomy_go_go_has_no_cgo),
		    cmocka_unit_test(anatomy_go_c_has_entry_exit),
		    cmocka_unit_test(anatomy_adds_up),
		};
		return cmocka_run_group_tests_name(
		    "anatomy", tests, load_anatomy, unload_anatomy);
	}
	const char *expect = getenv("CGOBENCH_EXPECT");
	if (expect && !strcmp(expect, "flaky")) {
		const struct CMUnitTest tests[] = {
		    cmocka_unit_test(files_present),
		    cmocka_unit_test(flaky_good_ones_measured),
		    cmocka_unit_test(flaky_bad_ones_named),
		};
		return cmocka_run_group_tests_name("flaky run", tests, load,
						   unload);
	}
	if (expect && !strcmp(expect, "incomplete")) {
		const struct CMUnitTest tests[] = {
		    cmocka_unit_test(files_present),
		    cmocka_unit_test(incomplete_reads_back),
		    cmocka_unit_test(raw_matches_summary),
		};
		return cmocka_run_group_tests_name("interrupted run", tests,
						   load, unload);
	}
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(files_present),
	    cmocka_unit_test(schema_columns),
	    cmocka_unit_test(every_variant_measured),
	    cmocka_unit_test(numbers_positive_and_finite),
	    cmocka_unit_test(baselines_matched),
	    cmocka_unit_test(c_faster_than_cgo),
	    cmocka_unit_test(raw_matches_summary),
	    cmocka_unit_test(one_status_per_benchmark),
	    cmocka_unit_test(trackers_documented_shape),
	    cmocka_unit_test(gbench_json_kept),
	    cmocka_unit_test(bench_txt_reads_back),
	    cmocka_unit_test(machine_record),
	};
	return cmocka_run_group_tests_name("run directory", tests, load,
					   unload);
}
