#include "load.h"

#include "stats.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* One "cpuN user nice system idle iowait irq softirq steal ..." line. */
static int parse_cpu_line(const char *line, int lineno, struct load_snap *s,
			  char *err, size_t errlen)
{
	char *end;
	long cpu = strtol(line + 3, &end, 10);
	if (end == line + 3 || cpu < 0 || *end != ' ')
		return set_error(err, errlen, "/proc/stat:%d: bad cpu line",
				 lineno);
	unsigned long long v[8] = {0};
	const char *p = end;
	int nv = 0;
	for (; nv < 8; nv++) {
		errno = 0;
		v[nv] = strtoull(p, &end, 10);
		if (end == p || errno)
			break;
		p = end;
	}
	if (nv < 4)
		return set_error(err, errlen,
				 "/proc/stat:%d: cpu%ld has %d fields, not 4 "
				 "or more",
				 lineno, cpu, nv);
	if (cpu >= LOAD_MAXCPU)
		return 0;
	/* busy: user, nice, system, irq, softirq; idle and iowait are not */
	s->busy[cpu] = v[0] + v[1] + v[2] + v[5] + v[6];
	s->steal[cpu] = v[7];
	if (cpu + 1 > s->ncpu)
		s->ncpu = (int)cpu + 1;
	return 0;
}

int load_parse(const char *text, struct load_snap *s, char *err, size_t errlen)
{
	memset(s, 0, sizeof *s);
	int lineno = 0;
	for (const char *line = text; line && *line; lineno++) {
		const char *nl = strchr(line, '\n');
		if (!strncmp(line, "cpu", 3) && line[3] >= '0' &&
		    line[3] <= '9' &&
		    parse_cpu_line(line, lineno + 1, s, err, errlen) != 0)
			return -1;
		line = nl ? nl + 1 : NULL;
	}
	if (!s->ncpu)
		return set_error(err, errlen, "/proc/stat: no cpuN line");
	return 0;
}

/* The text of /proc/stat into buf (len bytes), "" when unreadable. */
static void read_stat(char *buf, size_t len)
{
	FILE *f = fopen("/proc/stat", "r");
	size_t n = f ? fread(buf, 1, len - 1, f) : 0;
	if (f)
		fclose(f);
	buf[n] = 0;
}

int load_running(void)
{
	char buf[65536];
	read_stat(buf, sizeof buf);
	const char *p = strstr(buf, "\nprocs_running ");
	return p ? atoi(p + 15) : 0;
}

void load_read(struct load_snap *s)
{
	char buf[65536], err[ERRLEN];
	read_stat(buf, sizeof buf);
	if (!buf[0] || load_parse(buf, s, err, sizeof err) != 0)
		s->ncpu = 0;
}

void load_between(const struct load_snap *a, const struct load_snap *b, int cpu,
		  double own_cpu_s, double wall_s, struct load_share *out)
{
	out->others = out->steal = out->elsewhere = 0;
	if (!a->ncpu || a->ncpu != b->ncpu || cpu >= a->ncpu || !(wall_s > 0))
		return;
	double busy = 0, steal = 0, elsewhere = 0;
	for (int i = 0; i < a->ncpu; i++) {
		if (cpu >= 0 && i != cpu) {
			elsewhere += (double)(b->busy[i] - a->busy[i]);
			continue;
		}
		busy += (double)(b->busy[i] - a->busy[i]);
		steal += (double)(b->steal[i] - a->steal[i]);
	}
	double hz = (double)sysconf(_SC_CLK_TCK);
	double others = (busy / hz - own_cpu_s) / wall_s;
	out->others = others > 0 ? others : 0;
	out->steal = steal / hz / wall_s;
	out->elsewhere = elsewhere / hz / wall_s;
}

int load_upset(const struct load_share *l)
{
	return l->others > LOAD_OTHERS || l->steal > LOAD_STEAL;
}

int load_disturbed(const struct load_share *l)
{
	return load_upset(l) || (l->speed > 0 && l->speed < LOAD_SPEED);
}

double load_slowing(const struct load_share *l)
{
	double others = fmin(l->others, LOAD_SHARE_MAX);
	double steal = fmin(l->steal, LOAD_SHARE_MAX);
	double speed = l->speed > 0 && l->speed < 1 ? l->speed : 1;
	return 1 / ((1 - others) * (1 - steal) * speed);
}

