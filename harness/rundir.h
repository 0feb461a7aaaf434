/* rundir: a run as one model, from which every output of the run is
 * made (see export.h): its machine record, its summary rows, its counted
 * anatomy, and, in the run that took them, its samples for bench.txt.
 *
 * rundir_read loads the model of a run directory: machine.txt and
 * summary.csv, and anatomy.csv when there is one; what it loads it owns,
 * and rundir_free frees. A run builds its model in memory instead, and
 * keeps what it points to. */
#ifndef CGOBENCH_RUNDIR_H
#define CGOBENCH_RUNDIR_H

#include "anatomy.h"
#include "benchtxt.h"
#include "summary.h"

#include <stddef.h>

struct claim_set;
struct csv_table;

struct run_model {
	const char *dir;
	char *machine; /* machine.txt's text */
	struct summary_table sum;
	int counted; /* counted in instructions: the anatomy is an output */
	struct anatomy_row *anatomy;
	size_t nanatomy;
	const struct benchtxt_sample *samples; /* NULL when read back */
	size_t nsamples;
	struct csv_table *anatomy_csv;	/* what anatomy points into */
	const struct claim_set *claims; /* the caller's (claims.h) */
};

int rundir_read(const char *dir, struct run_model *m, char *err, size_t errlen);
void rundir_free(struct run_model *m);
/* The unit of the run's headline: instructions/op in a counted run,
 * ns/op otherwise. */
const char *rundir_primary(const struct run_model *m);

#endif
