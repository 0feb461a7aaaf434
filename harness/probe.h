/* probe: what a run knows of its CPU's full speed, by which it judges
 * whether a sample ran on a slow CPU (load.h's LOAD_SPEED).
 *
 * A run learns it from its own probes (load_probe_us): the fastest so
 * far. A slow spell of a virtual machine that began before the run is
 * then taken for full speed until the CPU first runs fast, and the
 * samples of it are only flagged afterwards (in one run here the first
 * twelfth of its samples ran 1.48 times slower). So a run starts from the
 * fastest probe of the newest earlier run on the same machine (the
 * seed), and holds its first samples until the CPU runs within
 * LOAD_SPEED of it, for at most PROBE_SEED_S from the first sample (and
 * within the minute a run's samples wait in all, runint.h); a
 * seed the CPU has not reached by then is dropped, and the run judges by
 * its own probes alone, as without one. */
#ifndef CGOBENCH_PROBE_H
#define CGOBENCH_PROBE_H

#include <stddef.h>

struct machine;

#define PROBE_SEED_S 90

struct probe_state {
	double own;    /* the run's fastest probe, in µs (0: none yet) */
	double seed;   /* an earlier run's (0: none) */
	int confirmed; /* the CPU has run within LOAD_SPEED of the seed */
	int dropped;   /* the seed was not reached in PROBE_SEED_S */
};

/* Takes in a probe of p µs, elapsed seconds after the first sample. */
void probe_add(struct probe_state *s, double p, double elapsed);
/* The full speed to judge samples by, in µs: the run's own fastest probe,
 * or the seed while it stands and is faster; 0 before any. */
double probe_best(const struct probe_state *s);
/* How long a sample may wait now, elapsed seconds after the first, for
 * the CPU to run at full speed: hold_s, or while the seed is neither
 * reached nor dropped, what is left of PROBE_SEED_S when that is more. */
double probe_hold_limit(const struct probe_state *s, double elapsed,
			double hold_s);

/* A CPU's speed at a probe of p µs against s's full speed (probe_best):
 * full over p, 1 when either is not known. */
double probe_speed(const struct probe_state *s, double p);
/* Of n CPUs probed just now, p[c] µs each (0: not probed), the one that
 * runs slowest against its own full speed, s[c]'s probe_best: a family
 * on every CPU runs as slow as its slowest CPU lets it, and the slow
 * spells of the VM of docs/precision.md come one CPU at a time (item 35).
 * Returns its index, and its speed (full over now, 1 when its full speed
 * is not known) in *speed; -1, *speed 1, when none was probed. */
int probe_slowest(const struct probe_state *s, const double *p, int n,
		  double *speed);

/* The fastest probe (machine.txt's probe-best-us) of the newest run in
 * the directory dir (one per subdirectory, newest by machine.txt's date)
 * whose machine.txt matches now's CPU (its MHz, measured at boot, within
 * a hundredth), cores, hypervisor, kernel and pinned CPU, skip aside; 0
 * when none does. from (len bytes) gets that
 * run's path. */
double probe_seed_find(const char *dir, const char *skip,
		       const struct machine *now, char *from, size_t len);

#endif
