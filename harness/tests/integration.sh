#!/bin/sh
# usage: sh harness/tests/integration.sh CGOBENCH CHECK_RUN [GO]
#
# Runs a short real suite of the call family into a directory whose name
# has a space and checks the run directory with CHECK_RUN; runs every
# family briefly and checks that each produced every variant; runs the test
# families of harness/tests/cases, which fail to build, crash, panic, hang
# and skip on purpose; interrupts a run with SIGINT and reads back what it
# wrote; and checks that bad command lines exit 2 with a clear message.
# Ends with "integration: N passed, M failed".
#
# The runs that time samples pass --hold 0, but the one traced on a pty
# and the one whose samples must fall in two clean groups: they check
# what a run does, not how fast the CPU ran, and on a VM whose CPUs ran
# slow each waited up to a minute for it (this test took 709 s, the
# threads run 62 s, of which 60 waiting; 332 s with --hold 0).
set -u
cgobench=$1
check=$2
go=${3:-go}
tmp=$(mktemp -d)
# a failed check keeps what it read, for the reader to see why
trap 'if [ "${failed:-0}" -gt 0 ]; then echo "integration: kept $tmp for the failed checks" >&2; else rm -rf "$tmp"; fi' EXIT
. "$(dirname "$0")/testlib.sh"

run="$tmp/run dir"
# with Google Benchmark's own variables in the environment, which set its
# flags' defaults and which cgobench leaves out (checked below)
if BENCHMARK_REPETITIONS=3 BENCHMARK_OUT="$tmp/gb-out.json" "$cgobench" run --hold 0 --go "$go" --cases call --count 5 --max-count 5 \
	--benchtime 0.05s --warmup 0.02s --out "$run" -q >"$tmp/stdout" 2>"$tmp/stderr"; then
	ok "a short run of the call family exits 0"
else
	bad "a short run of the call family: $(tail -n 3 "$tmp/stderr")"
fi
if [ ! -e "$tmp/gb-out.json" ] && ! grep -q '"repetitions": [^1]' "$run"/gbench-call-*.json &&
	[ "$(grep '^cgobench: warning: BENCHMARK_.* from the environment left out of the benchmark processes' "$tmp/stderr" |
		grep 'BENCHMARK_OUT' | grep -c 'BENCHMARK_REPETITIONS')" -eq 1 ]; then
	ok "BENCHMARK_REPETITIONS and BENCHMARK_OUT reach no benchmark, and the run says so once"
else
	bad "BENCHMARK_* from the environment: $(ls "$tmp/gb-out.json" 2>&1; grep -h 'repetitions\|BENCHMARK' "$run"/gbench-call-*.json "$tmp/stderr" | head -n 3)"
fi
[ -s "$tmp/stderr" ] && sed 's/^/  stderr: /' "$tmp/stderr"
if grep -q 'c->go(cthread)' "$tmp/stdout"; then
	ok "the summary table goes to stdout"
else
	bad "the summary table goes to stdout"
