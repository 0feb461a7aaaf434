/* drift: the machine's speed as it moves through a run, taken off each
 * pinned sample of time.
 *
 * On a virtual machine the speed of every benchmark moves by a few
 * percent over seconds, alike for the benchmarks sampled one after the
 * other (docs/precision.md item 14). A run's samples are taken in
 * shuffled rounds, so the samples taken around one, of other rows, tell
 * how fast the machine ran then: each pinned sample's time is divided by
 * the median, over its DRIFT_WINDOW neighbours on each side, of their
 * times against their own rows' medians, and the rows' medians are taken
 * again from the corrected samples, DRIFT_PASSES times. What is left is
 * each row's time at the run's typical speed. */
#ifndef CGOBENCH_DRIFT_H
#define CGOBENCH_DRIFT_H

#include "summary.h"

#include <stddef.h>

#define DRIFT_WINDOW 10
#define DRIFT_PASSES 3

/* Whether a family ran pinned to one CPU (ctx is the caller's). */
typedef int (*drift_pinned_fn)(const void *ctx, const char *family);

/* Corrects, in place, the time values (units "ns/...") of the samples of
 * o, whose n observations are in the order they were taken, a sample's
 * observations (one per unit) side by side, for the families pinned says
 * are pinned. A sample's speed is read from its ns/op. Other families,
 * and every other unit, are left alone; so is everything when fewer than
 * 2 DRIFT_WINDOW + 1 pinned samples were taken. Returns the number of
 * samples corrected. */
size_t drift_correct(struct obs *o, size_t n, drift_pinned_fn pinned,
		     const void *ctx);

#endif
