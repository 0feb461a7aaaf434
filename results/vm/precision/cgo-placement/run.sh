#!/bin/bash
# usage: bash run.sh N OUT.csv   (from this directory; GOROOT's go in PATH)
# batch's test binary built four ways from ../../../../cases, then N rounds
# of fresh processes, pinned to CPU 1 under SCHED_BATCH as the harness runs
# them, GOMAXPROCS=1, 0.03 s each, the builds in turn:
#   A  as go test -c builds it (neither alignment)
#   B  Go functions at 64-byte lines (-ldflags=-funcalign=64): 5160113's build
#   C  B, and cgo's C loops at 64-byte lines (CGO_CFLAGS=-O2 -g -falign-loops=64)
#   D  B, and cgo's C functions at 64-byte lines (CGO_CFLAGS=-O2 -g -falign-functions=64): the build now
set -eu
N=${1:?usage: bash run.sh N OUT.csv}
out=${2:?usage: bash run.sh N OUT.csv}
here=$(pwd)
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
cd ../../../../cases
export CGO_ENABLED=1 GOFLAGS=-buildvcs=false
go test -c -o "$bin/A" ./batch
go test -c -ldflags=-funcalign=64 -o "$bin/B" ./batch
CGO_CFLAGS="-O2 -g -falign-loops=64" go test -c -ldflags=-funcalign=64 -o "$bin/C" ./batch
CGO_CFLAGS="-O2 -g -falign-functions=64" go test -c -ldflags=-funcalign=64 -o "$bin/D" ./batch
cd "$here"
# where batch_item's loop (the work of an item) lies: its backward jump's
# target, and the byte of its line
for v in A B C D; do
	objdump -d --no-show-raw-insn "$bin/$v" | awk '/<batch_item>:/ { on = 1; next } on && /^$/ { exit } on && /jne/ { print $1, $3 }' |
		while read -r at to; do
			at=$((0x${at%:})) to=$((0x$to))
			echo "$v batch_item's loop: bytes $((to % 64)) to $((to % 64 + at + 2 - to - 1)) of a line"
		done
done >loops.txt
echo "round,build,bench,ns" >"$out"
for i in $(seq "$N"); do
	for v in A B C D; do
		for bn in 'go->c(batch)/n=128' 'go->c(batch)/n=1024' 'go->c->go(batch)/n=128'; do
			re="^BenchmarkBatch\$/^$(printf '%s' "$bn" | sed 's/[()]/\\&/g; s|/|$/^|')\$"
			ns=$(taskset -c 1 chrt -b 0 env GOMAXPROCS=1 "$bin/$v" -test.run='^$' -test.bench="$re" \
				-test.benchtime=0.03s -test.count=1 2>/dev/null | awk '/ns\/op/ { print $3 }')
			echo "$i,$v,$bn,$ns" >>"$out"
		done
	done
done
