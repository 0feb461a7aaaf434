/* place: where the loops of a benchmark driver sit in their lines of code.
 *
 * A nanosecond C loop's speed depends on the byte of its 64-byte line of
 * code it starts at, not only on its instructions, and how depends on
 * the CPU (scripts/placement-study.sh). On an AMD EPYC of family 26, the
 * loops through a pointer ran with their fresh processes' middle half
 * within 3 to 5% of their median starting at byte 48, where they cross
 * into the next line, and within 9 to 19% starting at bytes 0, 16 and 32
 * (docs/precision.md, item 42). On one of family 25 the same loops ran a
 * fifth slower at byte 48 than within one line, and no byte steadied
 * them (item 44). The compiler places a loop wherever the code before it
 * ends; the harness puts every loop of the Google Benchmark drivers at
 * one byte, the same for all of them: place_loop_byte's.
 *
 * place_loops rewrites a compiler's x86-64 assembly (AT&T syntax, as gcc
 * and clang write it). A loop is a local label (.L...) that a later
 * conditional jump of the same function jumps back to, with alignment
 * directives right above it; they give way to .p2align 6, then byte
 * bytes of nops. Where the code before falls into the loop (the last
 * instruction before them is not a jmp or a ret, as in all of clang's
 * loops), a jmp to the loop goes first, so that the padding is never
 * run: one jmp a run of the loop, and every other instruction as it
 * was, in the same order (docs/precision.md item 52).
 * scripts/place-loops.awk is the same rule, for the study, and
 * test_place checks that the two write the same text. */
#ifndef CGOBENCH_PLACE_H
#define CGOBENCH_PLACE_H

#include "util.h"

#include <stddef.h>

/* The byte the loops start at on a CPU of /proc/cpuinfo's vendor_id and
 * cpu family (either NULL where it has none): 48 on AMD's family 26,
 * else 0, the start of a line, so that a loop of under 64 bytes crosses
 * none. */
unsigned place_loop_byte(const char *vendor, const char *family);

/* Appends text (len bytes, lines ended by '\n') with its loops moved to
 * start at byte (under 64) of a 64-byte line to out; returns how many
 * loops it moved. */
size_t place_loops(const char *text, size_t len, unsigned byte,
		   struct sbuf *out);
/* place_loops from the file in to the file out; *moved: how many. */
int place_loops_file(const char *in, const char *out, unsigned byte,
		     size_t *moved, char *err, size_t errlen);

#endif
