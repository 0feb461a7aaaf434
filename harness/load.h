/* load: what else ran on the machine while a sample was taken.
 *
 * A snapshot is the busy and stolen CPU time of each CPU, as /proc/stat
 * counts it in clock ticks. Between two snapshots, the CPU time the
 * sample's own process used (from wait4) is taken off the busy time of
 * the CPUs it could run on; what is left was other processes', and the
 * stolen time was the hypervisor's. A sample is disturbed when either
 * took more than a share of the sample's time, or when a probe loop
 * timed around it ran slow: its number is not the benchmark's alone.
 * Snapshots own no memory. */
#ifndef CGOBENCH_LOAD_H
#define CGOBENCH_LOAD_H

#include <stddef.h>

#define LOAD_MAXCPU 256

struct load_snap {
	int ncpu; /* 0: /proc/stat could not be read */
	unsigned long long busy[LOAD_MAXCPU], steal[LOAD_MAXCPU];
};

/* Over one sample, in CPUs (1: one whole CPU for the whole sample). */
struct load_share {
	double others; /* other processes' time on the sample's CPUs */
	/* for a sample pinned to one CPU, all time on the others: the
	 * harness's own is a small part of it (under 0.05 of a CPU in the
	 * default suite here), and it was not what the sample ran on, but
	 * it can slow that CPU where they share a core or a power budget,
	 * below what the probe's LOAD_SPEED sees (docs/precision.md item
	 * 41); 0 for a sample on every CPU */
	double elsewhere;
	double steal;  /* the hypervisor's */
	double wall_s; /* the sample's own wall time, process start to exit */
	/* the CPU's speed around the sample, from load_probe_us: the best
	 * probe of the run over the slower of the probes before and after
	 * it, of the slowest CPU for a sample on every CPU (1: full speed;
	 * 0: not probed) */
	double speed;
};

/* Time elsewhere above this many CPUs, on average over a run's pinned
 * samples, makes a machine busy as load_busy's does: said, not flagged. */
#define LOAD_ELSEWHERE 0.5

/* Others above this share of a CPU, or steal above LOAD_STEAL, disturb a
 * sample: a quarter of the pinned CPU is far beyond the harness's own
 * polling and the kernel's ticks (under 0.05 in the default suite here),
 * and a CPU-bound process sharing it shows as 0.5. */
#define LOAD_OTHERS 0.25
#define LOAD_STEAL  0.05
/* A speed under this disturbs a sample too: a virtual machine's CPU can
 * run far slower for a minute at a time while the host is busy elsewhere,
 * which neither /proc/stat nor the sample's own process can see. On the
 * 2-core VM of docs/precision.md every benchmark ran 1.5 to 1.8 times
 * slower in such spells, a third of a 12-minute run. */
#define LOAD_SPEED 0.8

/* Parses the text of /proc/stat; -1 with err set when it has no cpuN
 * line or one that is malformed. */
int load_parse(const char *text, struct load_snap *s, char *err, size_t errlen);
/* The time of a fixed loop that keeps every ALU busy (about 40 µs on the
 * VM of docs/precision.md), the median of LOAD_PROBES runs (the slow
 * spells there flip from fast to slow within a second: the least would
 * find a fast moment in a slow spell), in µs, with the calling thread
 * moved to cpu for it (-1: where it is) and back: how fast that CPU runs
 * now. */
#define LOAD_PROBES 5
double load_probe_us(int cpu);
#if defined(__x86_64__)
/* Where the probe's loop starts: at byte 0 of a 64-byte line. */
extern const char load_probe_loop[];
#endif
/* How long a cache line takes from CPU a to CPU b and back, in ns: two
 * threads, the caller moved to b for it and a second one started on a,
 * pass a counter to and fro through one atomic word
 * LOAD_TRANSFER_TRIPS times, the fastest of LOAD_TRANSFER_RUNS runs. A
 * contended benchmark pays such a trip on every write the other CPU
 * read last, and on the VM of docs/precision.md it took 145 to 190 ns
 * for a minute at a time and 530 to 800 otherwise, as its host placed
 * the two CPUs (item 36). 0 when a equals b, a thread cannot be
 * started, or a run takes longer than LOAD_TRANSFER_MAX_S (the other
 * CPU busy with other work: a sample there is disturbed anyway). */
#define LOAD_TRANSFER_TRIPS 1000
#define LOAD_TRANSFER_RUNS  3
#define LOAD_TRANSFER_MAX_S 0.02
double load_transfer_ns(int a, int b);
/* What a first touch of a page of fresh memory costs, in ns a page: the
 * kernel's minor fault, the zeroing of the page, and under a hypervisor
 * what it adds. LOAD_FAULT_PAGES pages of anonymous memory, mapped
 * without huge pages, written one byte a page, the calling thread moved
 * to cpu for it (-1: where it is) and back; each of the n runs in
 * ns[0..n). A Go benchmark that allocates pays it where its heap grows
 * into memory not touched before, or touches again what the runtime gave
 * back: on the VM of docs/precision.md 17 to 35 µs a page (item 70),
 * where bare metal takes under one; 0 for a run whose memory could not
 * be had. */