/* Six independent chains of adds and xors: work that keeps every ALU
 * busy, as the benchmarks do, and so runs slower when something else
 * shares the core (a chain of multiplies, bound by their latency, did
 * not: it ran at full speed through the slow spells of
 * docs/precision.md). On x86-64 the loop starts a 64-byte line
 * (load_probe_loop), whatever the harness around it: where the linker
 * left it at byte 48, across two lines, its fastest probe took 1.14
 * times as long and its median 1.3 to 2.2 times, on the VM of
 * docs/precision.md item 45, so a rebuild could have moved the full
 * speed a run's seed holds and called every sample slow. */
__attribute__((noinline)) static double busy_us(void)
{
	unsigned long long x0 = 1, x1 = 2, x2 = 3, x3 = 4, x4 = 5, x5 = 6;
	double start = monotonic_s();
#if defined(__x86_64__)
	unsigned long long n = 100000;
	__asm__ volatile(".p2align 6\n"
			 ".globl load_probe_loop\n"
			 "load_probe_loop:\n\t"
			 "add %1, %0\n\t"
			 "xor %2, %1\n\t"
			 "add %3, %2\n\t"
			 "xor %4, %3\n\t"
			 "add %5, %4\n\t"
			 "xor %0, %5\n\t"
			 "sub $1, %6\n\t"
			 "jnz load_probe_loop"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4),
			   "+r"(x5), "+r"(n)
			 :
			 : "cc");
#else
	for (int i = 0; i < 100000; i++) {
		x0 += x1;
		x1 ^= x2;
		x2 += x3;
		x3 ^= x4;
		x4 += x5;
		x5 ^= x0;
		__asm__ volatile(""
				 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3),
				   "+r"(x4), "+r"(x5));
	}
#endif
	return (monotonic_s() - start) * 1e6;
}

/* Moves the calling thread to cpu (-1: leaves it where it is), keeping
 * where it may run in *was; whether it was moved. */
static int move_to(int cpu, cpu_set_t *was)
{
	cpu_set_t on;
	if (cpu < 0 || sched_getaffinity(0, sizeof *was, was) != 0)
		return 0;
	CPU_ZERO(&on);
	CPU_SET(cpu, &on);
	return sched_setaffinity(0, sizeof on, &on) == 0;
}

double load_probe_us(int cpu)
{
	cpu_set_t was;
	int moved = move_to(cpu, &was);
	double t[LOAD_PROBES];
	for (int i = 0; i < LOAD_PROBES; i++)
		t[i] = busy_us();
	if (moved)
		sched_setaffinity(0, sizeof was, &was);
	return stats_median(t, LOAD_PROBES);
}

/* The word load_transfer_ns passes to and fro, and the word that stops
 * its far end, each on a line of its own (x86 fetches lines in pairs). */
static _Alignas(128) atomic_long ball;
static _Alignas(128) atomic_int ball_stop;

/* The far end of load_transfer_ns, on the CPU *arg (where the scheduler
 * puts it, when it cannot be moved): answers each odd value with the
 * next even one, until the trips are done or it is stopped. */
static void *transfer_answer(void *arg)
{
	cpu_set_t on;
	CPU_ZERO(&on);
	CPU_SET(*(const int *)arg, &on);
	(void)pthread_setaffinity_np(pthread_self(), sizeof on, &on);
	for (long i = 0; i < LOAD_TRANSFER_TRIPS; i++) {
		while (atomic_load_explicit(&ball, memory_order_acquire) !=
		       2 * i + 1)
			if (atomic_load_explicit(&ball_stop,
						 memory_order_relaxed))
				return NULL;
		atomic_store_explicit(&ball, 2 * i + 2, memory_order_release);
	}
	return NULL;
}

/* One run of load_transfer_ns from the calling thread, with its far end
 * on CPU a: ns a round trip, 0 when it could not be timed. The first
 * trip is not timed: it waits for the far end to start, and for its CPU
 * to wake (in the harness, 1.3 to 3.6 µs a trip over 1,000 with it,
 * where a run of 20,000 took 0.5). The clock is read every 256 polls,
 * so that reading it does not delay the answer. */
