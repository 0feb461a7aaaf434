#!/bin/sh
# usage: sh scripts/layout-study.sh OUT REV [N]
#
# Whether the handles family's sharded maps time false sharing: the
# family's go.test built from commit REV (before a change to its layout)
# and from the work tree, N (default 12) turns of fresh processes of each
# build's sharded-map(object-key) and sharded-map at 1 to 4 goroutines,
# in turn (scripts/handles-row.sh). Writes OUT/layout.csv (cpus.awk's
# columns, the variant as BUILD:VARIANT), OUT/machine.txt and
# OUT/layout.txt, each benchmark's ranges (scripts/cpus.awk);
# docs/precision.md reads them. Run from the top of the repository.
set -eu
usage='usage: sh scripts/layout-study.sh OUT REV [N]'
out=${1:?$usage}
rev=${2:?$usage}
n=${3:-12}
case $n in '' | *[!0-9]*) echo "layout-study: N must be a number, not '$n'" >&2; exit 2 ;; esac
git rev-parse --verify --quiet "$rev^{commit}" >/dev/null ||
	{ echo "layout-study: no commit '$rev'" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git archive --format=tar "$rev" cases | tar -x -C "$tmp"
(cd "$tmp/cases" && go test -c -o "$tmp/before.test" ./handles)
(cd cases && go test -c -o "$tmp/after.test" ./handles)
sh scripts/study-machine.sh "$out" none
echo "before: $(git rev-parse --short "$rev")" >>"$out/machine.txt"
. scripts/handles-row.sh
printf 'variant,goroutines,process,ns_per_op,cpus\n' >"$out/layout.csv"
for i in $(seq 1 "$n"); do
	for b in before after; do
		for v in 'sharded-map(object-key)' sharded-map; do
			for g in 1 2 3 4; do
				handles_row "$tmp/$b.test" "$b:$v" "$v" "$g" "$i" >>"$out/layout.csv"
			done
		done
	done
done
awk -f scripts/csv.awk -f scripts/stats.awk -f scripts/cpus.awk "$out/layout.csv" >"$out/layout.txt"
cat "$out/layout.txt"
echo "layout-study: wrote $out/layout.csv and layout.txt" >&2
