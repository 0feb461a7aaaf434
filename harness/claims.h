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
/* Where a batch's crossing costs under its share of the work on
 * toolchain tc, by the claim judged 'batching': sure, the least batch
 * size from which it surely does (the intervals say so there and at
 * every larger size); maybe, the least from which it perhaps does (the
 * intervals overlap the share); largest, the largest n measured; each -1
 * for none. share is the claim's, in percent (0 without the claim). */
struct break_even {
	long sure, maybe, largest;
	double share;
};
struct break_even claims_break_even(const struct claim_set *s,
				    const struct summary_table *t,
				    const char *tc);

/* A break-even mark of a chart into buf: the size sure where it is
 * positive, else "open" where maybe is (the intervals cannot tell),
 * else "none". */
void claims_mark(char *buf, size_t n, long sure, long maybe);

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
