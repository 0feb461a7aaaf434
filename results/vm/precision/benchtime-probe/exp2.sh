#!/bin/bash
# usage: exp2.sh N OUT: N times, for --benchmark_min_time 0.1 and 0.02 in turn: probe CPU 1, one sample of purego c->c pinned there, probe again; lines "benchtime before_us ns after_us" to OUT (probe1: a main calling load_probe_us(argv[1]), linked with build/obj/load.o, util.o, stats.o)
cd /work/main
C=/work/scratch/s31/probe1
B=build/go1.26.8-amd64-gcc/purego/c.bench
for i in $(seq $1); do
 for bt in 0.1 0.02; do
  a=$($C 1)
  t=$(taskset -c 1 chrt -b 0 $B --benchmark_filter='^c->c$' --benchmark_min_time=$bt --benchmark_format=json 2>/dev/null | sed -n '/"run_type": "iteration"/,/}/s/^ *"real_time": \([0-9.e+-]*\),$/\1/p' | head -1)
  b=$($C 1)
  echo "$bt $a $t $b"
 done
done > $2
