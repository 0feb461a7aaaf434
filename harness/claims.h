/* claims: the verdicts of report.md on what is said about cgo. The
 * claims are data: each family may bring a file `claims` beside its
 * baselines, a block a claim ("claim NAME", then "key value" lines: its
 * order, text, judge, the family, variants, params, units and
 * thresholds the judge reads). The judges are the code: each judges a
 * claim over the toolchains of a run from its summary rows alone and
 * writes the figures it judged by; a claim the run cannot answer says
 * "Not measured" and what it lacks. See CONTRIBUTING.md, "Adding a
 * claim". */
#ifndef CGOBENCH_CLAIMS_H
#define CGOBENCH_CLAIMS_H

#include <stddef.h>

struct sbuf;
struct summary_table;
struct claim_set;

/* Reads every cases_dir/<family>/claims, ordered by their 'order'. A
 * claim whose judge is unknown or lacks a key its judge reads is an error
 * naming file:line. *out is set even then; free it with claims_free. */
int claims_load(const char *cases_dir, struct claim_set **out, char *err,
		size_t errlen);
/* Adds the claims of one file's text to s. */
int claims_parse(const char *text, const char *source, struct claim_set *s,
		 char *err, size_t errlen);
void claims_free(struct claim_set *s);
/* Appends the section "Claims about cgo" (empty when s is NULL). */
void claims_write(const struct claim_set *s, const struct summary_table *t,
		  struct sbuf *sb);
/* The least batch size from which the crossing surely costs under its
 * share of the work for toolchain tc (the intervals say so there and at
 * every larger size), by the claim judged 'batching'; -1 when there is
 * none or no such size. *largest is the largest n measured, *maybe the
 * least from which it perhaps does (the intervals overlap the share),
 * -1 for none. */
long claims_break_even(const struct claim_set *s, const struct summary_table *t,
		       const char *tc, long *largest, long *maybe);

/* For the libraries chart: a line "# break-even LABEL:N TOOLCHAIN" for
 * each library claim, LABEL its Go variant's name before "(", N the
 * least size from which the C library is surely faster, "open" where
 * the intervals cannot tell, "none" where it is at no size. */
void claims_library_marks(const struct claim_set *s,
			  const struct summary_table *t, const char *tc,
			  struct sbuf *sb);

/* Advice lines of the claims judged "cheaper" on tc: which way of
 * crossing to take, where the intervals tell. */
void claims_cheaper_advice(const struct claim_set *s,
			   const struct summary_table *t, const char *tc,
			   struct sbuf *sb);

#endif
