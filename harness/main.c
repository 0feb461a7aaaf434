/* cgobench: the command line. It parses flags into a configuration and
 * hands it to the module that does the work; only this file exits. */
#include "charts.h"
#include "claims.h"
#include "compare.h"
#include "export.h"
#include "options.h"
#include "csv.h"
#include "history.h"
#include "machine.h"
#include "remote.h"
#include "run.h"
#include "rundir.h"
#include "util.h"

#include <jansson.h>
#include <stddef.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define EXIT_USAGE 2
#define EXIT_WRITE 3

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
    "  export     one output of a run on stdout, e.g. for a CI tracker:\n"
    "             cgobench export --format bmf|gab RUN\n"
    "\n"
    "Run 'cgobench <command> --help' for the options of a command,\n"
    "'cgobench --version' for its commit and the versions it finds.\n"
    "\n"
    "exit status:\n"
    "  0    every benchmark was measured (skipped ones included)\n"
    "  1    the run finished, but a case failed, crashed or hung\n"
    "  2    bad command line or input; nothing was run\n"
    "  3    an output could not be written (a full disk, a directory\n"
    "       without write permission)\n"
    "  130  stopped by SIGINT or SIGTERM; what was measured is written (a\n"
    "       second signal waits for that; a third ends it at once)\n";

/* The one piece of global state: a signal handler can reach nothing else.
 * The run polls it and stops its child process when it is set. */
static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	(void)sig;
	/* the first signal stops the run, which then writes what it took;
	 * a second (timeout sends TERM to the child and again to its group)
	 * must not cut that writing short; a third ends the process at once,
	 * leaving raw.csv as it stands */
	if (stop_requested >= 2)
		_exit(130);
	stop_requested++;
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

/* What a command's --help prints: its usage line and what it does, the
 * options of its table, and a closing paragraph. */
struct command_help {
	const char *usage, *intro, *outro;
};

static void print_help(const struct command_help *h, const struct opt *table,
		       unsigned command)
{
	struct sbuf sb = {0};
	sbuf_addf(&sb, "usage: %s\n\n%s\noptions:\n", h->usage, h->intro);
	options_help(table, command, &sb);
	if (h->outro)
		sbuf_addf(&sb, "\n%s", h->outro);
	fputs(sb.buf, stdout);
	sbuf_free(&sb);
}

/* Parses a command's options into cfg; 0 to go on, or the exit code
 * (0 after --help, 2 after an error). */
static int parse_command(const char *name, const struct command_help *h,
			 const struct opt *table, unsigned command, int argc,
			 char **argv, void *cfg, uint64_t *given, int *first,
			 int *done)
{
	char err[ERRLEN];
	int rc = options_parse(table, command, argc, argv, cfg, given, first,
			       err, sizeof err);
	*done = rc != 0;
	if (rc == 1) {
		print_help(h, table, command);
		return 0;
	}
	if (rc < 0) {
		char *cmd = xasprintf("%s ", name);
		usage_error(cmd, "%s", err);
		free(cmd);
		return EXIT_USAGE;
	}
	return 0;
}

static const struct command_help help_run = {
    "cgobench run [options]",
    "Builds every selected case family for each toolchain, warms each binary\n"
    "up, then takes N rounds: each round runs every benchmark once, in a new\n"
    "shuffled order, as its own process pinned to one CPU. Benchmarks whose\n"
    "95% interval for the median is wider than the target get more rounds.\n"
    "Writes raw.csv, summary.csv, bench.txt and machine.txt into\n"
    "results/<machine>/<UTC time>/ and prints the summary to stdout.\n",
    "Progress goes to stderr only when it is a terminal.\n"};
static const struct command_help help_anatomy = {
    "cgobench anatomy [options]",
    "A run counted in instructions (run --metric instructions), that also\n"
    "breaks each crossing down by the code it runs through: entry and exit,\n"
    "the stack switch, callbacks, pointer checks, the benchmark's own code.\n"
    "Writes anatomy.csv, anatomy.txt and the other files of a run.\n",
    NULL};
