#include "family.h"

#include "util.h"

#include <dirent.h>
#include <fnmatch.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* The next line of a text split in place, its comment ("# ...") cut off,
 * counted in *lineno; NULL at the end. The baselines and options files
 * are read a line at a time this way. */
static char *next_line(char **cursor, int *lineno)
{
	char *line = *cursor;
	if (!line || !*line)
		return NULL;
	char *nl = strchr(line, '\n');
	if (nl)
		*nl++ = '\0';
	*cursor = nl;
	(*lineno)++;
	char *hash = strchr(line, '#');
	if (hash)
		*hash = '\0';
	return line;
}

int family_parse_baselines(const char *text, const char *source,
			   struct family *f, char *err, size_t errlen)
{
	char *copy = xstrdup(text), *cursor = copy, *line;
	int lineno = 0, rc = 0;
	while ((line = next_line(&cursor, &lineno))) {
		char *save, *v = strtok_r(line, " \t\r", &save);
		if (!v)
			continue;
		char *b = strtok_r(NULL, " \t\r", &save);
		if (!b || strtok_r(NULL, " \t\r", &save)) {
			rc = set_error(
			    err, errlen,
			    "%s:%d: want 'variant baseline', two words", source,
			    lineno);
			break;
		}
		if (family_baseline(f, v)) {
			rc = set_error(
			    err, errlen,
			    "%s:%d: variant '%s' has a baseline already",
			    source, lineno, v);
			break;
		}
		if (!strcmp(v, b)) {
			rc = set_error(err, errlen,
				       "%s:%d: variant '%s' is its own "
				       "baseline: its overhead would be 0",
				       source, lineno, v);
			break;
		}
		f->baselines = xrealloc(f->baselines, (f->nbaselines + 1) *
							  sizeof *f->baselines);
		f->baselines[f->nbaselines].variant = xstrdup(v);
		f->baselines[f->nbaselines].baseline = xstrdup(b);
		f->nbaselines++;
	}
	free(copy);
	return rc;
}

/* "link -lcrypto -lz": libraries the C driver links with; only -lNAME,
 * so that no option of the linker comes from a file. */
