/* cgobench: the command line. It parses flags into a configuration and
 * hands it to the module that does the work; only this file exits. */
#include "compare.h"
#include "csv.h"
#include "history.h"
#include "remote.h"
#include "report.h"
#include "run.h"
#include "util.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define EXIT_USAGE 2

static const char usage_main[] =
    "usage: cgobench <command> [options]\n"
    "\n"
    "Measures what it costs to cross the boundary between Go and C.\n"
    "\n"
    "commands:\n"
    "  run        build the cases, measure them, write a run directory\n"
    "  anatomy    run --metric instructions, and break each crossing down by\n"
    "             the code it runs through, into anatomy.csv (same options)\n"
    "  compare    compare two runs, and gate CI on regressions\n"
    "  history    append runs to a history CSV: cgobench history FILE RUN...,\n"
    "             or the history chart's data: cgobench history --chart OUT FILE\n"
    "  machines   the machines chart's data: cgobench machines OUT RUN...\n"
    "  bundle     prebuilt binaries and the driver in a tarball, to run on a\n"
    "             machine of this architecture without Go: cgobench bundle\n"
    "             [--go LIST] [--cases PATTERNS] [--cc CC] FILE.tar.gz\n"
    "  report     write RUN/report.md from a run's files: cgobench report RUN...\n"
    "\n"
    "Run 'cgobench <command> --help' for the options of a command.\n"
    "\n"
    "exit status:\n"
    "  0    every benchmark was measured (skipped ones included)\n"
    "  1    the run finished, but a case failed, crashed or hung\n"
    "  2    bad command line or input; nothing was run\n"
    "  130  stopped by SIGINT or SIGTERM; what was measured is written\n";

static const char usage_compare[] =
    "usage: cgobench compare [options] OLD NEW\n"
    "\n"
    "Compares two runs: run directories, or their raw.csv or summary.csv.\n"
    "For each case, variant, param and unit in both: the old and new median\n"
    "with 95% intervals, the change, and a Mann-Whitney p-value (exact for\n"
    "small samples; '~' marks a change that is not significant). Crossings\n"
    "are compared on their overhead over the matched baseline as well.\n"
    "When each run holds one toolchain, rows match across toolchains.\n"
    "\n"
    "options:\n"
    "  --threshold PCT       a significant slowdown above PCT%% is a\n"
    "                        regression (default: 5)\n"
    "  --fail-on-regression  exit 1 when there is a regression\n"
    "  --alpha A             significance level (default: 0.05)\n"
    "  --normalize           compare each crossing divided by its baseline\n"
    "                        from the same run: for machines of different speed\n"
    "  --format FMT          text, csv or json (default: text)\n"
    "  -h, --help            this text\n"
    "\n"
    "exit status: 0 no regression (or no --fail-on-regression), 1 a\n"
    "regression with --fail-on-regression, 2 bad or mismatched input\n";

