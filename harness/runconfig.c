/* The options of a run and their defaults: see run.h. */
#include "options.h"
#include "run.h"
#include "summary.h"
#include "util.h"

#include <stddef.h>
#include <string.h>
#include <time.h>

#define F(field) offsetof(struct run_config, field)
#define ALL	 (RUN_CMD_RUN | RUN_CMD_ANATOMY | RUN_CMD_BUNDLE)
#define MEASURE	 (RUN_CMD_RUN | RUN_CMD_ANATOMY)

static const char *const metrics[] = {"time", "instructions", NULL};
static const char *const scheds[] = {"batch", "normal", NULL};
static const char *const drifts[] = {"correct", "none", NULL};

const struct opt run_options[] = {
    {"cases", 0, OPT_STRING, F(cases), "PATTERNS",
     "comma-separated globs over family names (default: all)", 0, 0, NULL,
     OPT_REMOTE, ALL},
    {"metric", 0, OPT_CHOICE, F(instructions), "M",
     "time (ns/op, default) or instructions: instructions\n"
     "per op counted under valgrind's callgrind, the same\n"
     "from run to run (default --count 6 then)",
     0, 0, metrics, OPT_REMOTE, RUN_CMD_RUN},
    {"iterations", 0, OPT_LONG, F(instr_iters), "N",
     "Go iterations of a counted sample (default: about\n"
     "1e8 instructions' worth, at least 20000)",
     100, 100000000, NULL, OPT_REMOTE_GIVEN, MEASURE},
    {"count", 0, OPT_INT, F(count), "N",
     "repetitions of every benchmark (default: 8)", 1, 10000, NULL, OPT_REMOTE,
     MEASURE},
    {"max-count", 0, OPT_INT, F(max_count), "N",
     "most repetitions while the interval is too wide;\n"
     "beyond 30 (or half of N) only while 100 (or N when\n"
     "less) would reach the goal, while N would once the\n"
     "other rows are done (default: 200; N = --count\n"
     "turns it off)",
     1, 10000, NULL, OPT_REMOTE, MEASURE},
    {"target-ci", 0, OPT_DOUBLE, F(target_pct), "PCT",
     "interval goal, +-PCT of the median (default: 3)", 0.01, 100, NULL,
     OPT_REMOTE, MEASURE},
    {"target-ci-unpinned", 0, OPT_DOUBLE, F(target_unpinned_pct), "PCT",
     "interval goal of the families that run on every CPU\n"
     "(default: 5)",
     0.01, 100, NULL, OPT_REMOTE, MEASURE},
    {"aim-ci", 0, OPT_DOUBLE, F(aim_pct), "PCT",
     "once every row is done with budget left, the pinned\n"
     "rows go on toward +-PCT while --max-count would\n"
     "reach it; not under a lasting load (default: 1;\n"
     "the --target-ci value turns it off)",
     0.01, 100, NULL, OPT_REMOTE, MEASURE},
    {"budget", 0, OPT_DURATION, F(budget_s), "DUR",
     "after 6 rounds, start no round once the samples\n"
     "have taken DUR, e.g. 6m (default: 7m)",
     1e-3, 1e6, NULL, OPT_REMOTE, MEASURE},
    {"hold", 0, OPT_DURATION, F(hold_s), "DUR",
     "the most the samples wait in all for a slow CPU to\n"
     "run at full speed, left out of --budget; after it, a\n"
     "sample on a slow CPU is taken and flagged or retaken\n"
     "(default: 1m; 0 never waits)",
     0, 3600, NULL, OPT_REMOTE, RUN_CMD_RUN},
    {"benchtime", 0, OPT_DURATION, F(benchtime_s), "DUR",
     "time of one sample, e.g. 0.2s or 200ms (default: 0.03s)", 1e-3, 3600,
     NULL, OPT_REMOTE, MEASURE},
    {"benchtime-unpinned", 0, OPT_DURATION, F(benchtime_unpinned_s), "DUR",
     "time of one sample of the families that run on every\n"
     "CPU (default: 0.1s)",
     1e-3, 3600, NULL, OPT_REMOTE, MEASURE},
    {"warmup", 0, OPT_DURATION, F(warmup_s), "DUR",
     "time of the warm-up run of each binary (default: 0.05s)", 1e-3, 3600,
     NULL, OPT_REMOTE, MEASURE},
    {"go", 0, OPT_STRING, F(go_list), "LIST",
     "comma-separated Go toolchains: 'go' (the one in PATH),\n"
     "a path to a go binary, or a release such as go1.27.3\n"
     "run through GOTOOLCHAIN (default: go)",
     0, 0, NULL, OPT_LOCAL, ALL},
    {"cc", 0, OPT_STRING, F(cc), "CC", "C compiler (default: gcc)", 0, 0, NULL,
     OPT_LOCAL, ALL},
    {"cxx", 0, OPT_STRING, F(cxx), "CXX",
     "C++ compiler (default: derived, gcc -> g++,\nclang -> clang++)", 0, 0,
     NULL, OPT_LOCAL, ALL},
    {"pin", 0, OPT_CPU, F(pin_cpu), "CPU|none",
     "CPU that every benchmark process is pinned to\n"
     "(default: the last CPU, when there is more than one)",
     0, 4095, NULL, OPT_REMOTE, MEASURE},
    {"sched", 0, OPT_CHOICE, F(sched), "POLICY",
     "scheduling policy of the pinned benchmark processes:\n"
     "batch, so that the Go runtime's own threads waking\n"
     "on the pinned CPU wait for the benchmark's time slice\n"
     "to end rather than cut into it, or normal (default:\n"
     "batch; docs/precision.md)",
     0, 0, scheds, OPT_REMOTE, MEASURE},
    {"drift", 0, OPT_CHOICE, F(drift), "HOW",
     "correct: take the machine's speed, as the pinned\n"
     "samples taken around each show it, off each pinned\n"
     "sample's time in summary.csv (raw.csv keeps what was\n"
     "measured), or none (default: correct;\n"
     "docs/precision.md)",
     0, 0, drifts, OPT_REMOTE, RUN_CMD_RUN},
    {"timeout", 0, OPT_DURATION, F(timeout_s), "SEC",
     "kill a benchmark process after SEC seconds (default: 300)", 1e-3, 86400,
     NULL, OPT_REMOTE, MEASURE},
    {"seed", 0, OPT_U64, F(seed), "N",
     "seed of the shuffled order (default: from the clock)", 0, 0x7fffffff,
     NULL, OPT_REMOTE, MEASURE},
    {"out", 0, OPT_STRING, F(out_dir), "DIR",
     "write the run directory exactly here", 0, 0, NULL, OPT_LOCAL, MEASURE},
    {"results", 0, OPT_STRING, F(results_dir), "DIR",
     "where run directories go (default: results)", 0, 0, NULL, OPT_LOCAL,
     MEASURE},
    {"cases-dir", 0, OPT_STRING, F(cases_dir), "DIR",
     "the Go module holding the families (default: cases)", 0, 0, NULL,
     OPT_LOCAL, ALL},
    {"build-dir", 0, OPT_STRING, F(build_dir), "DIR",
     "where binaries are built and kept (default: build)", 0, 0, NULL,
     OPT_LOCAL, ALL},
    {"host", 0, OPT_STRING, F(host), "HOST",
     "run on HOST (user@host, or a Host of the ssh\n"
     "configuration) over ssh: the bundle is built here,\n"
     "copied and run there, and the run directory brought\n"
     "back under results/<that machine>/",
     0, 0, NULL, OPT_LOCAL, RUN_CMD_RUN},
    {"ssh-config", 0, OPT_STRING, F(ssh_config), "FILE",
     "the ssh configuration for --host (ssh -F FILE)", 0, 0, NULL, OPT_LOCAL,
     RUN_CMD_RUN},
    {"prebuilt", 0, OPT_BOOL, F(prebuilt), NULL,
     "run the binaries of an unpacked bundle (see\n"
     "'cgobench bundle'): no Go toolchain, no build",
     0, 0, NULL, OPT_LOCAL, MEASURE},
    {"quiet", 'q', OPT_BOOL, F(quiet), NULL,
     "no progress on stderr (warnings still go there)", 0, 0, NULL, OPT_REMOTE,
     ALL},
    {NULL, 0, 0, 0, NULL, NULL, 0, 0, NULL, 0, 0}};

