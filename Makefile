# cgobench: one non-recursive Makefile. Every variable below can be set on
# the command line, e.g. `make bench GO=go1.27.3 COUNT=20 CASES=call`.

CC ?= gcc
ifeq ($(origin CC),default)
CC = gcc
endif
GO ?= go
# COUNT, MAXCOUNT, BUDGET, HOLD and BENCHTIME are passed on only when set: the
# defaults are cgobench's own (cgobench run --help)
COUNT ?=
MAXCOUNT ?=
BUDGET ?=
HOLD ?=
BENCHTIME ?=
CASES ?= all
BENCHFLAGS ?=
FUZZTIME ?= 60
# make regress: a quick suite counted in instructions, against a baseline
REGRESS_CASES ?= call
REGRESS_THRESHOLD ?= 1
BASELINE ?= results/baseline
HISTORY ?= $(B)/regress/history.csv
CFLAGS ?= -O2 -g
WARN = -Wall -Wextra -Werror
CPPFLAGS += -std=c11 -D_GNU_SOURCE -MMD -MP
LDLIBS = -ljansson -lm -pthread
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# Go is at /usr/local/go on the machines this is made for; keep it findable
# from a shell whose PATH lacks it.
export PATH := $(PATH):/usr/local/go/bin
# go needs a cache directory; without HOME it has none by default.
ifeq ($(HOME),)
export GOCACHE ?= $(CURDIR)/build/gocache
export GOPATH ?= $(CURDIR)/build/gopath
endif

ifeq ($(V),1)
Q =
else
Q = @
endif

B = build
# the harness's sources: make mutate builds a mutated copy of them with
# H and B of its own
H = harness
HARNESS_SRC = util.c spawn.c benchout.c gotest.c gbench.c stats.c csv.c compare.c comparerows.c side.c callgrind.c history.c anatomy.c report.c \
	machine.c toolchain.c family.c build.c summary.c summarycsv.c raw.c benchtxt.c run.c remote.c \
	options.c runconfig.c rundir.c claims.c judges.c sweeps.c charts.c export.c compareout.c trackers.c page.c gbjson.c \
	discover.c runbench.c schedule.c schedstop.c speeds.c runout.c runnote.c spread.c units.c load.c probe.c drift.c place.c
HARNESS_OBJ = $(HARNESS_SRC:%.c=$(B)/obj/%.o)
HARNESS_SAN = $(HARNESS_SRC:%.c=$(B)/san/%.o)
UNIT_TESTS = test_gotest test_gbench test_stats test_csv test_summary \
	test_family test_spawn test_benchtxt test_callgrind test_compare \
	test_history test_anatomy test_report test_remote test_options test_units \
	test_load test_probe test_drift test_schedule test_runnote test_place \
	test_machine test_toolchain
UNIT_PLAIN = $(UNIT_TESTS:%=$(B)/tests/%)
UNIT_BINS = $(UNIT_PLAIN) $(UNIT_TESTS:%=$(B)/san-tests/%)
FUZZ_BINS = $(B)/fuzz/fuzz_parsers $(B)/fuzz/fuzz_rundirs
DEPS_STAMP = $(B)/.deps-ok

.SECONDARY:
.PHONY: FORCE all bench bundle matrix charts test unit integration mutate regress baseline fuzz deps help fmt lint clean

all: $(B)/cgobench

help:
	@echo "make              build build/cgobench"
	@echo "make bench        install what is missing, run the default suite (GO, COUNT, MAXCOUNT, BUDGET, HOLD, BENCHTIME, CASES, BENCHFLAGS; HOSTS over ssh)"
	@echo "make bundle       driver and prebuilt cases in a tarball, for a machine without Go (BUNDLE)"
	@echo "make matrix       the suite across every toolchain to be had (MATRIX_GO), with the toolchain chart"
	@echo "make charts       report.md and charts of the newest run (RUN=\"dir ...\" for others; HISTORY, SCENARIOS, HISTORY_FIGURE=median|overhead|ratio for the history chart)"
	@echo "make test         install what is missing, run cppcheck, the unit and integration tests"
	@echo "make unit         the unit tests only (also under ASan+UBSan and valgrind)"
	@echo "make integration  a short real run, checked"
	@echo "make mutate       apply each mutant of harness/tests/mutants.txt, run the unit tests, print the score"
	@echo "make regress      count instructions of a quick suite, compare with BASELINE, exit 1 on a regression"
	@echo "make baseline     make BASELINE anew from the quick suite (commit it)"
	@echo "make fuzz         fuzz every parser, and compare/report/history/machines on whole run directories, FUZZTIME s each (installs clang)"
	@echo "make deps         install the build and run dependencies (apt-get or sudo)"
	@echo "make fmt          clang-format the harness"
	@echo "make lint         cppcheck the harness"
	@echo "make clean        remove build/"

