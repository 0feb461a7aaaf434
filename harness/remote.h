/* remote: the suite on another machine, over ssh, without a Go toolchain
 * there.
 *
 * A bundle is a tarball of what a run needs besides the operating
 * system: the driver, the shared libraries it and the C drivers link
 * (Google Benchmark, jansson, and gccgo's libgo), the case families'
 * directories (baselines, options, working directories), and for each
 * toolchain its built binaries with its toolchain.txt. Unpacked anywhere
 * on a machine of the same architecture, `./run run --prebuilt` measures
 * them.
 *
 * remote_run makes the bundle, copies it to the host with scp, unpacks
 * and runs it there with ssh, brings the run directory back under
 * results/<that machine>/ and removes what it left there. ssh joins a
 * remote command into one shell line: every word of it is single-quoted
 * here, so no argument is ever read by the remote shell. */
#ifndef CGOBENCH_REMOTE_H
#define CGOBENCH_REMOTE_H

#include "run.h"

#include <stddef.h>

/* Builds c's families with c's toolchains and writes the bundle to
 * out_path. */
int remote_bundle(const struct run_config *c, const char *out_path, char *err,
		  size_t errlen);

/* The run of c on host ("user@host", or a Host of ssh_config, which may
 * be NULL). Returns the remote run's exit code (0, 1 or 130), or -1 with
 * err set when the host could not be reached or the run not brought
 * back. */
int remote_run(const struct run_config *c, const char *host,
	       const char *ssh_config, char *err, size_t errlen);

/* Appends s to sb single-quoted for a POSIX shell. */
struct sbuf;
void remote_quote(struct sbuf *sb, const char *s);

#endif
