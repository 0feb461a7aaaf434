#!/bin/sh
# usage: sh run.sh OUT ROUNDS (from il/, with il built there): each round, on CPU 1 under SCHED_BATCH with
# GOMAXPROCS=1: 40 samples interleaved at chunks of 20, 100 and 500 us, 40
# in blocks, and 40 pairs of processes (c->c then go->c, each its own)
set -eu
out=$1
rounds=$2
mkdir -p "$out"
run() { GOMAXPROCS=1 taskset -c 1 chrt -b 0 ./il "$@"; }
r=1
while [ "$r" -le "$rounds" ]; do
	for ch in 20 100 500; do run i 40 "$ch" >"$out/i$ch-$r.txt"; done
	run b 40 100 >"$out/b-$r.txt"
	: >"$out/p-$r.txt"
	k=0
	while [ "$k" -lt 40 ]; do
		c=$(run p 1 100 1 | awk '{print $2}')
		g=$(run p 1 100 2 | awk '{print $3}')
		echo "0 $c $g" >>"$out/p-$r.txt"
		k=$((k + 1))
	done
	r=$((r + 1))
done
