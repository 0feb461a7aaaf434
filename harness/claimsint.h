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
/* One pair "A B" of a cheaper claim on tc, as a line in d (none when d
 * is NULL), and A's median over B's in *ratio: 1 when A (of family) is
 * cheaper than B (of than), the intervals apart, 0 when A's lies wholly
 * at or above B's, 3 when they overlap, -1 when either row is missing
 * (nothing written). */
int judges_cheaper_pair(const struct claim *c, const char *pair,
			const struct summary_table *t, const char *tc,
			struct sbuf *d, double *ratio);

/* Where an interval [alo, ahi] lies against [blo, bhi]: 1 wholly below,
 * -1 wholly at or above (two equal counts are not fewer), 0 where they
 * overlap. judges_below: the same of two rows' intervals. */
int judges_apart(double alo, double ahi, double blo, double bhi);
int judges_below(const struct stats_summary *a, const struct stats_summary *b);
/* A part's verdict from judges_apart's answer: 1 won, 0 lost, 3 open. */
int judges_part_verdict(int part);
/* A row's interval, or its median where it has none. */
void judges_interval_of(const struct stats_summary *s, double *lo, double *hi);
/* A row's median in unit u with the interval judges_interval_of gives
 * it. */
void judges_format_row(char *buf, size_t len, const struct stats_summary *s,
		       const char *u);
/* The threads b grew over g: the difference of their medians in over[0],
 * the interval their intervals allow in over[1] and over[2] (each by
 * judges_interval_of); 1 when its low end reaches need, 0 when its high
 * end falls short, else 3. */
int judges_threads_over(const struct stats_summary *b,
			const struct stats_summary *g, double need,
			double over[3]);
/* Whether an interval [lo, hi] reaches need: 1 wholly at or above it,
 * 0 wholly below, 3 across it. */
int judges_reaches(double lo, double hi, double need);
/* a and b with their intervals in unit u, into x and y. */
void judges_format_pair(const struct stats_summary *a,
			const struct stats_summary *b, const char *u, char *x,
			char *y, size_t len);
/* The verdict of a claim in parts, each won, lost or open (neither):
 * held (1) when every part is won, not (0) when every part is lost, in
 * part (2) when one is won and one lost, else inconclusive (3): the open
 * parts could make it any of two. */
int judges_parts(int won, int lost, int parts);

/* A test of one size of a sweep: 1 passes, 0 fails, 3 open (the
 * intervals cannot tell), -1 not measured. */
typedef int (*size_test)(const struct summary_table *t, const char *param,
			 const void *ctx);
/* Over the sizes of a sweep (the number after pre in the params of row
 * v), the least from which test passes at it and at every larger size
 * measured (sure), and the least from which it passes or is open there
 * (maybe); -1 for none. Sizes test does not measure are passed over. */
struct least {
	long sure, maybe;
};
struct least sweeps_least_from(const struct summary_table *t, const char *f,
			       const char *v, const char *tc, const char *pre,
			       size_test test, const void *ctx);
/* A claim that test passes from some size: 1 it surely does, 0 at no
 * size may it, 3 the intervals cannot tell. */
int sweeps_least_verdict(struct least l);
/* "from PRE N on", or where it perhaps starts, into d; none where it
 * passes at no size. */
void sweeps_least_words(struct sbuf *d, struct least l, const char *pre,
			const char *none);
/* The least batch size from which the crossing per batch costs under
 * share% of the work (sure, and maybe); *largest is the largest n
 * measured, -1 for none. */
struct least sweeps_break_even(const struct claim *c,
			       const struct summary_table *t, const char *tc,
			       long *largest);
/* The least size from which variant a's interval lies wholly below b's,
 * at it and every larger size measured (sure), and from which it is
 * below or overlaps (maybe). */
struct least sweeps_faster_from(const struct summary_table *t, const char *f,
				const char *a, const char *b, const char *tc,
				const char *pre, const char *u);
/* batching: per batch below per item at the largest size, the
 * intervals apart; and the break-even. library: a C library through
 * cgo faster than Go's from some size on. */
int sweeps_batching(const struct claim *c, struct sbuf *d,
		    const struct summary_table *t, const char *tc);
int sweeps_library(const struct claim *c, struct sbuf *d,
		   const struct summary_table *t, const char *tc);

/* sweeps.c: the judges of the swept families. blocking-sweep: from what
 * value of the swept param (a block time) calls blocking in C grow at
 * least share of a thread each over the same blocking in Go. */
int sweeps_blocking(const struct claim *c, struct sbuf *d,
		    const struct summary_table *t, const char *tc);
/* pool-sweep: for each pair "POOLED DIRECT [PARAM]", the least pool size
 * (the swept param) at which the pool grows fewer threads than the direct
 * calls (at PARAM) and is cheaper, each pair of intervals apart: costing
 * no more is shown only by costing less. */
int sweeps_pool(const struct claim *c, struct sbuf *d,
		const struct summary_table *t, const char *tc);
/* grows: the crossing's ratio over its baseline at the largest value of
 * the swept param above `by` times its ratio at the least, the intervals
 * apart (does not hold when below it, the intervals apart). */
int sweeps_grows(const struct claim *c, struct sbuf *d,
		 const struct summary_table *t, const char *tc);
/* moves: the free variant's calls changed thread (moved/op above 0) at
 * some value of the params, the locked variant's at none: each a part,
 * by the rows' intervals (judges_parts). */
int sweeps_moves(const struct claim *c, struct sbuf *d,
		 const struct summary_table *t, const char *tc);

#endif