static int parse_link(struct family *f, char **save, const char *source,
		      int lineno, char *err, size_t errlen)
{
	size_t n = 0;
	while (f->links && f->links[n])
		n++;
	size_t before = n;
	for (char *v = strtok_r(NULL, " \t\r", save); v;
	     v = strtok_r(NULL, " \t\r", save)) {
		if (strncmp(v, "-l", 2) || !v[2] ||
		    strspn(v + 2, "abcdefghijklmnopqrstuvwxyz"
				  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+.-") !=
			strlen(v + 2))
			return set_error(err, errlen,
					 "%s:%d: '%s' is not -lNAME", source,
					 lineno, v);
		f->links = xrealloc(f->links, (n + 2) * sizeof *f->links);
		f->links[n++] = xstrdup(v);
		f->links[n] = NULL;
	}
	if (n == before)
		return set_error(err, errlen, "%s:%d: 'link' names no library",
				 source, lineno);
	return 0;
}

/* "go 1.25": the least Go release that builds the family. */
static int parse_go(struct family *f, char **save, const char *source,
		    int lineno, char *err, size_t errlen)
{
	const char *v = strtok_r(NULL, " \t\r", save);
	long minor;
	if (!v || strncmp(v, "1.", 2) || parse_long(v + 2, &minor) != 0 ||
	    minor < 0 || minor > 999 || strtok_r(NULL, " \t\r", save))
		return set_error(err, errlen,
				 "%s:%d: want 'go 1.N', the least Go release "
				 "that builds the family",
				 source, lineno);
	f->min_go = (int)minor;
	return 0;
}

/* "spread [<key>]": the samples' spread is the behaviour; the key, when
 * given, is the param level that counts the goroutines contending. */
static int parse_spread(struct family *f, char **save, const char *source,
			int lineno, char *err, size_t errlen)
{
	const char *key = strtok_r(NULL, " \t\r", save);
	if (key && (strcspn(key, "=/") != strlen(key) ||
		    strtok_r(NULL, " \t\r", save)))
		return set_error(err, errlen,
				 "%s:%d: want 'spread' or 'spread <key>', the "
				 "key the param level that counts the "
				 "goroutines (goroutines)",
				 source, lineno);
	f->spread = 1;
	free(f->spread_alone);
	f->spread_alone = key ? xasprintf("%s=1", key) : NULL;
	return 0;
}

/* The options that are one word, each setting a flag of the family. */
static const struct {
	const char *word;
	size_t offset;
} flag_options[] = {
    {"unpinned", offsetof(struct family, unpinned)},
    {"opt-in", offsetof(struct family, opt_in)},
    {"nocgo", offsetof(struct family, nocgo)},
    {"shared", offsetof(struct family, shared)},
    {"uncounted", offsetof(struct family, uncounted)},
};

/* Sets the flag word names and returns 1, or returns 0 for a word that
 * is no flag; *rc is -1 when something follows the word. */
static int flag_option(struct family *f, const char *word, char **save,
		       const char *source, int lineno, int *rc, char *err,
		       size_t errlen)
{
	for (size_t i = 0; i < sizeof flag_options / sizeof *flag_options;
	     i++) {
		if (strcmp(word, flag_options[i].word))
			continue;
		if (strtok_r(NULL, " \t\r", save))
			*rc = set_error(err, errlen,
					"%s:%d: '%s' takes nothing after it",
					source, lineno, word);
		*(int *)((char *)f + flag_options[i].offset) = 1;
		return 1;
	}
	return 0;
}

int family_parse_options(const char *text, const char *source, struct family *f,
			 char *err, size_t errlen)
{
	char *copy = xstrdup(text), *cursor = copy, *line;
	int lineno = 0, rc = 0;
	while (rc == 0 && (line = next_line(&cursor, &lineno))) {
		char *save, *word = strtok_r(line, " \t\r", &save);
		if (!word)
			continue;
		if (flag_option(f, word, &save, source, lineno, &rc, err,
				errlen))
			continue;
		if (!strcmp(word, "link")) {
			rc = parse_link(f, &save, source, lineno, err, errlen);
			continue;
		}
		if (!strcmp(word, "go")) {
			rc = parse_go(f, &save, source, lineno, err, errlen);
			continue;
		}
		if (!strcmp(word, "spread")) {
			rc =
			    parse_spread(f, &save, source, lineno, err, errlen);
			continue;
		}
		if (strcmp(word, "env") != 0) {
			rc = set_error(err, errlen,
				       "%s:%d: unknown option '%s' (want "
				       "'unpinned', 'spread', 'opt-in', "
				       "'nocgo', 'shared', 'uncounted', "
				       "'go 1.N', 'link -lNAME...' "
				       "or 'env <level> <VAR=value>...')",
				       source, lineno, word);
			break;
		}
		char *level = strtok_r(NULL, " \t\r", &save);
		if (!level || !strchr(level, '=') || strchr(level, '/')) {
			rc = set_error(err, errlen,
				       "%s:%d: want 'env <level> "
				       "<VAR=value>...', the level one param "
				       "level such as cgocheck=0",
				       source, lineno);
			break;
		}
		if (family_env_of(f, level)) {
			rc = set_error(err, errlen,
				       "%s:%d: level '%s' has an env already",
				       source, lineno, level);
			break;
		}
		struct family_env fe = {.level = xstrdup(level)};
		size_t n = 0;
		for (char *v = strtok_r(NULL, " \t\r", &save); v;
		     v = strtok_r(NULL, " \t\r", &save)) {
			if (!strchr(v, '=') || v[0] == '=') {
				rc = set_error(err, errlen,
					       "%s:%d: '%s' is not VAR=value",
					       source, lineno, v);
				break;
			}
			fe.vars = xrealloc(fe.vars, (n + 2) * sizeof *fe.vars);
			fe.vars[n++] = xstrdup(v);
			fe.vars[n] = NULL;
		}
		if (rc == 0 && n == 0)
			rc = set_error(err, errlen,
				       "%s:%d: env '%s' sets no variable",
				       source, lineno, level);
		f->envs = xrealloc(f->envs, (f->nenvs + 1) * sizeof *f->envs);
		f->envs[f->nenvs++] = fe;
	}
	free(copy);
	return rc;
}

int family_param_has(const char *param, const char *level)
{
	size_t l = strlen(level);
	for (const char *p = param; *p;) {
		size_t n = strcspn(p, "/");
		if (n == l && !strncmp(p, level, l))
			return 1;
		p += n + (p[n] == '/');
	}
	return 0;
}

const struct family_env *family_env_of(const struct family *f,
				       const char *param)
{
	for (size_t i = 0; i < f->nenvs; i++)
		if (family_param_has(param, f->envs[i].level))
			return &f->envs[i];
	return NULL;
}

int family_contended(const struct family *f, const char *param)
{
	if (!f->spread)
		return 0;
	if (!f->spread_alone)
		return 1;
	return !family_param_has(param, f->spread_alone);
}

const char *family_baseline(const struct family *f, const char *variant)
{
	for (size_t i = 0; i < f->nbaselines; i++)
		if (!strcmp(f->baselines[i].variant, variant))
			return f->baselines[i].baseline;
	return NULL;
}

static int has_go_tests(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	int found = 0;
	struct dirent *e;
	while (!found && (e = readdir(d))) {
		size_t l = strlen(e->d_name);
		found = l > 8 && !strcmp(e->d_name + l - 8, "_test.go");
	}
	closedir(d);
	return found;
}

static int load(const char *cases_dir, const char *name, struct family *f,
		char *err, size_t errlen)
{
	memset(f, 0, sizeof *f);
	f->name = xstrdup(name);
	f->dir = xasprintf("%s/%s", cases_dir, name);
	f->has_go = has_go_tests(f->dir);
	char *p = xasprintf("%s/cbench", f->dir);
	f->has_cbench = path_is_dir(p);
	free(p);
	p = xasprintf("%s/export", f->dir);
	f->has_export = path_is_dir(p);
	free(p);
	p = xasprintf("%s/baselines", f->dir);
	int rc = 0;
	if (path_exists(p)) {
		char *text;
		rc = file_read(p, &text, NULL, err, errlen);
		if (rc == 0) {
			rc = family_parse_baselines(text, p, f, err, errlen);
			free(text);
		}
	}
	free(p);
	p = xasprintf("%s/options", f->dir);
	if (rc == 0 && path_exists(p)) {
		char *text;
		rc = file_read(p, &text, NULL, err, errlen);
		if (rc == 0) {
			rc = family_parse_options(text, p, f, err, errlen);
			free(text);
		}
	}
	free(p);
	return rc;
}

static void free_fields(struct family *f);

/* Whether the patterns select a family: "" or "all" (also in a list,
 * "all,libraries") every family but an opt-in one, a glob what it
 * matches, opt-in or not. */
static int matches(const char *name, const char *patterns, int opt_in)
{
	if (!*patterns)
		return !opt_in;
	char *copy = xstrdup(patterns);
	int hit = 0;
	char *save;
	for (char *p = strtok_r(copy, ",", &save); p && !hit;
	     p = strtok_r(NULL, ",", &save))
		hit = !strcmp(p, "all") ? !opt_in : fnmatch(p, name, 0) == 0;
	free(copy);
	return hit;
}

/* The families of cases_dir, sorted, into *names: its directories with Go
 * tests or a cbench directory. None is an error, not an empty run. */
static int family_names(const char *cases_dir, char ***names, size_t *nn,
			char *err, size_t errlen)
{
	*names = NULL;
	*nn = 0;
	DIR *d = opendir(cases_dir);
	if (!d)
		return set_error(err, errlen,
				 "cannot read the cases directory '%s' (set it "
				 "with '--cases-dir <DIR>')",
				 cases_dir);
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || e->d_name[0] == '_')
			continue;
		char *dir = xasprintf("%s/%s", cases_dir, e->d_name);
		char *cb = xasprintf("%s/cbench", dir);
		int is_family =
		    path_is_dir(dir) && (has_go_tests(dir) || path_is_dir(cb));
		free(cb);
		free(dir);
		if (is_family) {
			*names = xrealloc(*names, (*nn + 1) * sizeof **names);
			(*names)[(*nn)++] = xstrdup(e->d_name);
		}
	}
	closedir(d);
	if (!*nn)
		return set_error(
		    err, errlen,
		    "no case family in '%s': a family is a "
		    "directory with Go tests or a cbench directory "
		    "(set it with '--cases-dir <DIR>')",
		    cases_dir);
	qsort(*names, *nn, sizeof **names, str_ptr_cmp);
	return 0;
}