static const struct command_help help_bundle = {
    "cgobench bundle [options] FILE.tar.gz",
    "Builds the selected cases and writes FILE.tar.gz: the prebuilt binaries\n"
    "and this driver, to run on a machine of this architecture without Go\n"
    "(tar -xzf it there, then ./run run --prebuilt).\n",
    NULL};

/* run, anatomy and bundle: one table of options, a bit each. */
static int cmd_run(unsigned command, int argc, char **argv)
{
	const struct command_help *h =
	    command == RUN_CMD_ANATOMY	? &help_anatomy
	    : command == RUN_CMD_BUNDLE ? &help_bundle
					: &help_run;
	struct run_config c;
	run_config_defaults(&c);
	c.stop = &stop_requested;
	int first, done;
	int rc = parse_command(argv[0], h, run_options, command, argc, argv, &c,
			       &c.given, &first, &done);
	if (done)
		return rc;
	if (command == RUN_CMD_BUNDLE) {
		if (argc - first != 1)
			return usage_error("bundle ",
					   "want one file to write, got %d",
					   argc - first);
		c.bundle = argv[first++];
	}
	if (first < argc)
		return usage_error(command == RUN_CMD_RUN ? "run " : "anatomy ",
				   "unexpected argument '%s'", argv[first]);
	char err[ERRLEN * 2];
	if (run_config_finish(&c, command, err, sizeof err) != 0)
		return usage_error(argv[0][0] == 'b' ? "bundle " : "run ", "%s",
				   err);
	size_t ngo;
	char **gos = split_list(c.go_list, &ngo);
	if (!ngo)
		return usage_error("run ", "'--go' names no toolchain");
	c.go = (const char *const *)gos;
	c.ngo = ngo;

	struct sigaction sa = {.sa_handler = on_signal};
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	/* a reader gone (`| head`) fails a write, not the run: the files of
	 * what was measured are written still, and the table's failed write
	 * says so (exit 3) */
	signal(SIGPIPE, SIG_IGN);

	int code = c.bundle ? remote_bundle(&c, c.bundle, err, sizeof err)
		   : c.host
		       ? remote_run(&c, c.host, c.ssh_config, err, sizeof err)
		       : run_execute(&c, err, sizeof err);
	if (c.bundle && code == 0)
		fprintf(stderr, "cgobench: wrote %s\n", c.bundle);
	for (size_t i = 0; i < ngo; i++)
		free(gos[i]);
	free(gos);
	if (code < 0) {
		fprintf(stderr, "cgobench: %s\n", err);
		return EXIT_USAGE;
	}
	return code;
}

static const struct opt compare_options[] = {
    {"threshold", 0, OPT_DOUBLE, offsetof(struct compare_opts, threshold_pct),
     "PCT", "a significant slowdown above PCT% is a\nregression (default: 5)",
     0, 1e6, NULL, OPT_LOCAL, 0},
    {"fail-on-regression", 0, OPT_BOOL,
     offsetof(struct compare_opts, fail_on_regression), NULL,
     "exit 1 when there is a regression", 0, 0, NULL, OPT_LOCAL, 0},
    {"alpha", 0, OPT_DOUBLE, offsetof(struct compare_opts, alpha), "A",
     "significance level (default: 0.05)", 1e-9, 0.5, NULL, OPT_LOCAL, 0},
    {"normalize", 0, OPT_BOOL, offsetof(struct compare_opts, normalize), NULL,
     "compare each crossing divided by its baseline\n"
     "from the same run: for machines of different speed",
     0, 0, NULL, OPT_LOCAL, 0},
    {"format", 0, OPT_CHOICE, offsetof(struct compare_opts, format), "FMT",
     "text, csv or json (default: text)", 0, 0, compare_format_names, OPT_LOCAL,
     0},
    {"history", 0, OPT_STRING, offsetof(struct compare_opts, history), "FILE",
     "earlier runs of the same machine (cgobench\n"
     "history): a row in 5 of them or more, OLD and\n"
     "NEW and runs measured otherwise than NEW left\n"
     "out, is judged by how far it moved between\n"
     "them instead",
     0, 0, NULL, OPT_LOCAL, 0},
    {NULL, 0, 0, 0, NULL, NULL, 0, 0, NULL, 0, 0}};

