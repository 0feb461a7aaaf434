#!/bin/sh
# usage: sh scripts/tty-study.sh OUT BEFORE AFTER [TURNS]
#
# Whether the progress line, printed on a terminal before each sample,
# gets samples flagged as disturbed: two cgobench binaries (BEFORE and
# AFTER a change) each run the call family (--count 8 --max-count 8)
# three ways, in turn, TURNS times (default 3): stderr into a file (no
# progress line per sample), under script(1) (a pseudo-terminal whose
# reader only copies), and under harness/tests/ptyread.py (a reader that
# writes each read to a log). Writes OUT/tty.csv
# (binary,stderr,turn,pinned_takes,pinned_disturbed,samples_retaken,held_s)
# from each run's machine.txt, and OUT/machine.txt; docs/precision.md
# (item 29) reads them. Run from the top of the repository.
set -eu
out=${1:?usage: sh scripts/tty-study.sh OUT BEFORE AFTER [TURNS]}
before=${2:?usage: sh scripts/tty-study.sh OUT BEFORE AFTER [TURNS]}
after=${3:?usage: sh scripts/tty-study.sh OUT BEFORE AFTER [TURNS]}
turns=${4:-3}
case $turns in '' | *[!0-9]*) echo "tty-study: TURNS must be a number, not '$turns'" >&2; exit 2 ;; esac
for b in "$before" "$after"; do
	[ -x "$b" ] || { echo "tty-study: '$b' is not an executable cgobench" >&2; exit 2; }
done
sh scripts/study-machine.sh "$out" "$(($(nproc) - 1))"
runs=$(mktemp -d)
trap 'rm -rf "$runs"' EXIT
printf 'binary,stderr,turn,pinned_takes,pinned_disturbed,samples_retaken,held_s\n' >"$out/tty.csv"
i=1
while [ "$i" -le "$turns" ]; do
	for which in before after; do
		bin=$before
		[ "$which" = after ] && bin=$after
		for how in file script ptyread; do
			d=$runs/$which-$how-$i
			set -- "$bin" run --cases call --count 8 --max-count 8 --out "$d"
			case $how in
			file) "$@" >/dev/null 2>"$runs/err" ;;
			# the command is a constant; the binary and the directory
			# reach it through the environment
			script) CG=$bin DIR=$d script -qfec 'exec "$CG" run --cases call --count 8 --max-count 8 --out "$DIR"' \
				/dev/null </dev/null >/dev/null 2>&1 ;;
			ptyread) python3 harness/tests/ptyread.py "$runs/log" "$@" </dev/null >/dev/null 2>&1 ;;
			esac
			awk -v w="$which" -v h="$how" -v i="$i" -F': ' '
				$1 == "pinned-disturbed" { split($2, p, " of "); dist = p[1]; takes = p[2] }
				$1 == "samples-retaken" { re = $2 }
				$1 == "held-seconds" { held = $2 }
				END { printf "%s,%s,%d,%s,%s,%s,%s\n", w, h, i, takes, dist, re, held }' \
				"$d/machine.txt" >>"$out/tty.csv"
		done
	done
	i=$((i + 1))
done
echo "tty-study: wrote $out/tty.csv" >&2
