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

double probe_speed(const struct probe_state *s, double p)
{
	double best = probe_best(s);
	return best > 0 && p > 0 ? best / p : 1;
}

int probe_slowest(const struct probe_state *s, const double *p, int n,
		  double *speed)
{
	int slowest = -1;
	*speed = 1;
	for (int c = 0; c < n; c++) {
		if (!(p[c] > 0) || !isfinite(p[c]))
			continue;
		double v = probe_speed(&s[c], p[c]);
		if (slowest < 0 || v < *speed) {
			slowest = c;
			*speed = v;
		}
	}
	return slowest;
}

/* What must match for an earlier run's probe to stand for this one's:
 * the same CPU as far as machine.txt tells it, on the same kernel and
 * hypervisor, pinned the same way. The same text, but for the MHz that
 * /proc/cpuinfo gives, which the kernel measures at boot: within a
 * hundredth (2095.994 and 2096.019 on two boots of the VM of
 * docs/precision.md; another clock of the same model is further off). */
static const struct {
	const char *key;
	double within; /* relative difference allowed; 0: the same text */
} same[] = {
    {"cpu", 0},	       {"cpu-family", 0}, {"cpu-model", 0}, {"cpu-stepping", 0},
    {"cpu-mhz", 0.01}, {"cache-size", 0}, {"cores", 0},	    {"hypervisor", 0},
    {"kernel", 0},     {"pinned", 0},
};

/* Whether got stands for want: the same text, or numbers within
 * a fraction within of want. */
static int same_value(const char *got, const char *want, double within)
{
	if (!strcmp(got, want))
		return 1;
	char *e1, *e2;
	double g = strtod(got, &e1), w = strtod(want, &e2);
	return within > 0 && e1 != got && !*e1 && e2 != want && !*e2 &&
	       isfinite(g) && isfinite(w) && fabs(g - w) <= within * fabs(w);
}

/* The probe-best-us of the machine.txt text when it matches now, else 0. */
static double matching_probe(const char *text, const struct machine *now)
{
	for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
		const char *want = machine_get(now, same[i].key);
		char *got = machine_lookup(text, same[i].key);
		int ok =
		    same_value(got, want ? want : "unknown", same[i].within);
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
