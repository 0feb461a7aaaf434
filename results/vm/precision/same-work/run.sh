#!/bin/bash
# usage: BEFORE=DIR AFTER=DIR bash run.sh OUT ROUNDS: the C drivers of batch and data built by the harness before
# (BEFORE/batch/c.bench, BEFORE/data/c.bench) and after the change, fresh processes pinned to CPU 1, each benchmark
# for 0.03 s, both builds in turn, ROUNDS rounds; writes OUT/times.csv (round,build,bench,ns)
out=$1; rounds=$2; mkdir -p $out
B=${BEFORE:?}; A=${AFTER:?}
echo "round,build,bench,ns" > $out/times.csv
for r in $(seq $rounds); do
  for fb in "batch c->c/n=1" "batch c->c/n=16" "batch c->c/n=128" "data c->c(struct-value)" "data c->c(struct-pointer)" "data c->c(sum)" "data c->c(dup+free)"; do
    set -- $fb; fam=$1; bench=$2
    filt="^$(printf '%s' "$bench" | sed 's/[()+]/\\&/g')\$"
    for build in before after; do
      d=$B; [ $build = after ] && d=$A
      ns=$(taskset -c 1 $d/$fam/c.bench --benchmark_filter="$filt" --benchmark_min_time=0.03 --benchmark_format=csv 2>/dev/null | awk -F, 'NR>1 && $1 ~ /c->c/ {print $3}')
      echo "$r,$build,$fam $bench,$ns" >> $out/times.csv
    done
  done
done
