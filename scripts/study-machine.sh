#!/bin/sh
# usage: sh scripts/study-machine.sh OUT CPU
#
# Writes OUT/machine.txt for a study script's run: the date (UTC), the
# CPU, how many CPUs and the one the study pins to (CPU), the kernel, the
# Go toolchain in PATH and the harness's commit. The study scripts call
# it; docs/precision.md reads what they wrote.
set -eu
out=${1:?usage: sh scripts/study-machine.sh OUT CPU}
cpu=${2:?usage: sh scripts/study-machine.sh OUT CPU}
mkdir -p -- "$out"
{
	echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "cpu: $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)"
	echo "cpus: $(nproc), pinned to $cpu"
	echo "kernel: $(uname -r)"
	echo "go-version: $(go env GOVERSION)"
	echo "harness-commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
} >"$out/machine.txt"