deps: $(DEPS_STAMP)

$(DEPS_STAMP): scripts/install-deps.sh
	$(Q)sh scripts/install-deps.sh
	$(Q)mkdir -p $(B) && touch $@

$(B)/obj/%.o: $(H)/%.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -c $< -o $@

$(B)/san/%.o: $(H)/%.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC+SAN  $<")
	$(Q)$(CC) $(CPPFLAGS) -O1 -g $(SANFLAGS) $(WARN) -c $< -o $@

# the commit the driver is built from, for cgobench --version: rewritten
# only when it changes, so that main.o is rebuilt only then. Dirty where
# the code differs from it, not the results or the text (as machine.c's
# harness-commit).
NOT_CODE = ':(exclude)results' ':(exclude)docs' ':(exclude)*.md'
$(B)/commit.txt: FORCE
	@mkdir -p $(B)
	@c=$$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown); \
	git diff --quiet HEAD -- . $(NOT_CODE) 2>/dev/null || c=$$c-dirty; \
	[ "$$(cat $@ 2>/dev/null)" = "$$c" ] || echo "$$c" >$@
$(B)/obj/main.o: $(B)/commit.txt
$(B)/obj/main.o: CPPFLAGS += -DCGOBENCH_COMMIT='"$(shell cat $(B)/commit.txt 2>/dev/null)"'
FORCE:

$(B)/cgobench: $(HARNESS_OBJ) $(B)/obj/main.o
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(B)/tests/%.o: $(H)/tests/%.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -I$(H) -c $< -o $@

$(B)/san-tests/%.o: $(H)/tests/%.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CPPFLAGS) -O1 -g $(SANFLAGS) $(WARN) -I$(H) -c $< -o $@

$(B)/san-tests/%: $(B)/san-tests/%.o $(HARNESS_SAN)
	$(Q)$(CC) $(SANFLAGS) -o $@ $^ $(LDLIBS) -lcmocka

$(B)/tests/%: $(B)/tests/%.o $(HARNESS_OBJ)
	$(Q)$(CC) -o $@ $^ $(LDLIBS) -lcmocka

# The run directory is the newest one under results/: cgobench names
# them by UTC time.
# With HOSTS="user@a b", the suite runs on each of those machines over ssh
# instead (see cgobench run --host), and the charts compare them.
HOSTS ?=
MEASURE = $(if $(COUNT),--count $(COUNT)) $(if $(MAXCOUNT),--max-count $(MAXCOUNT)) \
	$(if $(BENCHTIME),--benchtime $(BENCHTIME)) $(if $(BUDGET),--budget $(BUDGET)) \
	$(if $(HOLD),--hold $(HOLD)) --cases $(CASES)
bench: $(B)/cgobench
ifeq ($(strip $(HOSTS)),)
	$(B)/cgobench run --go $(GO) $(MEASURE) $(BENCHFLAGS)
	$(Q)sh scripts/charts.sh "$$(sh scripts/latest-run.sh)"
else
	$(Q)for h in $(HOSTS); do \
		$(B)/cgobench run --host "$$h" --go $(GO) $(MEASURE) $(BENCHFLAGS) || exit 1; done
	$(Q)$(MAKE) --no-print-directory charts RUN="$$(sh scripts/latest-run.sh $(words $(HOSTS)))"
endif

# A tarball of the driver and prebuilt cases, for a machine of this
# architecture without Go: tar -xzf it there, then ./run run --prebuilt.
BUNDLE ?= $(B)/cgobench-bundle-$(shell uname -m).tar.gz
bundle: $(B)/cgobench
	$(B)/cgobench bundle --go $(GO) --cases $(CASES) $(BUNDLE)

# make matrix: the suite across every toolchain that can be had on a Debian
# machine that reaches the Go module proxy (Debian's Go 1.19 and gccgo are
# installed when missing), then its report and charts, the toolchain chart
# among them.
MATRIX_GO ?= go,go1.27.3,/usr/lib/go-1.19/bin/go,/usr/bin/go-12
matrix: $(B)/cgobench
	$(Q)sh scripts/install-deps.sh golang-1.19-go gccgo-12
	$(B)/cgobench run --go $(MATRIX_GO) $(MEASURE) $(BENCHFLAGS)
	$(Q)sh scripts/charts.sh "$$(sh scripts/latest-run.sh)"

