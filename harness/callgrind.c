#include "callgrind.h"

#include "stats.h"
#include "util.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int callgrind_argv(const char *out_prefix, char **argv)
{
	int a = 0;
	argv[a++] = "valgrind";
	argv[a++] = "--tool=callgrind";
	argv[a++] = xasprintf("--callgrind-out-file=%s", out_prefix);
	/* not on entry to the benchmark's own function as well: after a
	 * goroutine switch callgrind may see a fresh entry to it mid-loop,
	 * and a zero there lost most of a run (measured: 16 to 315 instead of
	 * 325 instructions for go->c on a loaded machine) */
	argv[a++] = "--zero-before=testing.(*B).StartTimer";
	argv[a++] = "--dump-before=testing.(*B).StopTimer";
	/* the same in gccgo's libgo, which names methods so */
	argv[a++] = "--zero-before=testing.B.StartTimer";
	argv[a++] = "--dump-before=testing.B.StopTimer";
	argv[a++] = "--zero-before=benchmark::State::StartKeepRunning*";
	argv[a++] = "--dump-before=benchmark::State::FinishKeepRunning*";
	argv[a] = NULL;
	return a;
}

int callgrind_parse_summary(const char *text, const char *source, double *ir,
			    char *err, size_t errlen)
{
	/* "totals:" sums the cost lines, which are stable; "summary:" also
	 * holds costs no function in the dump carries, and varies with
	 * the load of the machine */
	static const char *const keys[] = {"\ntotals:", "\nsummary:"};
	for (int k = 0; k < 2; k++) {
		const char *p = strstr(text, keys[k]);
		if (!p)
			continue;
		p += strlen(keys[k]);
		char *line = xstrndup(p, strcspn(p, "\n"));
		char *v = line + strspn(line, " ");
		str_rstrip(v);
		v[strcspn(v, " ")] = '\0'; /* with several events Ir is first */
		int rc = parse_double(v, ir);
		free(line);
		if (rc != 0 || *ir < 0)
			return set_error(err, errlen, "%s: bad '%s' line",
					 source, keys[k] + 1);
		return 0;
	}
	return set_error(err, errlen, "%s: no callgrind totals line", source);
}

int callgrind_largest_dump(const char *out_prefix, double *ir, char **path,
			   char *err, size_t errlen)
{
	char *dir = xstrdup(out_prefix);
	char *slash = strrchr(dir, '/');
	const char *base = slash ? slash + 1 : dir;
	if (slash)
		*slash = '\0';
	size_t bl = strlen(base);
	DIR *d = opendir(slash ? dir : ".");
	int found = 0, rc = 0;
	*ir = 0;
	if (path)
		*path = NULL;
	struct dirent *e;
	while (d && rc == 0 && (e = readdir(d))) {
		/* base.N or base.N-T: a dump, not the final base or base-T */
		if (strncmp(e->d_name, base, bl) != 0 || e->d_name[bl] != '.' ||
		    e->d_name[bl + 1] < '0' || e->d_name[bl + 1] > '9')
			continue;
		char *p = slash ? xasprintf("%s/%s", dir, e->d_name)
				: xstrdup(e->d_name);
		char *text;
		rc = file_read(p, &text, NULL, err, errlen);
		double v = 0;
		if (rc == 0) {
			rc = callgrind_parse_summary(text, p, &v, err, errlen);
			free(text);
		}
		if (rc == 0 && (!found || v > *ir)) {
			*ir = v;
			if (path) {
				free(*path);
				*path = xstrdup(p);
			}
		}
		found |= rc == 0;
		free(p);
	}
	if (d)
		closedir(d);
	free(dir);
	if (rc == 0 && !found)
		rc = set_error(err, errlen,
			       "callgrind wrote no dump: the benchmark never "
			       "started its timer");
	if (rc != 0 && path) {
		free(*path);
		*path = NULL;
	}
	return rc;
}

int callgrind_end_dump(const char *out_prefix, double *ir, char *err,
		       size_t errlen)
{
	char *text;
	*ir = 0;
	if (access(out_prefix, F_OK) != 0)
		return 0;
	if (file_read(out_prefix, &text, NULL, err, errlen) != 0)
		return -1;
	int rc = callgrind_parse_summary(text, out_prefix, ir, err, errlen);
	free(text);
	return rc;
}

int callgrind_lost_to_end(double largest, double end)
{
	return end > largest && end > CALLGRIND_END_MIN;
}

int callgrind_counts_agree(double a, double b)
{
	return fabs(a - b) <= CALLGRIND_AGREE * fmax(fabs(a), fabs(b));
}

int callgrind_take_kept(const double *kept, size_t nkept, const double *takes,
			size_t ntakes)
{
	double last = takes[ntakes - 1];
	if (nkept)
		return callgrind_counts_agree(last, stats_median(kept, nkept));
	for (size_t i = 0; i + 1 < ntakes; i++)
		if (callgrind_counts_agree(last, takes[i]))
			return 1;
	return 0;
}
