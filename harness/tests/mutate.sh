#!/usr/bin/env bash
# usage: bash harness/tests/mutate.sh [--check] [MUTANTS]
#
# Mutation testing of the harness. MUTANTS (harness/tests/mutants.txt by
# default) lists one mutant a line, four fields separated by tabs:
#
#   FILE  TEXT  REPLACEMENT  WHY
#
# FILE is under harness/, TEXT occurs in it exactly once, and WHY says what
# decision the mutant breaks; a WHY that starts with "equivalent:" marks a
# mutant no test can kill and says why. Lines that start with # and blank
# lines are skipped.
#
# Each mutant is applied alone to a copy of harness/ in build/mutate (the
# working tree is never touched, so an interrupted run leaves nothing
# behind), the plain unit tests are built from the copy and run, the test
# of the mutated module first, and the copy restored. A mutant is killed
# when a test fails. At the end: the score and the survivors with their
# reasons. Exits 1 when a survivor is not marked equivalent, or a mutant
# does not build; 2 when the list is malformed.
#
# --check only checks the list: every file exists and every TEXT occurs
# exactly once. `make test` runs it so that the list keeps up with the code.
set -u

check_only=0
if [[ ${1:-} == --check ]]; then
	check_only=1
	shift
fi
list=${1:-harness/tests/mutants.txt}
work=build/mutate
timeout_s=60

die() {
	echo "mutate: $*" >&2
	exit 2
}

[[ -f $list ]] || die "no mutant list '$list'"
command -v perl >/dev/null || die "needs perl"

# The list, parsed into arrays. Split by hand: read with IFS=tab would
# merge the empty field of a deletion into its neighbours.
files=() finds=() repls=() whys=() lines=()
n=0
lineno=0
while IFS= read -r line || [[ -n $line ]]; do
	lineno=$((lineno + 1))
	[[ -z $line || $line == \#* ]] && continue
	f=${line%%$'\t'*}
	rest=${line#*$'\t'}
	t=${rest%%$'\t'*}
	rest=${rest#*$'\t'}
	r=${rest%%$'\t'*}
	w=${rest#*$'\t'}
	tabs=${line//[^$'\t']/}
	[[ ${#tabs} -eq 3 ]] ||
		die "$list:$lineno: want 4 fields separated by tabs, got $((${#tabs} + 1))"
	[[ -n $t ]] || die "$list:$lineno: empty text to find"
	[[ -n $w ]] || die "$list:$lineno: no reason given"
	[[ $t != "$r" ]] || die "$list:$lineno: the replacement is the text itself"
	files[n]=$f finds[n]=$t repls[n]=$r whys[n]=$w lines[n]=$lineno
	n=$((n + 1))
done <"$list"
((n > 0)) || die "$list: no mutants"

# How often TEXT occurs in FILE.
occurrences() {
	FIND=$2 perl -0777 -ne 'my $c = 0; my $i = -1;
		$c++ while ($i = index($_, $ENV{FIND}, $i + 1)) >= 0;
		print $c' "$1"
}

bad=0
for ((i = 0; i < n; i++)); do
	src=harness/${files[i]}
	if [[ ! -f $src ]]; then
		echo "$list:${lines[i]}: no file '$src'" >&2
		bad=$((bad + 1))
		continue
	fi
	c=$(occurrences "$src" "${finds[i]}")
	if [[ $c != 1 ]]; then
		echo "$list:${lines[i]}: '${finds[i]}' occurs $c times in $src, want once" >&2
		bad=$((bad + 1))
	fi
done
if ((check_only)); then
	echo "mutants: $((n - bad)) passed, $bad failed"
	((bad == 0))
	exit
fi
((bad == 0)) || die "$list: $bad mutants do not apply"

# A pristine copy to mutate, built once so that each mutant rebuilds one
# object and relinks.
make -s deps >/dev/null || die "make deps failed"
rm -rf "$work/harness"
mkdir -p "$work/b"
cp -R harness "$work/harness"
touch "$work/b/.deps-ok"
tests=$(cd harness/tests && ls test_*.c | sed 's/\.c$//')
targets=()
for t in $tests; do targets+=("$work/b/tests/$t"); done
build() {
	make -s -j2 B="$work/b" H="$work/harness" "${targets[@]}" >"$work/build.log" 2>&1
}
build || die "the unmutated harness does not build: see $work/build.log"
for t in $tests; do
	timeout "$timeout_s" "$work/b/tests/$t" >/dev/null 2>&1 ||
		die "$t fails without a mutant: fix that first"
done

start=$(date +%s)
killed=0 survived=0 unbuilt=0 unexplained=0
survivors=()
for ((i = 0; i < n; i++)); do
	f=${files[i]}
	cp -p "$work/harness/$f" "$work/harness/$f.orig"
	FIND=${finds[i]} REPL=${repls[i]} perl -0777 -i -pe \
		'my $i = index($_, $ENV{FIND});
		 substr($_, $i, length $ENV{FIND}) = $ENV{REPL}' "$work/harness/$f"
	base=$(basename "$f" .c)
	order=()
	[[ -f harness/tests/test_$base.c ]] && order+=("test_$base")
	for t in $tests; do [[ $t == "test_$base" ]] || order+=("$t"); done
	status=survived by=
	if ! build; then
		status=unbuilt
	else
		for t in "${order[@]}"; do
			if ! timeout "$timeout_s" "$work/b/tests/$t" >/dev/null 2>&1; then
				status=killed by=$t
				break
			fi
		done
	fi
	mv "$work/harness/$f.orig" "$work/harness/$f"
	touch "$work/harness/$f" # older than the mutant's object otherwise
	where="$f:${lines[i]} '${finds[i]}' -> '${repls[i]}'"
	case $status in
	killed)
		killed=$((killed + 1))
		printf 'killed    %s (%s)\n' "$where" "$by"
		[[ ${whys[i]} == equivalent:* ]] &&
			echo "  note: listed as equivalent, yet $by kills it: drop the mark"
		;;
	survived)
		survived=$((survived + 1))
		printf 'SURVIVED  %s\n' "$where"
		survivors+=("$where: ${whys[i]}")
		[[ ${whys[i]} == equivalent:* ]] || unexplained=$((unexplained + 1))
		;;
	unbuilt)
		unbuilt=$((unbuilt + 1))
		printf 'UNBUILT   %s (see %s/build.log)\n' "$where" "$work"
		;;
	esac
done
build >/dev/null 2>&1 # leave the copy's objects unmutated

echo
echo "mutate: $killed of $n killed ($((100 * killed / n))%), $survived survived, $unbuilt did not build, in $(($(date +%s) - start)) s"
for s in "${survivors[@]}"; do echo "  survivor: $s"; done
if ((unexplained || unbuilt)); then
	echo "mutate: $unexplained survivors not explained as equivalent, $unbuilt mutants that do not build" >&2
	exit 1
fi