# make charts RUN="dir1 dir2": the run that ran last (by the date in its
# machine.txt) when RUN is not given. With
# several runs (of several machines) it also draws the machines chart into
# MACHINES; with a HISTORY file (make regress writes one) the history chart
# of its SCENARIOS (default: every one without a param) beside it, of their
# HISTORY_FIGURE: median, overhead or ratio (over each row's baseline).
MACHINES ?= $(B)/charts/machines
SCENARIOS ?=
HISTORY_FIGURE ?= median
# to the recipe's shell as variables, never as its text: call/c->go(main)
# holds a > and parentheses
export SCENARIOS HISTORY_FIGURE
charts: $(B)/cgobench
	$(Q)for r in $${RUN:-$$(sh scripts/latest-run.sh)}; do \
		$(B)/cgobench report "$$r" && sh scripts/charts.sh "$$r" || exit 1; done
	$(Q)if [ $$(echo $(RUN) | wc -w) -gt 1 ]; then mkdir -p $$(dirname $(MACHINES)) && \
		$(B)/cgobench machines $(MACHINES).dat $(RUN) && \
		gnuplot -c scripts/toolchains.gp $(MACHINES).dat $(MACHINES) ns/op \
			"The same crossings across machines" && \
		echo "charts: the machines chart: $(MACHINES).png, .svg" >&2; fi
	$(Q)if [ -f "$(HISTORY)" ]; then \
		$(B)/cgobench history --chart $(HISTORY:.csv=).dat --figure "$$HISTORY_FIGURE" \
			$(HISTORY) "$$SCENARIOS" && \
		gnuplot -c scripts/history.gp $(HISTORY:.csv=).dat $(HISTORY:.csv=) \
			"$$(sed -n '1s/^# //p' $(HISTORY:.csv=).dat)" "$$HISTORY_FIGURE" && \
		echo "charts: the history chart of $(HISTORY): $(HISTORY:.csv=).png, .svg" >&2; fi

# Instructions, not time: the same count on every run and machine of one
# kind, so the gate does not trip on a noisy CI machine. Each run lands in
# build/regress/<UTC time>/ and is appended to HISTORY (for make charts).
# The gate reads no --history: counts move by 0.01% between runs, and a
# history whose runs mostly carry a regression would make it look
# typical (compare.c's judge_history).
regress: $(B)/cgobench
	$(Q)command -v valgrind >/dev/null || { echo "make regress needs valgrind (make deps)"; exit 1; }
	$(Q)run=$(B)/regress/$$(date -u +%Y%m%dT%H%M%SZ); \
	$(B)/cgobench run --go $(GO) --cases $(REGRESS_CASES) --metric instructions --out $$run -q $(BENCHFLAGS) && \
	$(B)/cgobench history $(HISTORY) $$run && \
	$(B)/cgobench compare --fail-on-regression --threshold $(REGRESS_THRESHOLD) $(BASELINE) $$run

baseline: $(B)/cgobench
	rm -rf $(BASELINE)
	$(B)/cgobench run --go $(GO) --cases $(REGRESS_CASES) --metric instructions --out $(BASELINE) $(BENCHFLAGS)

unit: $(UNIT_BINS) $(B)/cgobench
	$(Q)bash harness/tests/run-unit.sh $(UNIT_BINS) -- \
		bash harness/tests/mutate.sh --check -- \
		sh harness/tests/studies.sh -- \
		bash harness/tests/memcheck.sh $(UNIT_PLAIN)

# The real readers of what a run writes, from the Go module proxy, for
# the tests: benchstat reads bench.txt; actionlint checks the workflows.
BENCHSTAT_VERSION = v0.0.0-20260908200009-22c9c6c9d4da
$(B)/tools/benchstat:
	$(Q)GOBIN=$(CURDIR)/$(B)/tools GOFLAGS=-mod=mod $(GO) install \
		golang.org/x/perf/cmd/benchstat@$(BENCHSTAT_VERSION)

ACTIONLINT_VERSION = v1.7.12
$(B)/tools/actionlint:
	$(Q)GOBIN=$(CURDIR)/$(B)/tools GOFLAGS=-mod=mod $(GO) install \
		github.com/rhysd/actionlint/cmd/actionlint@$(ACTIONLINT_VERSION)
TOOLS = $(B)/tools/benchstat $(B)/tools/actionlint
$(TOOLS): | $(DEPS_STAMP)
export BENCHSTAT = $(CURDIR)/$(B)/tools/benchstat
export ACTIONLINT = $(CURDIR)/$(B)/tools/actionlint