static const char usage_run[] =
    "usage: cgobench run [options]\n"
    "\n"
    "Builds every selected case family for each toolchain, warms each binary\n"
    "up, then takes N rounds: each round runs every benchmark once, in a new\n"
    "shuffled order, as its own process pinned to one CPU. Benchmarks whose\n"
    "95% interval for the median is wider than the target get more rounds.\n"
    "Writes raw.csv, summary.csv, bench.txt and machine.txt into\n"
    "results/<machine>/<UTC time>/ and prints the summary to stdout.\n"
    "\n"
    "options:\n"
    "  --cases PATTERNS   comma-separated globs over family names (default: all)\n"
    "  --metric M         time (ns/op, default) or instructions: instructions\n"
    "                     per op counted under valgrind's callgrind, the same\n"
    "                     from run to run (default --count 5 then)\n"
    "  --iterations N     Go iterations of a counted sample (default: about\n"
    "                     1e8 instructions' worth, at least 20000)\n"
    "  --count N          repetitions of every benchmark (default: 10)\n"
    "  --max-count N      most repetitions while the interval is too wide\n"
    "                     (default: 60; equal to --count turns it off)\n"
    "  --target-ci PCT    interval goal, +-PCT of the median (default: 3)\n"
    "  --benchtime DUR    time of one sample, e.g. 0.2s or 200ms (default: 0.2s)\n"
    "  --warmup DUR       time of the warm-up run of each binary (default: 0.05s)\n"
    "  --go LIST          comma-separated Go toolchains: 'go' (the one in PATH),\n"
    "                     a path to a go binary, or a release such as go1.27.3\n"
    "                     run through GOTOOLCHAIN (default: go)\n"
    "  --cc CC            C compiler (default: gcc); --cxx CXX the C++ one\n"
    "                     (default: derived, gcc -> g++, clang -> clang++)\n"
    "  --pin CPU|none     CPU that every benchmark process is pinned to\n"
    "                     (default: the last CPU, when there is more than one)\n"
    "  --timeout SEC      kill a benchmark process after SEC seconds (default: 300)\n"
    "  --seed N           seed of the shuffled order (default: from the clock)\n"
    "  --out DIR          write the run directory exactly here\n"
    "  --results DIR      where run directories go (default: results)\n"
    "  --cases-dir DIR    the Go module holding the families (default: cases)\n"
    "  --build-dir DIR    where binaries are built and kept (default: build)\n"
    "  --host HOST        run on HOST (user@host, or a Host of the ssh\n"
    "                     configuration) over ssh: the bundle is built here,\n"
    "                     copied and run there, and the run directory brought\n"
    "                     back under results/<that machine>/\n"
    "  --ssh-config FILE  the ssh configuration for --host (ssh -F FILE)\n"
    "  --prebuilt         run the binaries of an unpacked bundle (see\n"
    "                     'cgobench bundle'): no Go toolchain, no build\n"
    "  -q, --quiet        no progress on stderr (warnings still go there)\n"
    "  -h, --help         this text\n"
    "\n"
    "Progress goes to stderr only when it is a terminal.\n";

/* The one piece of global state: a signal handler can reach nothing else.
 * The run polls it and stops its child process when it is set. */
static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static int usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static int usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("cgobench: ", stderr);
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\nsee 'cgobench %s--help'\n", cmd);
	va_end(ap);
	return EXIT_USAGE;
}

/* "0.2s", "200ms", "0.2" (seconds) */
static int parse_duration(const char *s, double *out)
{
	char *num = xstrdup(s);
	size_t n = strlen(num);
	double scale = 1;
	if (n > 2 && !strcmp(num + n - 2, "ms")) {
		scale = 1e-3;
		num[n - 2] = '\0';
	} else if (n > 1 && num[n - 1] == 's') {
		num[n - 1] = '\0';
	}
	double v;
	int rc = parse_double(num, &v);
	free(num);
	if (rc != 0 || !(v > 0) || v > 3600)
		return -1;
	*out = v * scale;
	return 0;
}

static int parse_int_arg(const char *flag, const char *s, long lo, long hi,
			 long *out)
{
	if (parse_long(s, out) != 0 || *out < lo || *out > hi)
		return usage_error("run ",
				   "bad value '%s' for '%s': want a whole "
				   "number from %ld to %ld",
				   s, flag, lo, hi);
	return 0;
}

static char **split_list(const char *s, size_t *n)
{
	char *copy = xstrdup(s), *save;
	char **out = NULL;
	*n = 0;
	for (char *p = strtok_r(copy, ",", &save); p;
	     p = strtok_r(NULL, ",", &save)) {
		out = xrealloc(out, (*n + 1) * sizeof *out);
		out[(*n)++] = xstrdup(p);
	}
	free(copy);
	return out;
}

