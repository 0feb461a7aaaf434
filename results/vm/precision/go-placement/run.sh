#!/bin/bash
# (the study of how.txt; it ran in /work/scratch/s32/gopad, beside the four test binaries)
# alternate A and B test binaries, pinned to CPU 1, N rounds, one sample of each benchmark per round
cd /work/scratch/s32/gopad
N=${1:-60}
out=${2:-times.csv}
echo "round,build,bench,ns" > $out
for i in $(seq $N); do
  for v in ${BUILDS:-A B}; do
    for bn in 'go->go' 'go->c'; do
      ns=$(taskset -c 1 env GOMAXPROCS=1 ./$v.test -test.run='^$' -test.bench="^BenchmarkCall\$/^${bn}\$" -test.benchtime=0.03s -test.count=1 2>/dev/null | awk '/ns\/op/{print $3}')
      echo "$i,$v,$bn,$ns" >> $out
    done
  done
done
