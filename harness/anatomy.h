/* anatomy: where the instructions of a crossing go, from a callgrind dump.
 *
 * anatomy_parse_dump sums each function's exclusive instructions (cost
 * lines under fn=, leaving out the inclusive cost that follows calls=),
 * with the file it is in; anatomy_group puts a function in one of
 * ANATOMY_NGROUPS groups by the table in anatomy.c, which is the one place
 * to change when a Go release renames a runtime function. */
#ifndef CGOBENCH_ANATOMY_H
#define CGOBENCH_ANATOMY_H

#include <stddef.h>

#define ANATOMY_NGROUPS 6
/* "entry/exit", "stack switch", "callback", "pointer checks",
 * "benchmark", "other" */
extern const char *const anatomy_groups[ANATOMY_NGROUPS];

struct fn_cost {
	char *name; /* without callgrind's 'N recursion suffix */
	char *file;
	double ir; /* exclusive */
};

/* The functions of one dump; the caller frees with anatomy_free. */
int anatomy_parse_dump(const char *text, const char *source,
		       struct fn_cost **out, size_t *n, char *err,
		       size_t errlen);
void anatomy_free(struct fn_cost *f, size_t n);

/* The group index of a function; family_dir is the case's directory,
 * whose files are the benchmark's own code. */
int anatomy_group(const char *name, const char *file, const char *family_dir);

/* Adds the exclusive costs of f into per-group sums (ANATOMY_NGROUPS). */
void anatomy_sum(const struct fn_cost *f, size_t n, const char *family_dir,
		 double *groups);

/* One counted crossing's instructions per op by group: a row of the run
 * model, written to and read from anatomy.csv here and nowhere else. */
struct anatomy_row {
	const char *family, *variant, *toolchain, *cc, *param;
	double groups[ANATOMY_NGROUPS];
};
struct sbuf;
/* anatomy.csv: a line a row and group, with the group's share. */
void anatomy_format_csv(const struct anatomy_row *r, size_t n, struct sbuf *sb);
/* anatomy.txt: a line a row, "case variant/param (toolchain): N
 * instructions per op, P% group, ...". */
void anatomy_format_txt(const struct anatomy_row *r, size_t n, struct sbuf *sb);
/* anatomy.dat: a row a crossing, the same crossing's toolchains side by
 * side, a column a group, for scripts/anatomy.gp; labelled with the
 * toolchain when there are several. */
void anatomy_format_dat(const struct anatomy_row *r, size_t n,
			size_t ntoolchains, struct sbuf *sb);
/* anatomy.csv read back; the rows point into *csv, which the caller frees
 * with csv_free after free(*rows). A missing column, a bad number or a
 * group out of order is an error naming file:line. */
struct csv_table;
int anatomy_read(const char *path, struct csv_table *csv,
		 struct anatomy_row **rows, size_t *n, char *err,
		 size_t errlen);

#endif