fi
# 5 samples give no 95% interval: every row says so, however close its
# samples, the table gives each range's level, and none meets the goal
if [ "$(grep -c '^1,call,.*,ns/op,5,.*,"5 repetitions give no 95% interval for the median: their range covers it 93.8% of the time, and 6 are the fewest' "$run/summary.csv")" -eq 7 ] &&
	[ "$(grep -c '] ns (93.8%)' "$tmp/stdout")" -eq 7 ] &&
	grep -q '^cgobench: Of the 7 benchmarks measured, 0 met the run.s interval goal; 0 are within +-1% of their median, 0 within +-3%, 0 within +-5%. 7 had fewer than 6 samples' "$tmp/stderr"; then
	ok "rows of 5 samples meet no goal, and the run says why"
else
	bad "rows of 5 samples: $(grep '^1,call,go->c,.*,ns/op' "$run/summary.csv"; grep -c '(93.8%)' "$tmp/stdout")"
fi

check_run complete "$run"
# What a first touch of fresh memory cost on the pinned CPU, ten runs (five
# as the run started, five as it ended), and report.md gives it.
if grep -Eq '^fault-ns: [0-9]+ \[[0-9]+, [0-9]+\] over 10 runs of 128 pages( on cpu [0-9]+)?$' "$run/machine.txt" &&
	grep -q '^- fault-ns: ' "$run/report.md"; then
	ok "machine.txt's fault-ns, and report.md's"
else
	bad "fault-ns: $(grep fault-ns "$run/machine.txt" "$run/report.md")"
fi
if grep -q '^hold: 0s$' "$run/machine.txt" && grep -q '^held-seconds: 0\.0$' "$run/machine.txt"; then
	ok "--hold 0: machine.txt says so, and no sample waited"
else
	bad "--hold 0: $(grep '^h[oe]ld' "$run/machine.txt")"
fi

# On a terminal a progress line comes before each sample, and whatever
# reads it (a terminal, ssh, script(1)) wakes on it. Printed before the
# probe of the pinned CPU, it slowed the probe and so flagged the sample
# (docs/precision.md, item 29): the line comes after the probe, right
# before the benchmark's process starts. Traced on a pty: the call after
# each progress line is the clone of that process, not the probe's
# sched_setaffinity. (A line saying it waits for a slow CPU is followed
# by a sleep, then the probe again.)
if [ -x /usr/bin/python3 ] && strace -o /dev/null true 2>/dev/null; then
	/usr/bin/python3 harness/tests/ptyread.py "$tmp/tty.log" strace -f -o "$tmp/tty.trace" \
		-e trace=sched_setaffinity,write,clone,clone3,vfork,wait4 \
		"$cgobench" run --go "$go" --cases call --count 2 --max-count 2 \
		--benchtime 0.02s --warmup 0.01s --out "$tmp/tty" </dev/null >/dev/null 2>&1
	said=$(awk 'NR == 1 { main = $1 }
		$1 != main || $2 == "---" || $2 == "+++" { next }
		said { if ($2 ~ /^(clone|clone3|vfork)\(/) good++; else { bad++; if (!first) first = $0 } said = 0 }
		$2 ~ /^write\(2,/ && /\[round / && !/waiting for/ { said = 1 }
		END { printf "%d %d %s", good, bad, first }' "$tmp/tty.trace" 2>/dev/null)
	case $said in
	[1-9][0-9]\ 0\ *) ok "on a terminal each progress line (${said%% *}) comes after the probe, right before the sample's process" ;;
	*) bad "progress on a terminal: after-line calls good, bad, first bad: '$said'" ;;
	esac
else
	echo "ok - # SKIP progress on a terminal: no python3, or no strace that may trace here (make test installs them)"
fi

# The summary took the machine's drift off the pinned samples, and
# compare, reading raw.csv, takes it off the same way: the run against
# its own summary.csv moves no row (and compare warns that the two are
# one run).
if grep -q '^drift: corrected (35 pinned samples, the median of 10 a side)$' "$run/machine.txt" &&
	"$cgobench" compare --format csv "$run" "$run/summary.csv" >"$tmp/self.csv" 2>"$tmp/self.err" &&
	grep -qxF "cgobench: warning: '$run' and '$run/summary.csv' are one run, which compared with itself shows no change" "$tmp/self.err" &&
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "change_pct") c = i } NR > 1 && c && $c != "" && $c + 0 != 0 { bad = 1 } END { exit bad || !c }' "$tmp/self.csv"; then
	ok "compare reads raw.csv with the drift taken off, as the summary was written"
else
	bad "drift: $(grep '^drift' "$run/machine.txt") $(head -n 3 "$tmp/self.csv") $(cat "$tmp/self.err")"
fi

# on x86-64 the driver's loops start at one byte of their lines (place.c),
# 48 on AMD's family 26 and 0 elsewhere: build.log says how many moved and
# where, and the binary has c->c(fnptr)'s there
if [ "$("$go" env GOARCH)" = amd64 ]; then
	built="build/$("$go" env GOVERSION)-amd64-gcc/call"
	want=0
	[ "$(sed -n 's/^vendor_id[[:space:]]*: //p;s/^cpu family[[:space:]]*: //p' /proc/cpuinfo | head -n 2 | tr '\n' ' ')" = "AuthenticAMD 26 " ] && want=48
	# loops_placed WHOSE BUILT: the call driver built in BUILT moved its 3
	# loops, kept the placed assembly, and has c->c(fnptr)'s at the byte
	loops_placed() {
		head=$(objdump -d --no-show-raw-insn "$2/c.bench" |
			awk -v sym=_ZL9c_c_fnptrRN9benchmark5StateE -f scripts/loop-heads.awk)
		if grep -q "^# moved 3 loops to byte $want of their 64-byte lines: " "$2/build.log" &&
			[ -s "$2/cbench-0-1.o.placed.s" ] && [ "$head" = "$want" ]; then
			ok "$1 call driver's loops start at byte $want of their lines"
		else
			bad "$1 call driver's loops: c->c(fnptr) at byte '$head', not $want, $(grep '^# moved' "$2/build.log")"
		fi
	}
	loops_placed "gcc's" "$built"
	# and every Go function starts a line (build.c's go_funcalign): the
	# closure that holds go->go's loop, and the c-archive's export; and
	# so does every C function cgo compiles (cgo_cflags): go->c's callee
	fn=$(nm "$built/go.test" | awk '$3 == "cgobench/cases/call.BenchmarkCall.func1" { print $1 }')
	ex=$(nm "$built/c.bench" | awk '$3 == "CallGoAdd1" { print $1 }')
	cf=$(nm "$built/go.test" | awk '$3 == "call_add1" { print $1 }')
	if grep -q '^# Go functions start at 64-byte lines (-ldflags=-funcalign=64)$' "$built/build.log" &&
		grep -q '^\$ .* test -c -o .* -ldflags=-funcalign=64 ' "$built/build.log" &&
		grep -q '^# C functions start at 64-byte lines (CGO_CFLAGS=.*-falign-functions=64)$' "$built/build.log" &&
		[ -n "$fn" ] && [ $((0x$fn % 64)) -eq 0 ] && [ -n "$ex" ] && [ $((0x$ex % 64)) -eq 0 ] &&
		[ -n "$cf" ] && [ $((0x$cf % 64)) -eq 0 ]; then
		ok "the call family's Go functions and cgo's C functions start at 64-byte lines"
	else
		bad "the call family's functions: go->go's at 0x$fn, CallGoAdd1 at 0x$ex, call_add1 at 0x$cf, $(grep -i 'funcalign\|align-functions' "$built/build.log")"
	fi
	# both sides run the same machine code for a family's work.c, each
	# function at the start of a line (build.c's work_flags): batch's
	# batch_all and data's data_rec_value differed while the C side's
	# work.c was built without cgo's -fPIC. The user's CGO_CFLAGS reach
	# both sides, split as go splits them: a quoted word with a blank is
	# one flag (toolchain_split_flags)
	if CGO_CFLAGS="-O2 -g '-DCGOBENCH_UNREAD=a b'" "$cgobench" bundle --go "$go" --cases batch,data \
		--build-dir "$tmp/work" -q "$tmp/work.tar.gz" 2>"$tmp/work.err" &&
		sh scripts/same-work.sh "$tmp"/work/*-amd64-gcc/batch "$tmp"/work/*-amd64-gcc/data \
			>"$tmp/same-work.txt" 2>&1 &&
		[ "$(wc -l <"$tmp/same-work.txt")" -eq 8 ] &&
		! grep -v ' same c@0 go@0$' "$tmp/same-work.txt" >/dev/null; then
		ok "the C and Go sides run the same code for work.c, each function at a line"
	else
		bad "work.c's code on the two sides: $(grep -v ' same c@0 go@0$' "$tmp/same-work.txt" | tr '\n' ';') $(cat "$tmp/work.err")"
	fi
	# a quote left open in CGO_CFLAGS, on which go env panics, is one line
	# naming it (go's panic line, not its traceback's end), before
	# anything is built
	if CGO_CFLAGS="-O2 '-g" "$cgobench" bundle --go "$go" --cases call --build-dir "$tmp/open" -q \
		"$tmp/open.tar.gz" 2>"$tmp/open.err"; then
		bad "a CGO_CFLAGS with an open quote was taken"
	elif [ "$(wc -l <"$tmp/open.err")" -eq 1 ] && grep -q "'go env' failed: panic: .*CGO_CFLAGS.*unterminated ' string$" "$tmp/open.err" &&
		[ ! -e "$tmp/open" ]; then
		ok "a CGO_CFLAGS with an open quote is one line naming it"
	else
		bad "an open quote in CGO_CFLAGS: $(cat "$tmp/open.err")"
	fi
	# a bundle whose case does not build says so once, naming the case
	# and the flag
	if CGO_CFLAGS="-O2 -fcgobench-bogus" "$cgobench" bundle --go "$go" --cases batch \
		--build-dir "$tmp/bogus" -q "$tmp/bogus.tar.gz" 2>"$tmp/bogus.err"; then
		bad "a bundle with a case that does not build succeeded"
	elif [ "$(wc -l <"$tmp/bogus.err")" -eq 1 ] &&
		[ "$(grep -o 'does not build' "$tmp/bogus.err" | wc -l)" -eq 1 ] &&
		grep -q "^cgobench: case 'batch' does not build with .*-fcgobench-bogus" "$tmp/bogus.err"; then
		ok "a bundle's case that does not build is named once"
	else
		bad "a bundle's case that does not build: $(cat "$tmp/bogus.err")"
	fi
	# a user's CGO_CFLAGS that sets a function alignment is left to win
	if CGO_CFLAGS='-O2 -g -falign-functions=16' "$cgobench" bundle --go "$go" --cases call \
		--build-dir "$tmp/cflags" -q "$tmp/cflags.tar.gz" 2>"$tmp/cflags.err" &&
		grep -q '^# CGO_CFLAGS sets a function alignment: C functions left where it puts them$' \
			"$tmp/cflags/$("$go" env GOVERSION)-amd64-gcc/call/build.log"; then
		ok "a CGO_CFLAGS with a function alignment is left to win"
	else
		bad "CGO_CFLAGS with -falign-functions: $(cat "$tmp/cflags.err")"
	fi
	# a user's GOFLAGS that gives -ldflags, in the environment or set by
	# go env -w, is left to win (ours would override it), and build.log
	# says so: -w drops the DWARF. Each builds in the same directory, after
	# a build without it: the build is done anew, not reused
	GOENV="$tmp/goenv" "$go" env -w GOFLAGS=-ldflags=-w
	built="$tmp/goflags/$("$go" env GOVERSION)-amd64-gcc/call"
	for how in GOENV="$tmp/goenv" GOFLAGS=-ldflags=-w; do
		"$cgobench" bundle --go "$go" --cases call --build-dir "$tmp/goflags" -q "$tmp/goflags.tar.gz" 2>/dev/null
		if env "$how" "$cgobench" bundle --go "$go" --cases call --build-dir "$tmp/goflags" -q \
			"$tmp/goflags.tar.gz" 2>"$tmp/goflags.err" &&
			grep -q '^# GOFLAGS gives -ldflags: Go functions left where the linker puts them$' "$built/build.log" &&
			! grep -q 'funcalign=' "$built/build.log" && ! objdump -h "$built/go.test" | grep -q debug_info; then
			ok "a GOFLAGS with -ldflags ($how) is left to win over the alignment"
		else
			bad "$how: $(cat "$tmp/goflags.err") $(grep -i 'ldflags' "$built/build.log")"
		fi
	done
	# gccgo (Debian's gccgo-12): the call family's go->go keeps its work,
	# which gccgo deleted while the families' sink was unexported and
	# never read, and gcc starts its Go functions at 64-byte lines
	"$cgobench" run --hold 0 --go /usr/bin/go-12 --cases call --count 2 --max-count 2 \
		--benchtime 0.01s --warmup 0.01s --build-dir "$tmp/gccgo-build" --out "$tmp/gccgo" -q \
		>/dev/null 2>"$tmp/gccgo.err"
	built=$(echo "$tmp"/gccgo-build/gccgo*-amd64-gcc/call)
	fn=$(nm "$built/go.test" 2>/dev/null | awk '$3 == "cgobench_1cases_1call.BenchmarkCall..func1" { print $1 }')
	if grep -q '^1,call,go->go,gccgo[^,]*,gcc,,ns/op,2,' "$tmp/gccgo/summary.csv" &&
		! grep -q '^1,call,go->go,.*,deleted,' "$tmp/gccgo/summary.csv" &&
		grep -q '^# Go functions start at 64-byte lines (-gccgoflags=-falign-functions=64)$' "$built/build.log" &&
		[ -n "$fn" ] && [ $((0x$fn % 64)) -eq 0 ]; then
		ok "gccgo: go->go measured, not deleted, and its Go functions at 64-byte lines"
	else
		bad "gccgo: $(grep '^1,call,go->go,.*,ns/op,' "$tmp/gccgo/summary.csv" | cut -c 1-160) func1 at 0x$fn, $(tail -n 2 "$tmp/gccgo.err")"
	fi
	# gccgo's rows are counted too: its libgo names the timer's functions
	# testing.B.StartTimer, where they never started a count before
	"$cgobench" run --go /usr/bin/go-12 --cases-dir harness/tests/cases --cases slow \
		--metric instructions --count 1 --max-count 1 --iterations 20000 \
		--build-dir "$tmp/gccgo-build" --out "$tmp/gccgo-counted" -q >/dev/null 2>"$tmp/gccgo-counted.err"
	# (one sample: wide, no interval, and the note says so)
	if awk -F, '$3 == "go->c" && $7 == "instructions/op" && $25 == "wide" && $9 > 100 { found = 1 } END { exit !found }' \
		"$tmp/gccgo-counted/summary.csv" &&
		grep -q ',go->c,.*,wide,"1 repetition gives no 95% interval for the median: its range covers it 0% of the time' \
			"$tmp/gccgo-counted/summary.csv"; then
		ok "gccgo: go->c counted in instructions"
	else
		bad "gccgo counted: $(grep ',go->c,' "$tmp/gccgo-counted/summary.csv" | cut -c 1-200) $(tail -n 1 "$tmp/gccgo-counted.err")"
	fi
fi

# clang as the C compiler: every row and the machine record name it.
if "$cgobench" run --hold 0 --go "$go" --cc clang --cases call --count 3 --max-count 3 \
	--benchtime 0.02s --warmup 0.01s --out "$tmp/clang" -q >/dev/null 2>"$tmp/clang.err" &&
	[ "$(cut -d, -f5 "$tmp/clang/summary.csv" | sort -u | tr '\n' ' ')" = "cc clang " ] &&
	grep -q '^cc-version: .*clang' "$tmp/clang/machine.txt"; then
	ok "--cc clang builds and runs the call family, every row names clang"
else
	bad "--cc clang: $(tail -n 3 "$tmp/clang.err")"
fi
check_run complete "$tmp/clang"
# and its driver's loops, each fallen into, moved as gcc's are, with a
# jmp over the padding (place.c)
if [ "$("$go" env GOARCH)" = amd64 ]; then
	loops_placed "clang's" "build/$("$go" env GOVERSION)-amd64-clang/call"
fi

# The Go packages the families share, and the families whose code has
# more than benchmarks (handles' shards lying apart, say), have their
# own tests.
if (cd cases && "$go" test ./...) >"$tmp/gotest" 2>&1; then
	ok "go test ./... in cases"
else
	bad "go test ./... in cases: $(grep -m 3 -e FAIL -e '^---' "$tmp/gotest")"
fi

# Every family of cases/, briefly: every variant at every param measured,
# with its extra units and its baseline; the claims quote its figures
# (5 samples: fewer leave a claim inconclusive).
if "$cgobench" run --hold 0 --go "$go" --cases 'batch,blocking,call,data,directives,handles,libraries,mainthread,parallel,purego,recovery,scheduling,threads' \
	--count 5 --max-count 5 --benchtime 0.01s --benchtime-unpinned 0.02s --warmup 0.01s \
	--out "$tmp/catalogue" -q >/dev/null 2>"$tmp/catalogue.err"; then
	ok "a short run of every family exits 0"
else
	bad "a short run of every family: $(tail -n 3 "$tmp/catalogue.err")"
fi
check_run catalogue "$tmp/catalogue"
# The families on every CPU time each sample for --benchtime-unpinned
# (a timed loop lasts at least that: iterations x ns/op, less go test's
# rounding of ns/op to 4 significant digits, about 5e-4 of it: 121647 x 164.4
# ns is 0.0199988 s), the others for --benchtime; machine.txt says both.
unpinned=$(sed -n 's/^unpinned: .*: //p' "$tmp/catalogue/machine.txt")
lengths=$(awk -F, -v fams="$unpinned" 'BEGIN { n = split(fams, f, ","); for (i = 1; i <= n; i++) on[f[i]] = 1 }
	NR > 1 && $9 == "ns/op" { s = $8 * $10 / 1e9; if ($2 in on) { u++; if (s < 0.02 * (1 - 1e-3)) short++ } else if (s < 0.02) p++ }
	END { printf "%d %d %d", u, short, p }' "$tmp/catalogue/raw.csv")
if [ "${lengths%% *}" -gt 100 ] && [ "$(echo "$lengths" | cut -d' ' -f2)" -eq 0 ] &&
	[ "${lengths##* }" -gt 100 ] && grep -q '^benchtime: 0.01s$' "$tmp/catalogue/machine.txt" &&
	grep -q '^benchtime-unpinned: 0.02s$' "$tmp/catalogue/machine.txt"; then
	ok "the families on every CPU ($unpinned) time samples of --benchtime-unpinned, the others --benchtime"
else
	bad "--benchtime-unpinned: $lengths (the samples on every CPU, those under 0.02 s, the others under 0.02 s); $(grep '^benchtime' "$tmp/catalogue/machine.txt" | tr '\n' ' ')"
fi

# Cases that fail on purpose: the run goes on, says why, and exits 1.
"$cgobench" run --hold 0 --go "$go" --cases-dir harness/tests/cases --cases flaky,broken,deleted --count 3 \
	--max-count 3 --benchtime 0.02s --warmup 0.01s --timeout 3 \
	--out "$tmp/flaky" -q >/dev/null 2>"$tmp/flaky.err"
rc=$?
if [ "$rc" -eq 1 ]; then
	ok "a run with failing cases exits 1"
else
	bad "a run with failing cases exits $rc, want 1: $(tail -n 3 "$tmp/flaky.err")"
fi
check_run flaky "$tmp/flaky"
# A benchmark whose work the compiler removed is no figure: deleted, saying
# why; the same benchmark with its work is measured, with no overhead over
# the deleted one (a ratio of ten million), saying why.
if grep -q '^1,deleted,empty,.*,ns/op,3,.*,deleted,"[0-9.e+-]* ns/op is less than one CPU cycle: the compiler removed the work' \
	"$tmp/flaky/summary.csv" &&
	grep -q '^1,deleted,kept,go[^,]*,[^,]*,,ns/op,3,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,empty,,,,,,,,.*no overhead or ratio: its baseline empty is deleted' \
		"$tmp/flaky/summary.csv" &&
	! grep -q '^1,deleted,kept,.*,deleted,' "$tmp/flaky/summary.csv"; then
	ok "a benchmark whose work was removed is marked deleted, one with its work is not, and has no overhead over it"
else
	bad "deleted work: $(grep '^1,deleted,[a-z]*,.*,ns/op,' "$tmp/flaky/summary.csv")"
fi
# and so counted: under one instruction an op at the default iterations;
# at 20000 the timer's own count makes 7.7 an op, and the warm-up's time
# tells
for how in "--count 2:instructions/op is less than one instruction" \
	"--iterations 20000:ns/op in its warm-up is less than one CPU cycle"; do
	"$cgobench" run --go "$go" --cases-dir harness/tests/cases --cases deleted --metric instructions \
		--count 2 ${how%%:*} --out "$tmp/deleted-counted" -q >/dev/null 2>"$tmp/deleted-counted.err"
	if grep -q "^1,deleted,empty,.*,instructions/op,2,.*,deleted,\"[0-9.e+-]* ${how#*:}: the compiler removed the work" \
		"$tmp/deleted-counted/summary.csv" &&
		grep -q '^1,deleted,kept,.*,instructions/op,2,.*no overhead or ratio: its baseline empty is deleted"*$' \
			"$tmp/deleted-counted/summary.csv"; then
		ok "a counted benchmark whose work was removed is marked deleted (${how%%:*})"
	else
		bad "deleted work, counted (${how%%:*}): $(grep '^1,deleted,[a-z]*,.*,instructions/op,' "$tmp/deleted-counted/summary.csv") $(tail -n 2 "$tmp/deleted-counted.err")"
	fi
	rm -rf "$tmp/deleted-counted"
done

# A row short of its interval goal says how wide it is, about how many
# samples would reach the goal, and names the knob of cgobench and of make
# that stopped it: here --max-count, all taken (6: with fewer, no interval).
"$cgobench" run --hold 0 --go "$go" --cases-dir harness/tests/cases --cases slow --count 6 \
	--max-count 6 --target-ci 0.01 --benchtime 0.01s --warmup 0.01s \
	--out "$tmp/wide" >/dev/null 2>"$tmp/wide.err"
# (on a busy machine the row may be disturbed, its note the same first)
if grep -q "\(wide\|disturbed\),\"95% interval +-[0-9.]*% after 6 repetitions, wider than +-0.01%; \(about [0-9]*\|more than a million\) would reach it at this spread (raise '--max-count <N>', or MAXCOUNT=<N> under make: it took all --max-count)[\";]" \
	"$tmp/wide/summary.csv" && grep -q '^rounds-ended: done$' "$tmp/wide/machine.txt" &&
	! grep -q 'The budget ended' "$tmp/wide.err"; then
	ok "a wide row says how wide and names --max-count and MAXCOUNT"
else
	bad "a wide row says how wide and names --max-count and MAXCOUNT: $(grep '^1,slow,.*,ns/op,' "$tmp/wide/summary.csv" | head -n 1)"
fi
# Output and errors into a pipe whose reader is gone (`| head` done): the
# run goes on and writes every file, and exits 3 for the table it could
# not print; killed by SIGPIPE, it lost them all.
{
	"$cgobench" run --hold 0 --go "$go" --cases-dir harness/tests/cases --cases slow --count 2 \
		--max-count 2 --benchtime 0.01s --warmup 0.01s --out "$tmp/closed" 2>&1
	echo $? >"$tmp/closed.rc"
} | true
if [ "$(cat "$tmp/closed.rc")" = 3 ] && [ -s "$tmp/closed/summary.csv" ] &&
	[ -s "$tmp/closed/report.md" ] && [ -s "$tmp/closed/index.html" ]; then
	ok "a run whose reader is gone writes its files and exits 3"
else
	bad "a run whose reader is gone: exit $(cat "$tmp/closed.rc"), $(ls "$tmp/closed" 2>&1 | tr '\n' ' ')"
fi
# Rows the budget stopped short of their goal name it, and so do the
# run's last lines and machine.txt: the budget spent in the first rounds,
# which run whatever it says, none follows.
"$cgobench" run --hold 0 --go "$go" --cases-dir harness/tests/cases --cases slow --count 6 \
	--max-count 20 --target-ci 0.01 --benchtime 0.01s --warmup 0.01s \
	--budget 0.01s --out "$tmp/spent" >/dev/null 2>"$tmp/spent.err"
if grep -q "after 6 repetitions, wider than +-0.01%; .*(raise '--budget <DUR>', or BUDGET=<DUR> under make: it ran out while the row was short of its goal)[\";]" \
	"$tmp/spent/summary.csv" && grep -q '^rounds-ended: budget$' "$tmp/spent/machine.txt" &&
	grep -q 'The budget ended the rounds while rows short of their goal still wanted samples: --budget (BUDGET= under make) gives them more.' "$tmp/spent.err" &&
	grep -q 'The budget ended the rounds while .*`--budget`' "$tmp/spent/report.md"; then
	ok "rows the budget stopped name --budget, as do the last lines and report.md"
else
	bad "rows the budget stopped name --budget: $(grep '^1,slow,.*,ns/op,' "$tmp/spent/summary.csv" | head -n 1); $(tail -n 1 "$tmp/spent.err")"
fi
# --aim-ci: rows within their goal (+-50%) at --count 6 go on toward the
# aim in the time left, to half of --max-count whatever their interval,
# and each says how near the aim it came (docs/precision.md item 62);
# on a machine whose pinned samples bear a lasting load (a busy CI
# runner), the time left is not spent once it is found, and they stay at
# --count, or took the aim's rounds before it was; machine.txt's aim says
# which
"$cgobench" run --hold 0 --go "$go" --cases-dir harness/tests/cases --cases slow --count 6 \
	--max-count 16 --target-ci 50 --aim-ci 0.01 --benchtime 0.01s --warmup 0.01s \
	--out "$tmp/aim" >/dev/null 2>"$tmp/aim.err"
aimed='^1,slow,[^,]*,go[^,]*,[^,]*,,ns/op,8,.*"repetitions raised from 6 to 8 to reach +-50%; +-[0-9.e+-]*% at the end, short of the aim of +-0.01%'
if grep -q '^repetitions: 6 (.*until the others are done, then the pinned toward +-0.01%, ' "$tmp/aim/machine.txt" &&
	if grep -q '^lasting-load: none$' "$tmp/aim/machine.txt"; then
		[ "$(grep -c "$aimed" "$tmp/aim/summary.csv")" -eq 2 ] &&
			grep -qx 'aim: opened' "$tmp/aim/machine.txt" &&
			grep -qx -- '- aim: opened' "$tmp/aim/report.md"
	else
		[ "$(grep -c '^1,slow,[^,]*,go[^,]*,[^,]*,,ns/op,[68],' "$tmp/aim/summary.csv")" -eq 2 ] &&
			grep -qx -e 'aim: opened' -e 'aim: not opened: a lasting load' "$tmp/aim/machine.txt"
	fi; then
	ok "--aim-ci: the pinned rows go on toward the aim, unless a load lasts"
else
	bad "--aim-ci: $(grep -e '^lasting' -e '^repetitions' -e '^aim' "$tmp/aim/machine.txt"); $(grep '^1,slow,.*,ns/op,' "$tmp/aim/summary.csv" | head -n 1)"
fi
# a slow spell of the machine may leave one of them disturbed instead,
# and two samples that go test printed alike (go->go at 1.175 ns/op twice)
# meet even +-0.01%: the three counts together are the two benchmarks
counts=$(sed -n 's/^cgobench: Of the 2 benchmarks measured, \([0-9]\) met the run.s interval goal; .* \([0-9]\) ended wide and \([0-9]\) disturbed: .*/\1 \2 \3/p' "$tmp/wide.err")
met=${counts%% *} rest=${counts#* }
wide=${rest% *} dist=${rest#* }
if [ -n "$counts" ] && [ $((met + wide + dist)) -eq 2 ] && [ $((wide + dist)) -ge 1 ] &&
	grep -q "^Of the 2 benchmarks measured, $met met .* $wide ended \`wide\` and $dist \`disturbed\`" "$tmp/wide/report.md"; then
	ok "the end of the run and report.md say how many benchmarks ended wide"
else
	bad "how many ended wide: $(tail -n 3 "$tmp/wide.err")"
fi
# A family whose spread is its behaviour (options: spread) stops at
# --count with its quartiles, where they say its cap (--max-count here)
# would not reach a goal of +-0.01%, while the others go on: to half of
# --max-count, where the goal is out of reach at --max-count. Its row at
# goroutines=1 (options: spread goroutines) contends with none and goes
# on with them.
"$cgobench" run --hold 0 --go "$go" --cases-dir harness/tests/cases --cases slow,contended --count 6 \
	--max-count 14 --target-ci 0.01 --target-ci-unpinned 0.01 --benchtime 0.01s --benchtime-unpinned 0.01s \
	--warmup 0.01s --out "$tmp/spread" >/dev/null 2>"$tmp/spread.err"
# (a slow spell of the machine may leave a row disturbed instead, its
# quartiles given all the same; on a machine busy with other work, as
# make test may run on, or in a spell that held the CPU at half speed
# (make test at b85b306: 9 of 17 pinned takes disturbed), both rows may
# be, and the run's last line counts them)
quartiles='ns/op,6,.*,%s,"95%% interval wider than +-0.01%%; the middle half of its 6 samples spans \[[^]]*\] [^ ]* ([^)]*): contention spreads it: about [0-9]* samples would reach the goal at this spread, more than the 14 a contended row takes'
spread_rows=$(grep -c "^1,contended,[a-z]*,[^,]*,[^,]*,,$(printf "$quartiles" spread)" "$tmp/spread/summary.csv" || true)
spread_all=$(grep -c "^1,contended,[a-z]*,[^,]*,[^,]*,,$(printf "$quartiles" '\(spread\|disturbed\)')" "$tmp/spread/summary.csv" || true)
if [ "$spread_rows" -ge 1 ]; then
	said() {
		grep -q "^cgobench: .* $spread_rows ended spread: contention spreads their samples" "$tmp/spread.err" &&
			grep -q '| n | middle half of the samples |$' "$tmp/spread/report.md"
	}
else
	said() { grep -q '^cgobench: .* \(The machine was busy while\|ended wide and [0-9]* disturbed\)' "$tmp/spread.err"; }
fi
alone=$(grep -c '^1,contended,alone,[^,]*,[^,]*,goroutines=1,ns/op,7,.*,\(wide\|disturbed\),"95% interval +-' "$tmp/spread/summary.csv")
if [ "$spread_all" -eq 2 ] && [ "$alone" -eq 1 ] &&
	[ "$(grep -c '^1,slow,.*,ns/op,7,.*,\(wide\|disturbed\),' "$tmp/spread/summary.csv")" -eq 2 ] &&
	said; then
	ok "a contended family stops at --count and gives its quartiles"
else
	bad "a contended family: $(grep contended "$tmp/spread/summary.csv" | head -n 2) $(tail -n 1 "$tmp/spread.err")"
fi
# machine.txt gives the time a cache line took between the first CPU and
# the last around the contended samples (on one CPU, none; beside other
# work, a trip may not be timed at all)
transfer=$(grep '^transfer-ns:' "$tmp/spread/machine.txt" || true)
if [ "$(nproc)" -lt 2 ] || { [ -z "$transfer" ] && ! grep -q 'The machine was quiet' "$tmp/spread.err"; } ||
	echo "$transfer" | grep -q '^transfer-ns: [0-9]* \[[0-9]*, [0-9]*\] over [0-9]* samples$'; then
	ok "machine.txt: a cache line's trip between the CPUs"
else
	bad "machine.txt's transfer-ns: '$transfer'"
fi
# A row whose samples fall in two groups says so: the test family states'
# two does three times the work in every other process (a count in a
# file beside its binary), as a case whose state changes between
# processes would.
"$cgobench" run --go "$go" --cases-dir harness/tests/cases --cases states --count 8 \
	--max-count 8 --benchtime 0.02s --warmup 0.01s --out "$tmp/states" >/dev/null 2>"$tmp/states.err"
if grep -q '^1,states,two,.*,ns/op,8,.*"95% interval .*; its samples fall in two groups, [2-6] at \[[^]]*\] [^ ]* and [2-6] at \[[^]]*\] [^ ]*, further apart than their own spread (D = [0-9.]*): two states, and what switches them is worth finding' \
	"$tmp/states/summary.csv"; then
	ok "a row whose samples fall in two groups says so"
elif grep -q '^1,states,two,.*,ns/op,8,.*,disturbed,".*: a lasting load' "$tmp/states/summary.csv"; then
	# a CPU at a third of its speed (a slow hour of this VM) smears the
	# groups, and the row says it bore a lasting load instead
	echo "ok - # SKIP two groups: the run bore a lasting load, and its row says so"
else
	bad "two groups: $(grep '^1,states,two,.*,ns/op,' "$tmp/states/summary.csv") $(tail -n 1 "$tmp/states.err")"
fi
# A sample of one iteration, where the warm-up's speed fills the
# benchtime with thousands, timed a stalled first call: states' one
# sleeps 60 ms inside its timer, and its c-one spins 60 ms, in the
# processes $CGOBENCH_STALL_AT names, counted in $CGOBENCH_STALL_FILE
# (and that file with .c; the warm-up's is the first). Stalled once, the
# sample is taken again; stalled in it and both retakes, it is kept and
# its row says so (in the last round, 5,6,7: the warm-up is process 1).
CGOBENCH_STALL_FILE=$tmp/stall.count CGOBENCH_STALL_AT=3 "$cgobench" run --go "$go" --cases-dir harness/tests/cases --cases states \
	--count 4 --max-count 4 --benchtime 0.02s --warmup 0.01s --out "$tmp/stall" >/dev/null 2>"$tmp/stall.err"
CGOBENCH_STALL_FILE=$tmp/stall3.count CGOBENCH_STALL_AT=5,6,7 "$cgobench" run --go "$go" --cases-dir harness/tests/cases --cases states \
	--count 4 --max-count 4 --benchtime 0.02s --warmup 0.01s --out "$tmp/stall3" >/dev/null 2>"$tmp/stall3.err"
# the largest ns/op of variant $2 in run directory $1
stall_max() { awk -F, -v v="$2" '$2 == "states" && $3 == v && $7 == "ns/op" { print $11 }' "$1/summary.csv"; }
for v in one c-one; do
	if awk -v m="$(stall_max "$tmp/stall" "$v")" 'BEGIN { exit !(m > 0 && m < 1e6) }' &&
		grep -q "^1,states,$v,.*,ns/op,4,.*\"[^\"]*[0-9] samples* retaken" "$tmp/stall/summary.csv" &&
		awk -v m="$(stall_max "$tmp/stall3" "$v")" 'BEGIN { exit !(m > 5e7) }' &&
		grep -q "^1,states,$v,.*,ns/op,4,.*1 sample of one iteration kept: a first call of 6[0-9.]* ms, where the warm-up ran [0-9.]* ns/op" "$tmp/stall3/summary.csv"; then
		ok "$v: a sample of one stalled iteration is taken again, and kept after two retakes with its row saying so"
	else
		bad "$v: stalled samples: $(grep "^1,states,$v,.*,ns/op," "$tmp/stall/summary.csv" "$tmp/stall3/summary.csv")"
	fi
done
# a sample put off is one more to take: the progress (a line a sample off
# a terminal, in runs this small) never counts more taken than planned,
# where the last round's retakes read 17 of 13
said=$(grep -c '^cgobench: round [0-9]*/[0-9]*: [0-9]* of [0-9]* samples taken' "$tmp/stall3.err")
over=$(sed -n 's/^cgobench: round [0-9]*\/[0-9]*: \([0-9]*\) of \([0-9]*\) samples taken.*/\1 \2/p' "$tmp/stall3.err" |
	awk '$1 > $2 { print; exit }')
if [ "$said" -gt 0 ] && [ -z "$over" ]; then
	ok "the progress counts a sample put off as one more to take"
else
	bad "progress: $said lines, one with more taken than planned: '$over'"
fi
# --sched reaches the benchmark's own thread: pinned, it runs under
# SCHED_BATCH (3) by default and SCHED_OTHER (0) with --sched normal; a
# family on every CPU keeps the machine's default.
if [ "$(nproc)" -ge 2 ]; then
	for sched in batch normal; do
		"$cgobench" run --hold 0 --go "$go" --cases-dir harness/tests/cases --cases policy \
			--count 1 --max-count 1 --benchtime 0.01s --warmup 0.01s \
			--sched "$sched" --out "$tmp/policy-$sched" -q >/dev/null 2>"$tmp/policy-$sched.err"
	done
	if grep -q '^1,policy,go->go,.*,policy,3$' "$tmp/policy-batch/raw.csv" &&
		grep -q '^sched: batch$' "$tmp/policy-batch/machine.txt" &&
		grep -q '^1,policy,go->go,.*,policy,0$' "$tmp/policy-normal/raw.csv" &&
		grep -q '^sched: normal$' "$tmp/policy-normal/machine.txt"; then
		ok "a pinned benchmark runs under SCHED_BATCH, or SCHED_OTHER with --sched normal"
	else
		bad "--sched: $(grep ',policy,[0-9]*$' "$tmp"/policy-*/raw.csv) $(tail -n 1 "$tmp/policy-batch.err")"
	fi
fi
# A machine that refuses SCHED_BATCH (here: a process under SCHED_IDLE
# without CAP_SYS_NICE, whose RLIMIT_NICE allows no change) runs the
# pinned processes under the policy they have, says so, and records it.
if [ "$(nproc)" -ge 2 ] && chrt -i 0 prlimit --nice=0:0 setpriv --bounding-set=-sys_nice \
	sh -c '! chrt -b 0 true' 2>/dev/null; then
	chrt -i 0 prlimit --nice=0:0 setpriv --bounding-set=-sys_nice \
		"$cgobench" run --hold 0 --go "$go" --cases-dir harness/tests/cases --cases policy \
		--count 1 --max-count 1 --benchtime 0.01s --warmup 0.01s \
		--out "$tmp/policy-refused" -q >/dev/null 2>"$tmp/policy-refused.err"
	if grep -q '^sched: normal$' "$tmp/policy-refused/machine.txt" &&
		grep -q '^1,policy,go->go,.*,ns/op,' "$tmp/policy-refused/raw.csv" &&
		grep -q "^cgobench: warning: cannot run 'true' under SCHED_BATCH: Operation not permitted: the pinned processes run under the normal policy" "$tmp/policy-refused.err"; then
		ok "a machine that refuses SCHED_BATCH runs the pinned processes without it, and says so"
	else
		bad "SCHED_BATCH refused: $(grep sched "$tmp/policy-refused/machine.txt") $(head -n 3 "$tmp/policy-refused.err")"
	fi
fi
# A CPU-bound loop on the CPU the samples run on disturbs them: each is
# put off to the end of its round and taken again there, at most twice
# (so at most 6 retaken a benchmark in 3 rounds), then kept and flagged;
# raw.csv holds only what was kept, one sample a benchmark a round.
# Samples of 0.05 s: /proc/stat counts in ticks of 10 ms, and in one of
# 14 takes of 0.01 s it once showed none of the loop's time.
cpu=$(($(nproc) - 1))
taskset -c "$cpu" sh -c 'while :; do :; done' &
loop=$!
"$cgobench" run --hold 0 --go "$go" --cases-dir harness/tests/cases --cases slow --count 3 \
	--max-count 3 --pin "$cpu" --benchtime 0.05s --warmup 0.01s \
	--out "$tmp/loaded" >/dev/null 2>"$tmp/loaded.err"
kill "$loop"
retaken=$(sed -n 's/^samples-retaken: //p' "$tmp/loaded/machine.txt")
kept=$(sed -n 's/^samples-disturbed: //p' "$tmp/loaded/machine.txt")
per_round=$(awk -F, '$9 == "ns/op" { print $3, $7 }' "$tmp/loaded/raw.csv" | sort -u | wc -l)
# the note's count of retakes, first in it or after another clause
notes=$(grep -c ',ns/op,.*[";] \{0,1\}[1-6] samples\{0,1\} retaken, [0-3] kept though disturbed (' "$tmp/loaded/summary.csv")
if [ "${retaken:-0}" -ge 2 ] && [ "$retaken" -le 12 ] && [ "${kept:-0}" -le 6 ] &&
	[ "$per_round" -eq 6 ] && [ "$(grep -c ',ns/op,' "$tmp/loaded/raw.csv")" -eq 6 ] &&
	[ "$notes" -ge 1 ]; then
	ok "a disturbed sample is taken again at its round's end, at most twice"
else
	bad "disturbed samples: retaken ${retaken:-?}, kept ${kept:-?}, $per_round of 6 rounds' samples, $notes notes: $(tail -n 1 "$tmp/loaded.err")"
fi
# The loop's time shows on the pinned CPU: every disturbed take was
# upset by another process, none by a slow CPU alone.
if grep -q "^disturbed-by: $((retaken + kept)) upset, 0 slow\$" "$tmp/loaded/machine.txt"; then
	ok "machine.txt counts the takes another process disturbed"
else
	bad "disturbed-by: $(grep disturbed-by "$tmp/loaded/machine.txt"), retaken $retaken, kept $kept"
fi
# The run's last line where a load lasted, and what it says to compare instead.
lasted_line='^cgobench: .* a load that lasted, .* so every pinned row is disturbed\. Instructions an op, which no load moves, are what to compare from such a machine: cgobench run --metric instructions counts them under callgrind (docs/ci\.md)\.$'
# Two retaken of at most 8 takes are a quarter: a lasting load, which
# makes every row of the family disturbed, whatever its samples passed.
lasting=$(grep -c ',ns/op,.*,disturbed,".*[0-9]% of the pinned families. samples ran disturbed: a lasting load' "$tmp/loaded/summary.csv")
if [ "$lasting" -eq 2 ] &&
	grep -q "^pinned-disturbed: $((retaken + kept)) of $((6 + retaken))\$" "$tmp/loaded/machine.txt" &&
	grep -q "$lasted_line" "$tmp/loaded.err"; then
	ok "a lasting load on the pinned CPU flags every pinned row"
else
	bad "a lasting load: $lasting rows, $(grep pinned-disturbed "$tmp/loaded/machine.txt")"
fi
# and is said once as the rounds run, at the end of the first round that
# finds it, not only when the run ends
said=$(grep -c '^cgobench: warning: the pinned samples ran disturbed in [1-9][0-9]* of [1-9][0-9]* takes so far ([0-9]*%); of all takes, [0-9]* ran on a slow CPU alone and [0-9]* beside other processes: a load that lasts, and while it does every pinned row will be flagged disturbed' "$tmp/loaded.err")
if [ "$said" -eq 1 ] && [ "$(grep -n 'takes so far' "$tmp/loaded.err" | cut -d: -f1)" -lt "$(grep -n 'a load that lasted' "$tmp/loaded.err" | cut -d: -f1)" ]; then
	ok "a lasting load is said once while the rounds run"
else
	bad "a lasting load said as the rounds run: $said times: $(grep 'so far' "$tmp/loaded.err")"
fi
# A CPU-bound loop on another CPU than the pinned one, beside a family on
# every CPU: the samples see others near a CPU on average, the machine is
# busy, and every pinned row bears a lasting load (or a quarter of the
# pinned takes ran disturbed, where the loop slows the pinned CPU too).
if [ "$cpu" -ge 1 ]; then
	taskset -c 0 sh -c 'while :; do :; done' &
	loop=$!
	"$cgobench" run --hold 0 --go "$go" --cases-dir harness/tests/cases --cases slow,contended \
		--count 3 --max-count 3 --pin "$cpu" --benchtime 0.01s --benchtime-unpinned 0.01s --warmup 0.01s \
		--out "$tmp/busy" >/dev/null 2>"$tmp/busy.err"
	kill "$loop"
	why=$(sed -n 's/^lasting-load: //p' "$tmp/busy/machine.txt")
	case $why in
	busy) note='the machine was busy (others [0-9.]* CPU on average) and [0-9]*% of the pinned' ;;
	*) note='[0-9]% of the pinned' ;;
	esac
	flagged=$(grep -c "^1,slow,.*,ns/op,.*,disturbed,\".*$note families. samples ran disturbed: a lasting load" "$tmp/busy/summary.csv")
	if [ "$why" != none ] && [ -n "$why" ] && [ "$flagged" -eq 2 ] &&
		grep -q "$lasted_line" "$tmp/busy.err" &&
		[ "$(grep -c '^cgobench: warning: .* so far.*; of all takes, .*: a load that lasts' "$tmp/busy.err")" -eq 1 ]; then
		ok "a busy machine flags every pinned row ($why)"
	else
		bad "a busy machine: lasting-load '$why', $flagged rows: $(tail -n 1 "$tmp/busy.err")"
	fi
	# the loop's CPU beside the pinned samples' is counted and said
	elsewhere=$(sed -n 's/^load-elsewhere: //p' "$tmp/busy/machine.txt")
	if awk -v e="${elsewhere:-0}" 'BEGIN { exit !(e > 0.5 && e < 1.5) }' &&
		grep -q "^cgobench: .* The machine was busy while .* and [0-9.]* on the other CPUs of a pinned one (work that can slow" "$tmp/busy.err"; then
		ok "a loop on another CPU than the pinned one is counted and said (load-elsewhere $elsewhere)"
	else
		bad "load-elsewhere '${elsewhere}': $(tail -n 1 "$tmp/busy.err")"
	fi
fi
# off a terminal, progress comes as whole lines, with the time left
if [ "$(grep -c '^cgobench: round [0-9]*/[0-9]*: [0-9]* of [0-9]* samples taken, about [0-9]*m[0-9][0-9]s left$' "$tmp/wide.err")" -ge 2 ] &&
	! grep -q "$(printf '\r')" "$tmp/wide.err"; then
	ok "off a terminal, progress lines with the time left"
else
	bad "off a terminal, progress lines: $(head -n 5 "$tmp/wide.err")"
fi

# A baselines line or an options env that names nothing the family has is
# said, each once, naming its file.
mkdir "$tmp/unused"
cp -r harness/tests/cases/go.mod harness/tests/cases/slow "$tmp/unused/"
printf 'go->c go->go\nc->c nothing\n' >"$tmp/unused/slow/baselines"
printf 'env cgocheck=0 GODEBUG=cgocheck=0\n' >"$tmp/unused/slow/options"
GOGC=150 CGO_CFLAGS='-O2 -g -DCGOBENCH_ENV_TEST' "$cgobench" run --hold 0 --go "$go" --cases-dir "$tmp/unused" --cases slow --count 2 \
	--max-count 2 --benchtime 0.01s --warmup 0.01s --out "$tmp/unused/out" \
	-q >/dev/null 2>"$tmp/unused.err"
if [ "$(grep -c "slow/baselines: '.*' is no variant of case 'slow'" "$tmp/unused.err")" -eq 2 ] &&
	grep -q "slow/options: env level 'cgocheck=0' is in no param" "$tmp/unused.err"; then
	ok "unused baselines and options lines are named"
else
	bad "unused baselines and options lines are named: $(cat "$tmp/unused.err")"
fi
# The user's GOGC reaches every benchmark process: the run says so once,
# and machine.txt keeps it for compare.
if [ "$(grep -c '^cgobench: warning: .*GOGC=150.* from the environment reaches every benchmark process' "$tmp/unused.err")" -eq 1 ] &&
	grep -q '^runtime-env: .*GOGC=150' "$tmp/unused/out/machine.txt"; then
	ok "GOGC from the environment: warned once, machine.txt's runtime-env"
else
	bad "GOGC from the environment: $(grep -h 'GOGC' "$tmp/unused.err" "$tmp/unused/out/machine.txt")"
fi
# and CGO_CFLAGS, which go env reports, is kept beside GOAMD64's default
if grep -q '^build-env: CGO_CFLAGS=-O2 -g -DCGOBENCH_ENV_TEST; .*GOAMD64=' "$tmp/unused/out/machine.txt"; then
	ok "CGO_CFLAGS from the environment: machine.txt's build-env"
else
	bad "CGO_CFLAGS from the environment: $(grep '^build-env' "$tmp/unused/out/machine.txt")"
fi

# long_run OUT: a long run into OUT in the background, its process in
# $pid, once it has taken some samples (for the signal tests).
long_run() {
	"$cgobench" run --hold 0 --go "$go" --cases call --count 1000 --benchtime 0.02s \
		--warmup 0.01s --out "$1" -q >/dev/null 2>"$1.err" &
	pid=$!
	i=0
	while [ "$i" -lt 600 ] && [ "$(wc -l 2>/dev/null <"$1/raw.csv" || echo 0)" -lt 10 ]; do
		sleep 0.1
		i=$((i + 1))
	done
}

# SIGINT part-way: exit 130, and the CSVs hold what was taken.
long_run "$tmp/int"
kill -INT "$pid"
wait "$pid"
rc=$?
if [ "$rc" -eq 130 ]; then
	ok "a run stopped by SIGINT exits 130"
else
	bad "a run stopped by SIGINT exits $rc, want 130"
fi
if grep -q "^cgobench: stopped: [0-9]* of about [0-9]* samples taken; what was measured is in $tmp/int, marked incomplete\$" "$tmp/int.err"; then
	ok "a run stopped by SIGINT says how far it got and where it wrote"
else
	bad "a run stopped by SIGINT says so: $(cat "$tmp/int.err")"
fi
check_run incomplete "$tmp/int"

# Two SIGTERMs 5 ms apart, as timeout sends them: the second does not cut
# the writing short: exit 130, every file written, no temporary left.
long_run "$tmp/term"
kill -TERM "$pid"
sleep 0.005
kill -TERM "$pid"
wait "$pid"
rc=$?
if [ "$rc" -eq 130 ] && grep -q '^status: incomplete$' "$tmp/term/machine.txt" &&
	[ -s "$tmp/term/summary.csv" ] && ! ls "$tmp/term" | grep -q '\.tmp$'; then
	ok "two SIGTERMs: exit 130, what was taken written"
else
	bad "two SIGTERMs: exit $rc, $(ls "$tmp/term"; grep status "$tmp/term/machine.txt")"
fi
check_run incomplete "$tmp/term"

# A disk that fills during a run (a 4 MiB tmpfs, filled with a file): no
# sample is written in part. Freed again, the run writes everything, says
# how many samples it could not write and exits 3; left full, raw.csv
# still reads back and the run says what it could not write.
# full_run FREE: the call family into $mnt/run, the disk filled once it
# has taken some samples and, when FREE is 1, freed after the first
# sample that could not be written
full_run() {
	"$cgobench" run --hold 0 --go "$go" --cases call --count 30 --max-count 30 \
		--benchtime 0.02s --warmup 0.01s --out "$mnt/run" -q \
		>/dev/null 2>"$tmp/full.err" &
	pid=$!
	i=0
	while [ "$i" -lt 600 ] && [ "$(wc -l 2>/dev/null <"$mnt/run/raw.csv" || echo 0)" -lt 10 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	dd if=/dev/zero of="$mnt/fill" bs=4k 2>/dev/null
	i=0
	while [ "$i" -lt 300 ] && ! grep -q 'cannot write to' "$tmp/full.err"; do
		sleep 0.1
		i=$((i + 1))
	done
	[ "$1" -eq 1 ] && rm -f "$mnt/fill"
	wait "$pid"
	rc=$?
}
mnt="$tmp/full"
mkdir "$mnt"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=4m cgobench-full "$mnt" 2>/dev/null; then
	echo "ok - # SKIP the disk-full tests: cannot mount a tmpfs here (they need root)"
else
	full_run 1
	if [ "$rc" -eq 3 ] && grep -q '^status: incomplete$' "$mnt/run/machine.txt" &&
		grep -q '^unwritten: [0-9]* samples (No space left on device)$' "$mnt/run/machine.txt" &&
		grep -q '^cgobench: [0-9]* samples could not be written to .*raw.csv (No space left on device)' "$tmp/full.err" &&
		awk -F, 'NF != 10 { bad = 1 } END { exit bad }' "$mnt/run/raw.csv"; then
		ok "a disk full for a while: whole lines, exit 3, the samples lost counted"
	else
		bad "a disk full for a while: exit $rc, $(tail -n 2 "$tmp/full.err")"
	fi
	check_run incomplete "$mnt/run"
	rm -rf "$mnt/run"
	full_run 0
	if [ "$rc" -eq 3 ] && awk -F, 'NF != 10 { bad = 1 } END { exit bad }' "$mnt/run/raw.csv" &&
		grep -q "cannot write .*summary.csv" "$tmp/full.err" &&
		"$cgobench" compare "$mnt/run" "$mnt/run" >/dev/null 2>&1; then
		ok "a disk left full: exit 3, raw.csv whole and read back, what was not written named"
	else
		bad "a disk left full: exit $rc, $(tail -n 3 "$tmp/full.err")"
	fi
	umount "$mnt"
fi

# SIGKILL while `go test -c` builds (a new GOCACHE keeps it building): the
# build does not outlive the driver.
GOCACHE="$tmp/kill-cache" "$cgobench" run --hold 0 --go "$go" --cases call \
	--build-dir "$tmp/kill-build" --out "$tmp/kill" -q >/dev/null 2>&1 &
pid=$!
i=0
while [ "$i" -lt 300 ] && ! pgrep -f -- "-o $tmp/kill-build" >/dev/null; do
	sleep 0.1
	i=$((i + 1))
done
building=$(pgrep -f -- "-o $tmp/kill-build")
kill -KILL "$pid"
wait "$pid" 2>/dev/null
sleep 0.5
if [ -z "$building" ]; then
	bad "SIGKILL during a build: no 'go test -c' seen in 30 s"
elif pgrep -f -- "$tmp/kill-build" >/dev/null; then
	bad "SIGKILL during a build leaves $(pgrep -af -- "$tmp/kill-build")"
else
	ok "SIGKILL during a build takes the build along"
fi
chmod -R u+w "$tmp/kill-cache" 2>/dev/null

# Two runs at once, sharing a new build directory (its lock) and a results
# directory (both start in the same second: neither may take the other's
# run directory); paths with spaces throughout.
for i in 1 2; do
	"$cgobench" run --hold 0 --go "$go" --cases call --count 3 --max-count 3 \
		--benchtime 0.02s --warmup 0.01s --build-dir "$tmp/build dir" \
		--results "$tmp/results dir" -q >/dev/null 2>"$tmp/par$i.err" &
	eval "pid$i=\$!"
done
wait "$pid1"
rc1=$?
wait "$pid2"
rc2=$?
dirs=$(find "$tmp/results dir" -name summary.csv | wc -l)
if [ "$rc1" -eq 0 ] && [ "$rc2" -eq 0 ] && [ "$dirs" -eq 2 ]; then
	ok "two runs at once: both exit 0, two run directories"
else
	bad "two runs at once: exit $rc1 and $rc2, $dirs run directories: $(cat "$tmp/par1.err" "$tmp/par2.err")"
fi
for d in "$tmp/results dir"/*/*/; do
	check_run complete "${d%/}"
done

# compare: two runs of the same code show no regression; a build of the
# slow family with extra work in its C function is flagged, exit 1; in time
# and in counted instructions.
slow_run() { # OUT [run options...]: the slow family, quickly
	out=$1
	shift
	"$cgobench" run --hold 0 --go "$go" --cases-dir harness/tests/cases --cases slow \
		--benchtime 0.05s --warmup 0.01s --out "$out" -q "$@" >/dev/null 2>>"$tmp/slow.err"
}
# expect_compare DESCRIPTION WANT_EXIT OLD NEW [options...]
expect_compare() {
	desc=$1
	want=$2
	shift 2
	"$cgobench" compare --fail-on-regression "$@" >"$tmp/cmp.out" 2>"$tmp/cmp.err"
	rc=$?
	if [ "$rc" -eq "$want" ]; then
		ok "$desc: exit $rc"
	else
		bad "$desc: exit $rc, want $want: $(cat "$tmp/cmp.out" "$tmp/cmp.err")"
	fi
}
# The gate on committed runs, the new one on every CPU (--pin none):
# go->go 2.1% slower (p=0.019), within the other run's interval, by
# which a row on every CPU moves between runs of the same code
# (docs/precision.md item 59): no regression above 1.5%, the row held
# back as inconclusive, and the exit status says so.
expect_compare "the gate: intervals that overlap on every CPU" 0 --threshold 1.5 \
	results/vm/pinning-auto-1 results/vm/pinning-none-1
if grep -q '^call     go->go .*  inconclusive (intervals overlap, on every CPU)$' "$tmp/cmp.out" &&
	grep -q '^verdict: no regression above 1.5%; 1 row slower by over 1.5% is inconclusive' "$tmp/cmp.out"; then
	ok "the gate holds back what the intervals do not separate"
else
	bad "the gate holds back what the intervals do not separate: $(cat "$tmp/cmp.out")"
fi
expect_compare "the gate: none above 5%" 0 --threshold 5 \
	results/vm/pinning-auto-1 results/vm/pinning-none-1
# --normalize over two whole committed runs, whose B/op rows include
# crossings over baselines that allocate nothing: it used to hang there.
if timeout 60 "$cgobench" compare --normalize results/vm/20261130T001153Z \
	results/vm/20261130T042919Z >"$tmp/norm.out" 2>/dev/null &&
	grep -q '^verdict: ' "$tmp/norm.out" &&
	! grep -qiw 'inf\|nan' "$tmp/norm.out"; then
	ok "compare --normalize over two whole runs"
else
	bad "compare --normalize over two whole runs: status $?"
fi
slow_run "$tmp/slowA" --count 5 --max-count 5
slow_run "$tmp/slowB" --count 5 --max-count 5
CGO_CFLAGS="-O2 -g -DCGOBENCH_EXTRA_WORK" slow_run "$tmp/slowC" --count 5 --max-count 5
expect_compare "time: the same code twice, no regression" 0 --threshold 25 "$tmp/slowA" "$tmp/slowB"
# A load only slows: where slowC's go->c row is disturbed, or the machine
# was busy while slowC ran (machine.txt's load, as load_busy judges it),
# its slowdown is a regression only beyond what the load could have made
# of it (load_bound); else compare calls it inconclusive, and says so.
slowc_loaded() {
	grep -q '^1,slow,go->c,.*,ns/op,.*,disturbed,' "$tmp/slowC/summary.csv" ||
		awk -F': ' '$1 == "load-others" && $2 > 0.1 { b = 1 }
			$1 == "load-steal" && $2 > 0.05 { b = 1 }
			END { exit !b }' "$tmp/slowC/machine.txt"
}
# expect_slowdown DESCRIPTION OLD NEW: exit 1 for go->c's extra work, or
# where slowC bore a load, the verdict's inconclusive rows
expect_slowdown() {
	desc=$1
	shift
	"$cgobench" compare --fail-on-regression --threshold 25 "$@" >"$tmp/cmp.out" 2>"$tmp/cmp.err"
	rc=$?
	if [ "$rc" -eq 1 ] && grep -q 'go->c .*REGRESSION' "$tmp/cmp.out"; then
		ok "$desc: exit 1, go->c flagged"
	elif [ "$rc" -eq 0 ] && slowc_loaded &&
		grep -q 'go->c .*  inconclusive (load: up to x[0-9.e+]*)$' "$tmp/cmp.out" &&
		grep -q "inconclusive: a load could have made the change (the new run's" "$tmp/cmp.out"; then
		ok "$desc: go->c inconclusive, the new run bore a load (busy machine)"
	else
		bad "$desc: exit $rc: $(cat "$tmp/cmp.out" "$tmp/cmp.err")"
	fi
}
expect_slowdown "time: extra work in the C function is a regression" "$tmp/slowA" "$tmp/slowC"
if "$cgobench" compare --threshold 25 "$tmp/slowA" "$tmp/slowC" >/dev/null 2>&1; then
	ok "without --fail-on-regression a regression exits 0"
else
	bad "without --fail-on-regression a regression exits 0"
fi
slow_run "$tmp/slowAi" --metric instructions --iterations 200000
slow_run "$tmp/slowBi" --metric instructions --iterations 200000
CGO_CFLAGS="-O2 -g -DCGOBENCH_EXTRA_WORK" slow_run "$tmp/slowCi" --metric instructions --iterations 200000
expect_compare "instructions: the same code twice, no regression" 0 --threshold 1 "$tmp/slowAi" "$tmp/slowBi"
expect_compare "instructions: extra work is a regression" 1 --threshold 1 "$tmp/slowAi" "$tmp/slowCi"
if grep -q 'go->c .*REGRESSION' "$tmp/cmp.out" && ! grep -q 'go->go .*REGRESSION' "$tmp/cmp.out"; then
	ok "instructions: the regression is go->c's, not go->go's"
else
	bad "instructions: the regression is go->c's, not go->go's: $(cat "$tmp/cmp.out")"
fi
expect_slowdown "a summary.csv alone compares too" "$tmp/slowA/summary.csv" "$tmp/slowC/summary.csv"
# a machine.txt that cannot be read (a FIFO) is named in a warning, and
# the run compared as one without it, which compare says
cp -r "$tmp/slowC" "$tmp/slowF"
rm "$tmp/slowF/machine.txt"
mkfifo "$tmp/slowF/machine.txt"
if timeout 60 "$cgobench" compare "$tmp/slowA" "$tmp/slowF" >"$tmp/cmp.out" 2>"$tmp/cmp.err" &&
	grep -qxF "cgobench: warning: '$tmp/slowF/machine.txt' is not a regular file; compare reads the run as one without machine.txt" "$tmp/cmp.err" &&
	grep -q '^machine unknown: the new run has no machine.txt: ' "$tmp/cmp.out"
then ok "compare: a FIFO for machine.txt named, the run read without it"
else bad "compare: a FIFO for machine.txt: $(cat "$tmp/cmp.err")"
fi
rm -r "$tmp/slowF"
# a counted take whose count callgrind lost is taken again, not kept: the
# lostcount family loses half its count in the processes named (the first
# is the warm-up's): here the first take of the first sample, which a
# second take must confirm, and the first take of the third sample, or of
# the second where the first took four. A take that the runtime's own
# work upset (20.95 instructions/op against 15.0, once in a fresh-clone
# make test of 12-02) is not kept either: the processes are the warm-up,
# the 3 kept, the confirming one and every take not kept, as the note
# counts them, 2 or more. (With the second loss at process 5, an upset
# third made it the first sample's fourth and last take, kept for
# agreeing with the first loss: 13 processes, once in session 51.)
# not_kept SUMMARY: the counted takes not kept, as the row's note says
# (after its first part: fewer than 6 samples give no 95% interval)
not_kept() {
	sed -n 's/.*[";] \{0,1\}\([0-9][0-9]*\) counted takes\{0,1\} not kept: callgrind lost count of the timed loop.*/\1/p' "$1"
}
# counts_agree RAW N: N samples kept, each within 2% of the first
counts_agree() {
	awk -F, -v want="$2" 'NR > 1 { v[++n] = $10 } END { for (i = 1; i <= n; i++) if (v[i] < 0.98 * v[1] || v[i] > 1.02 * v[1]) exit 1; exit n != want }' "$1"
}
printf 0 >"$tmp/lose.n"
CGOBENCH_LOSE_FILE="$tmp/lose.n" CGOBENCH_LOSE_AT=2,6 \
	"$cgobench" run --go "$go" --cases-dir harness/tests/cases --cases lostcount \
	--metric instructions --iterations 100000 --count 3 --out "$tmp/lost" -q >/dev/null 2>>"$tmp/slow.err"
notkept=$(not_kept "$tmp/lost/summary.csv")
# (and a counted run aims no tighter: machine.txt's aim is off; it times
# no sample, and gives no benchtime-unpinned, which a counted baseline
# from before the key would be told apart by)
if [ "${notkept:-0}" -ge 2 ] && [ "$notkept" -le 4 ] && [ "$(cat "$tmp/lose.n")" -eq $((5 + notkept)) ] &&
	counts_agree "$tmp/lost/raw.csv" 3 && grep -qx 'aim: off' "$tmp/lost/machine.txt" &&
	! grep -q '^benchtime-unpinned:' "$tmp/lost/machine.txt"; then
	ok "a counted take that lost its count is taken again, the row says so"
else
	bad "a lost count: $(cat "$tmp/lose.n") processes, $(cat "$tmp/lost/raw.csv" "$tmp/lost/summary.csv")"
fi
# a take whose loop's count ran past callgrind's dumps is taken again: the
# lostcount family does 20 times its loop's work once its benchmarks are
# done, where only the dump at the program's end holds it, in the
# processes named; a row whose every take ran past fails, saying why
lost_end() { # OUT PROCESSES
	printf 0 >"$tmp/lose.n"
	CGOBENCH_LOSE_FILE="$tmp/lose.n" CGOBENCH_LOSE_END_AT=$2 \
		"$cgobench" run --go "$go" --cases-dir harness/tests/cases --cases lostcount \
		--metric instructions --iterations 100000 --count 2 --out "$1" -q >/dev/null 2>>"$tmp/slow.err"
}
lost_end "$tmp/lostend" 2
# the warm-up, 2 kept, the confirming one and those not kept (as above)
notkept=$(not_kept "$tmp/lostend/summary.csv")
if [ "${notkept:-0}" -ge 1 ] && [ "$notkept" -le 3 ] && [ "$(cat "$tmp/lose.n")" -eq $((4 + notkept)) ] &&
	counts_agree "$tmp/lostend/raw.csv" 2; then
	ok "a counted take whose count ran past the dumps is taken again"
else
	bad "a count past the dumps: $(cat "$tmp/lose.n") processes, $(cat "$tmp/lostend/summary.csv")"
fi
lost_end "$tmp/lostall" 2,3,4,5
if grep -q ",failed,\"repetition 1: callgrind's count of the timed loop ran past its dumps: the program's end holds [0-9]* instructions, the largest dump [0-9]*" "$tmp/lostall/summary.csv"; then
	ok "a row whose every counted take ran past the dumps fails, saying why"
else
	bad "every take past the dumps: $(cat "$tmp/lostall/summary.csv")"
fi
# a family that cannot be counted (options: uncounted) is skipped by a
# counted run before it is built, with why
"$cgobench" run --go "$go" --cases scheduling --metric instructions \
	--out "$tmp/uncounted" >/dev/null 2>"$tmp/uncounted.err"
if [ $? -eq 0 ] && grep -q "^1,scheduling,.*,skipped,case 'scheduling' is not counted in instructions" "$tmp/uncounted/summary.csv" &&
	grep -q 'skipping case .scheduling. is not counted' "$tmp/uncounted.err" &&
	! grep -q 'building scheduling' "$tmp/uncounted.err"; then
	ok "a counted run skips a family that says 'uncounted'"
else
	bad "uncounted: $(cat "$tmp/uncounted.err" "$tmp/uncounted/summary.csv")"
fi
for f in csv json; do
	if "$cgobench" compare --format $f "$tmp/slowA" "$tmp/slowC" >"$tmp/cmp.$f" 2>/dev/null &&
		grep -q 'go->c' "$tmp/cmp.$f"; then
		ok "compare --format $f"
	else
		bad "compare --format $f"
	fi
done
# benchstat, the real reader of bench.txt: two runs side by side in one
# table a unit (per-run keys such as the date are comments, not
# configuration), and counted instructions taken as exact.
if [ -n "${BENCHSTAT:-}" ]; then
	"$BENCHSTAT" "$tmp/slowA/bench.txt" "$tmp/slowB/bench.txt" >"$tmp/benchstat.out" 2>&1
	if [ "$(grep -c 'vs base' "$tmp/benchstat.out")" -eq 3 ] &&
		grep -q '^Slow/go->c ' "$tmp/benchstat.out" && ! grep -q '^date:' "$tmp/benchstat.out"; then
		ok "benchstat puts two runs' bench.txt side by side"
	else
		bad "benchstat on two runs: $(head -n 20 "$tmp/benchstat.out")"
	fi
	# row by row, as summary.csv orders them, each row's samples together
	want=$(awk -F, '$7 == "ns/op" { print "Slow/" $3 }' "$tmp/slowA/summary.csv")
	got=$(awk '/^Slow\// { print $1 } /^geomean/ { exit }' "$tmp/benchstat.out")
	if [ -n "$want" ] && [ "$got" = "$want" ] &&
		[ -z "$(grep '^Benchmark' "$tmp/slowA/bench.txt" | cut -f1 | uniq | sort | uniq -d)" ]; then
		ok "bench.txt gives its samples row by row, and benchstat its rows in summary.csv's order"
	else
		bad "bench.txt's order: benchstat gave $(echo $got), summary.csv $(echo $want)"
	fi
	"$BENCHSTAT" "$tmp/slowAi/bench.txt" "$tmp/slowBi/bench.txt" >"$tmp/benchstat.out" 2>&1
	if grep -q '^Unit instructions/op assume=exact$' "$tmp/slowAi/bench.txt" &&
		grep -q 'instructions/op  *vs base' "$tmp/benchstat.out" &&
		grep -q '^Slow/go->c .*(n=[0-9]*)$' "$tmp/benchstat.out"; then
		ok "benchstat takes counted instructions as exact"
	else
		bad "benchstat on counted runs: $(head -n 20 "$tmp/benchstat.out")"
	fi
else
	echo "ok - # SKIP benchstat: BENCHSTAT is not set (make test sets it)"
fi
sed 's/^\(1,slow,go->c,[^,]*,[^,]*,,3,[0-9]*,ns\/op,\).*/\1fast/' "$tmp/slowA/raw.csv" >"$tmp/bad.csv"

# report.md and the charts of a run: valid, non-empty PNG and SVG.
# is_chart BASE: BASE.png is a PNG of some size and BASE.svg a whole SVG
is_chart() {
	[ "$(head -c 8 "$1.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] &&
		[ "$(wc -c <"$1.png")" -gt 10000 ] &&
		grep -q '<svg' "$1.svg" && grep -q '</svg>' "$1.svg"
}
if [ -s "$run/report.md" ] && grep -q '^## Claims about cgo' "$run/report.md"; then
	ok "every run writes report.md"
else
	bad "every run writes report.md"
fi
cp -r results/vm/toolchains "$tmp/toolchains"
if sh scripts/charts.sh "$run" "$tmp/toolchains" 2>"$tmp/charts.err" &&
	is_chart "$run/overview" && is_chart "$tmp/toolchains/overview" &&
	is_chart "$tmp/toolchains/toolchains" && [ ! -f "$run/toolchains.png" ]; then
	ok "charts: overview of every run, toolchains of a run with several"
else
	bad "charts: $(cat "$tmp/charts.err")"
fi

# The batching and scaling charts of the run of every family, and its
# report's verdicts on the claims those families answer.
if sh scripts/charts.sh "$tmp/catalogue" 2>"$tmp/charts.err" &&
	is_chart "$tmp/catalogue/batch" && is_chart "$tmp/catalogue/scaling-handles" &&
	is_chart "$tmp/catalogue/blocking" && is_chart "$tmp/catalogue/pool" && grep -q 'sleep(c)' "$tmp/catalogue/blocking.svg" &&
	is_chart "$tmp/catalogue/scaling-cthreads" && is_chart "$tmp/catalogue/busy" &&
	is_chart "$tmp/catalogue/mainthread" &&
	is_chart "$tmp/catalogue/scaling-parallel" && is_chart "$tmp/catalogue/overview" &&
	grep -q 'go->c(batch)' "$tmp/catalogue/batch.svg" &&
	grep -q 'sharded-map' "$tmp/catalogue/scaling-handles.svg" &&
	grep -q 'go->c->go' "$tmp/catalogue/scaling-parallel.svg" &&
	grep -q 'c->go(main,coroutine)' "$tmp/catalogue/mainthread.svg" &&
	grep -q 'Cost per item: one crossing per item or one per batch' "$tmp/catalogue/batch.svg" &&
	grep -q 'memory mappings added (log scale)' "$tmp/catalogue/mainthread.svg"; then
	ok "charts: batching and scaling, with every series, titled as their .dat says"
else
	bad "charts: batching and scaling: $(cat "$tmp/charts.err")"
fi
# two samples carry no verdict: each claim of the family says so
"$cgobench" run --hold 0 --go "$go" --cases threads --count 2 --max-count 2 --benchtime-unpinned 0.01s \
	--warmup 0.01s --out "$tmp/two" -q >/dev/null 2>"$tmp/two.err"
verdicts=$(grep -c '^- \*\(A worker pool\|Blocking C\).*\*\*inconclusive\*\*: `[^`]*`.* has 2 samples, fewer than 5 (raise --count)\.$' \
	"$tmp/two/report.md")
if [ "$verdicts" -eq 2 ]; then
	ok "report.md: the two claims of the threads family, from 2 samples, are inconclusive and say why"
else
	bad "report.md: $verdicts inconclusive of 2: $(grep '^- \*' "$tmp/two/report.md") $(tail -n 3 "$tmp/two.err")"
fi

# The machines chart across run directories, and the history chart.
if "$cgobench" machines "$tmp/machines.dat" "$run" "$tmp/toolchains" 2>"$tmp/m.err" &&
	gnuplot -c scripts/toolchains.gp "$tmp/machines.dat" "$tmp/machines" ns/op "machines" 2>>"$tmp/m.err" &&
	is_chart "$tmp/machines" && grep -q 'toolchains (AMD\|toolchains (' "$tmp/machines.dat"; then
	ok "the machines chart"
else
	bad "the machines chart: $(cat "$tmp/m.err")"
fi
# A committed run of a slow hour among them: its disturbed rows draw
# their load (the fifth column, not NaN).
if "$cgobench" history "$tmp/h.csv" "$run" "$tmp/toolchains" results/vm/precision/same-slow-1 2>"$tmp/h.err" &&
	"$cgobench" history --chart "$tmp/h.dat" "$tmp/h.csv" 'call/go->c,call/c->go(cthread)' 2>>"$tmp/h.err" &&
	gnuplot -c scripts/history.gp "$tmp/h.dat" "$tmp/history" ns/op 2>>"$tmp/h.err" &&
	is_chart "$tmp/history" && [ "$(grep -vc '^#' "$tmp/h.dat")" -eq 4 ] &&
	[ "$(tail -n 1 "$tmp/h.dat" | cut -f 5)" != NaN ]; then
	ok "the history chart, a slow hour's run with its load"
else
	bad "the history chart: $(cat "$tmp/h.err")"
fi
# The ratio over each row's baseline, and --figure without --chart.
if "$cgobench" history --chart "$tmp/r.dat" --figure ratio "$tmp/h.csv" 'call/go->c' 2>"$tmp/r.err" &&
	gnuplot -c scripts/history.gp "$tmp/r.dat" "$tmp/ratio" ratio ratio 2>>"$tmp/r.err" &&
	is_chart "$tmp/ratio" && sed -n 2p "$tmp/r.dat" | grep -q '"call: go->c / c->c ' &&
	! "$cgobench" history --figure ratio "$tmp/h.csv" "$run" 2>"$tmp/r.err" &&
	grep -q '^cgobench: --figure goes with --chart$' "$tmp/r.err"; then
	ok "the history chart of ratios; --figure only with --chart"
else
	bad "the history chart of ratios: $(cat "$tmp/r.err")"
fi
# A history of schema 1 or 2 gets rows of its own, and the note says so.
for schema in 1 2; do
	cols=13 lacks="status, load bound or how its run was measured"
	[ $schema = 2 ] && cols=22 lacks="record of how its run was measured"
	h=$tmp/h$schema.csv
	head -n 1 "$tmp/h.csv" | cut -d, -f1-$cols >"$h"
	if "$cgobench" history "$h" "$tmp/toolchains" 2>"$h.err" &&
		grep -q "^cgobench: $h is a history of schema $schema, which keeps no row's $lacks" "$h.err" &&
		! grep -v "^$schema," "$h" | grep -qv '^schema,'; then
		ok "history: a file of schema $schema gets rows of schema $schema, and a note"
	else
		bad "history of schema $schema: $(cat "$h.err")"
	fi
done

# The anatomy of each crossing, counted once.
if "$cgobench" anatomy --go "$go" --cases call --count 3 --out "$tmp/anatomy" -q \
	>/dev/null 2>"$tmp/anatomy.err"; then
	ok "cgobench anatomy exits 0"
else
	bad "cgobench anatomy: $(tail -n 3 "$tmp/anatomy.err")"
fi
if grep -q '^call go->c (.*instructions per op, .*% entry/exit' "$tmp/anatomy/anatomy.txt"; then
	ok "anatomy.txt has a line for go->c"
else
	bad "anatomy.txt has a line for go->c: $(cat "$tmp/anatomy/anatomy.txt")"
fi
check_run anatomy "$tmp/anatomy"
if sh scripts/anatomy-chart.sh "$tmp/anatomy" 2>"$tmp/chart.err" &&
	is_chart "$tmp/anatomy/anatomy" && grep -q 'go->c->go' "$tmp/anatomy/anatomy.svg"; then
	ok "the anatomy chart is a PNG and an SVG with every crossing"
else
	bad "the anatomy chart: $(cat "$tmp/chart.err")"
fi

# expect_usage DESCRIPTION MESSAGE_PART ARG...: exit 2, message on stderr
expect_usage() {
	desc=$1
	want=$2
	shift 2
	"$cgobench" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -eq 2 ] && grep -qF -- "$want" "$tmp/err"; then
		ok "$desc: exit 2, '$(head -n 1 "$tmp/err")'"
	else
		bad "$desc: exit $rc, stderr: $(cat "$tmp/err")"
	fi
}
expect_usage "an unknown flag" "unknown option '--bogus'" run --bogus
expect_usage "a bad number" "bad value 'x' for '--count'" run --count x
expect_usage "a bad duration" "bad duration '5parsecs'" run --benchtime 5parsecs
expect_usage "a pattern that matches nothing" "no case matches 'nosuch'" \
	run --cases nosuch --go "$go" --out "$tmp/x"
mkdir "$tmp/empty"
expect_usage "a missing toolchain" "toolchain '/nonexistent/go' not found" \
	run --go /nonexistent/go --out "$tmp/y"
# one toolchain named twice would pool both's samples in its rows (n=2 at
# --count 1), and a directory without a family would run nothing
expect_usage "a toolchain named twice" "'--go' names $($go env GOVERSION) twice ('$go' and 'go')" \
	run --go "$go,go" --cases call --out "$tmp/y"
expect_usage "a cases directory without a family" "no case family in '$tmp/empty'" \
	run --go "$go" --cases-dir "$tmp/empty" --out "$tmp/y"
# a go whose go env prints fewer values than asked (an empty value is an
# empty line, which must not shift the rest)
printf '#!/bin/sh\nprintf "go1.26.8\\n/g\\nlinux\\namd64\\ngccgo\\n\\n"\n' >"$tmp/shortgo"
chmod +x "$tmp/shortgo"
expect_usage "a go env that prints too little" "toolchain '$tmp/shortgo': 'go env' printed too little" \
	run --go "$tmp/shortgo" --cases call --out "$tmp/y"
expect_usage "a run directory in use" "holds a run already" \
	run --go "$go" --cases call --out "$run"
mkdir "$tmp/outputs" && echo kept >"$tmp/outputs/summary.csv"
expect_usage "a directory with a run's summary.csv but no raw.csv" "holds a run already" \
	run --go "$go" --cases call --out "$tmp/outputs"
if [ "$(cat "$tmp/outputs/summary.csv")" = kept ] && [ ! -e "$tmp/outputs/raw.csv" ]; then
	ok "a run's summary.csv is left as it was"
else
	bad "a run's summary.csv is left as it was"
fi
expect_usage "an unknown command" "unknown command 'frobnicate'" frobnicate
expect_usage "compare: a malformed raw.csv" "bad.csv:" compare "$tmp/bad.csv" "$tmp/slowB"
expect_usage "compare: runs with nothing in common" "no benchmark in common" compare "$run" "$tmp/slowA"
expect_usage "compare: a missing run" "no such run: '$tmp/none'" compare "$tmp/none" "$tmp/slowA"
expect_usage "compare: one run only" "want two runs" compare "$tmp/slowA"
expect_usage "compare: a bad format" "bad format 'xml'" compare --format xml "$tmp/slowA" "$tmp/slowB"
# Every command answers --help with exit 0 and its golden text.
for c in main run anatomy bundle compare history report machines export; do
	if [ $c = main ]; then set -- --help; else set -- $c --help; fi
	if "$cgobench" "$@" >"$tmp/help.out" 2>&1 &&
		cmp -s "$tmp/help.out" "harness/tests/fixtures/help-$c.txt"; then
		ok "$c --help: exit 0, the golden text"
	else
		bad "$c --help: $(diff "$tmp/help.out" "harness/tests/fixtures/help-$c.txt" | head -n 5)"
	fi
done
# make charts draws the run that ran last by its machine.txt, not the one
# whose files changed last; and says what it drew, where, with no "//"
for d in a:2026-01-03T00:00:00Z b:2026-01-09T00:00:00Z c:2026-01-05T00:00:00Z; do
	mkdir -p "$tmp/latest/m/${d%%:*}"
	echo "date: ${d#*:}" >"$tmp/latest/m/${d%%:*}/machine.txt"
done
touch -d 2026-02-01 "$tmp/latest/m/c" "$tmp/latest/m/c/machine.txt"
if [ "$(sh scripts/latest-run.sh 1 "$tmp/latest")" = "$tmp/latest/m/b" ] &&
	[ "$(sh scripts/latest-run.sh 2 "$tmp/latest" | tr '\n' ' ')" = "$tmp/latest/m/b $tmp/latest/m/c " ]; then
	ok "the latest runs are those that ran last, by machine.txt"
else
	bad "the latest runs: $(sh scripts/latest-run.sh 2 "$tmp/latest" 2>&1)"
fi
cp -r "$run" "$tmp/charted"
if sh scripts/charts.sh "$tmp/charted/" 2>"$tmp/charts.err" &&
	grep -q "^charts: $tmp/charted (run on [0-9T:-]*Z): overview.png, each also .svg, and index.html with them inlined$" "$tmp/charts.err" &&
	! grep -q '//' "$tmp/charts.err"; then
	ok "charts.sh says which run it drew and each chart"
else
	bad "charts.sh says which run it drew: $(cat "$tmp/charts.err")"
fi
# make charts with a history: SCENARIOS with a > and parentheses reach
# cgobench as they are, not as the shell's redirections
rm -f "$tmp/h.dat"
if (cd "$tmp" && make -s --no-print-directory -C "$OLDPWD" charts RUN="$tmp/charted" \
	HISTORY="$tmp/h.csv" SCENARIOS='call/go->c,call/c->go(cthread)' HISTORY_FIGURE=ratio) \
	>"$tmp/mc.out" 2>&1 && is_chart "$tmp/h" &&
	sed -n 2p "$tmp/h.dat" | grep -q '"call: c->go(cthread) / ' && [ ! -e c ] && [ ! -e "$tmp/c" ]; then
	ok "make charts: the history chart of SCENARIOS, with their > and parentheses, as ratios"
else
	bad "make charts with a history: $(tail -n 3 "$tmp/mc.out")"
fi
# index.html in headless Chromium, offline (a proxy that refuses): it
# loads with no console message, its script sorts a family table by the
# median, it names no address outside the run directory, and a screenshot
# shows tables and charts (dark pixels, and the charts' colours). A page
# with a script error is caught by the same check.
# browse PAGE: Chromium's DOM of PAGE#sort-check in $tmp/dom.html, its
# log in $tmp/chromium.err
browse() {
	chromium --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0 \
		--proxy-server=127.0.0.1:9 --dump-dom "file://$1#sort-check" \
		>"$tmp/dom.html" 2>"$tmp/chromium.err"
}
# pixels PNG: "all dark coloured", its pixels, those not near white,
# and those of a strong colour (the charts' bars; text and tables are
# grey)
pixels() {
	gnuplot -e "set table '$tmp/px.txt'; plot '$1' binary filetype=png with rgbimage; unset table"
	awk 'NF >= 5 { n++; if ($3 + $4 + $5 < 600) d++
		hi = $3; lo = $3
		if ($4 > hi) hi = $4; if ($5 > hi) hi = $5
		if ($4 < lo) lo = $4; if ($5 < lo) lo = $5
		if (hi - lo > 80) c++ }
		END { printf "%d %d %d\n", n, d, c }' "$tmp/px.txt"
}
page="$tmp/charted/index.html"
if command -v chromium >/dev/null 2>&1 && [ -f "$page" ]; then
	browse "$page"
	sorted=$(sed -n 's/.*data-sorted="\([^"]*\)".*/\1/p' "$tmp/dom.html")
	if grep -q 'data-ready="1"' "$tmp/dom.html" && ! grep -q ':CONSOLE' "$tmp/chromium.err" &&
		[ -n "$sorted" ] && printf '%s\n' "$sorted" | tr , '\n' | sort -g -c &&
		! grep -q 'src="http\|href="http\|url(http' "$page"; then
		ok "index.html loads offline in Chromium with no console message, and sorts"
	else
		bad "index.html in Chromium: $(grep ':CONSOLE' "$tmp/chromium.err" | head -n 3) sorted '$sorted'"
	fi
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --proxy-server=127.0.0.1:9 \
		--force-device-scale-factor=0.5 --window-size=1200,6000 \
		--screenshot="$tmp/page.png" "file://$page" >/dev/null 2>&1
	set -- $(pixels "$tmp/page.png")
	if [ "${1:-0}" -gt 0 ] && [ $(($2 * 100)) -gt "$1" ] && [ "$3" -gt 2000 ]; then
		ok "index.html's screenshot shows tables and charts ($2 dark, $3 coloured of $1 pixels)"
	else
		bad "index.html's screenshot: ${1:-no} pixels, ${2:-} dark, ${3:-} coloured"
	fi
	printf '<html><body><p>text only</p></body></html>' >"$tmp/plain.html"
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
		--force-device-scale-factor=0.5 --window-size=1200,6000 \
		--screenshot="$tmp/plain.png" "file://$tmp/plain.html" >/dev/null 2>&1
	set -- $(pixels "$tmp/plain.png")
	if [ "${3:-1}" -lt 2000 ]; then
		ok "a page without charts has few coloured pixels ($3): the check can fail"
	else
		bad "a page without charts: ${3:-no} coloured pixels"
	fi
	printf '<html><body><script>nosuch();</script></body></html>' >"$tmp/broken.html"
	browse "$tmp/broken.html"
	if grep -q ':CONSOLE.*Uncaught ReferenceError' "$tmp/chromium.err"; then
		ok "a page with a script error is caught"
	else
		bad "a page with a script error is not caught: $(tail -n 3 "$tmp/chromium.err")"
	fi
