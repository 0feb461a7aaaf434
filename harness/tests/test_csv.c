/* CSV written and read back, malformed CSV rejected, raw.csv round trip. */
#include "testutil.h"

#include "benchtxt.h"
#include "csv.h"
#include "raw.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static void quoting_round_trip(void **state)
{
	(void)state;
	struct sbuf sb = {0};
	const char *h[] = {"a", "b", "c"};
	const char *r[] = {"plain", "with,comma", "say \"hi\"\nnext line"};
	csv_add_row(&sb, h, 3);
	csv_add_row(&sb, r, 3);
	assert_string_equal(sb.buf, "a,b,c\nplain,\"with,comma\",\"say "
				    "\"\"hi\"\"\nnext line\"\n");
	struct csv_table t;
	char err[ERRLEN];
	assert_int_equal(csv_parse(sb.buf, "t.csv", &t, err, sizeof err), 0);
	assert_int_equal(t.ncols, 3);
	assert_int_equal(t.nrows, 1);
	for (int i = 0; i < 3; i++)
		assert_string_equal(t.rows[0][i], r[i]);
	assert_int_equal(csv_col(&t, "c"), 2);
	assert_int_equal(csv_col(&t, "d"), -1);
	csv_free(&t);
	sbuf_free(&sb);
}

/* Each character that needs quoting is quoted alone: a newline, a CR, a
 * comma, a quote. */
static void quotes_each_special_alone(void **state)
{
	(void)state;
	struct sbuf sb = {0};
	const char *r[] = {"a\nb", "a\rb", "a,b", "a\"b", "a b;c"};
	csv_add_row(&sb, r, 5);
	assert_string_equal(sb.buf,
			    "\"a\nb\",\"a\rb\",\"a,b\",\"a\"\"b\",a b;c\n");
	sbuf_free(&sb);
}

static void doubles_exact(void **state)
{
	(void)state;
	char buf[32];
	double v = 0.1 + 0.2, back;
	assert_int_equal(parse_double(csv_double(buf, v), &back), 0);
	assert_true(back == v);
	assert_string_equal(csv_double(buf, 0.0 / 0.0), "");
}

static void errors_name_the_line(void **state)
{
	(void)state;
	struct csv_table t;
	char err[ERRLEN];
	assert_int_equal(
	    csv_parse("a,b\n1,2\n3\n", "s.csv", &t, err, sizeof err), -1);
	assert_string_equal(err, "s.csv:3: 1 fields, the header has 2");
	assert_int_equal(
	    csv_parse("a,b\n1,x\"y\n", "s.csv", &t, err, sizeof err), -1);
	assert_string_equal(err, "s.csv:2: stray quote in field 2");
	assert_int_equal(
	    csv_parse("a,b\n1,\"open\n", "s.csv", &t, err, sizeof err), -1);
	assert_string_equal(err, "s.csv:2: unterminated quoted field");
	assert_int_equal(csv_parse("", "s.csv", &t, err, sizeof err), -1);
	assert_string_equal(err, "s.csv:1: empty file, want a header row");
	/* CRLF and a trailing blank line are fine */
	assert_int_equal(
	    csv_parse("a,b\r\n1,2\r\n\n", "s.csv", &t, err, sizeof err), 0);
	assert_int_equal(t.nrows, 1);
	assert_string_equal(t.rows[0][1], "2");
	const char *need[] = {"a", "zz", NULL};
	assert_int_equal(csv_require(&t, need, err, sizeof err), -1);
	assert_string_equal(err, "s.csv:1: no column 'zz'");
	csv_free(&t);
}

static void raw_round_trip(void **state)
{
	(void)state;
	struct obs o[] = {
	    {"call", "go->c", "go1.26.8", "gcc", "", "ns/op", 1, 35.25},
	    {"call", "go->c", "go1.26.8", "gcc", "", "B/op", 1, 0},
	    {"batch", "c->c", "go1.26.8", "gcc", "n=64", "ns/item", 2, 1.0 / 3},
	};
	struct sbuf sb = {0};
	raw_add_header(&sb);
	for (int i = 0; i < 3; i++)
		raw_add_row(&sb, &o[i], 1000 + i);
	char path[] = "/tmp/cgobench-raw-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, sb.buf, sb.len), (ssize_t)sb.len);
	close(fd);
	struct raw_table t;
	char err[ERRLEN];
	assert_int_equal(raw_read(path, &t, err, sizeof err), 0);
	assert_int_equal(t.n, 3);
	for (int i = 0; i < 3; i++) {
		assert_string_equal(t.obs[i].family, o[i].family);
		assert_string_equal(t.obs[i].variant, o[i].variant);
		assert_string_equal(t.obs[i].param, o[i].param);
		assert_string_equal(t.obs[i].unit, o[i].unit);
		assert_int_equal(t.obs[i].rep, o[i].rep);
		assert_true(t.obs[i].value == o[i].value);
	}
	raw_free(&t);
	/* a bad value names the file and line */
	FILE *f = fopen(path, "a");
	fputs("1,call,go->c,go1.26.8,gcc,,3,10,ns/op,fast\n", f);
	fclose(f);
	assert_int_equal(raw_read(path, &t, err, sizeof err), -1);
	char *want = xasprintf("%s:5: bad value 'fast'", path);
	assert_string_equal(err, want);
	free(want);
	/* values that cannot be a measurement */
	static const char *const bad[] = {"inf", "-5", "nan", "-inf", "1e999"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct sbuf b = {0};
		raw_add_header(&b);
		sbuf_addf(&b, "1,call,go->c,go1.26.8,gcc,,3,10,ns/op,%s\n",
			  bad[i]);
		assert_int_equal(
		    file_write_atomic(path, b.buf, b.len, err, sizeof err), 0);
		assert_int_equal(raw_read(path, &t, err, sizeof err), -1);
		want = xasprintf("%s:2: bad value '%s'", path, bad[i]);
		assert_string_equal(err, want);
		free(want);
		sbuf_free(&b);
	}
	/* a later schema is not read as this one */
	char err2[ERRLEN];
	sbuf_addstr(&sb, "2,call,go->c,go1.26.8,gcc,,3,10,ns/op,1\n");
	assert_int_equal(
	    file_write_atomic(path, sb.buf, sb.len, err2, sizeof err2), 0);
	assert_int_equal(raw_read(path, &t, err, sizeof err), -1);
	want = xasprintf("%s:5: schema '2', this cgobench reads 1", path);
	assert_string_equal(err, want);
	free(want);
	unlink(path);
	sbuf_free(&sb);
}

