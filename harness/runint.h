/* runint: what the modules of a run share, and no other module sees:
 * the run's state (its units, the samples taken, the run directory) and
 * the functions one module of a run calls in another.
 *
 *   run.c       the run directory, the machine record, the run's course
 *   discover.c  the benchmarks of each built binary, as units
 *   runbench.c  one benchmark process: its argv, environment and output
 *   schedule.c  rounds, disturbed samples retaken, the time left
 *   schedstop.c adaptive stopping: each row's goal or aim, what it needs
 *   runout.c    the summary rows of a run, and its outputs (export.h)
 *   runnote.c   each row's status and note, and the pinned families' load
 *   speeds.c    the CPUs around a sample: their speed, a slow one waited
 *               for, a cache line's trip between them
 *   spread.c    the note of a contended row wider than its goal */
#ifndef CGOBENCH_RUNINT_H
#define CGOBENCH_RUNINT_H

#include "gbjson.h"
#include "anatomy.h"
#include "benchout.h"
#include "load.h"
#include "machine.h"
#include "probe.h"
#include "run.h"
#include "summary.h"

#include <sys/types.h>
#include <stdint.h>
#include <stdio.h>

struct built;
struct family;
struct family_env;
struct toolchain;

enum unit_state { UNIT_OK, UNIT_FAILED, UNIT_SKIPPED };

/* The load around one sample kept: the slowest CPU probe around it
 * against its CPU's full speed (0: none) and that CPU (in run's cpus),
 * the most others and the hypervisor could have slowed it
 * (load_slowing, the CPU's speed aside), whether they upset it, and for
 * a sample on every CPU the mean of the times a cache line took between
 * the first CPU and the last before and after it (load_transfer_ns, in
 * ns; 0: not measured). */
struct sample_load {
	double slow, slowing, transfer;
	int cpu, upset;
};

/* One benchmark of one binary: what a round runs once. */
struct unit {
	const struct family *fam;
	const struct toolchain *tc;
	int is_go;
	const char *binary;
	char *top, *variant, *param;
	const struct family_env *env; /* what its process is started with */
	enum unit_state state;
	char *note;
	double *primary; /* ns/op of every sample, as measured */
	/* primary with the machine's drift taken off (schedule_settle), for
	 * the interval goal */
	double *settled;
	double warm_ns; /* ns/op in the warm-up */
	/* instructions/op by group of every counted sample, beside primary */
	double (*anatomy)[ANATOMY_NGROUPS];
	size_t n;
	size_t unwritten;     /* samples taken that raw.csv could not hold */
	size_t retaken;	      /* samples taken again, disturbed (load.h) */
	size_t disturbed;     /* samples kept though disturbed when taken */
	size_t stalled;	      /* samples kept though stalled (schedule.c) */
	double stall_ns;      /* the ns/op of the last of them */
	size_t recounted;     /* counted takes that disagreed (callgrind.h) */
	double lost;	      /* the count of the last of them */
	char disturbance[48]; /* what disturbed the last one */
	struct sample_load *load; /* of every sample, beside primary */
};

/* How many times a disturbed sample is taken again (at the end of its
 * round: schedule.c's round_of), and how long a sample waits for a slow
 * CPU to run at full speed again (the slow spells of docs/methodology.md
 * lasted about a minute). */
#define SCHEDULE_RETAKES 2
/* A sample that ran one iteration where its warm-up's speed fills the
 * benchtime with this many stalled (schedule_stalled_ns): what it timed
 * was its first call, not the work. */
#define SCHEDULE_STALL_ITERS 100
/* The rounds that run whatever the budget: 6 samples, the fewest whose
 * median has a 95% interval (5 carry a claim's verdict, claims.c); a busy
 * machine stops the rest at the budget. */
