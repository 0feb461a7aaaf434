#include "callgrind.h"

#include "util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int callgrind_argv(const char *out_prefix, char **argv)
{
	int a = 0;
	argv[a++] = "valgrind";
	argv[a++] = "--tool=callgrind";
	argv[a++] = xasprintf("--callgrind-out-file=%s", out_prefix);
	argv[a++] = "--separate-threads=yes";
	argv[a++] = "--zero-before=testing.(*B).StartTimer";
	/* a Go sub-benchmark's body is Benchmark<Name>.funcN: zeroing again
	 * on entry leaves StartTimer's own work out */
	argv[a++] = "--zero-before=*.Benchmark*.func?";
	argv[a++] = "--zero-before=*.Benchmark*.func??";
	argv[a++] = "--dump-before=testing.(*B).StopTimer";
	argv[a++] = "--zero-before=benchmark::State::StartKeepRunning*";
	argv[a++] = "--dump-before=benchmark::State::FinishKeepRunning*";
	argv[a] = NULL;
	return a;
}

int callgrind_parse_summary(const char *text, const char *source, double *ir,
			    char *err, size_t errlen)
{
	for (const char *p = text; p && *p;
	     p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		if (!str_starts(p, "summary:"))
			continue;
		char *line = xstrndup(p + 8, strcspn(p + 8, "\n"));
		char *v = line + strspn(line, " ");
		str_rstrip(v);
		/* with several events the first is Ir */
		v[strcspn(v, " ")] = '\0';
		int rc = parse_double(v, ir);
		free(line);
		if (rc != 0 || *ir < 0)
			return set_error(err, errlen,
					 "%s: bad callgrind summary", source);
		return 0;
	}
	return set_error(err, errlen, "%s: no callgrind summary line", source);
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
