# usage: python3 harness/tests/ptyread.py LOG CMD...
#
# Runs CMD on a pseudo-terminal, as a terminal would, and writes what it
# prints to LOG as it comes, a write each time it reads: so that CMD sees
# a terminal (cgobench prints a progress line before each sample then)
# and something wakes on each line. Exits with CMD's status.
import os
import pty
import sys

log = open(sys.argv[1], "wb")


def read(fd):
    data = os.read(fd, 4096)
    log.write(data)
    log.flush()
    return data


status = pty.spawn(sys.argv[2:], read)
sys.exit(os.waitstatus_to_exitcode(status))
