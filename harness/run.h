/* run: `cgobench run`, from selected cases to a run directory.
 *
 * It builds every selected family with every toolchain, warms each binary
 * up (which also lists its benchmarks), then takes `count` rounds; each
 * round runs every benchmark once, in a freshly shuffled order, as its own
 * process pinned to one CPU, and every run is one sample. Rounds go on for
 * the benchmarks whose 95% interval is still wider than the target, up to
 * max_count. Samples are appended to raw.csv as they arrive; summary.csv,
 * bench.txt and machine.txt are written at the end through a rename, also
 * when the run is stopped, with what was taken so far. */
#ifndef CGOBENCH_RUN_H
#define CGOBENCH_RUN_H

#include "options.h"

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#define RUN_PIN_AUTO (-2)
/* --sched: the order of its words */
enum { RUN_SCHED_BATCH, RUN_SCHED_NORMAL };
/* --drift: the order of its words */
enum { RUN_DRIFT_CORRECT, RUN_DRIFT_NONE };

struct run_config {
	const char *cases_dir; /* the Go module with the families */
	const char *build_dir;
	const char *results_dir; /* runs land in results_dir/<machine>/<UTC> */
	const char *out_dir;	 /* or exactly here, when set */
	const char *repo_dir;	 /* for the harness's git commit */
	const char *cases;	 /* comma-separated glob patterns */
	const char *const *go;	 /* toolchain specs */
	size_t ngo;
	const char *cc, *cxx;
	int count, max_count;
	double target_pct;	    /* the interval's half-width goal, in % */
	double target_unpinned_pct; /* the same, of the unpinned families */
	/* the pinned rows' aim once every row is done with budget left
	 * (docs/precision.md item 62); target_pct or more: none */
	double aim_pct;
	double budget_s; /* time of samples after which none is added */
	double hold_s;	 /* the most the samples wait for a slow CPU */
	double benchtime_s;
	double benchtime_unpinned_s; /* the same, of the unpinned families */
	double warmup_s;
	double timeout_s;
	int pin_cpu;	  /* RUN_PIN_AUTO, -1 for none, or a CPU */
	int sched;	  /* RUN_SCHED_*: the pinned processes' policy */
	int drift;	  /* RUN_DRIFT_*: the machine's drift taken off */
	int instructions; /* count instructions under callgrind */
	long instr_iters; /* least Go iterations of a counted sample */
	int instr_fixed;  /* exactly instr_iters, not more */
	uint64_t seed;
	int quiet;
	int prebuilt; /* run a bundle's binaries: every toolchain under
		       * build_dir with a toolchain.txt, no --go, no build */
	volatile sig_atomic_t *stop;
	/* the command line's own: --go as given, where the run goes (a
	 * host over ssh, or a bundle), which options the user gave */
	const char *go_list;
	const char *host, *ssh_config, *bundle;
	uint64_t given;
};

/* The commands that take run's options, a bit each (see options.h). */
enum { RUN_CMD_RUN = 1, RUN_CMD_ANATOMY = 2, RUN_CMD_BUNDLE = 4 };
/* The options of run, anatomy and bundle, with their defaults in
 * run_config_defaults: the one place an option of a run is declared. */
extern const struct opt run_options[];
void run_config_defaults(struct run_config *c);
/* The defaults that follow from what was given (counted runs take 5
 * samples, --max-count at least --count), and the checks across options;
 * -1 with err set on a contradiction. */
int run_config_finish(struct run_config *c, unsigned command, char *err,
		      size_t errlen);

/* Returns the exit code: 0 when every benchmark was measured, 1 when some
 * failed or were skipped, 130 when stopped. Returns -1 with err set for a
 * run that could not start (bad input: exit 2); nothing is lost then. */
int run_execute(const struct run_config *c, char *err, size_t errlen);
/* The toolchains of c (--go resolved, or with prebuilt those of the
 * bundle), each one's toolchain.txt written beside its builds. */
struct toolchain;
int run_toolchains(const struct run_config *c, struct toolchain **out,
		   size_t *n, char *err, size_t errlen);

#endif
