#!/bin/sh
# usage: sh scripts/same-work.sh BUILT...
#
# Whether a family's C side and Go side run the same machine code for
# its work.c (docs/precision.md item 51). Each BUILT is a family's build
# directory (build/go1.26.8-amd64-gcc/batch). Every function that its
# work.o defines is disassembled from c.bench and from go.test (from
# libwork.so where the Go side loads it at run time), without addresses,
# padding or the comments objdump adds. Prints a line a function: the
# family, the function, "same" or "differs" ("c-only" in a family whose
# Go side is a c-archive the C side links, such as mainthread), and the
# byte of its 64-byte line that each side starts it at (c@B go@B). Exits
# 1 if any differs or cannot be found. Needs binutils (nm, objdump).
set -eu
[ $# -gt 0 ] || {
	echo 'usage: sh scripts/same-work.sh BUILT...' >&2
	exit 2
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
# prints function sym of objdump's listing without addresses or padding
body() {
	awk -v sym="$2" '
		$2 == "<" sym ">:" { on = 1; next }
		on && NF == 0 { exit }
		on {
			sub(/^[ \t]*[0-9a-f]+:[ \t]*/, "")
			sub(/[ \t]*#.*$/, "")
			gsub(/[0-9a-f]+ </, "<")
			gsub(/@plt>/, ">")
			gsub(/0x[0-9a-f]+\(%rip\)/, "(%rip)")
			if ($0 ~ /nop|^int3|^xchg +%ax,%ax$/) next
			print
		}' "$1"
}
# the byte of its line that sym starts at in the binary bin
start() {
	at=$(nm "$1" | awk -v sym="$2" '$3 == sym { print $1; exit }')
	[ -z "$at" ] || echo $((0x$at % 64))
}
for built; do
	fam=$(basename "$built")
	if [ ! -f "$built/work.o" ] || [ ! -f "$built/c.bench" ]; then
		echo "same-work: $built: no work.o or c.bench (not a family built with work.c)" >&2
		status=1
		continue
	fi
	rm -f "$tmp"/*.s
	objdump -d --no-show-raw-insn "$built/c.bench" >"$tmp/c.s"
	for go in go.test libwork.so; do
		[ -f "$built/$go" ] && objdump -d --no-show-raw-insn "$built/$go" >"$tmp/$go.s"
	done
	for sym in $(nm --defined-only "$built/work.o" | awk '$2 == "T" { print $3 }'); do
		go=go.test
		[ -n "$(start "$built/$go" "$sym" 2>/dev/null)" ] || go=libwork.so
		body "$tmp/c.s" "$sym" >"$tmp/c.body"
		body "$tmp/$go.s" "$sym" >"$tmp/go.body" 2>/dev/null || :
		at_c=$(start "$built/c.bench" "$sym")
		at_go=$(start "$built/$go" "$sym" 2>/dev/null || :)
		if [ -z "$at_go" ] && [ ! -f "$built/go.test" ] && [ ! -f "$built/libwork.so" ]; then
			verdict=c-only
		elif [ -s "$tmp/c.body" ] && cmp -s "$tmp/c.body" "$tmp/go.body"; then
			verdict=same
		else
			verdict=differs
			status=1
		fi
		echo "$fam $sym $verdict c@${at_c:-?} go@${at_go:-?}"
	done
done
exit $status