else
	echo "ok - # SKIP index.html in Chromium: no chromium here (make test installs it)"
fi

# Google Benchmark's own JSON, kept a C driver: compare.py (Debian's
# libbenchmark-tools, under Debian's python3) compares two runs' C sides,
# every repetition in a
# U test.
cmp_py=/usr/share/benchmark/compare.py
gb=gbench-call-$("$go" env GOVERSION)-gcc.json
if [ -f "$cmp_py" ] && [ -x /usr/bin/python3 ]; then
	/usr/bin/python3 "$cmp_py" --no-color benchmarks "$run/$gb" "$tmp/clang/gbench-call-$("$go" env GOVERSION)-clang.json" \
		>"$tmp/compare.py.out" 2>&1
	if grep -q '^c->c ' "$tmp/compare.py.out" && grep -q '^c->c_pvalue ' "$tmp/compare.py.out" &&
		grep -q '^c->c(fnptr) ' "$tmp/compare.py.out"; then
		ok "compare.py compares two runs' Google Benchmark JSON, U test included"
	else
		bad "compare.py on two runs: $(head -n 12 "$tmp/compare.py.out")"
	fi
else
	echo "ok - # SKIP compare.py: no $cmp_py or python3 (make test installs them)"
fi

# The matrix workflow's last job, on two local runs: the machines, a
# normalised compare with its verdict, each run's verdicts, the machines
# chart; and a directory that is no run refused by name.
if sh scripts/ci-summary.sh "$tmp/ci" "$run" "$tmp/clang" >"$tmp/ci.md" 2>"$tmp/ci.err" &&
	grep -q '^| run | cpu | cores | arch | toolchain | status |$' "$tmp/ci.md" &&
	[ "$(grep -c '^## Verdicts of ' "$tmp/ci.md")" -eq 2 ] &&
	grep -q '^verdict: ' "$tmp/ci.md" && is_chart "$tmp/ci/machines"; then
	ok "the matrix summary of two runs: machines, compare, verdicts, chart"