int family_discover(const char *cases_dir, const char *patterns,
		    struct family **out, size_t *n, char *err, size_t errlen)
{
	*out = NULL;
	*n = 0;
	char **names;
	size_t nn;
	if (family_names(cases_dir, &names, &nn, err, errlen) != 0)
		return -1;

	/* every pattern must select something, and a list of commas alone
	 * (",,") names no pattern: an error, not an empty run */
	struct sbuf all = {0};
	for (size_t i = 0; i < nn; i++)
		sbuf_addf(&all, "%s%s", i ? ", " : "", names[i]);
	char *copy = xstrdup(patterns);
	char *save;
	int rc = 0, named = 0;
	for (char *p = strtok_r(copy, ",", &save); p && rc == 0;
	     p = strtok_r(NULL, ",", &save)) {
		int hit = !strcmp(p, "all");
		for (size_t i = 0; i < nn && !hit; i++)
			hit = fnmatch(p, names[i], 0) == 0;
		named++;
		if (!hit)
			rc = set_error(
			    err, errlen,
			    "no case matches '%s' (the cases are: %s)", p,
			    all.buf);
	}
	free(copy);
	if (rc == 0 && *patterns && !named)
		rc = set_error(err, errlen,
			       "'%s' names no case (the cases are: %s)",
			       patterns, all.buf);
	sbuf_free(&all);

