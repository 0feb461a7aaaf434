/* machine: the record of where and with what a run was made, as ordered
 * "key: value" pairs in the Go benchmark format's configuration style
 * (keys lower case, no spaces), so that bench.txt can carry them.
 *
 * machine_probe reads the host (CPU, cores, kernel, OS, virtualisation,
 * governor), the harness's git commit and the UTC date. Toolchain facts
 * are added by the caller with machine_set. A struct machine owns its
 * strings; free them with machine_free. machine_hardware_differs and
 * machine_method_differs read two records' texts and say where the
 * machines, or the ways the samples were taken, differ (for compare). */
#ifndef CGOBENCH_MACHINE_H
#define CGOBENCH_MACHINE_H

#include <stddef.h>

struct kv {
	char *key;
	char *value;
};

struct machine {
	struct kv *kv;
	size_t n;
};

/* repo is the harness's source tree, for its git commit. */
void machine_probe(struct machine *m, const char *repo);
/* Adds or replaces key. */
void machine_set(struct machine *m, const char *key, const char *value);
const char *machine_get(const struct machine *m, const char *key);
/* Appends "key: value\n" lines. */
struct sbuf;
void machine_format(const struct machine *m, struct sbuf *sb);
void machine_free(struct machine *m);
/* A name for results/<name>/: the host name, made safe for a path. The
 * caller frees it. */
char *machine_name(void);
/* The value of "key: " in the text of a machine.txt, or "unknown"; the
 * caller frees it. */
char *machine_lookup(const char *text, const char *key);
/* Where two machine.txt texts (NULL: none) differ in what identifies the
 * hardware ("cpu-model 2 against 17; ..."), or NULL where they do not or
 * it cannot be told; the caller frees it. */
char *machine_hardware_differs(const char *a, const char *b);
/* The same of how the samples were taken: the CPU pinned to, sched,
 * benchtime, drift, runtime-env, and how the benchmarks were built:
 * build-env. */
char *machine_method_differs(const char *a, const char *b);
/* What machine_hardware_differs and machine_method_differs read of a
 * machine.txt text, on one line, for a history's row: "key: value" of
 * each key the text gives, " | " between them; "" where it gives none.
 * machine_told_text makes such a line machine.txt text again ("key:
 * value" lines), which the two read as they read a run's (a value that
 * held " | " comes back cut, and so differs). The caller frees either. */
char *machine_told_line(const char *machine);
char *machine_told_text(const char *line);
/* Where two runs' CPUs sat otherwise, as their machine.txt's
 * transfer-ns tells it (the median time a cache line took between the
 * first CPU and the last): "transfer-ns 180 against 560" when one median
 * is MACHINE_PLACED times the other or more, else NULL (alike, or either
 * unknown); the caller frees it. On the VM of docs/precision.md the
 * contended rows of handles ran twice as slow in the slower placement
 * (item 36), which no code made. */
#define MACHINE_PLACED 1.5
char *machine_placement_differs(const char *a, const char *b);
/* The same of what a first touch of fresh memory cost, as their
 * machine.txt's fault-ns tells it: "fault-ns 9753 against 27480" when
 * one median is MACHINE_FAULTED times the other or more. The rows that
 * allocate move with it where their heap grows while they are timed:
 * data's GoString took 233 ns a sample of 0.03 s under GOGC=200 against
 * 72 (docs/precision.md item 70); on that VM a first touch took 9 to 35
 * µs from one hour to the next. */
#define MACHINE_FAULTED 2
char *machine_faults_differ(const char *a, const char *b);
/* The variables of env (NULL-terminated "K=V" strings, as environ) that
 * reach every benchmark process and move what it measures: the Go
 * runtime's (GOGC, GOMEMLIMIT, GODEBUG) and the C library's
 * (GLIBC_TUNABLES, MALLOC_*, LD_PRELOAD), sorted, "; " between them,
 * each value cut at MACHINE_ENV_MAX bytes and its control bytes shown as
 * '?'; "none" where there is none. machine.txt's runtime-env: a user's
 * GOGC=200 made C.GoString three times as dear here (docs/precision.md
 * item 69). The caller frees it. */
#define MACHINE_ENV_MAX 200
char *machine_runtime_env(char *const *env);
/* The n "K=V" strings of set (each with its '=') as machine_runtime_env
 * writes them, set sorted in place; "none" where n is 0. The caller frees
 * it. */
char *machine_env_text(const char **set, size_t n);
/* The first line a command prints (argv[0] from PATH), or NULL. */
char *machine_command_line(char *const *argv, char *const *env);
/* The field key of this machine's /proc/cpuinfo (its first CPU's), or
 * NULL where it has none. The caller frees it. */
char *machine_cpuinfo(const char *key);
/* machine.txt's cpu-brand of the len bytes of a CPU's brand string (CPUID
 * 0x80000002 to 4: 48 bytes, ended by a NUL or padded with spaces): its
 * spaces either side trimmed, a byte outside printable ASCII as '?'; NULL
 * where it is empty. cpu is the kernel's "model name", read as it booted,
 * and a VM may give the two otherwise: "AMD EPYC" against "Oxide Virtual
 * Turin-like Processor" on the VM of docs/precision.md, the name go test
 * prints as its cpu. The caller frees it. */
char *machine_brand_text(const char *raw, size_t len);

#endif
