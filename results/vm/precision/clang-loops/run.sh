#!/bin/bash
# usage: BEFORE=DIR AFTER=DIR bash run.sh OUT ROUNDS 'FAMILY BENCH'...: the C drivers of each FAMILY built
# before (BEFORE/FAMILY/c.bench) and after (AFTER/FAMILY/c.bench), fresh processes pinned to CPU 1, each
# benchmark for 0.03 s, both builds in turn, ROUNDS rounds; writes OUT/times.csv (round,build,bench,ns)
set -eu
out=$1; rounds=$2; shift 2; mkdir -p "$out"; benches=("$@")
echo "round,build,bench,ns" > "$out/times.csv"
for r in $(seq "$rounds"); do
  for fb in "${benches[@]}"; do
    set -- $fb; fam=$1; bench=$2
    filt="^$(printf '%s' "$bench" | sed 's/[()+]/\\&/g')\$"
    for build in before after; do
      d=$BEFORE; [ $build = after ] && d=$AFTER
      ns=$(taskset -c 1 "$d/$fam/c.bench" --benchmark_filter="$filt" --benchmark_min_time=0.03 --benchmark_format=csv 2>/dev/null | awk -F, 'NR>1 && $1 ~ /c->c/ {print $3}')
      echo "$r,$build,$fam $bench,$ns" >> "$out/times.csv"
    done
  done
done