#define SCHEDULE_FLOOR	SUMMARY_FEWEST
#define SCHEDULE_HOLD_S 30
/* From this many samples (or half of --max-count, when less) a row short
 * of its goal goes on only while --max-count samples would reach it
 * (schedule_reach_from): 30 reads a row's reach as well as 50 does, on
 * fewer samples (simulated: docs/precision.md item 20). */
#define SCHEDULE_REACH_FROM 30
/* Beyond schedule_reach_from a row goes on only while this many samples
 * (or --max-count when less) would reach its goal, until every row is
 * done with budget left (struct run's leftover): then while --max-count
 * would (docs/precision.md item 58). */
#define SCHEDULE_REACH_MAX 100
/* A row of a family whose spread is its behaviour (the contended ones,
 * family.h) goes on beyond --count up to this many samples, while its
 * middle half says they would bring it to its goal: 128 samples more
 * brought 36 of 50 rows within +-5%, where 8 were at --count
 * (docs/precision.md item 27); once every other row is done with budget
 * left (struct run's leftover), up to --max-count (item 57). */
#define SCHEDULE_SPREAD_MAX 20

/* One sample as taken: which unit, which repetition, what it printed. */
struct taken {
	size_t unit;
	int rep;
	struct bench_line line;
	double transfer; /* its sample_load's */
};

struct run {
	const struct run_config *c;
	struct toolchain *tcs;
	size_t ntcs;
	struct family *fams;
	size_t nfams;
	struct built *builts; /* nfams * ntcs */
	struct unit *units;
	size_t nunits;
	struct taken *taken;
	size_t ntaken;
	struct machine m;
	char *dir;
	int raw_fd;	  /* raw.csv, -1 before it is created */
	off_t raw_len;	  /* its bytes written whole: only whole lines */
	size_t unwritten; /* samples that could not be written */
	struct gbjson gb; /* Google Benchmark's JSON of each C driver */
	struct summary_precision precision; /* of the primary rows */
	/* load_fault_ns's runs on the pinned CPU as the run starts and as it
	 * ends (machine.txt's fault-ns) */
	double faults[2 * LOAD_FAULT_RUNS];
	size_t nfaults;
	/* other processes' and the hypervisor's share of the CPUs over the
	 * timed samples (load.h), summed, and the samples summed */
	double load_others, load_steal, load_wall;
	size_t load_samples;
	/* the time on the other CPUs than a pinned sample's (load.h's
	 * elsewhere), summed over the pinned samples, and those */
	double load_elsewhere;
	size_t load_pinned;
	/* the takes disturbed by others' or the hypervisor's time
	 * (load_upset), and those by a slow CPU alone */
	size_t takes_upset, takes_slow;
	/* the full speed of each CPU the samples run on (probe.h); the
	 * pinned one's is run_pin_probe's */
	struct probe_state cpus[LOAD_MAXCPU];
	char seed_from[512];	     /* the run the probe's seed came from */
	double held_s;		     /* time samples waited for a slow CPU */
	struct load_retakes retakes; /* whether retaking pays (load.h) */
	int slow_for_good; /* it stayed slow a whole wait: wait no more */
	int budget_ended;  /* the budget ended rounds that rows still wanted */
	/* every row was done with budget left, which goes to those short of
	 * their goal: a contended row's cap is --max-count, not
	 * SCHEDULE_SPREAD_MAX (schedule_unit_cap), and any row goes on
	 * while --max-count, not SCHEDULE_REACH_MAX, would reach its goal
	 * (schedule_reach) */
	int leftover;
	/* then, with budget still left, a pinned row within its goal goes
	 * on toward the aim (run_config's aim_pct): set from then on, so
	 * that the notes say how near the aim each row came; its status is
	 * by its goal (schedule_target) */
	int aiming;
	/* every row was done with budget left, but the pinned families bore
	 * a lasting load then, and the aim was not opened (machine.txt's
	 * aim) */
	int aim_refused;
	int said_lasting; /* a lasting load was said as the rounds ran */
	int unwritten_errno;
	int pin, procs, ncpu;
	int batch; /* the pinned processes run under SCHED_BATCH */
	char gomaxprocs[32];
	char allprocs[32]; /* GOMAXPROCS of the unpinned families */
	int gb18; /* Google Benchmark >= 1.8 takes "0.2s" for min_time */
	int progress;
	const char *primary; /* "ns/op", or "instructions/op" */
	uint64_t rng;
	double started;
	size_t done, planned; /* samples, for the time-left estimate */
	int round, rounds;    /* the round being taken, for progress */
	size_t said_done;     /* done at the last progress line off a tty */
	double said_at;	      /* and when it was printed */
};