else
	bad "the matrix summary: $(cat "$tmp/ci.err"; head -n 20 "$tmp/ci.md")"
fi
if ! sh scripts/ci-summary.sh "$tmp/ci" "$run" "$tmp/none" >/dev/null 2>"$tmp/ci.err" &&
	grep -q "^ci-summary: '$tmp/none' is not a run directory" "$tmp/ci.err"; then
	ok "the matrix summary refuses a directory that is no run"
else
	bad "the matrix summary on a missing run: $(cat "$tmp/ci.err")"
fi

# The workflows pass actionlint, which does fail on a broken one.
if [ -n "${ACTIONLINT:-}" ]; then
	mkdir -p "$tmp/lint/.github/workflows"
	printf 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n' \
		>"$tmp/lint/.github/workflows/broken.yml"
	"$ACTIONLINT" "$tmp/lint/.github/workflows/broken.yml" >"$tmp/lint-broken.out" 2>&1
	rc=$?
	if "$ACTIONLINT" >"$tmp/lint.out" 2>&1 && [ "$rc" -eq 1 ] &&
		grep -q 'property "nope" is not defined' "$tmp/lint-broken.out"; then
		ok "the workflows pass actionlint (and a broken one does not)"
	else
		bad "actionlint: $(head -n 10 "$tmp/lint.out")"
	fi
