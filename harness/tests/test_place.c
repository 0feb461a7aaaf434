/* place: a driver's loops moved to one byte of their line, nothing else. */
#include "testutil.h"

#include "place.h"
#include "spawn.h"

#include <stdio.h>

static char *placed(const char *text, unsigned byte, size_t *moved)
{
	struct sbuf sb = {0};
	*moved = place_loops(text, strlen(text), byte, &sb);
	return sb.buf ? sb.buf : xstrdup("");
}

/* The lines that are instructions: neither directives nor labels */
static char *instructions(const char *text)
{
	struct sbuf sb = {0};
	for (const char *l = text; *l;) {
		const char *e = strchr(l, '\n');
		size_t n = e ? (size_t)(e - l) : strlen(l);
		const char *t = l;
		while (t < l + n && (*t == ' ' || *t == '\t'))
			t++;
		if (t < l + n && *t != '.' && l[n - 1] != ':') {
			sbuf_add(&sb, l, n);
			sbuf_addstr(&sb, "\n");
		}
		l += e ? n + 1 : n;
	}
	return sb.buf;
}

/* gcc's own assembly (g++ -O2) of call's c->c and c->c(fnptr) and data's
 * c->c(8ptr): the first two loops moved, the instructions as they were;
 * c->c(8ptr)'s loop is fallen into, its padding would run, it stays. */
static void moves_gcc_loops(void **state)
{
	(void)state;
	char *text = fixture(FIXTURE("gcc-loops.s"));
	size_t moved;
	char *out = placed(text, 48, &moved);
	assert_int_equal(moved, 2);
	char *a = instructions(text), *b = instructions(out);
	assert_string_equal(a, b);
	/* each loop: its alignment replaced, right above its label */
	const char *at = out;
	for (int i = 0; i < 2; i++) {
		at = strstr(at, "\t.p2align 6\n\t.nops 48\n.L");
		assert_non_null(at);
		at += strlen("\t.p2align 6");
	}
	assert_null(strstr(at, ".p2align 6"));
	free(a);
	free(b);
	free(out);
	free(text);
}

/* The same text as scripts/place-loops.awk, which the study runs */
static void agrees_with_the_study(void **state)
{
	(void)state;
	char *text = fixture(FIXTURE("gcc-loops.s"));
	for (unsigned byte = 0; byte < 64; byte += 48) {
		char k[16];
		snprintf(k, sizeof k, "k=%u", byte);
		char *argv[] = {"awk",
				"-v",
				k,
				"-f",
				"scripts/place-loops.awk",
				FIXTURE("gcc-loops.s"),
				NULL};
		struct spawn_opts so = {.argv = argv, .pin_cpu = -1};
		struct spawn_result r;
		char err[ERRLEN];
		assert_int_equal(spawn_run(&so, &r, err, sizeof err), 0);
		assert_true(spawn_ok(&r));
		size_t moved;
		char *out = placed(text, byte, &moved);
		assert_int_equal(r.out_len, strlen(out));
		assert_memory_equal(r.out, out, r.out_len);
		free(out);
		spawn_result_free(&r);
	}
	free(text);
}

/* What is not a loop to move: a label fallen into, one only jumped to
 * forwards, one a jmpq goes back to, and one a later function's jump
 * names (labels are the function's own); clang's .LBB labels are loops,
 * and its comments are not instructions */
static void moves_only_unrun_padding(void **state)
{
	(void)state;
	const char *text = "f:\n"
			   "\tmovl $1, %eax\n"
			   "\t.p2align 4\n"
			   ".L2:\n" /* fallen into */
			   "\tsubq $1, %rdi\n"
			   "\tjne .L2\n"
			   "\tjne .L3\n"
			   "\tjmp .L4\n"
			   "\t.p2align 4\n"
			   ".L3:\n" /* after a jmp, jumped to forwards only */
			   "\tnop\n"
			   ".L4:\n"
			   "\tjne .L2\n"
			   "\tret\n"
			   "\t.p2align 4,,10\n"
			   ".L5:\n" /* a jmpq goes back: not conditional */
			   "\tjmpq .L5\n"
			   "\tret\n"
			   "\t.p2align 4, 0x90\n"
			   ".L6:\n" /* defined here, jumped to from g */
			   "\tret\n"
			   "g:\n"
			   "\tjne .L6\n"
			   "\tjmp .LBB1_2\n"
			   "# %bb.1:\n"
			   "\t.p2align 4, 0x90\n"
			   ".LBB1_2:\n"
			   "\tdecq %rdi\n"
			   "\tjne .LBB1_2\n"
			   "\tret";
	size_t moved;
	char *out = placed(text, 0, &moved);
	assert_int_equal(moved, 1);
	/* byte 0: a line's start, no nops; the last line gains its '\n' */
	const char *want = "g:\n"
			   "\tjne .L6\n"
			   "\tjmp .LBB1_2\n"
			   "# %bb.1:\n"
			   "\t.p2align 6\n"
			   ".LBB1_2:\n"
			   "\tdecq %rdi\n"
			   "\tjne .LBB1_2\n"
			   "\tret\n";
	assert_non_null(strstr(out, want));
	assert_int_equal(strlen(out), strlen(text) -
					  strlen("\t.p2align 4, 0x90") +
					  strlen("\t.p2align 6") + 1);
	free(out);
}

/* 20,000 loops in one function, each a label a jump goes back to: every
 * one moved, in one pass (a scan per label would take minutes) */
static void many_loops(void **state)
{
	(void)state;
	enum { N = 20000 };
	struct sbuf in = {0};
	sbuf_addstr(&in, "f:\n");
	for (int i = 0; i < N; i++)
		sbuf_addf(&in,
			  "\tjmp .L%d\n\t.p2align 4\n.L%d:\n\tdecq %%rdi\n"
			  "\tjne .L%d\n",
			  i, i, i);
	size_t moved;
	char *out = placed(in.buf, 48, &moved);
	assert_int_equal(moved, N);
	free(out);
	sbuf_free(&in);
}

static void names_the_file(void **state)
{
	(void)state;
	size_t moved;
	char err[ERRLEN];
	assert_int_equal(place_loops_file("/nonexistent/x.s", "/tmp/x.s", 48,
					  &moved, err, sizeof err),
			 -1);
	assert_non_null(strstr(err, "/nonexistent/x.s"));
}

/* The byte by /proc/cpuinfo's vendor_id and cpu family, as the two VMs
 * here gave them (machine.txt's cpu-family 26 and 25): 48 only on AMD's
 * family 26, where it was measured steady; else the start of a line. */
static void byte_by_cpu(void **state)
{
	(void)state;
	assert_int_equal(place_loop_byte("AuthenticAMD", "26"), 48);
	assert_int_equal(place_loop_byte("AuthenticAMD", "25"), 0);
	assert_int_equal(place_loop_byte("GenuineIntel", "6"), 0);
	assert_int_equal(place_loop_byte("HygonGenuine", "26"), 0);
	assert_int_equal(place_loop_byte(NULL, "26"), 0);
	assert_int_equal(place_loop_byte("AuthenticAMD", NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(moves_gcc_loops),
	    cmocka_unit_test(agrees_with_the_study),
	    cmocka_unit_test(moves_only_unrun_padding),
	    cmocka_unit_test(many_loops),
	    cmocka_unit_test(names_the_file),
	    cmocka_unit_test(byte_by_cpu),
	};
	return cmocka_run_group_tests_name("place", tests, NULL, NULL);
}
