/* The option tables: parsing with bounds and choices, what the user gave,
 * --help, and the flags a remote run is given read back as the same
 * configuration. */
#include "testutil.h"

#include "options.h"
#include "remote.h"
#include "run.h"

#include <math.h>
#include <stdio.h>

/* Parses a NULL-terminated argument list of run into c. */
static int parse(struct run_config *c, unsigned command, const char **args,
		 int *first, char *err)
{
	char *argv[32];
	int argc = 0;
	argv[argc++] = "run";
	for (; *args; args++)
		argv[argc++] = (char *)*args;
	argv[argc] = NULL;
	run_config_defaults(c);
	return options_parse(run_options, command, argc, argv, c, &c->given,
			     first, err, ERRLEN);
}

static void values_and_given(void **state)
{
	(void)state;
	struct run_config c;
	char err[ERRLEN];
	int first;
	const char *args[] = {
	    "--count",	  "7",	   "--benchtime", "200ms",	  "-q",
	    "--pin",	  "none",  "--metric",	  "instructions", "--cases",
	    "call,batch", "extra", NULL};
	assert_int_equal(parse(&c, RUN_CMD_RUN, args, &first, err), 0);
	assert_int_equal(c.count, 7);
	assert_true(c.benchtime_s == 0.2);
	/* --benchtime leaves the unpinned families' own */
	assert_true(c.benchtime_unpinned_s == 0.1);
	assert_int_equal(c.quiet, 1);
	assert_int_equal(c.pin_cpu, -1);
	assert_int_equal(c.instructions, 1);
	assert_string_equal(c.cases, "call,batch");
	assert_true(options_given(run_options, c.given, "count"));
	assert_false(options_given(run_options, c.given, "max-count"));
	/* getopt moves the arguments that are not options to the end */
	assert_int_equal(first, 12);
	/* counted: SUMMARY_FEWEST samples unless --count was given */
	assert_int_equal(run_config_finish(&c, RUN_CMD_RUN, err, sizeof err),
			 0);
	assert_int_equal(c.count, 7);
	assert_int_equal(c.max_count, 7);
	const char *none[] = {"--metric", "instructions", NULL};
	assert_int_equal(parse(&c, RUN_CMD_RUN, none, &first, err), 0);
	assert_int_equal(run_config_finish(&c, RUN_CMD_RUN, err, sizeof err),
			 0);
	assert_int_equal(c.count, SUMMARY_FEWEST);
	assert_int_equal(c.instr_fixed, 0);
	/* durations in minutes, and the unpinned families' own goal */
	const char *budget[] = {
	    "--budget", "6m",	"--target-ci-unpinned", "4",
	    "--warmup", "1.5m", "--benchtime-unpinned", "250ms",
	    NULL};
	assert_int_equal(parse(&c, RUN_CMD_RUN, budget, &first, err), 0);
	assert_true(c.benchtime_unpinned_s == 0.25);
	assert_true(c.benchtime_s == 0.03);
	assert_true(c.budget_s == 360);
	assert_true(c.warmup_s == 90);
	assert_true(c.target_unpinned_pct == 4);
	assert_true(c.target_pct == 3);
}

static void expect_error(unsigned command, const char **args, const char *want)
{
	struct run_config c;
	char err[ERRLEN];
	int first;
	assert_int_equal(parse(&c, command, args, &first, err), -1);
	assert_string_equal(err, want);
}

/* Every value that cannot be right is refused, naming the flag: NaN and
 * infinity, bounds on either side, empty strings, unknown words, options
 * of another command. */
static void bad_values(void **state)
{
	(void)state;
	expect_error(RUN_CMD_RUN, (const char *[]){"--count", "0", NULL},
		     "bad value '0' for '--count': want a whole number from 1 "
		     "to 10000");
	expect_error(RUN_CMD_RUN, (const char *[]){"--count", "10001", NULL},
		     "bad value '10001' for '--count': want a whole number "
		     "from 1 to 10000");
	expect_error(RUN_CMD_RUN, (const char *[]){"--target-ci", "nan", NULL},
		     "bad value 'nan' for '--target-ci': want a number from "
		     "0.01 to 100");
	expect_error(RUN_CMD_RUN, (const char *[]){"--target-ci", "inf", NULL},
		     "bad value 'inf' for '--target-ci': want a number from "
		     "0.01 to 100");
	expect_error(RUN_CMD_RUN,
		     (const char *[]){"--benchtime", "1e-300s", NULL},
		     "bad duration '1e-300s' for '--benchtime': want e.g. "
		     "0.2s or 200ms, 0.001s to 3600s");
	expect_error(RUN_CMD_RUN, (const char *[]){"--cases", "", NULL},
		     "empty value for '--cases': want PATTERNS");
	expect_error(RUN_CMD_RUN, (const char *[]){"--results", "", NULL},
		     "empty value for '--results': want DIR");
	expect_error(RUN_CMD_RUN, (const char *[]){"--metric", "cycles", NULL},
		     "bad metric 'cycles': want time or instructions");
	expect_error(RUN_CMD_RUN, (const char *[]){"--pin", "-3", NULL},
		     "bad value '-3' for '--pin': want 'none' or a CPU from 0 "
		     "to 4095");
	expect_error(RUN_CMD_RUN, (const char *[]){"--count", NULL},
		     "'--count' wants a value");
	expect_error(RUN_CMD_RUN, (const char *[]){"--bogus", NULL},
		     "unknown option '--bogus'");
	expect_error(RUN_CMD_BUNDLE, (const char *[]){"--count", "3", NULL},
		     "unknown option '--count'");
	/* --help wins, and says so */
	struct run_config c;
	char err[ERRLEN];
	int first;
	assert_int_equal(parse(&c, RUN_CMD_RUN,
			       (const char *[]){"--help", NULL}, &first, err),
			 1);
	assert_int_equal(parse(&c, RUN_CMD_BUNDLE, (const char *[]){"-h", NULL},
			       &first, err),
			 1);
}