/* transfer.csv: a row a sample with a transfer, none for the others,
 * read back as raw.csv is; nothing at all when no sample has one. */
static void transfer_rows(void **state)
{
	(void)state;
	struct metric m[] = {{"ns/op", 217}};
	struct benchtxt_sample s[] = {
	    {"handles", "cgo.Handle", "goroutines=4", "go1.26.8", "gcc", 5000,
	     m, 1, 3, 98.5, 0},
	    {"call", "go->c", "", "go1.26.8", "gcc", 9000, m, 1, 3, 0, 0},
	    {"handles", "a,b", "goroutines=2", "go1.26.8", "gcc", 7000, m, 1, 4,
	     403.25, 0},
	};
	struct sbuf sb = {0};
	assert_int_equal(raw_format_transfer(s + 1, 1, &sb), 0);
	assert_null(sb.buf);
	assert_int_equal(raw_format_transfer(s, 3, &sb), 1);
	assert_string_equal(
	    sb.buf, "schema,case,variant,toolchain,cc,param,rep,iters,unit,"
		    "value\n"
		    "1,handles,cgo.Handle,go1.26.8,gcc,goroutines=4,3,5000,"
		    "transfer-ns,98.5\n"
		    "1,handles,\"a,b\",go1.26.8,gcc,goroutines=2,4,7000,"
		    "transfer-ns,403.25\n");
	char path[] = "/tmp/cgobench-transfer-XXXXXX", err[ERRLEN];
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, sb.buf, sb.len), (ssize_t)sb.len);
	close(fd);
	struct raw_table t;
	assert_int_equal(raw_read(path, &t, err, sizeof err), 0);
	assert_int_equal(t.n, 2);
	assert_string_equal(t.obs[1].variant, "a,b");
	assert_int_equal(t.obs[1].rep, 4);
	assert_true(t.obs[1].value == 403.25);
	raw_free(&t);
	unlink(path);
	sbuf_free(&sb);
}

/* Only regular text files are read: a FIFO does not block, /dev/zero does
 * not fill the memory, a NUL byte does not cut a file short, a file past
 * the limit is refused by its size; each error names the file. */
static void reads_only_regular_text(void **state)
{
	(void)state;
	char dir[] = "/tmp/cgobench-read-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *fifo = xasprintf("%s/fifo", dir), *nul = xasprintf("%s/nul", dir),
	     *big = xasprintf("%s/big", dir), *want, err[ERRLEN], *text;
	struct csv_table t;
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(csv_read_file(fifo, &t, err, sizeof err), -1);
	want = xasprintf("'%s' is not a regular file", fifo);
	assert_string_equal(err, want);
	free(want);
	assert_int_equal(csv_read_file("/dev/zero", &t, err, sizeof err), -1);
	assert_string_equal(err, "'/dev/zero' is not a regular file");
	assert_int_equal(
	    file_write_atomic(nul, "a,b\n1,\0002\n", 9, err, sizeof err), 0);
	assert_int_equal(csv_read_file(nul, &t, err, sizeof err), -1);
	want =
	    xasprintf("'%s' has a NUL byte at offset 6: not a text file", nul);
	assert_string_equal(err, want);
	free(want);
	size_t len;
	assert_int_equal(file_read(nul, &text, &len, err, sizeof err), 0);
	assert_int_equal(len, 9); /* with its length, it is data */
	free(text);
	int fd = open(big, O_CREAT | O_WRONLY, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)FILE_READ_MAX + 1), 0);
	close(fd);
	assert_int_equal(file_read(big, &text, NULL, err, sizeof err), -1);
	assert_non_null(strstr(err, "more than the 256 MiB this reads"));
	unlink(fifo);
	unlink(nul);
	unlink(big);
	rmdir(dir);
	free(fifo);
	free(nul);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(quoting_round_trip),
	    cmocka_unit_test(quotes_each_special_alone),
	    cmocka_unit_test(reads_only_regular_text),
	    cmocka_unit_test(doubles_exact),
	    cmocka_unit_test(errors_name_the_line),
	    cmocka_unit_test(raw_round_trip),
	    cmocka_unit_test(transfer_rows),
	};
	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
