/* trackers: a run's figures in the formats of CI benchmark trackers.
 *
 * bmf.json is Bencher Metric Format: {name: {measure: {value,
 * lower_value, upper_value}}}, the bounds the 95% interval of the median.
 * gab.json is github-action-benchmark's customSmallerIsBetter: an array
 * of {name, unit, value, range, extra}. A name is "case/variant[/param]",
 * with "@toolchain" after it when the run holds several, so that it stays
 * the same from run to run. Measures: latency (ns/op, in ns, Bencher's own
 * measure), latency-per-item (ns/item), instructions (instructions/op),
 * bytes (B/op), allocations (allocs/op), and overhead (the crossing's
 * cost over its baseline, in the unit of the run). Only rows with samples
 * are written, and only of costs (summary_is_cost: not the CPUs a
 * contended benchmark kept busy). 1 when written, 0 when out of memory. */
#ifndef CGOBENCH_TRACKERS_H
#define CGOBENCH_TRACKERS_H

struct run_model;
struct sbuf;

int trackers_bmf(const struct run_model *m, struct sbuf *sb);
int trackers_gab(const struct run_model *m, struct sbuf *sb);

#endif
