/* claims: the verdicts of report.md on what is said about cgo, each
 * judged over the toolchains of a run from its summary rows alone, with
 * the figures it was judged by. A claim the run cannot answer says "Not
 * measured" and what it lacks. */
#ifndef CGOBENCH_CLAIMS_H
#define CGOBENCH_CLAIMS_H

struct sbuf;
struct summary_table;
/* Appends the section "Claims about cgo". */
void claims_write(const struct summary_table *t, struct sbuf *sb);
/* The least batch size from which go->c(batch)'s crossing costs under 10%
 * of the work for toolchain tc, or -1; *largest is the largest n
 * measured. */
long claims_break_even(const struct summary_table *t, const char *tc,
		       long *largest);

#endif
