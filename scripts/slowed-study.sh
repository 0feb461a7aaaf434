#!/bin/sh
# usage: sh scripts/slowed-study.sh OUT FACTOR RUN...
#        NOTRANSFER=1 sh scripts/slowed-study.sh OUT FACTOR RUN...
#        PINNED=1 sh scripts/slowed-study.sh OUT FACTOR RUN...
#
# Whether compare still calls a real slowdown of a row on every CPU a
# regression: for every pair of the RUNs (old before new, in the order
# given) and every row of time of the new run whose family ran on every
# CPU (machine.txt's `unpinned:`), a copy of the new run with that row's
# ns/op samples times FACTOR (e.g. 1.3) is compared with the old run
# (`cgobench compare --format csv`, the binary $CGOBENCH, build/cgobench
# by default), and the row's value is tallied: called a regression,
# held back as placed otherwise (the `placed` column), or held back or
# passed otherwise; of a row with an overhead, the overhead too (the
# last two columns: rows with one, and those called). FACTOR 1 asks
# what compare calls between runs of the same code, those rows alone.
# With NOTRANSFER=1 the copy leaves out the run's transfer.csv, so that
# compare falls back on the runs' medians of machine.txt's transfer-ns
# (docs/precision.md item 67). With PINNED=1 the rows are those of the
# families pinned to one CPU instead. Writes each pair's rows to
# OUT/<i>-<j>.tsv and prints a line a pair. Run from the top of the
# repository.
set -eu
[ $# -ge 4 ] || {
	echo "usage: sh scripts/slowed-study.sh OUT FACTOR RUN RUN..." >&2
	exit 2
}
out=$1
factor=$2
shift 2
case $factor in
'' | *[!0-9.]* | *.*.* | .)
	echo "slowed-study: FACTOR '$factor' is not a number" >&2
	exit 2
	;;
esac
bin=${CGOBENCH:-build/cgobench}
here=$(pwd)
# csv.awk's fields(), put before each program below
csv=$(cat scripts/csv.awk)
mkdir -p "$out"
copy="$out/copy"
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' old new rows called placed other \
	overheads overheads-called
# one pair, I J OLD NEW: its rows slowed one at a time into OUT/I-J.tsv,
# and its line
pair() {
	i=$1 j=$2 a=$3 b=$4
	fams=$(unpinned "$b")
	[ -n "$fams" ] || {
		echo "slowed-study: $b/machine.txt names no family on every CPU" >&2
		exit 1
	}
	tsv="$out/$i-$j.tsv"
	printf 'case\tvariant\tparam\tregression\tplaced\toverhead\n' > "$tsv"
	# the rows of time on every CPU (or pinned), a line each: case,
	# variant, toolchain, cc, param, separated by tabs
	awk -v fams="$fams" -v pinned="${PINNED:+1}" "$csv"'
		BEGIN { n = split(fams, l, ","); for (k = 1; k <= n; k++) on[l[k]] = 1 }
		NR == 1 { columns($0, col); next }
		{ fields($0, f) }
		f[col["unit"]] == "ns/op" && !on[f[col["case"]]] == (pinned == 1) {
			key = f[col["case"]] "\t" f[col["variant"]] "\t" f[col["toolchain"]] "\t" f[col["cc"]] "\t" f[col["param"]]
			if (!(key in seen)) { seen[key] = 1; print key }
		}' "$b/raw.csv" > "$out/rows.tsv"
	while IFS="$(printf '\t')" read -r fam var tc cc param; do
		rm -rf "$copy"
		mkdir -p "$copy"
		for f in "$b"/*; do
			name=${f##*/}
			[ "$name" != raw.csv ] || continue
			[ "$name" != transfer.csv ] || [ -z "${NOTRANSFER:-}" ] || continue
			case $f in /*) ln -s "$f" "$copy/$name" ;; *) ln -s "$here/$f" "$copy/$name" ;; esac
		done
		awk -v fam="$fam" -v var="$var" -v tc="$tc" \
			-v cc="$cc" -v param="$param" -v x="$factor" "$csv"'
			NR == 1 { columns($0, col); print; next }
			{ fields($0, f) }
			f[col["case"]] == fam && f[col["variant"]] == var &&
			f[col["toolchain"]] == tc && f[col["cc"]] == cc &&
			f[col["param"]] == param && f[col["unit"]] == "ns/op" {
				sub(/,[^,]*$/, sprintf(",%.17g", f[col["value"]] * x))
			}
			{ print }' "$b/raw.csv" > "$copy/raw.csv"
		"$bin" compare --format csv -- "$a" "$copy" > "$out/cmp.csv" 2> "$out/cmp.err" || {
			echo "slowed-study: $fam $var $param: $(cat "$out/cmp.err")" >&2
			exit 1
		}
		awk -v fam="$fam" -v var="$var" -v tc="$tc" \
			-v param="$param" "$csv"'
			NR == 1 { columns($0, col); next }
			{ fields($0, f) }
			f[col["case"]] == fam && f[col["variant"]] == var &&
			f[col["new_toolchain"]] == tc && f[col["param"]] == param &&
			f[col["unit"]] == "ns/op" {
				if (f[col["metric"]] == "value") {
					reg = f[col["regression"]]
					placed = f[col["placed"]]
				} else if (f[col["metric"]] == "overhead")
					over = f[col["regression"]]
			}
			END { printf "%s\t%s\t%s\t%s\t%s\t%s\n", fam, var, param, reg, placed, over }' "$out/cmp.csv" >> "$tsv"
	done < "$out/rows.tsv"
	awk -F '\t' -v a="$a" -v b="$b" '
		NR > 1 { n++; if ($4 == 1) c++; else if ($5 == 1) p++; else o++ }
		NR > 1 && $6 != "" { on++; if ($6 == 1) oc++ }
		END { printf "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\n", a, b, n, c, p, o, on, oc }' "$tsv"
}
. scripts/study-lib.sh
each_pair pair "$@"
rm -rf "$copy" "$out/rows.tsv" "$out/cmp.csv" "$out/cmp.err"