static double transfer_run(int a)
{
	pthread_t t;
	atomic_store(&ball, 0);
	atomic_store(&ball_stop, 0);
	if (pthread_create(&t, NULL, transfer_answer, &a) != 0)
		return 0;
	double began = monotonic_s(), start = began, ns = 0;
	int late = 0;
	for (long i = 0; i < LOAD_TRANSFER_TRIPS && !late; i++) {
		if (i == 1)
			start = monotonic_s();
		atomic_store_explicit(&ball, 2 * i + 1, memory_order_release);
		for (unsigned polls = 1;
		     atomic_load_explicit(&ball, memory_order_acquire) !=
		     2 * i + 2;
		     polls++)
			if (polls % 256 == 0 &&
			    monotonic_s() - began > LOAD_TRANSFER_MAX_S) {
				late = 1;
				break;
			}
	}
	if (!late)
		ns = (monotonic_s() - start) / (LOAD_TRANSFER_TRIPS - 1) * 1e9;
	atomic_store(&ball_stop, 1);
	pthread_join(t, NULL);
	return ns;
}

double load_transfer_ns(int a, int b)
{
	cpu_set_t was, on;
	if (a == b || sched_getaffinity(0, sizeof was, &was) != 0)
		return 0;
	CPU_ZERO(&on);
	CPU_SET(b, &on);
	if (sched_setaffinity(0, sizeof on, &on) != 0)
		return 0;
	double best = 0;
	for (int i = 0; i < LOAD_TRANSFER_RUNS; i++) {
		double ns = transfer_run(a);
		if (ns > 0 && (best == 0 || ns < best))
			best = ns;
	}
	sched_setaffinity(0, sizeof was, &was);
	return best;
}

/* One run of load_fault_ns: ns a page, 0 when no memory was had. */
static double fault_run(size_t page)
{
	size_t len = page * LOAD_FAULT_PAGES;
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return 0;
#ifdef MADV_NOHUGEPAGE
	/* a huge page would take 512 pages' first touches at once */
	madvise(p, len, MADV_NOHUGEPAGE);
#endif
	volatile char *v = p;
	double start = monotonic_s();
	for (size_t i = 0; i < len; i += page)
		v[i] = 1;
	double ns = (monotonic_s() - start) / LOAD_FAULT_PAGES * 1e9;
	munmap(p, len);
	return ns;
}

void load_fault_ns(int cpu, double *ns, size_t n)
{
	cpu_set_t was;
	int moved = move_to(cpu, &was);
	long page = sysconf(_SC_PAGESIZE);
	for (size_t i = 0; i < n; i++)
		ns[i] = fault_run(page > 0 ? (size_t)page : 4096);
	if (moved)
		sched_setaffinity(0, sizeof was, &was);
}

int load_busy(double others, double steal)
{
	return others > 0.1 || steal > LOAD_STEAL;
}

void load_describe(const struct load_share *l, char *buf, size_t len)
{
	if (l->speed > 0 && l->speed < LOAD_SPEED)
		snprintf(buf, len, "CPU at %.2g of its speed", l->speed);
	else if (l->steal > LOAD_STEAL)
		snprintf(buf, len, "steal %.2g CPU", l->steal);
	else
		snprintf(buf, len, "others %.2g CPU", l->others);
}

void load_retake_done(struct load_retakes *t, int clean)
{
	t->taken++;
	t->clean += clean != 0;
	t->recent =
	    (t->recent << 1 | (clean != 0)) & ((1u << LOAD_RETAKE_WINDOW) - 1);
	if (t->nrecent < LOAD_RETAKE_WINDOW)
		t->nrecent++;
	t->kept = 0;
}

int load_retake_pays(struct load_retakes *t)
{
	if (t->nrecent < LOAD_RETAKE_WINDOW ||
	    __builtin_popcount(t->recent) * 4 >= LOAD_RETAKE_WINDOW)
		return 1;
	if (++t->kept >= LOAD_RETAKE_TRY)
		return 1;
	return 0;
}

int load_lasting(size_t takes, size_t disturbed)
{
	return takes > 0 && disturbed * 4 >= takes;
}

const char *const load_why_names[] = {"none", "pinned-disturbed", "busy"};

enum load_why load_lasting_why(size_t takes, size_t disturbed, double others,
			       double steal)
{
	if (load_lasting(takes, disturbed))
		return LOAD_WHY_PINNED;
	return load_busy(others, steal) ? LOAD_WHY_BUSY : LOAD_WHY_NONE;
}
