#!/bin/sh
# usage: sh harness/tests/remote.sh CGOBENCH CHECK_RUN
#
# The machines path, for real: starts an ssh server on a free loopback
# port with keys made for the test, runs the call family there with
# `cgobench run --host` and checks the run directory it brought back; makes
# a bundle and runs it unpacked with no Go in PATH; stops the server.
# Ends with "remote: N passed, M failed".
set -u
cgobench=$1
check=$2
tmp=$(mktemp -d)
. "$(dirname "$0")/testlib.sh"
sshd_pid=
cleanup() {
	[ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

# A bundle, unpacked elsewhere and run with no Go toolchain in PATH.
if "$cgobench" bundle --cases call -q "$tmp/bundle.tar.gz" 2>"$tmp/bundle.err"; then
	ok "cgobench bundle"
else
	bad "cgobench bundle: $(tail -n 3 "$tmp/bundle.err")"
fi
mkdir "$tmp/unpacked"
tar -xzf "$tmp/bundle.tar.gz" -C "$tmp/unpacked"
if [ -x "$tmp/unpacked/run" ] && [ -f "$tmp/unpacked/cases/call/baselines" ] &&
	ls "$tmp/unpacked"/build/*/call/go.test "$tmp/unpacked"/build/*/call/c.bench \
		"$tmp/unpacked"/build/*/toolchain.txt >/dev/null &&
	ls "$tmp/unpacked"/lib/libbenchmark* "$tmp/unpacked"/lib/libjansson* >/dev/null; then
	ok "the bundle holds the driver, its libraries, the cases and their binaries"
else
	bad "the bundle's contents: $(cd "$tmp/unpacked" && find . | head -n 20)"
fi
if env PATH=/usr/bin:/bin sh -c '! command -v go' >/dev/null &&
	env PATH=/usr/bin:/bin "$tmp/unpacked/run" run --prebuilt --cases call --count 3 \
		--max-count 3 --benchtime 0.02s --warmup 0.01s --out "$tmp/prebuilt" -q \
		>/dev/null 2>"$tmp/prebuilt.err" &&
	grep -q '^binaries: prebuilt' "$tmp/prebuilt/machine.txt"; then
	ok "a bundle runs where there is no Go"
else
	bad "a bundle runs where there is no Go: $(tail -n 3 "$tmp/prebuilt.err")"
fi
check_run complete "$tmp/prebuilt"
if "$tmp/unpacked/run" run --prebuilt --build-dir /nonexistent -q 2>"$tmp/nob.err"; then
	bad "--prebuilt without a bundle exits 2"
elif grep -q "no bundle here: cannot read '/nonexistent'" "$tmp/nob.err"; then
	ok "--prebuilt without a bundle says so"
else
	bad "--prebuilt without a bundle: $(cat "$tmp/nob.err")"
fi

# An ssh server on loopback, for this test only.
sshd=$(command -v sshd || echo /usr/sbin/sshd)
if [ ! -x "$sshd" ] || ! command -v ssh >/dev/null || ! command -v ssh-keygen >/dev/null; then
	bad "no sshd or ssh here (make test installs openssh-server and openssh-client)"
	echo "remote: $passed passed, $failed failed"
	exit 1
fi
ssh-keygen -q -t ed25519 -N '' -f "$tmp/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$tmp/user_key"
cp "$tmp/user_key.pub" "$tmp/authorized_keys"
chmod 600 "$tmp/authorized_keys"
[ "$(id -u)" = 0 ] && mkdir -p /run/sshd && chmod 755 /run/sshd
port=$((20000 + $$ % 20000))
cat >"$tmp/sshd_config" <<EOF
Port $port
ListenAddress 127.0.0.1
HostKey $tmp/host_key
AuthorizedKeysFile $tmp/authorized_keys
PidFile $tmp/sshd.pid
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
Subsystem sftp internal-sftp
EOF
"$sshd" -D -e -f "$tmp/sshd_config" 2>"$tmp/sshd.log" &
sshd_pid=$!
cat >"$tmp/ssh_config" <<EOF
Host cgobench-loopback
	HostName 127.0.0.1
	Port $port
	User $(id -un)
	IdentityFile $tmp/user_key
	IdentitiesOnly yes
	StrictHostKeyChecking no
	UserKnownHostsFile /dev/null
	LogLevel ERROR
EOF
up=0
for i in 1 2 3 4 5 6 7 8 9 10; do
	if ssh -F "$tmp/ssh_config" -o BatchMode=yes cgobench-loopback true 2>/dev/null; then
		up=1
		break
	fi
	sleep 0.5
done
if [ "$up" = 1 ]; then
	ok "an ssh server on 127.0.0.1:$port"
else
	bad "the ssh server did not come up: $(tail -n 5 "$tmp/sshd.log")"
fi

# The suite on that host, brought back under results/<its name>/.
if "$cgobench" run --host cgobench-loopback --ssh-config "$tmp/ssh_config" --cases call --hold 0 \
	--count 3 --max-count 3 --benchtime 0.02s --warmup 0.01s --results "$tmp/results" -q \
	>"$tmp/remote.out" 2>"$tmp/remote.err"; then
	ok "cgobench run --host exits 0"
else
	bad "cgobench run --host: $(tail -n 3 "$tmp/remote.err")"
fi
back=$(ls -d "$tmp"/results/*/* 2>/dev/null | head -n 1)
if [ -n "$back" ] && [ -f "$back/summary.csv" ] && grep -q 'c->go(cthread)' "$tmp/remote.out" &&
	grep -q "^cgobench: wrote $tmp/results/" "$tmp/remote.err"; then
	ok "the run directory came back, and the summary table"
else
	bad "the run directory came back: $(ls -R "$tmp/results" 2>&1 | head -n 5)"
fi
[ -n "$back" ] && check_run complete "$back"
if ! ls -d /tmp/cgobench-*-[0-9]*-[0-9]* 2>/dev/null | grep -q .; then
	ok "nothing is left on the host"
else
	bad "left on the host: $(ls -d /tmp/cgobench-*)"
fi
if "$cgobench" run --host nobody@cgobench-no-such-host.invalid --cases call -q \
	--results "$tmp/none" >/dev/null 2>"$tmp/nohost.err"; then
	bad "an unreachable host exits 2"
elif grep -q "host 'nobody@cgobench-no-such-host.invalid'" "$tmp/nohost.err" &&
	[ "$(wc -l <"$tmp/nohost.err")" -le 3 ]; then
	ok "an unreachable host gets a clear error"
else
	bad "an unreachable host: $(cat "$tmp/nohost.err")"
fi

echo "remote: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