static const struct command_help help_compare = {
    "cgobench compare [options] OLD NEW",
    "Compares two runs: run directories, or their raw.csv or summary.csv.\n"
    "For each case, variant, param and unit in both: the old and new median\n"
    "with 95% intervals, the change, and a Mann-Whitney p-value (exact for\n"
    "small samples; '~' marks a change that is not significant). Crossings\n"
    "are compared on their overhead over the matched baseline as well.\n"
    "When each run holds one toolchain, rows match across toolchains.\n"
    "A load only slows: a row the new run marks disturbed, or any row of a\n"
    "new run on a busy machine (machine.txt), is a regression only beyond\n"
    "what its load could have made (summary.csv's load_bound); else its\n"
    "slowdown is counted as inconclusive. So is one of an old run's row\n"
    "so loaded, but for a time of a family pinned to one CPU. And so is\n"
    "a row of a family on every CPU between runs whose CPUs sat otherwise\n"
    "(machine.txt's transfer-ns 1.5 times apart or more), and a change of\n"
    "an overhead, or of a time or ratio on every CPU, within 3 times what\n"
    "the runs' spread makes of it (runs apart: the robust sd of the rows'\n"
    "changes beyond their common shift), and a change whose two intervals\n"
    "overlap. With --history, so is a row's change within 3 times sqrt(2)\n"
    "times its own robust sd between the history's runs. So is a row of\n"
    "B/op whose allocs/op lies under 1 in either run: a sample's few\n"
    "allocations over its ops, more the fewer ops a slower sample takes.\n",
    "exit status: 0 no regression (or no --fail-on-regression), 1 a\n"
    "regression with --fail-on-regression, 2 bad or mismatched input\n"};

static int cmd_compare(int argc, char **argv)
{
	struct compare_opts c = {
	    .threshold_pct = 5, .alpha = 0.05, .format = COMPARE_TEXT};
	uint64_t given;
	int first, done;
	int rc = parse_command("compare", &help_compare, compare_options, 1,
			       argc, argv, &c, &given, &first, &done);
	if (done)
		return rc;
	if (argc - first != 2)
		return usage_error("compare ",
				   "want two runs, OLD and NEW, got %d",
				   argc - first);
	char err[ERRLEN * 2];
	size_t regressions;
	if (compare_runs(argv[first], argv[first + 1], &c, stdout, &regressions,
			 err, sizeof err) != 0) {
		fprintf(stderr, "cgobench: %s\n", err);
		return EXIT_USAGE;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "cgobench: cannot write the comparison to "
				"standard output\n");
		return EXIT_WRITE;
	}
	if (regressions)
		fprintf(stderr,
			"cgobench: %zu regression%s: significant slowdown "
			"above %g%%\n",
			regressions, regressions == 1 ? "" : "s",
			c.threshold_pct);
	return compare_exit_status(regressions, c.fail_on_regression);
}

static const struct opt no_options[] = {
    {NULL, 0, 0, 0, NULL, NULL, 0, 0, NULL, 0, 0}};

static const struct command_help help_report = {
    "cgobench report RUN...",
    "Writes RUN/report.md from the run directory's machine.txt, summary.csv\n"
    "and, when there is one, anatomy.csv: the machine, a headline\n"
    "table, a verdict on each claim about cgo that the run answers, and\n"
    "where each crossing's instructions go.\n",
    NULL};