integration: $(B)/cgobench $(B)/tests/check_run $(TOOLS)
	$(Q)sh scripts/install-deps.sh clang chromium strace gccgo-12
	$(Q)sh harness/tests/integration.sh $(B)/cgobench $(B)/tests/check_run $(GO)

# Mutation testing: each mutant in harness/tests/mutants.txt applied
# alone to a copy of harness/ under build/mutate, the unit tests run.
mutate: $(DEPS_STAMP)
	$(Q)bash harness/tests/mutate.sh

# the ssh test needs an ssh server and client, the test of --cc clang
# clang, the page's test chromium, the Google Benchmark JSON's test
# compare.py, the SIGKILL test pgrep (procps), make lint cppcheck, the
# test of the progress line on a terminal strace, the test of gccgo's
# builds gccgo-12: only the tests use them
# make test builds what it runs a job a CPU (one at a time, the builds
# took a minute and a half of CI's 12), each after the packages are in
TEST_BUILDS = $(UNIT_BINS) $(B)/cgobench $(B)/tests/check_run $(FUZZ_BINS) $(TOOLS)
test:
	$(Q)$(MAKE) --no-print-directory -j$$(nproc) $(TEST_BUILDS)
	$(Q)sh scripts/install-deps.sh openssh-server openssh-client clang chromium \
		libbenchmark-tools python3-scipy procps cppcheck strace gccgo-12
	$(Q)$(MAKE) --no-print-directory lint
	$(Q)bash harness/tests/run-unit.sh $(UNIT_BINS) -- \
		bash harness/tests/mutate.sh --check -- \
		sh harness/tests/studies.sh -- \
		bash harness/tests/memcheck.sh $(UNIT_PLAIN) -- \
		sh harness/tests/fuzz-replay.sh $(FUZZ_BINS) -- \
		sh harness/tests/integration.sh $(B)/cgobench $(B)/tests/check_run $(GO) -- \
		sh harness/tests/remote.sh $(B)/cgobench $(B)/tests/check_run

FUZZ_SRC = util.c benchout.c gotest.c gbench.c csv.c family.c
# the run-directory target links every module but main.c
FUZZ_RUNDIR_SRC = $(filter-out harness/main.c,$(wildcard harness/*.c))
FUZZ_CC = clang -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -Iharness

$(B)/fuzz/fuzz_parsers: harness/tests/fuzz/fuzz_parsers.c $(FUZZ_SRC:%=harness/%) | $(B)/fuzz/deps
	$(Q)$(FUZZ_CC) $^ $(LDLIBS) -o $@

$(B)/fuzz/fuzz_rundirs: harness/tests/fuzz/fuzz_rundirs.c $(FUZZ_RUNDIR_SRC) | $(B)/fuzz/deps
	$(Q)$(FUZZ_CC) $^ $(LDLIBS) -o $@

$(B)/fuzz/deps: | $(DEPS_STAMP)
	$(Q)sh scripts/install-deps.sh clang
	$(Q)sh scripts/install-deps.sh libclang-rt-$$(clang -dumpversion | cut -d. -f1)-dev
	@mkdir -p $(dir $@) && touch $@

# The committed seeds are real outputs and the hostile inputs of #14; the
# first byte of a parser seed picks the parser, a run directory's seed is
# its files, each led by "%%% NAME". FUZZTIME seconds each.
fuzz: $(FUZZ_BINS)
	@mkdir -p $(B)/fuzz/corpus $(B)/fuzz/corpus-rundirs
	$(B)/fuzz/fuzz_parsers -max_total_time=$(FUZZTIME) -print_final_stats=1 \
		$(B)/fuzz/corpus harness/tests/fuzz/corpus
	$(B)/fuzz/fuzz_rundirs -max_total_time=$(FUZZTIME) -timeout=20 -print_final_stats=1 \
		$(B)/fuzz/corpus-rundirs harness/tests/fuzz/corpus-rundirs

fmt:
	@command -v clang-format >/dev/null || { echo "make fmt needs clang-format (apt-get install clang-format)"; exit 1; }
	clang-format -i harness/*.c harness/*.h harness/tests/*.c

lint:
	@command -v cppcheck >/dev/null || { echo "make lint needs cppcheck (apt-get install cppcheck)"; exit 1; }
	cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
		--std=c11 -D_GNU_SOURCE harness

clean:
	rm -rf $(B)

-include $(wildcard $(B)/obj/*.d $(B)/san/*.d $(B)/tests/*.d $(B)/san-tests/*.d)
