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

/* text without the jmps that place_loops puts before a fallen-into
 * loop's padding (a "\tjmp " line right above "\t.p2align 6"), counted
 * into *jumps */
static char *without_jumps(const char *text, int *jumps)
{
	struct sbuf sb = {0};
	*jumps = 0;
	for (const char *l = text; *l;) {
		const char *e = strchr(l, '\n');
		size_t n = e ? (size_t)(e - l) + 1 : strlen(l);
		if (!strncmp(l, "\tjmp ", 5) && e &&
		    !strncmp(e + 1, "\t.p2align 6\n", 12))
			(*jumps)++;
		else
			sbuf_add(&sb, l, n);
		l += n;
	}
	return sb.buf ? sb.buf : xstrdup("");
}

/* A compiler's own assembly, placed at byte 48: want loops moved, each
 * with its alignment replaced right above its label, fallen of them into
 * (the code before runs on into the loop) with a jmp over the padding;
 * past that jmp, the instructions as they were, in the same order. */
static void moves_loops(const char *file, size_t want, int fallen)
{
	char *text = fixture(file);
	size_t moved;
	char *out = placed(text, 48, &moved);
	assert_int_equal(moved, want);
	int jumps;
	char *rest = without_jumps(out, &jumps);
	assert_int_equal(jumps, fallen);
	char *a = instructions(text), *b = instructions(rest);
	assert_string_equal(a, b);
	const char *at = out;
	for (size_t i = 0; i < want; i++) {
		at = strstr(at, "\t.p2align 6\n\t.nops 48\n.L");
		assert_non_null(at);
		at += strlen("\t.p2align 6");
	}
	assert_null(strstr(at, ".p2align 6"));
	free(a);
	free(b);
	free(rest);
	free(out);
	free(text);
}

/* gcc's own assembly (g++ -O2) of call's c->c and c->c(fnptr) and data's
 * c->c(8ptr): all three loops moved, c->c(8ptr)'s fallen into */
static void moves_gcc_loops(void **state)
{
	(void)state;
	moves_loops(FIXTURE("gcc-loops.s"), 3, 1);
}

/* clang's (clang++ 14 -O2) of the call driver: its three loops, c->c,
 * c->c(fnptr) and c->go(loop), each fallen into and its label followed by
 * clang's comment ("# =>This Inner Loop Header"); its functions' labels
 * too ("_ZL3c_cRN9benchmark5StateE:  # @..."), so that each is one
 * function */
static void moves_clang_loops(void **state)
{
	(void)state;
	moves_loops(FIXTURE("clang-loops.s"), 3, 3);
	char *text = fixture(FIXTURE("clang-loops.s"));
	size_t moved;
	char *out = placed(text, 0, &moved);
	const char *want = "\tjmp .LBB1_4\n\t.p2align 6\n.LBB1_4:";
	assert_non_null(strstr(out, want));
	free(out);
	free(text);
}

/* The same text as scripts/place-loops.awk, which the study runs */
static void agrees_on(const char *file)
{
	char *text = fixture(file);
	for (unsigned byte = 0; byte < 64; byte += 48) {
		char k[16];
		snprintf(k, sizeof k, "k=%u", byte);
		char *argv[] = {
		    "awk",	  "-v", k, "-f", "scripts/place-loops.awk",
		    (char *)file, NULL};
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

static void agrees_with_the_study(void **state)
{
	(void)state;
	agrees_on(FIXTURE("gcc-loops.s"));
	agrees_on(FIXTURE("clang-loops.s"));
}

/* What is not a loop to move: a label only jumped to forwards, one a
 * jmpq goes back to, and one a later function's jump names (labels are
 * the function's own); a loop fallen into is moved with a jmp over its
 * padding; clang's .LBB labels are loops, and its comments are not
 * instructions */
static void moves_only_loops(void **state)
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
	assert_int_equal(moved, 2);
	assert_non_null(strstr(out, "f:\n"
				    "\tmovl $1, %eax\n"
				    "\tjmp .L2\n"
				    "\t.p2align 6\n"
				    ".L2:\n"));
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
					  strlen("\t.p2align 4, 0x90") -
					  strlen("\t.p2align 4") +
					  2 * strlen("\t.p2align 6") +
					  strlen("\tjmp .L2\n") + 1);
	free(out);
}

/* clang's function labels carry a comment ("f:   # @f"): they still end
 * the function before them, so that a jump of g back to a label of f
 * names no loop of g's */
static void commented_function_labels(void **state)
{
	(void)state;
	const char *text = "f:                 # @f\n"
			   "\tjmp .LBB0_1\n"
			   "\t.p2align 4, 0x90\n"
			   ".LBB0_1:            # %bb.1\n"
			   "\tret\n"
			   "g:                 # @g\n"
			   "\tjne .LBB0_1\n";
	size_t moved;
	char *out = placed(text, 0, &moved);
	assert_int_equal(moved, 0);
	assert_string_equal(out, text);
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
	    cmocka_unit_test(moves_clang_loops),
	    cmocka_unit_test(agrees_with_the_study),
	    cmocka_unit_test(moves_only_loops),
	    cmocka_unit_test(commented_function_labels),
	    cmocka_unit_test(many_loops),
	    cmocka_unit_test(names_the_file),
	    cmocka_unit_test(byte_by_cpu),
	};
	return cmocka_run_group_tests_name("place", tests, NULL, NULL);
}