#define LOAD_FAULT_PAGES 128
#define LOAD_FAULT_RUNS	 5
void load_fault_ns(int cpu, double *ns, size_t n);
/* The tasks that the kernel counts as running now (/proc/stat's
 * procs_running, the caller among them); 0 when it cannot tell. */
int load_running(void);
/* Reads /proc/stat; ncpu 0 when it cannot (no load is then seen). */
void load_read(struct load_snap *s);
/* The share between a and b, on cpu (-1: every CPU), of a sample that
 * took wall_s seconds and whose process used own_cpu_s of CPU time; a
 * share it cannot tell (no snapshot, no time) is 0. */
void load_between(const struct load_snap *a, const struct load_snap *b, int cpu,
		  double own_cpu_s, double wall_s, struct load_share *out);
int load_disturbed(const struct load_share *l);
/* Whether others' or the hypervisor's time disturbed it, not only its
 * CPU's speed. */
int load_upset(const struct load_share *l);
/* The most l could have slowed the sample, as a factor: others' and the
 * hypervisor's share of the time were not the sample's, and a CPU at
 * speed s does its work in 1/s of the time (speed 0, not probed: full).
 * A load only slows a benchmark, never speeds it up, so a time divided
 * by this is the least the benchmark alone could have taken. Others and
 * steal count up to LOAD_SHARE_MAX of the time each (a factor of 100):
 * beyond, the sample says nothing of the benchmark. */
#define LOAD_SHARE_MAX 0.99
double load_slowing(const struct load_share *l);
/* A run whose samples saw, on average, more than a tenth of a CPU of
 * other processes or a twentieth stolen ran on a busy machine. */
int load_busy(double others, double steal);
/* "CPU at 0.6 of its speed", "steal 0.1 CPU" or "others 0.52 CPU", for
 * a note; at most len bytes. */
void load_describe(const struct load_share *l, char *buf, size_t len);

/* Whether a run's pinned CPU bore a load that lasted: a quarter or more
 * of its takes (retaken, or kept though disturbed) ran disturbed. Then
 * the samples that passed the probe bear part of it too: in busy-defer
 * (docs/precision.md, a CPU-bound loop beside the run, 43% of the pinned
 * takes disturbed), the 31 pinned rows with no sample kept disturbed ran
 * 4.0% (median; quartiles 2.0% to 7.5%) above a quiet run 20 minutes
 * later, itself within 0.2% of one 90 minutes before. */
int load_lasting(size_t takes, size_t disturbed);
/* Why a run's pinned rows bear a lasting load, as machine.txt's
 * lasting-load names it: a quarter of the pinned takes ran disturbed
 * (load_lasting), or the machine was busy through the run (load_busy of
 * the average load of every sample: busy-bound in docs/precision.md,
 * 16.5% of its pinned takes disturbed, ran its pinned rows 2.2% above a
 * quiet run, 11 of its 23 `ok` rows' intervals wholly above the quiet
 * medians); else none. */
enum load_why { LOAD_WHY_NONE, LOAD_WHY_PINNED, LOAD_WHY_BUSY };
extern const char *const load_why_names[];
enum load_why load_lasting_why(size_t takes, size_t disturbed, double others,
			       double steal);

/* Whether taking a disturbed sample again pays, from the outcomes of the
 * run's last LOAD_RETAKE_WINDOW retakes: while fewer than one in four of
 * them ran undisturbed, a load lasts (a CPU-bound process slowing the
 * pinned CPU from its neighbour, docs/precision.md), and a disturbed
 * sample is kept and flagged rather than taken again, but for every
 * LOAD_RETAKE_TRY-th, taken again to see whether the load has gone. */
#define LOAD_RETAKE_WINDOW 16
#define LOAD_RETAKE_TRY	   8
struct load_retakes {
	size_t taken, clean; /* the run's retakes, and those undisturbed */
	unsigned recent;     /* bit i: the i-th last retake ran undisturbed */
	int nrecent;	     /* retakes in recent, up to LOAD_RETAKE_WINDOW */
	int kept;	     /* disturbed samples kept since the last retake */
};
/* Counts a retake that ran undisturbed (clean) or not. */
void load_retake_done(struct load_retakes *t, int clean);
/* 1: take this disturbed sample again; 0: keep it (counted, for the
 * next try). */
int load_retake_pays(struct load_retakes *t);

#endif