static int cmd_run(int argc, char **argv)
{
	enum {
		O_CASES = 256,
		O_COUNT,
		O_MAX,
		O_TARGET,
		O_BENCHTIME,
		O_WARMUP,
		O_GO,
		O_CC,
		O_CXX,
		O_PIN,
		O_TIMEOUT,
		O_SEED,
		O_OUT,
		O_RESULTS,
		O_CASES_DIR,
		O_BUILD_DIR,
		O_METRIC,
		O_ITERATIONS,
		O_HOST,
		O_SSH_CONFIG,
		O_PREBUILT,
		O_BUNDLE
	};
	static const struct option opts[] = {
	    {"cases", required_argument, 0, O_CASES},
	    {"count", required_argument, 0, O_COUNT},
	    {"max-count", required_argument, 0, O_MAX},
	    {"target-ci", required_argument, 0, O_TARGET},
	    {"benchtime", required_argument, 0, O_BENCHTIME},
	    {"warmup", required_argument, 0, O_WARMUP},
	    {"go", required_argument, 0, O_GO},
	    {"cc", required_argument, 0, O_CC},
	    {"cxx", required_argument, 0, O_CXX},
	    {"pin", required_argument, 0, O_PIN},
	    {"timeout", required_argument, 0, O_TIMEOUT},
	    {"seed", required_argument, 0, O_SEED},
	    {"out", required_argument, 0, O_OUT},
	    {"results", required_argument, 0, O_RESULTS},
	    {"cases-dir", required_argument, 0, O_CASES_DIR},
	    {"build-dir", required_argument, 0, O_BUILD_DIR},
	    {"metric", required_argument, 0, O_METRIC},
	    {"iterations", required_argument, 0, O_ITERATIONS},
	    {"host", required_argument, 0, O_HOST},
	    {"ssh-config", required_argument, 0, O_SSH_CONFIG},
	    {"prebuilt", no_argument, 0, O_PREBUILT},
	    {"bundle", required_argument, 0, O_BUNDLE},
	    {"quiet", no_argument, 0, 'q'},
	    {"help", no_argument, 0, 'h'},
	    {0, 0, 0, 0}};
	struct run_config c = {.cases_dir = "cases",
			       .build_dir = "build",
			       .results_dir = "results",
			       .repo_dir = ".",
			       .cases = "all",
			       .cc = "gcc",
			       .count = 10,
			       .max_count = 60,
			       .target_pct = 3,
			       .benchtime_s = 0.2,
			       .warmup_s = 0.05,
			       .timeout_s = 300,
			       .pin_cpu = RUN_PIN_AUTO,
			       .instr_iters = 20000,
			       .seed = (uint64_t)time(NULL),
			       .stop = &stop_requested};
	const char *go = "go";
	const char *host = NULL, *ssh_config = NULL, *bundle = NULL;
	int max_set = 0, count_set = 0;
	long v;
	double d;
	opterr = 0;
	int o;
	while ((o = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
		switch (o) {
		case O_CASES: c.cases = optarg; break;
		case O_COUNT:
			if (parse_int_arg("--count", optarg, 1, 10000, &v))
				return EXIT_USAGE;
			c.count = (int)v;
			count_set = 1;
			break;
		case O_MAX:
			if (parse_int_arg("--max-count", optarg, 1, 10000, &v))
				return EXIT_USAGE;
			c.max_count = (int)v;
			max_set = 1;
			break;
		case O_TARGET:
			if (parse_double(optarg, &d) != 0 || !(d > 0) ||
			    d > 100)
				return usage_error(
				    "run ",
				    "bad value '%s' for "
				    "'--target-ci': want a percentage "
				    "above 0",
				    optarg);
			c.target_pct = d;
			break;
		case O_BENCHTIME:
		case O_WARMUP:
			if (parse_duration(optarg, &d) != 0)
				return usage_error(
				    "run ",
				    "bad duration '%s' for "
				    "'%s': want e.g. 0.2s or 200ms",
				    optarg,
				    o == O_BENCHTIME ? "--benchtime"
						     : "--warmup");
			if (o == O_BENCHTIME)
				c.benchtime_s = d;
			else
				c.warmup_s = d;
			break;
		case O_GO: go = optarg; break;
		case O_CC: c.cc = optarg; break;
		case O_CXX: c.cxx = optarg; break;
		case O_PIN:
			if (!strcmp(optarg, "none"))
				c.pin_cpu = -1;
			else if (parse_int_arg("--pin", optarg, 0, 4095, &v))
				return EXIT_USAGE;
			else
				c.pin_cpu = (int)v;
			break;
		case O_TIMEOUT:
			if (parse_duration(optarg, &d) != 0)
				return usage_error("run ",
						   "bad value '%s' for "
						   "'--timeout': want seconds",
						   optarg);
			c.timeout_s = d;
			break;
		case O_SEED:
			if (parse_int_arg("--seed", optarg, 0, 0x7fffffffL, &v))
				return EXIT_USAGE;
			c.seed = (uint64_t)v;
			break;
		case O_OUT: c.out_dir = optarg; break;
		case O_RESULTS: c.results_dir = optarg; break;
		case O_CASES_DIR: c.cases_dir = optarg; break;
		case O_BUILD_DIR: c.build_dir = optarg; break;
		case O_ITERATIONS:
			if (parse_int_arg("--iterations", optarg, 100,
					  100000000, &v))
				return EXIT_USAGE;
			c.instr_iters = v;
			c.instr_fixed = 1;
			break;
		case O_METRIC:
			if (!strcmp(optarg, "time"))
				c.instructions = 0;
			else if (!strcmp(optarg, "instructions"))
				c.instructions = 1;
			else
				return usage_error("run ",
						   "bad metric '%s': want time "
						   "or instructions",
						   optarg);
			break;
		case O_HOST: host = optarg; break;
		case O_SSH_CONFIG: ssh_config = optarg; break;
		case O_PREBUILT: c.prebuilt = 1; break;
		case O_BUNDLE: bundle = optarg; break;
		case 'q': c.quiet = 1; break;
		case 'h': fputs(usage_run, stdout); return 0;
		default:
			return usage_error("run ", "unknown option '%s'",
					   argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage_error("run ", "unexpected argument '%s'",
				   argv[optind]);
	/* counted instructions repeat to the instruction: a few samples
	 * show that they do, more would say nothing new */
	if (c.instructions && !count_set)
		c.count = 5; /* the fewest whose Mann-Whitney p can be < 0.01 */
	if (c.instructions && !max_set)
		c.max_count = c.count;
	if (!max_set && c.max_count < c.count)
		c.max_count = c.count;
	if (c.max_count < c.count)
		return usage_error("run ",
				   "'--max-count' %d is below '--count' %d",
				   c.max_count, c.count);
	size_t ngo;
	char **gos = split_list(go, &ngo);
	if (!ngo)
		return usage_error("run ", "'--go' names no toolchain");
	c.go = (const char *const *)gos;
	c.ngo = ngo;

	struct sigaction sa = {.sa_handler = on_signal,
			       .sa_flags = SA_RESETHAND};
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	if (host && (c.prebuilt || c.out_dir))
		return usage_error("run ", "'--host' takes neither "
					   "'--prebuilt' nor '--out'");
	if (bundle && (host || c.prebuilt))
		return usage_error("bundle ", "a bundle is made here, of "
					      "binaries built here");
	char err[ERRLEN * 2];
	int code = bundle ? remote_bundle(&c, bundle, err, sizeof err)
		   : host ? remote_run(&c, host, ssh_config, err, sizeof err)
			  : run_execute(&c, err, sizeof err);
	if (bundle && code == 0)
		fprintf(stderr, "cgobench: wrote %s\n", bundle);
	for (size_t i = 0; i < ngo; i++)
		free(gos[i]);
	free(gos);
	if (code < 0) {
		fprintf(stderr, "cgobench: %s\n", err);
		return EXIT_USAGE;
	}
	return code;
}

static int cmd_compare(int argc, char **argv)
{
	enum { O_THRESHOLD = 256, O_FAIL, O_ALPHA, O_NORMALIZE, O_FORMAT };
	static const struct option opts[] = {
	    {"threshold", required_argument, 0, O_THRESHOLD},
	    {"fail-on-regression", no_argument, 0, O_FAIL},
	    {"alpha", required_argument, 0, O_ALPHA},
	    {"normalize", no_argument, 0, O_NORMALIZE},
	    {"format", required_argument, 0, O_FORMAT},
	    {"help", no_argument, 0, 'h'},
	    {0, 0, 0, 0}};
	struct compare_opts c = {
	    .threshold_pct = 5, .alpha = 0.05, .format = COMPARE_TEXT};
	int fail = 0, o;
	double d;
	opterr = 0;
	while ((o = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (o) {
		case O_THRESHOLD:
			if (parse_double(optarg, &d) != 0 || d < 0)
				return usage_error("compare ",
						   "bad value '%s' for "
						   "'--threshold': want a "
						   "percentage",
						   optarg);
			c.threshold_pct = d;
			break;
		case O_FAIL: fail = 1; break;
		case O_ALPHA:
			if (parse_double(optarg, &d) != 0 || !(d > 0 && d < 1))
				return usage_error(
				    "compare ",
				    "bad value '%s' for '--alpha': "
				    "want a number between 0 and 1",
				    optarg);
			c.alpha = d;
			break;
		case O_NORMALIZE: c.normalize = 1; break;
		case O_FORMAT:
			if (!strcmp(optarg, "text"))
				c.format = COMPARE_TEXT;
			else if (!strcmp(optarg, "csv"))
				c.format = COMPARE_CSV;
			else if (!strcmp(optarg, "json"))
				c.format = COMPARE_JSON;
			else
				return usage_error(
				    "compare ",
				    "bad format '%s': want text, "
				    "csv or json",
				    optarg);
			break;
		case 'h': fputs(usage_compare, stdout); return 0;
		default:
			return usage_error("compare ", "unknown option '%s'",
					   argv[optind - 1]);
		}
	}
	if (argc - optind != 2)
		return usage_error("compare ",
				   "want two runs, OLD and NEW, "
				   "got %d",
				   argc - optind);
	char err[ERRLEN * 2];
	size_t regressions;
	if (compare_runs(argv[optind], argv[optind + 1], &c, stdout,
			 &regressions, err, sizeof err) != 0) {
		fprintf(stderr, "cgobench: %s\n", err);
		return EXIT_USAGE;
	}
	if (regressions)
		fprintf(stderr,
			"cgobench: %zu regression%s: significant slowdown "
			"above %g%%\n",
			regressions, regressions == 1 ? "" : "s",
			c.threshold_pct);
	return compare_exit_status(regressions, fail);
}

static int cmd_report(int argc, char **argv)
{
	if (argc >= 2 &&
	    (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		fputs(
		    "usage: cgobench report RUN...\n\nWrites RUN/report.md "
		    "from the run directory's machine.txt, summary.csv\nand, "
		    "when there is one, anatomy.csv: the machine, a headline\n"
		    "table, a verdict on each claim about cgo that the run "
		    "answers, and\nwhere each crossing's instructions go.\n",
		    stdout);
		return 0;
	}
	if (argc < 2)
		return usage_error("report ",
				   "want at least one run directory");
	char err[ERRLEN];
	for (int i = 1; i < argc; i++) {
		if (report_write(argv[i], NULL, err, sizeof err) != 0) {
			fprintf(stderr, "cgobench: %s\n", err);
			return EXIT_USAGE;
		}
		fprintf(stderr, "cgobench: wrote %s/report.md\n", argv[i]);
	}
	return 0;
}

/* Writes sb to path, or says why not; the exit code. */
static int write_data(const char *path, const struct sbuf *sb)
{
	char err[ERRLEN];
	if (file_write_atomic(path, sb->buf, sb->len, err, sizeof err) != 0) {
		fprintf(stderr, "cgobench: %s\n", err);
		return EXIT_USAGE;
	}
	fprintf(stderr, "cgobench: wrote %s\n", path);
	return 0;
}

static int cmd_history(int argc, char **argv)
{
	if (argc >= 2 &&
	    (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		fputs("usage: cgobench history FILE RUN...\n"
		      "       cgobench history --chart OUT FILE "
		      "[case/variant,...]\n\nAppends the "
		      "summary of each run directory to the history CSV FILE\n"
		      "(created with its header when new), with the run's date "
		      "and commit.\nWith --chart, writes OUT, the data of the "
		      "history chart: a row a run,\nthe chosen scenarios "
		      "(default: every one without a param) as columns.\n",
		      stdout);
		return 0;
	}
	if (argc >= 2 && !strcmp(argv[1], "--chart")) {
		if (argc < 4 || argc > 5)
			return usage_error("history ",
					   "--chart wants OUT, the history "
					   "file and optionally the scenarios");
		char err[ERRLEN];
		struct csv_table h;
		if (csv_read_file(argv[3], &h, err, sizeof err) != 0) {
			fprintf(stderr, "cgobench: %s\n", err);
			return EXIT_USAGE;
		}
		struct sbuf sb = {0};
		int rc = history_chart_data(&h, argc == 5 ? argv[4] : "", &sb,
					    err, sizeof err);
		csv_free(&h);
		if (rc != 0) {
			fprintf(stderr, "cgobench: %s: %s\n", argv[3], err);
			sbuf_free(&sb);
			return EXIT_USAGE;
		}
		rc = write_data(argv[2], &sb);
		sbuf_free(&sb);
		return rc;
	}
	if (argc < 3)
		return usage_error("history ", "want a history file and at "
					       "least one run directory");
	char err[ERRLEN];
	for (int i = 2; i < argc; i++)
		if (history_append(argv[i], argv[1], err, sizeof err) != 0) {
			fprintf(stderr, "cgobench: %s\n", err);
			return EXIT_USAGE;
		}
	return 0;
}

static int cmd_machines(int argc, char **argv)
{
	if (argc >= 2 &&
	    (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		fputs("usage: cgobench machines OUT RUN...\n\nWrites OUT, the "
		      "data of the machines chart: every scenario without a\n"
		      "param, side by side across the run directories (of "
		      "different machines),\nin ns/op.\n",
		      stdout);
		return 0;
	}
	if (argc < 3)
		return usage_error("machines ", "want an output file and at "
						"least one run directory");
	char err[ERRLEN];
	struct sbuf sb = {0};
	int rc = report_machines_data((const char *const *)argv + 2,
				      (size_t)argc - 2, "ns/op", &sb, err,
				      sizeof err);
	if (rc != 0) {
		fprintf(stderr, "cgobench: %s\n", err);
		sbuf_free(&sb);
		return EXIT_USAGE;
	}
	rc = write_data(argv[1], &sb);
	sbuf_free(&sb);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage_main, stderr);
		return EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") ||
	    !strcmp(cmd, "help")) {
		fputs(usage_main, stdout);
		return 0;
	}
	if (!strcmp(cmd, "run"))
		return cmd_run(argc - 1, argv + 1);
	if (!strcmp(cmd, "anatomy")) {
		/* run --metric instructions, which writes anatomy.csv */
		char **args = xcalloc((size_t)argc + 2, sizeof *args);
		args[0] = "anatomy";
		args[1] = "--metric=instructions";
		for (int i = 2; i < argc; i++)
			args[i] = argv[i];
		int rc = cmd_run(argc, args);
		free(args);
		return rc;
	}
	if (!strcmp(cmd, "bundle")) {
		/* run --bundle FILE: the options of run, the last word the
		 * file */
		if (argc < 3 || argv[argc - 1][0] == '-')
			return usage_error("", "bundle wants a file: cgobench "
					       "bundle [options] FILE.tar.gz");
		char **args = xcalloc((size_t)argc + 1, sizeof *args);
		args[0] = "bundle";
		char *opt = xasprintf("--bundle=%s", argv[argc - 1]);
		args[1] = opt;
		for (int i = 2; i < argc - 1; i++)
			args[i] = argv[i];
		int rc = cmd_run(argc - 1, args);
		free(opt);
		free(args);
		return rc;
	}
	if (!strcmp(cmd, "compare"))
		return cmd_compare(argc - 1, argv + 1);
	if (!strcmp(cmd, "history"))
		return cmd_history(argc - 1, argv + 1);
	if (!strcmp(cmd, "report"))
		return cmd_report(argc - 1, argv + 1);
	if (!strcmp(cmd, "machines"))
		return cmd_machines(argc - 1, argv + 1);
	return usage_error("", "unknown command '%s'", cmd);
}
