#include "rundir.h"

#include "csv.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

int rundir_read(const char *dir, struct run_model *m, char *err, size_t errlen)
{
	memset(m, 0, sizeof *m);
	m->dir = dir;
	char *mp = xasprintf("%s/machine.txt", dir);
	char *sp = xasprintf("%s/summary.csv", dir);
	char *ap = xasprintf("%s/anatomy.csv", dir);
	int rc = file_read(mp, &m->machine, NULL, err, errlen);
	if (rc == 0)
		rc = summary_read(sp, &m->sum, err, errlen);
	if (rc == 0 && path_exists(ap)) {
		m->counted = 1;
		m->anatomy_csv = xcalloc(1, sizeof *m->anatomy_csv);
		rc = anatomy_read(ap, m->anatomy_csv, &m->anatomy, &m->nanatomy,
				  err, errlen);
	}
	free(mp);
	free(sp);
	free(ap);
	if (rc != 0)
		rundir_free(m);
	return rc;
}

void rundir_free(struct run_model *m)
{
	free(m->machine);
	summary_table_free(&m->sum);
	free(m->anatomy);
	if (m->anatomy_csv) {
		csv_free(m->anatomy_csv);
		free(m->anatomy_csv);
	}
	memset(m, 0, sizeof *m);
}

const char *rundir_primary(const struct run_model *m)
{
	for (size_t r = 0; r < m->sum.nrows; r++)
		if (!strcmp(m->sum.rows[r].unit, "instructions/op"))
			return "instructions/op";
	return "ns/op";
}