else
	echo "ok - # SKIP actionlint: ACTIONLINT is not set (make test sets it)"
fi
# --version: the commit built from, and what it finds of each dependency
if "$cgobench" --version >"$tmp/version" 2>&1 &&
	head -n 1 "$tmp/version" | grep -q '^cgobench [0-9a-f]\{12\}\(-dirty\)\?, built by .*, jansson [0-9.]* (running [0-9.]*)$' &&
	[ "$(grep -c '^Google Benchmark  [0-9]\|^go                go version go\|^gnuplot           gnuplot [0-9]\|^valgrind          valgrind-[0-9]' "$tmp/version")" -eq 4 ]; then
	ok "--version: the commit and each dependency's version"
else
	bad "--version: $(cat "$tmp/version")"
fi
# One set of defaults, cgobench's: make passes COUNT, MAXCOUNT,
# BENCHTIME and BUDGET on only when they are set.
plain=$(make -s -n bench HOSTS= 2>/dev/null | grep 'cgobench run')
set=$(make -s -n bench HOSTS= COUNT=3 MAXCOUNT=4 BENCHTIME=0.3s BUDGET=2m 2>/dev/null | grep 'cgobench run')
if [ -n "$plain" ] && ! printf '%s' "$plain" | grep -q -- '--count\|--max-count\|--benchtime\|--budget' &&
	printf '%s' "$set" | grep -q -- '--count 3 --max-count 4 --benchtime 0.3s --budget 2m'; then
	ok "make bench leaves the defaults to cgobench and passes what is set"