/* The exit code of a command whose work returned rc (-1 bad input, -2 an
 * output not written), saying why. */
static int failed(int rc, const char *err)
{
	fprintf(stderr, "cgobench: %s\n", err);
	return rc == -2 ? EXIT_WRITE : EXIT_USAGE;
}

struct report_cli {
	const char *cases_dir;
};

static const struct opt report_options[] = {
    {"cases-dir", 0, OPT_STRING, offsetof(struct report_cli, cases_dir), "DIR",
     "the families whose claims files are judged\n(default: cases)", 0, 0, NULL,
     OPT_LOCAL, 0},
    {NULL, 0, 0, 0, NULL, NULL, 0, 0, NULL, 0, 0}};

static int cmd_report(int argc, char **argv)
{
	int first, done;
	uint64_t given;
	struct report_cli c = {.cases_dir = "cases"};
	int rc = parse_command("report", &help_report, report_options, 1, argc,
			       argv, &c, &given, &first, &done);
	if (done)
		return rc;
	if (first >= argc)
		return usage_error("report ",
				   "want at least one run directory");
	char err[ERRLEN];
	struct claim_set *claims;
	if (claims_load(c.cases_dir, &claims, err, sizeof err) != 0) {
		claims_free(claims);
		return failed(-1, err);
	}
	for (int i = first; i < argc && rc == 0; i++) {
		struct run_model m;
		if (rundir_read(argv[i], &m, err, sizeof err) != 0) {
			rc = failed(-1, err);
			break;
		}
		m.claims = claims;
		rc = export_all(&m, EXPORT_REPORT, NULL, NULL, err, sizeof err);
		rundir_free(&m);
		if (rc != 0)
			rc = failed(rc, err);
		else
			fprintf(stderr, "cgobench: wrote %s/report.md\n",
				argv[i]);
	}
	claims_free(claims);
	return rc;
}

static const struct command_help help_export = {
    "cgobench export --format FMT RUN",
    "Writes one output of a run directory to stdout, made from its files:\n"
    "bmf (Bencher Metric Format JSON) or gab (github-action-benchmark's\n"
    "customSmallerIsBetter JSON) for CI trackers, page (index.html), or\n"
    "report, overview, toolchains, batch, handles, parallel. Every run\n"
    "writes them all into its directory; this is for one on its own.\n",
    NULL};

struct export_cli {
	const char *format, *cases_dir;
};

static const struct opt export_options[] = {
    {"format", 0, OPT_STRING, offsetof(struct export_cli, format), "FMT",
     "bmf, gab, page, report, overview, toolchains,\nbatch, handles or parallel",
     0, 0, NULL, OPT_LOCAL, 0},
    {"cases-dir", 0, OPT_STRING, offsetof(struct export_cli, cases_dir), "DIR",
     "the families whose claims the report judges\n(default: cases)", 0, 0,
     NULL, OPT_LOCAL, 0},
    {NULL, 0, 0, 0, NULL, NULL, 0, 0, NULL, 0, 0}};

static int cmd_export(int argc, char **argv)
{
	int first, done;
	uint64_t given;
	struct export_cli c = {.cases_dir = "cases"};
	int rc = parse_command("export", &help_export, export_options, 1, argc,
			       argv, &c, &given, &first, &done);
	if (done)
		return rc;
	const struct exporter *x = exporters;
	while (x->name && (!c.format || strcmp(x->name, c.format) ||
			   !(x->when & EXPORT_REPORT)))
		x++;
	if (!x->name)
		return usage_error("export ",
				   c.format ? "unknown format '%s'"
					    : "want '--format FMT'%s",
				   c.format ? c.format : "");
	if (argc - first != 1)
		return usage_error("export ", "want one run directory, got %d",
				   argc - first);
	char err[ERRLEN];
	struct claim_set *claims;
	struct run_model m;
	if (claims_load(c.cases_dir, &claims, err, sizeof err) != 0 ||
	    rundir_read(argv[first], &m, err, sizeof err) != 0) {
		claims_free(claims);
		return failed(-1, err);
	}
	m.claims = claims;
	struct sbuf sb = {0};
	export_make(x, &m, &sb);
	rundir_free(&m);
	claims_free(claims);
	if (sb.len)
		fwrite(sb.buf, 1, sb.len, stdout);
	sbuf_free(&sb);
	if (fflush(stdout) != 0 || ferror(stdout))
		return failed(-2, "cannot write to stdout");
	return 0;
}