	for (size_t i = 0; i < nn && rc == 0; i++) {
		if (!matches(names[i], patterns, 0) &&
		    !matches(names[i], patterns, 1))
			continue;
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		rc = load(cases_dir, names[i], &(*out)[*n], err, errlen);
		if (rc == 0 && !matches(names[i], patterns, (*out)[*n].opt_in))
			free_fields(&(*out)[*n]); /* opt-in, not named */
		else
			(*n)++;
	}
	for (size_t i = 0; i < nn; i++)
		free(names[i]);
	free(names);
	if (rc != 0) {
		family_free_all(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

void family_free_all(struct family *f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free_fields(&f[i]);
	free(f);
}

static void free_fields(struct family *f)
{
	free(f->name);
	free(f->dir);
	free(f->spread_alone);
	for (size_t j = 0; j < f->nbaselines; j++) {
		free(f->baselines[j].variant);
		free(f->baselines[j].baseline);
	}
	free(f->baselines);
	for (char **l = f->links; l && *l; l++)
		free(*l);
	free(f->links);
	for (size_t j = 0; j < f->nenvs; j++) {
		free(f->envs[j].level);
		for (char **v = f->envs[j].vars; v && *v; v++)
			free(*v);
		free(f->envs[j].vars);
	}
	free(f->envs);
}