/* What the run knows of the pinned CPU's full speed (CPU 0's when it
 * pins none): machine.txt records it, and an earlier run seeds it. */
static inline struct probe_state *run_pin_probe(struct run *r)
{
	return &r->cpus[r->pin >= 0 ? r->pin : 0];
}

/* run.c: progress and warnings on stderr */
void run_info(const struct run *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void run_warn(const struct run *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void run_progress(struct run *r, const char *what, int round, int rounds);
/* Appends whole lines to raw.csv, or nothing: a write that fails part-way
 * is cut back off. -1 with errno set when it fails. */
int run_append_raw(struct run *r, const char *buf, size_t len);

/* discover.c */
void discover_family(struct run *r, const struct family *f,
		     const struct toolchain *tc, int is_go, const char *bin);
void discover_family_failed(struct run *r, const struct family *f,
			    const struct toolchain *tc, const char *why);
void discover_family_skipped(struct run *r, const struct family *f,
			     const struct toolchain *t, const char *why);
void discover_set_state(struct unit *u, enum unit_state st, const char *note);
void discover_unit_failed(struct run *r, struct unit *u, const char *why);
/* Warns of a baselines line naming no variant of the family, and of an
 * options env level in no param, once its benchmarks are known. */
void discover_check_family(struct run *r, const struct family *f);

/* runbench.c: the -test.bench or --benchmark_filter pattern of a unit,
 * and one run of a benchmark binary */
/* The variables of cgobench's environment that no benchmark process gets:
 * Google Benchmark takes its flags' defaults from BENCHMARK_<FLAG>
 * (BENCHMARK_REPETITIONS=3 made every C sample three runs, of which one
 * was kept; BENCHMARK_FILTER=zzz listed no benchmark), and cgobench sets
 * how a sample is measured itself. */
#define RUNBENCH_UNSET "BENCHMARK_"
/* The GODEBUG variable of one benchmark process ("GODEBUG=..."), or NULL
 * where it has none: the user's (user, the harness's environment) first,
 * as a later setting of a key wins, then the harness's for a counted
 * sample, then the family's (vars, its "K=V" strings). Before, a family's
 * GODEBUG replaced all of the user's. The caller frees it. */
char *runbench_godebug(const char *user, long counted, char *const *vars);
char *runbench_go_filter(const struct unit *u);
char *runbench_gb_filter(const char *variant, const char *param);
/* runbench_run's return when a Google Benchmark filter matched nothing,
 * and when a counted run's loop ran past callgrind's dumps (its line
 * holds the count the largest dump gave; callgrind_lost_to_end) */
#define RUNBENCH_NO_MATCH 1
#define RUNBENCH_LOST	  2
int runbench_run(struct run *r, const struct family *f,
		 const struct toolchain *t, int is_go, const char *bin,
		 const struct family_env *fe, const char *filter,
		 const char *skip, double seconds, long counted, double *groups,
		 struct load_share *load, struct bench_output *out, char *err,
		 size_t errlen);

/* schedule.c: a sample's value as an observation; the rounds */
struct obs schedule_obs_of(const struct run *r, const struct unit *u, int rep,
			   const struct metric *m);
void schedule_measure(struct run *r);
/* Sets each unit's settled values: its primary ones with the drift taken
 * off as the summary will take it (runout_drift), which the stopping rule
 * reads. */
void schedule_settle(struct run *r);
/* Whether u's interval, of its settled values, is within its goal. */
int schedule_interval_met(const struct run *r, const struct unit *u);
/* Sets want[i] for each unit that takes the next round beyond --count:
 * one short of its goal, with fewer than --max-count samples, and, from
 * schedule_reach_from on, whose interval says --max-count would reach
 * the goal; in a spread family, with fewer than SCHEDULE_SPREAD_MAX, and
 * whose middle half says those would reach it; and the baseline of each
 * (with fewer than --max-count too). Returns how many units were short
 * of their goal. */
size_t schedule_wanted(const struct run *r, int *want);
/* The most samples u may take: --max-count, or in a family whose spread
 * is its behaviour (family.h) SCHEDULE_SPREAD_MAX when less, until r's
 * leftover. */
size_t schedule_unit_cap(const struct run *r, const struct unit *u);
/* Called when no row wants a round and budget is left: gives it to the
 * rows short of their goal, which go on while --max-count samples would
 * reach it, a contended row's by its middle half (docs/precision.md
 * items 57 and 58); sets r's leftover. Whether any now wants a round (want set
 * as schedule_wanted sets it); 0 when it was open already. */
int schedule_open_leftover(struct run *r, int *want);
/* Called when the time left wants no round either: unless the aim is no
 * tighter than the goal, the samples are counted instructions or the
 * pinned families bear a lasting load, the pinned rows within their goal
 * go on toward the aim, and any the aim's samples take back out of it
 * toward the goal again (r's aiming; docs/precision.md item 62). Whether
 * any now wants a round (want set as schedule_wanted sets it); 0 when it
 * was set. */
int schedule_open_aim(struct run *r, int *want);
/* Whether a run never aims past the goal: an aim no tighter than
 * --target-ci, or counted instructions (schedstop.c) */
int schedule_aim_off(const struct run_config *c);
/* The most samples that may bring a row to its goal for it to go on
 * beyond schedule_reach_from: schedule_reach_before until r's leftover,
 * then --max-count. */
size_t schedule_reach(const struct run *r);
/* That before the time left is open: SCHEDULE_REACH_MAX, or --max-count
 * when less. */
size_t schedule_reach_before(const struct run_config *c);
/* SCHEDULE_REACH_FROM, or half of --max-count when less, and at least
 * --count: from these samples on a row short of its goal goes on only
 * while schedule_reach would reach it. */
size_t schedule_reach_from(const struct run_config *c);
/* Whether u's goal is within reach (schedstop.c): before
 * schedule_reach_from samples always, then while schedule_reach would
 * bring it there; a contended row's while its cap would. */
int schedule_within_reach(const struct run *r, const struct unit *u);
/* The samples u will have at the end, as its interval says now: at least
 * --count, up to what its goal needs within reach. */
double schedule_unit_want(const struct run *r, const struct unit *u);
/* The seconds of the budget spent when elapsed seconds have passed since
 * the first sample, held of them waiting for a slow CPU: up to hold
 * (--hold) of the time waited is left out, so that a slow spell costs
 * the run wall time rather than its samples (held 128 s of a 7-minute
 * budget, a run ended after 8 rounds: docs/precision.md item 7). */
double schedule_spent(double elapsed, double held, double hold);
/* How long a sample may wait now for a slow CPU, when it might wait limit
 * seconds (probe_hold_limit's) and the run's samples have waited held:
 * no more than is left of hold (--hold), all the samples of a run wait,
 * and 0 once it is gone; beyond it, a sample on a slow CPU is taken and
 * judged by its load, retaken or flagged (docs/precision.md item 43). */
double schedule_hold_left(double limit, double held, double hold);
/* The wall time one sample has taken so far, the time samples waited for
 * a slow CPU left out: what the rest will take at full speed. 0 before
 * the first. */
double schedule_sample_s(const struct run *r);
/* The samples the run will still take (for the time left it shows): each
 * row's as many as its interval says it needs, up to --max-count, those
 * beyond the rounds that run whatever cut at the budget. */
size_t schedule_samples_left(const struct run *r);
/* Why a row ended short of its goal, for the knob its note names
 * (runnote.c): the budget ended the rounds before --count; it took all of
 * --max-count; past schedule_reach_from, --max-count would not have
 * reached the goal (need, the samples that would, NaN when unknown); the
 * budget ended the rounds it still wanted (budget_ended); or none of
 * these (the drift moved as the last round's samples came in). */
enum schedule_short {
	SHORT_BEFORE_COUNT,
	SHORT_MAX_COUNT,
	SHORT_OUT_OF_REACH,
	SHORT_BUDGET,
	SHORT_OTHER,
};
enum schedule_short schedule_why_short(const struct run_config *c, size_t n,
				       double need, int budget_ended);
/* The interval goal of a family's benchmarks, in %: --target-ci, or
 * --target-ci-unpinned for a family whose benchmarks use every CPU. */
double schedule_target(const struct run *r, const struct family *f);
/* The time of one sample of a family's benchmarks, in seconds:
 * --benchtime, or --benchtime-unpinned for a family on every CPU. */
double schedule_benchtime(const struct run *r, const struct family *f);
/* The ns/op of u's sample in out when it ran one iteration where u's
 * warm-up speed would fill the benchtime with SCHEDULE_STALL_ITERS,
 * else 0: such a sample timed a first call that stalled, not the work. */
double schedule_stalled_ns(const struct run *r, const struct unit *u,
			   const struct bench_output *out);

/* runout.c: summary.csv and every other output of the run; -2 when one
 * could not be written */
int runout_write(struct run *r);
/* Times LOAD_FAULT_RUNS more runs of load_fault_ns on the pinned CPU
 * into r->faults, while it has room: as the run starts, and as it ends
 * (machine.txt's fault-ns). */
void runout_take_faults(struct run *r);
/* speeds.c */
/* Probes the CPUs u's samples run on (load_probe_us): the pinned one, or
 * each CPU in turn (on_every_cpu), each taken into what the run knows of
 * its full speed (probe.h). Returns the probe of the slowest against its
 * own full speed, its CPU in *cpu (speeds_at gives its speed). */
double speeds_probe(struct run *r, const struct unit *u, int *cpu);
/* How long a cache line takes between the first CPU and the last, for
 * a sample of u on every CPU (load_transfer_ns); 0 for another. */
double speeds_transfer(const struct run *r, const struct unit *u);
/* CPU cpu's speed at a probe of p µs, against its full speed (1: not
 * known, or not probed). */
double speeds_at(const struct run *r, double p, int cpu);
/* Probes the CPUs of u's sample before it and, while one runs slow
 * (load.h's LOAD_SPEED) with nothing else running, waits for it, probing
 * every 0.2 s, up to SCHEDULE_HOLD_S and what is left of the run's
 * --hold (schedule_hold_left); the time waited is counted
 * in r->held_s. A slow probe beside another running task is that task's
 * doing, which the pinned sample will push off the CPU, and the sample's
 * own load judges it: waiting for such tasks (a busy loop wandering
 * between the CPUs) held a busy run 155 s of its 9 minutes. A CPU still
 * slow after a whole wait is taken as slow for good (a laptop
 * throttled): no sample waits again until it has run at full speed.
 * Returns the last probe of the slowest CPU, that CPU in *cpu. */
double speeds_hold(struct run *r, const struct unit *u, int *cpu);
/* spread.c: a contended row wider than its goal, its note: how far its
 * samples spread, what they follow (spread_cpus), why it took no more
 * (spread_why). */
char *spread_note(const struct run *r, const struct unit *u,
		  const struct summary_row *row, double goal);
/* Why a contended row whose summary is s ended short of its goal: its
 * cap gave it no rounds beyond --count, or it had too few samples to
 * tell, or its middle half needs more than the cap
 * (summary_samples_at_spread), or it took them all, or the budget or
 * the rounds ended first. */
void spread_why(const struct run *r, const struct unit *u,
		const struct stats_summary *s, double goal, char *buf,
		size_t len);
/* ", its ns/op tracking the CPUs it kept busy, 1.51 to 1.95 (r = +0.96)"
 * for a row whose samples report the CPUs they kept busy (the metric
 * SUMMARY_CPUS of cases/internal/cpus), "not explained by" where the
 * correlation is under SPREAD_TRACKS; "" without 3 such samples, or
 * when either does not vary. */
void spread_cpus(const struct run *r, const struct unit *u, char *buf,
		 size_t len);
/* ", its ns/op rising with the time a cache line took between the
 * CPUs, 150 to 570 ns there and back (r = +0.80)" for a row whose
 * samples measured it (sample_load's transfer), 8 at least, and whose
 * primary figure rises with it, r at least SPREAD_TRACKS: on the VM of
 * docs/precision.md the contended rows' two states were its host's two
 * placements of the VM's CPUs (item 36). "" otherwise. */
void spread_transfer(const struct run *r, const struct unit *u, char *buf,
		     size_t len);
/* "its samples fall in two groups, 3 at [206, 216] ns and 5 at [429, 472]
 * ns: ..." for a row whose samples (u's primary, as measured) do
 * (stats_two_groups), else NULL: two states, where a median says
 * nothing of either, and what switches them is worth finding (the
 * sharded maps' false sharing, docs/precision.md item 32). */
char *spread_groups(const struct unit *u, const char *unit);
/* The unit a summary row belongs to, or NULL. */
const struct unit *runout_unit_of(const struct run *r,
				  const struct summary_row *row);
/* The observations of the samples taken, in the order taken, a sample's
 * side by side (borrowing the run's strings); *nobs gets how many. */
struct obs *runout_taken_obs(const struct run *r, size_t *nobs);
/* Takes the machine's drift off the pinned samples of time in obs (in
 * the order taken) as --drift asks (drift.h); the samples corrected. */
size_t runout_drift(const struct run *r, struct obs *obs, size_t nobs);

/* runnote.c */
/* Samples as taken: every take (retakes included), the retaken, and
 * those kept though disturbed. */
struct runnote_takes {
	size_t takes, retaken, kept;
};
/* The takes of every unit, or of the pinned families' units that were
 * measured to the end (for load_lasting). */
struct runnote_takes runnote_tally(const struct run *r, int pinned);
/* The pinned families' takes, and whether they bore a lasting load
 * (load_lasting_why) with the run's average load of others; computed
 * once, for the rows' status and for machine.txt. */
struct runnote_pinned {
	struct runnote_takes takes;
	enum load_why why;
	double others;
};
struct runnote_pinned runnote_pinned(const struct run *r);
/* Whether the pinned families' takes so far bear a lasting load, as the
 * run's end will judge it (load_lasting_why), with their takes, those
 * disturbed, and others' load on average. */
enum load_why runnote_load_so_far(const struct run *r, size_t *takes,
				  size_t *disturbed, double *others);
/* Status and note of each row, from its unit's state and sample count,
 * and from pinned, the pinned families' load (a lasting load). */
void runnote_annotate(struct run *r, struct summary_row *rows, size_t nrows,
		      const struct runnote_pinned *pinned);
/* One verdict per benchmark: a row of another unit than the primary one
 * (ns/item, B/op beside ns/op) that is ok takes its primary row's status
 * and note, so that a benchmark is not wide in ns/op and ok in ns/item
 * from the same samples. */
void runnote_carry_status(const struct run *r, struct summary_row *rows,
			  size_t nrows);

#endif
