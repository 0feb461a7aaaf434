/* claimsint: what claims.c (the claims files: read, checked, written)
 * and judges.c (the judge of each kind of claim) share. */
#ifndef CGOBENCH_CLAIMSINT_H
#define CGOBENCH_CLAIMSINT_H

#include "summary.h"

#include <stddef.h>

struct sbuf;

struct claim_pair {
	char *key, *value;
};

struct claim {
	char *name, *source; /* source: "file:line" of its first line */
	long order;
	const struct judge *judge;
	struct claim_pair *pairs;
	size_t npairs;
};

/* The value of key, NULL when the claim has none. */
const char *claim_value(const struct claim *c, const char *key);
/* The value of a key the claim was checked to have at load. */
const char *claim_get(const struct claim *c, const char *key);
/* The k-th value of a key given several times, NULL past the last. */
const char *claim_get_nth(const struct claim *c, const char *key, size_t k);
/* The i-th number of key's value ("60 200": 0 is 60); checked at load. */
double claim_num(const struct claim *c, const char *key, int i);

/* The verdicts of a claim over toolchains: measured, held wholly, held
 * in part, and open (the intervals overlap); judges_tally_add counts one
 * judge_fn's return, judges_tally_write writes "**holds**", "**inconclusive**:
 * ..." and the like. */
struct tally {
	size_t measured, held, part, open;
};
void judges_tally_add(struct tally *y, int v);
void judges_tally_write(const struct tally *y, struct sbuf *sb);

/* The verdict line of a claim judged per toolchain with judge: held
 * wholly (1), in part (2), not (0), or inconclusive (3), on each
 * toolchain that measured it (-1: not measured). */
typedef int (*judge_fn)(const struct claim *c, struct sbuf *detail,
			const struct summary_table *t, const char *tc);

struct judge {
	const char *name;
	const char *keys[12];
	void (*write)(const struct claim *c, const struct summary_table *t,
		      struct sbuf *sb);
	judge_fn per_tc;
};

/* Every judge, by the name a claims file gives in "judge". */
extern const struct judge claims_judges[];
extern const size_t claims_njudges;

void judges_generic(const struct claim *c, const struct summary_table *t,
		    judge_fn judge, struct sbuf *sb);
/* The least batch size from which the crossing per batch costs under
 * share% of the work, or -1; *largest is the largest n measured. */
long judges_break_even(const struct claim *c, const struct summary_table *t,
		       const char *tc, long *largest);

/* The least size (the number after pre) from which variant a's interval
 * lies wholly below b's, at it and every larger size measured, or -1. */
long judges_faster_from(const struct summary_table *t, const char *f,
			const char *a, const char *b, const char *tc,
			const char *pre, const char *u);

/* One pair "A B" of a cheaper claim on tc, as a line in d (none when d
 * is NULL), and A's
 * median over B's in *ratio: 1 when A (of family) is cheaper than B (of
 * than), the intervals apart, 0 when dearer, 3 when they overlap, -1
 * when either row is missing (nothing written). */
int judges_cheaper_pair(const struct claim *c, const char *pair,
			const struct summary_table *t, const char *tc,
			struct sbuf *d, double *ratio);

/* A test of one size of a sweep: 1 passes, 0 fails, -1 not measured. */
typedef int (*size_test)(const struct summary_table *t, const char *param,
			 const void *ctx);
/* The least size (the number after pre in the params of row v) from
 * which test passes at it and at every larger size measured, or -1;
 * sizes test does not measure are passed over. */
long judges_least_from(const struct summary_table *t, const char *f,
		       const char *v, const char *tc, const char *pre,
		       size_test test, const void *ctx);

/* sweeps.c: the judges of the swept families. blocking-sweep: from what
 * value of the swept param (a block time) calls blocking in C grow at
 * least share of a thread each over the same blocking in Go. */
int sweeps_blocking(const struct claim *c, struct sbuf *d,
		    const struct summary_table *t, const char *tc);
/* pool-sweep: for each pair "POOLED DIRECT [PARAM]", the least pool size
 * (the swept param) at which the pool grows fewer threads than the direct
 * calls (at PARAM) and is not dearer, the intervals apart. */
int sweeps_pool(const struct claim *c, struct sbuf *d,
		const struct summary_table *t, const char *tc);
/* grows: the crossing's ratio over its baseline at the largest value of
 * the swept param above `by` times its ratio at the least, the intervals
 * apart (does not hold when below it, the intervals apart). */
int sweeps_grows(const struct claim *c, struct sbuf *d,
		 const struct summary_table *t, const char *tc);
/* moves: the free variant's calls changed thread (moved/op above 0) at
 * some value of the params, the locked variant's at none. */
int sweeps_moves(const struct claim *c, struct sbuf *d,
		 const struct summary_table *t, const char *tc);

#endif