void run_config_defaults(struct run_config *c)
{
	*c = (struct run_config){.cases_dir = "cases",
				 .build_dir = "build",
				 .results_dir = "results",
				 .repo_dir = ".",
				 .cases = "all",
				 .go_list = "go",
				 .cc = "gcc",
				 /* the default suite, 168 benchmarks, in about
				  * 8 minutes on 2 cores (docs/precision.md) */
				 .count = 8,
				 .max_count = 200,
				 .target_pct = 3,
				 .target_unpinned_pct = 5,
				 /* with the time left, 112 of 118 pinned rows
				  * within +-1% in 7 minutes (item 62) */
				 .aim_pct = 1,
				 .budget_s = 420,
				 /* a slow spell costs a minute of wall time
				  * at most; waiting without end, a run took
				  * 16 minutes (docs/precision.md item 43) */
				 .hold_s = 60,
				 /* shorter samples ran on a CPU slow for part
				  * of them less often, and 3 times as many fit
				  * the budget (docs/precision.md item 46) */
				 .benchtime_s = 0.03,
				 /* the contended families' 0.03 s samples
				  * ran in their process's first slow tens of
				  * ms: 0.1 s ones halved their intervals and
				  * agreed from run to run (item 65) */
				 .benchtime_unpinned_s = 0.1,
				 .warmup_s = 0.05,
				 .timeout_s = 300,
				 .pin_cpu = RUN_PIN_AUTO,
				 .instr_iters = 20000,
				 .seed = (uint64_t)time(NULL)};
}

int run_config_finish(struct run_config *c, unsigned command, char *err,
		      size_t errlen)
{
	int count_set = options_given(run_options, c->given, "count");
	int max_set = options_given(run_options, c->given, "max-count");
	if (command == RUN_CMD_ANATOMY)
		c->instructions = 1;
	c->instr_fixed = options_given(run_options, c->given, "iterations");
	/* counted instructions repeat to the instruction: a few samples
	 * show that they do, more would say nothing new; SUMMARY_FEWEST is
	 * the fewest with a 95% interval (5 give a Mann-Whitney p < 0.01) */
	if (c->instructions && !count_set)
		c->count = SUMMARY_FEWEST;
	if (c->instructions && !max_set)
		c->max_count = c->count;
	if (!max_set && c->max_count < c->count)
		c->max_count = c->count;
	if (c->max_count < c->count)
		return set_error(err, errlen,
				 "'--max-count' %d is below '--count' %d",
				 c->max_count, c->count);
	if (c->host && (c->prebuilt || c->out_dir))
		return set_error(err, errlen,
				 "'--host' takes neither '--prebuilt' nor "
				 "'--out'");
	if (c->host && c->host[0] == '-')
		return set_error(err, errlen,
				 "bad host '%s': a host cannot start with '-'",
				 c->host);
	return 0;
}
