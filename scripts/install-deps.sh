#!/bin/sh
# usage: sh scripts/install-deps.sh [PACKAGE...]
#
# Installs what building and running cgobench needs on Debian or Ubuntu,
# and the extra Debian PACKAGEs given (make fuzz asks for clang): apt-get
# as root, sudo apt-get otherwise. Elsewhere it names the packages and
# stops. Prints nothing when everything is there already.
set -eu

pkgs="gcc g++ make pkg-config git libbenchmark-dev libjansson-dev libcmocka-dev gnuplot-nox valgrind libssl-dev zlib1g-dev $*"
missing=""
if command -v dpkg-query >/dev/null 2>&1; then
	for p in $pkgs; do
		st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
		case "$st" in *"install ok installed"*) ;; *) missing="$missing $p" ;; esac
	done
else
	echo "install-deps: not a Debian or Ubuntu system; install these (or your system's equivalents) and run again:$pkgs" >&2
	exit 1
fi
if ! command -v go >/dev/null 2>&1 && [ ! -x /usr/local/go/bin/go ]; then
	missing="$missing golang-go"
fi
[ -z "$missing" ] && exit 0

echo "install-deps: installing$missing" >&2
if [ "$(id -u)" = 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "install-deps: not root and no sudo: install these and run again:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086 # the package list is meant to split
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
