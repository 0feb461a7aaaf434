/* report: report.md of a run, computed from its model alone (see
 * rundir.h): the machine and toolchains, a headline table of every
 * crossing with its overhead and ratio, a verdict on each claim about cgo
 * that the run can answer (claims.h), and, when the run counted
 * instructions, one line a crossing on where they go. Every number in it
 * is one of the run's numbers, rounded. */
#ifndef CGOBENCH_REPORT_H
#define CGOBENCH_REPORT_H

#include <stddef.h>

struct sbuf;
struct run_model;
struct summary_precision;
/* Two sentences on how far a run's figures can be trusted: how many
 * rows are within +-1, 3 and 5% and met the goal, and whether the
 * machine was busy (machine is machine.txt's text, for its load-* and
 * samples-* keys; a run without them says nothing of the load), in
 * markdown or plain. */
void report_precision(const struct summary_precision *p, const char *machine,
		      int markdown, struct sbuf *sb);
/* Appends the report of m to sb. */
void report_markdown(const struct run_model *m, struct sbuf *sb);
/* The same of a run directory, with the claims of cases_dir; -1 with err
 * set when either cannot be read. */
int report_build(const char *run_dir, const char *cases_dir, struct sbuf *sb,
		 char *err, size_t errlen);

#endif