/* Writes sb to path, or says why not; the exit code. */
static int write_data(const char *path, const struct sbuf *sb)
{
	char err[ERRLEN];
	if (file_write_atomic(path, sb->buf, sb->len, err, sizeof err) != 0)
		return failed(-2, err);
	fprintf(stderr, "cgobench: wrote %s\n", path);
	return 0;
}

struct history_cli {
	const char *chart; /* --chart OUT */
	int figure;	   /* --figure: enum history_figure */
};

/* --figure's words, by enum history_figure */
static const char *const figure_names[] = {"median", "overhead", "ratio", NULL};

static const struct opt history_options[] = {
    {"chart", 0, OPT_STRING, offsetof(struct history_cli, chart), "OUT",
     "write OUT, the data of the history chart, instead:\n"
     "a row a run, the chosen scenarios (case/variant,...;\n"
     "default: every one without a param) as columns",
     0, 0, NULL, OPT_LOCAL, 0},
    {"figure", 0, OPT_CHOICE, offsetof(struct history_cli, figure), "FIG",
     "what --chart draws: median (the default),\n"
     "overhead or ratio (over the row's baseline, from\n"
     "its run's paired samples); a ratio holds across\n"
     "the machine's slow and fast hours far better\n"
     "than a time or an overhead",
     0, 0, figure_names, OPT_LOCAL, 0},
    {NULL, 0, 0, 0, NULL, NULL, 0, 0, NULL, 0, 0}};

static const struct command_help help_history = {
    "cgobench history FILE RUN...\n"
    "       cgobench history --chart OUT [--figure FIG] FILE "
    "[case/variant,...]",
    "Appends the summary of each run directory to the history CSV FILE\n"
    "(created with its header when new), with the run's date and commit,\n"
    "and each row's status, load bound, overhead and ratio, and how the\n"
    "run was measured (a history of schema 1 or 2, before them, gets rows\n"
    "without).\n",
    NULL};

static int history_chart(const char *out, const char *file, const char *select,
			 enum history_figure fig)
{
	char err[ERRLEN];
	struct csv_table h;
	if (csv_read_file(file, &h, err, sizeof err) != 0)
		return failed(-1, err);
	struct sbuf sb = {0};
	int rc = history_chart_data(&h, select, fig, &sb, err, sizeof err);
	csv_free(&h);
	if (rc != 0) {
		fprintf(stderr, "cgobench: %s: %s\n", file, err);
		sbuf_free(&sb);
		return EXIT_USAGE;
	}
	rc = write_data(out, &sb);
	sbuf_free(&sb);
	return rc;
}

static int cmd_history(int argc, char **argv)
{
	struct history_cli c = {0};
	uint64_t given;
	int first, done;
	int rc = parse_command("history", &help_history, history_options, 1,
			       argc, argv, &c, &given, &first, &done);
	if (done)
		return rc;
	int n = argc - first;
	if (!c.chart && options_given(history_options, given, "figure"))
		return usage_error("history ", "--figure goes with --chart");
	if (c.chart) {
		if (n < 1 || n > 2)
			return usage_error("history ",
					   "--chart wants OUT, the history "
					   "file and optionally the scenarios");
		return history_chart(c.chart, argv[first],
				     n == 2 ? argv[first + 1] : "",
				     (enum history_figure)c.figure);
	}
	if (n < 2)
		return usage_error("history ", "want a history file and at "
					       "least one run directory");
	char err[ERRLEN];
	int schema;
	rc = history_append((const char *const *)argv + first + 1,
			    (size_t)(n - 1), argv[first], &schema, err,
			    sizeof err);
	if (rc == 0 && schema != HISTORY_SCHEMA)
		fprintf(stderr,
			"cgobench: %s is a history of schema %d, which keeps "
			"no row's %s: the rows added keep none either (a new "
			"file would)\n",
			argv[first], schema,
			schema == 1 ? "status, load bound or how its run was "
				      "measured"
				    : "record of how its run was measured");
	return rc ? failed(rc, err) : 0;
}

