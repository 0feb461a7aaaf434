/* report: report.md of a run directory, computed from its files alone:
 * the machine and toolchains (machine.txt), a headline table of every
 * crossing with its overhead and ratio (summary.csv), a verdict on each
 * claim about cgo that the run can answer, and, when the run counted
 * instructions, one line a crossing on where they go (anatomy.csv).
 * Every number in it is one of those files' numbers, rounded. */
#ifndef CGOBENCH_REPORT_H
#define CGOBENCH_REPORT_H

#include <stddef.h>

struct sbuf;
/* Appends the report of run_dir to sb. */
int report_build(const char *run_dir, struct sbuf *sb, char *err,
		 size_t errlen);
/* Writes run_dir/report.md (or out_path when not NULL). */
int report_write(const char *run_dir, const char *out_path, char *err,
		 size_t errlen);

#endif
