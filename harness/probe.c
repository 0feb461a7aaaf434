#include "probe.h"

#include "load.h"
#include "machine.h"
#include "util.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void probe_add(struct probe_state *s, double p, double elapsed)
{
	if (!(p > 0) || !isfinite(p))
		return;
	if (!(s->own > 0) || p < s->own)
		s->own = p;
	if (s->seed > 0 && !s->confirmed && !s->dropped) {
		if (p * LOAD_SPEED <= s->seed)
			s->confirmed = 1;
		else if (elapsed >= PROBE_SEED_S)
			s->dropped = 1;
	}
}

double probe_best(const struct probe_state *s)
{
	int stands = s->seed > 0 && !s->dropped;
	if (stands && (!(s->own > 0) || s->seed < s->own))
		return s->seed;
	return s->own;
}

double probe_hold_limit(const struct probe_state *s, double elapsed,
			double hold_s)
{
	if (s->seed > 0 && !s->confirmed && !s->dropped)
		return fmax(hold_s, PROBE_SEED_S - elapsed);
	return hold_s;
}

/* What must match for an earlier run's probe to stand for this one's:
 * the same CPU as far as machine.txt tells it, on the same kernel and
 * hypervisor, pinned the same way. */
static const char *const same[] = {
    "cpu",	  "cpu-family", "cpu-model", "cpu-stepping", "cpu-mhz",
    "cache-size", "cores",	"hypervisor", "kernel",	     "pinned",
};

/* The probe-best-us of the machine.txt text when it matches now, else 0. */
static double matching_probe(const char *text, const struct machine *now)
{
	for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
		const char *want = machine_get(now, same[i]);
		char *got = machine_lookup(text, same[i]);
		int ok = !strcmp(got, want ? want : "unknown");
		free(got);
		if (!ok)
			return 0;
	}
	char *v = machine_lookup(text, "probe-best-us"), *end;
	double p = strtod(v, &end);
	int ok = end != v && *end == '\0' && isfinite(p) && p > 0;
	free(v);
	return ok ? p : 0;
}

double probe_seed_find(const char *dir, const char *skip,
		       const struct machine *now, char *from, size_t len)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char *newest = NULL, *name = NULL;
	double seed = 0;
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.' || (skip && !strcmp(e->d_name, skip)))
			continue;
		char *path = xasprintf("%s/%s/machine.txt", dir, e->d_name);
		char *text, err[ERRLEN];
		if (file_read(path, &text, NULL, err, sizeof err) == 0) {
			/* machine.txt's date is UTC, ISO 8601: its order is
			 * the runs' (run directories may have any name) */
			char *date = machine_lookup(text, "date");
			double p = matching_probe(text, now);
			if (p > 0 && strcmp(date, "unknown") &&
			    (!newest || strcmp(date, newest) > 0)) {
				free(newest);
				free(name);
				newest = date;
				name = xstrdup(e->d_name);
				date = NULL;
				seed = p;
			}
			free(date);
			free(text);
		}
		free(path);
	}
	if (d)
		closedir(d);
	if (len)
		snprintf(from, len, "%s/%s", dir, name ? name : "");
	free(newest);
	free(name);
	return seed;
}