static const struct command_help help_machines = {
    "cgobench machines OUT RUN...",
    "Writes OUT, the data of the machines chart: every scenario without a\n"
    "param, side by side across the run directories (of different "
    "machines),\nin ns/op.\n",
    NULL};

static int cmd_machines(int argc, char **argv)
{
	int first, done;
	uint64_t given;
	char dummy;
	int rc = parse_command("machines", &help_machines, no_options, 1, argc,
			       argv, &dummy, &given, &first, &done);
	if (done)
		return rc;
	if (argc - first < 2)
		return usage_error("machines ", "want an output file and at "
						"least one run directory");
	char err[ERRLEN];
	struct sbuf sb = {0};
	rc = charts_machines((const char *const *)argv + first + 1,
			     (size_t)(argc - first - 1), "ns/op", &sb, err,
			     sizeof err);
	if (rc != 0) {
		sbuf_free(&sb);
		return failed(rc, err);
	}
	rc = write_data(argv[first], &sb);
	sbuf_free(&sb);
	return rc;
}

#ifndef CGOBENCH_COMMIT
#define CGOBENCH_COMMIT "unknown"
#endif
#ifdef __clang__
#define CC_VERSION __VERSION__
#else
#define CC_VERSION "gcc " __VERSION__
#endif

/* cgobench --version: the commit it was built from, and the version of
 * each program and library it uses, as found here and now. */
static int print_version(void)
{
	printf("cgobench %s, built by %s, jansson %s (running %s)\n",
	       CGOBENCH_COMMIT, CC_VERSION, JANSSON_VERSION,
	       jansson_version_str());
	static const struct {
		const char *name;
		const char *argv[4];
	} deps[] = {
	    {"Google Benchmark", {"pkg-config", "--modversion", "benchmark"}},
	    {"go", {"go", "version"}},
	    {"gnuplot", {"gnuplot", "--version"}},
	    {"valgrind", {"valgrind", "--version"}},
	};
	for (size_t i = 0; i < sizeof deps / sizeof *deps; i++) {
		char *line =
		    machine_command_line((char *const *)deps[i].argv, NULL);
		printf("%-17s %s\n", deps[i].name,
		       line && *line ? line : "not found");
		free(line);
	}
	return fflush(stdout) == 0 ? 0 : EXIT_WRITE;
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
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "version"))
		return print_version();
	argc--;
	argv++;
	if (!strcmp(cmd, "run"))
		return cmd_run(RUN_CMD_RUN, argc, argv);
	if (!strcmp(cmd, "anatomy"))
		return cmd_run(RUN_CMD_ANATOMY, argc, argv);
	if (!strcmp(cmd, "bundle"))
		return cmd_run(RUN_CMD_BUNDLE, argc, argv);
	if (!strcmp(cmd, "compare"))
		return cmd_compare(argc, argv);
	if (!strcmp(cmd, "history"))
		return cmd_history(argc, argv);
	if (!strcmp(cmd, "report"))
		return cmd_report(argc, argv);
	if (!strcmp(cmd, "export"))
		return cmd_export(argc, argv);
	if (!strcmp(cmd, "machines"))
		return cmd_machines(argc, argv);
	return usage_error("", "unknown command '%s'", cmd);
}
