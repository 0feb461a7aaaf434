/* speeds: the CPUs around a sample of a run, which schedule.c takes:
 * their speed probed, each against its own fastest (probe.h), a sample
 * held while one runs slow, and how long a cache line takes between
 * them (load.h). */
#include "runint.h"

#include "family.h"
#include "util.h"

/* Whether u's samples run on every CPU: a family on every CPU, or a run
 * that pins none. */
static int on_every_cpu(const struct run *r, const struct unit *u)
{
	return u->fam->unpinned || r->pin < 0;
}

double speeds_probe(struct run *r, const struct unit *u, int *cpu)
{
	double p[LOAD_MAXCPU] = {0}, speed;
	double elapsed = monotonic_s() - r->started;
	int n = r->ncpu < LOAD_MAXCPU ? r->ncpu : LOAD_MAXCPU;
	int every = on_every_cpu(r, u);
	for (int c = 0; c < n; c++) {
		if (!every && c != r->pin)
			continue;
		p[c] = load_probe_us(c);
		probe_add(&r->cpus[c], p[c], elapsed);
	}
	*cpu = probe_slowest(r->cpus, p, n, &speed);
	return *cpu >= 0 ? p[*cpu] : 0;
}

double speeds_transfer(const struct run *r, const struct unit *u)
{
	return on_every_cpu(r, u) && r->ncpu > 1
		   ? load_transfer_ns(0, r->ncpu - 1)
		   : 0;
}

double speeds_at(const struct run *r, double p, int cpu)
{
	return cpu >= 0 ? probe_speed(&r->cpus[cpu], p) : 1;
}

double speeds_hold(struct run *r, const struct unit *u, int *cpu)
{
	double p = speeds_probe(r, u, cpu), start = monotonic_s(), waited = 0;
	double limit = schedule_hold_left(probe_hold_limit(run_pin_probe(r),
							   start - r->started,
							   SCHEDULE_HOLD_S),
					  r->held_s, r->c->hold_s);
	while (speeds_at(r, p, *cpu) < LOAD_SPEED && !r->slow_for_good &&
	       load_running() <= 1 && !*r->c->stop) {
		if (waited >= limit) {
			r->slow_for_good = 1;
			break;
		}
		/* said once, a sleep before the next probe (say_progress) */
		if (waited == 0)
			run_progress(r, "waiting for a slow CPU", r->round,
				     r->rounds);
		sleep_s(0.2);
		p = speeds_probe(r, u, cpu);
		waited = monotonic_s() - start;
	}
	if (speeds_at(r, p, *cpu) >= LOAD_SPEED)
		r->slow_for_good = 0;
	r->held_s += waited;
	return p;
}