else
	bad "make bench's defaults: '$plain' / '$set'"
fi
# An output that cannot be written exits 3, not 2 (a bad command line).
"$cgobench" machines /nonexistent/dir/m.dat results/vm/toolchains 2>"$tmp/w.err"
rc=$?
if [ $rc -eq 3 ] && grep -q "m.dat" "$tmp/w.err"; then
	ok "an output that cannot be written: exit 3"
else
	bad "an output that cannot be written: exit $rc, $(cat "$tmp/w.err")"
fi
"$cgobench" compare results/vm/pinning-auto-1 results/vm/pinning-none-1 >/dev/full 2>"$tmp/w.err"
rc=$?
if [ $rc -eq 3 ]; then
	ok "compare onto a full disk: exit 3"
else
	bad "compare onto a full disk: exit $rc, $(cat "$tmp/w.err")"
fi
if "$cgobench" run --help | grep -q -- '--benchtime'; then
	ok "run --help describes the options"
else
	bad "run --help describes the options"
fi
# 100,000 rows: in two scenarios of 50,000 samples (the interval's
# order statistics), and in 100,000 distinct variants (every lookup);
# each took minutes while sums and lookups were quadratic. The limit only
# catches quadratic work, it is no timing. (A bootstrap of many samples:
# test_stats.)
big() { # DIR OFFSET KIND
	mkdir -p "$1"
	awk -v off="$2" -v kind="$3" 'BEGIN {
		print "schema,case,variant,toolchain,cc,param,rep,iters,unit,value"
		for (i = 0; i < 100000; i++)
			if (kind == "one")
				printf "1,call,%s,go1.26.8,gcc,,%d,1000,ns/op,%.3f\n",
				    i % 2 ? "go->c" : "go->go", i, (i % 2 ? 24 : 1) + off + (i * 7919 % 1000) / 1000
			else
				printf "1,call,v%d,go1.26.8,gcc,,1,1000,ns/op,%.3f\n",
				    i, 30 + off + (i % 7) / 10
	}' >"$1/raw.csv"
}
for kind in one many; do
	big "$tmp/big-$kind-1" 0 $kind
	big "$tmp/big-$kind-2" 1 $kind
	if timeout 60 "$cgobench" compare "$tmp/big-$kind-1" "$tmp/big-$kind-2" >"$tmp/big.out" 2>&1 ||
		[ $? -eq 1 ]; then
		ok "compare of two runs of 100,000 rows ($kind) within 60 s"
	else
		bad "compare of two runs of 100,000 rows ($kind): $(tail -n 1 "$tmp/big.out")"
	fi
done
echo "integration: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