static void checks_across_options(void **state)
{
	(void)state;
	struct run_config c;
	char err[ERRLEN];
	int first;
	const char *args[] = {"--count", "8", "--max-count", "4", NULL};
	assert_int_equal(parse(&c, RUN_CMD_RUN, args, &first, err), 0);
	assert_int_equal(run_config_finish(&c, RUN_CMD_RUN, err, sizeof err),
			 -1);
	assert_string_equal(err, "'--max-count' 4 is below '--count' 8");
	const char *host[] = {"--host", "-oProxyCommand=touch /tmp/x", NULL};
	assert_int_equal(parse(&c, RUN_CMD_RUN, host, &first, err), 0);
	assert_int_equal(run_config_finish(&c, RUN_CMD_RUN, err, sizeof err),
			 -1);
	assert_string_equal(err, "bad host '-oProxyCommand=touch /tmp/x': a "
				 "host cannot start with '-'");
	const char *out[] = {"--host", "h", "--out", "d", NULL};
	assert_int_equal(parse(&c, RUN_CMD_RUN, out, &first, err), 0);
	assert_int_equal(run_config_finish(&c, RUN_CMD_RUN, err, sizeof err),
			 -1);
}

/* The flags of a remote run, split as the remote shell splits them and
 * parsed again, give back the same configuration. */
static void remote_flags_read_back(void **state)
{
	(void)state;
	struct run_config c;
	char err[ERRLEN];
	int first;
	const char *args[] = {
	    "--cases", "call,it's",   "--count",      "6",     "--max-count",
	    "9",       "--benchtime", "0.15s",	      "--pin", "1",
	    "--seed",  "42",	      "--iterations", "5000",  "--target-ci",
	    "2.5",     "--sched",     "normal",	      "-q",    "--hold",
	    "0",       NULL};
	assert_int_equal(parse(&c, RUN_CMD_RUN, args, &first, err), 0);
	struct sbuf sb = {0};
	options_to_flags(run_options, RUN_CMD_RUN, &c, c.given, &sb,
			 remote_quote);
	assert_string_equal(
	    sb.buf, " --cases 'call,it'\\''s' --metric time --iterations "
		    "5000 --count 6 --max-count 9 --target-ci 2.5 "
		    "--target-ci-unpinned 5 --aim-ci 1 --budget 420s --hold 0s "
		    "--benchtime 0.14999999999999999s --benchtime-unpinned "
		    "0.10000000000000001s --warmup "
		    "0.050000000000000003s --pin 1 --sched normal "
		    "--drift correct --timeout 300s "
		    "--seed 42 --quiet");
	/* read back: the shell's single quotes undone by hand */
	const char *back[] = {"--cases",
			      "call,it's",
			      "--metric",
			      "time",
			      "--iterations",
			      "5000",
			      "--count",
			      "6",
			      "--max-count",
			      "9",
			      "--target-ci",
			      "2.5",
			      "--benchtime",
			      "0.14999999999999999s",
			      "--benchtime-unpinned",
			      "0.25s",
			      "--warmup",
			      "0.050000000000000003s",
			      "--hold",
			      "0s",
			      "--pin",
			      "1",
			      "--sched",
			      "normal",
			      "--timeout",
			      "300s",
			      "--seed",
			      "42",
			      "--quiet",
			      NULL};
	struct run_config d;
	assert_int_equal(parse(&d, RUN_CMD_RUN, back, &first, err), 0);
	assert_string_equal(d.cases, c.cases);
	assert_int_equal(d.count, c.count);
	assert_int_equal(d.max_count, c.max_count);
	assert_true(d.benchtime_s == c.benchtime_s);
	assert_true(d.benchtime_unpinned_s == 0.25);
	assert_true(d.warmup_s == c.warmup_s);
	assert_true(d.hold_s == 0 && c.hold_s == 0);
	assert_true(d.target_pct == c.target_pct);
	assert_int_equal(d.pin_cpu, c.pin_cpu);
	assert_int_equal(d.sched, RUN_SCHED_NORMAL);
	assert_int_equal(d.seed, c.seed);
	assert_int_equal(d.instr_iters, c.instr_iters);
	assert_int_equal(d.quiet, 1);
	/* --iterations only when given; --pin not at all when automatic */
	run_config_defaults(&d);
	sb.len = 0;
	options_to_flags(run_options, RUN_CMD_RUN, &d, 0, &sb, remote_quote);
	assert_null(strstr(sb.buf, "--iterations"));
	assert_null(strstr(sb.buf, "--pin"));
	assert_null(strstr(sb.buf, "--quiet"));
	sbuf_free(&sb);
}

/* --help of bundle: only the options bundle takes, aligned. */
static void help_lists_the_command_s_options(void **state)
{
	(void)state;
	struct sbuf sb = {0};
	options_help(run_options, RUN_CMD_BUNDLE, &sb);
	assert_golden(FIXTURE("help-bundle-options.txt"), sb.buf);
	assert_null(strstr(sb.buf, "--count"));
	assert_non_null(strstr(sb.buf, "  --cases PATTERNS  comma-separated"));
	sbuf_free(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(values_and_given),
	    cmocka_unit_test(bad_values),
	    cmocka_unit_test(checks_across_options),
	    cmocka_unit_test(remote_flags_read_back),
	    cmocka_unit_test(help_lists_the_command_s_options),
	};
	return cmocka_run_group_tests_name("options", tests, NULL, NULL);
}
