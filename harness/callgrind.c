#include "callgrind.h"

#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int callgrind_argv(const char *out_prefix, char **argv)
{
	int a = 0;
	argv[a++] = "valgrind";
	argv[a++] = "--tool=callgrind";
	argv[a++] = xasprintf("--callgrind-out-file=%s", out_prefix);
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

int callgrind_largest_dump(const char *out_prefix, double *ir, int *which,
			   char *err, size_t errlen)
{
	int found = 0;
	*ir = 0;
	for (int i = 1;; i++) {
		char *path = xasprintf("%s.%d", out_prefix, i);
		char *text;
		char rerr[ERRLEN];
		int rc = file_read(path, &text, NULL, rerr, sizeof rerr);
		free(path);
		if (rc != 0)
			break;
		char source[64];
		snprintf(source, sizeof source, "callgrind dump %d", i);
		double v;
		rc = callgrind_parse_summary(text, source, &v, err, errlen);
		free(text);
		if (rc != 0)
			return -1;
		if (v > *ir) {
			*ir = v;
			if (which)
				*which = i;
		}
		found = 1;
	}
	if (!found)
		return set_error(err, errlen,
				 "callgrind wrote no dump: the benchmark never "
				 "started its timer");
	return 0;
}
