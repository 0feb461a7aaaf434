#include "toolchain.h"

#include "machine.h"
#include "spawn.h"
#include "util.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_release(const char *s)
{
	return str_starts(s, "go1.") && !strchr(s, '/');
}

static char *derive_cxx(const char *cc)
{
	const char *base = strrchr(cc, '/');
	base = base ? base + 1 : cc;
	size_t dir = (size_t)(base - cc);
	if (str_starts(base, "clang"))
		return xasprintf("%.*sclang++%s", (int)dir, cc, base + 5);
	if (str_starts(base, "gcc"))
		return xasprintf("%.*sg++%s", (int)dir, cc, base + 3);
	if (!strcmp(base, "cc"))
		return xasprintf("%.*sc++", (int)dir, cc);
	return xasprintf("%s", "c++");
}

const char *const toolchain_build_vars[TC_BUILD_VARS] = {
    "GOFLAGS",	    "CGO_CFLAGS",   "CGO_CPPFLAGS", "CGO_LDFLAGS",
    "CGO_CXXFLAGS", "GOEXPERIMENT", "GOAMD64"};

/* What toolchain_resolve asks of go env, then toolchain_build_vars:
 * GCCGO names gccgo's compiler (else "gccgo"). */
static const char *const go_env_keys[] = {"GOVERSION", "GOROOT", "GOOS",
					  "GOARCH", "GCCGO"};
enum { GO_ENV_OWN = 5, GO_ENV_N = GO_ENV_OWN + TC_BUILD_VARS };

/* The values of go_env_keys and toolchain_build_vars for t, one a line
 * (an empty value an empty line), into v, which the caller frees; -1 with
 * err naming t->spec. */
static int go_env(struct toolchain *t, char **v, char *err, size_t errlen)
{
	char *argv[GO_ENV_N + 3] = {t->go, "env"};
	for (size_t i = 0; i < GO_ENV_N; i++)
		argv[i + 2] =
		    (char *)(i < GO_ENV_OWN
				 ? go_env_keys[i]
				 : toolchain_build_vars[i - GO_ENV_OWN]);
	struct spawn_opts o = {
	    .argv = argv, .env = t->env, .pin_cpu = -1, .timeout_s = 600};
	struct spawn_result r;
	if (spawn_run(&o, &r, err, errlen) != 0) {
		char inner[ERRLEN];
		snprintf(inner, sizeof inner, "%s", err);
		return set_error(err, errlen,
				 "toolchain '%s' not found: %s (choose another "
				 "with '--go <PATH_OR_NAME>')",
				 t->spec, inner);
	}
	if (!spawn_ok(&r)) {
		char *tail = spawn_reason(r.err, r.err_len);
		set_error(err, errlen, "toolchain '%s': 'go env' failed: %s",
			  t->spec, tail);
		free(tail);
		spawn_result_free(&r);
		return -1;
	}
	char *rest = r.out;
	size_t n = 0;
	for (; n < GO_ENV_N && rest; n++)
		v[n] = xstrdup(strsep(&rest, "\n"));
	/* every line ends with a newline: the last value's is left */
	int ended = rest != NULL;
	spawn_result_free(&r);
	if (n < GO_ENV_N || !ended || !*v[4]) {
		for (size_t i = 0; i < n; i++)
			free(v[i]);
		return set_error(err, errlen,
				 "toolchain '%s': 'go env' printed too little",
				 t->spec);
	}
	return 0;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

char **toolchain_split_flags(const char *var, const char *value, char *err,
			     size_t errlen)
{
	char **out = xcalloc(strlen(value) / 2 + 2, sizeof *out);
	size_t n = 0;
	for (const char *p = value;;) {
		while (is_blank(*p))
			p++;
		if (!*p)
			return out;
		const char *end;
		if (*p == '\'' || *p == '"') {
			end = strchr(p + 1, *p);
			if (!end) {
				set_error(err, errlen,
					  "%s: a %c is not closed (go would "
					  "not build with it): %s",
					  var, *p, value);
				free_list(out);
				return NULL;
			}
			out[n++] = xstrndup(p + 1, (size_t)(end - p - 1));
			p = end + 1;
			continue;
		}
		for (end = p; *end && !is_blank(*end); end++)
			;
		out[n++] = xstrndup(p, (size_t)(end - p));
		p = end;
	}
}

int toolchain_resolve(const char *spec, const char *cc, const char *cxx,
		      struct toolchain *t, char *err, size_t errlen)
{
	memset(t, 0, sizeof *t);
	t->spec = xstrdup(spec);
	t->go = xstrdup(is_release(spec) ? "go" : spec);
	t->cc = xstrdup(cc);
	t->cxx = cxx ? xstrdup(cxx) : derive_cxx(cc);
	const char *base = strrchr(cc, '/');
	t->cc_name = xstrdup(base ? base + 1 : cc);
	int k = 0;
	t->env[k++] = is_release(spec) ? xasprintf("GOTOOLCHAIN=%s", spec)
				       : xstrdup("GOTOOLCHAIN=local");
	t->env[k++] = xasprintf("CC=%s", t->cc);
	t->env[k++] = xasprintf("CXX=%s", t->cxx);
	t->env[k++] = xstrdup("CGO_ENABLED=1");
	t->env[k] = NULL;

	char *fields[GO_ENV_N];
	if (go_env(t, fields, err, errlen) != 0)
		return -1;
	memcpy(t->build_env, fields + GO_ENV_OWN, sizeof t->build_env);
	/* gccgo's go has no GOVERSION ("unknown"): name it by its gccgo,
	 * "gccgo12.2.0" */
	if (!str_starts(fields[0], "go1") && strcmp(fields[4], "gccgo")) {
		char *gv[] = {fields[4], "-dumpfullversion", NULL};
		char *v = machine_command_line(gv, NULL);
		free(fields[0]);
		fields[0] = xasprintf("gccgo%s", v ? v : "-unknown");
		free(v);
	}
	free(fields[4]);
	/* keep the name one word */
	for (char *p = fields[0]; *p; p++)
		if (*p == ' ')
			*p = '-';
	t->name = fields[0];
	t->goroot = fields[1];
	t->goos = fields[2];
	t->goarch = fields[3];

	char *ccv[] = {t->cc, "--version", NULL};
	t->cc_version = machine_command_line(ccv, NULL);
	if (!t->cc_version)
		return set_error(
		    err, errlen,
		    "C compiler '%s' not found (choose another with "
		    "'--cc <CC>')",
		    cc);
	t->key = xasprintf("%s-%s-%s", t->name, t->goarch, t->cc_name);
	return 0;
}

void toolchain_free(struct toolchain *t)
{
	free(t->spec);
	free(t->go);
	free(t->name);
	free(t->goroot);
	free(t->goos);
	free(t->goarch);
	free(t->cc);
	free(t->cxx);
	free(t->cc_name);
	free(t->cc_version);
	free(t->key);
	for (size_t i = 0; i < TC_BUILD_VARS; i++)
		free(t->build_env[i]);
	for (int i = 0; t->env[i]; i++)
		free(t->env[i]);
	memset(t, 0, sizeof *t);
}

/* the fields of toolchain.txt, in the order written */
static const struct {
	const char *name;
	size_t off;
} tc_fields[] = {{"spec", offsetof(struct toolchain, spec)},
		 {"name", offsetof(struct toolchain, name)},
		 {"goroot", offsetof(struct toolchain, goroot)},
		 {"goos", offsetof(struct toolchain, goos)},
		 {"goarch", offsetof(struct toolchain, goarch)},
		 {"cc", offsetof(struct toolchain, cc)},
		 {"cxx", offsetof(struct toolchain, cxx)},
		 {"cc-name", offsetof(struct toolchain, cc_name)},
		 {"cc-version", offsetof(struct toolchain, cc_version)}};
#define TC_FIELDS (sizeof tc_fields / sizeof *tc_fields)

static char **field(const struct toolchain *t, size_t i)
{
	return (char **)((char *)t + tc_fields[i].off);
}

int toolchain_save(const struct toolchain *t, const char *path, char *err,
		   size_t errlen)
{
	struct sbuf sb = {0};
	for (size_t i = 0; i < TC_FIELDS; i++)
		sbuf_addf(&sb, "%s: %s\n", tc_fields[i].name, *field(t, i));
	/* the flags it was built with, for a prebuilt run's build-env */
	for (size_t i = 0; i < TC_BUILD_VARS && t->build_env[i]; i++)
		sbuf_addf(&sb, "env-%s: %s\n", toolchain_build_vars[i],
			  t->build_env[i]);
	int rc = file_write_atomic(path, sb.buf, sb.len, err, errlen);
	sbuf_free(&sb);
	return rc;
}

/* The build flags of toolchain.txt's text into t, all or none: a bundle
 * from before them has none ("unknown": no such line). */
static void load_build_env(struct toolchain *t, const char *text)
{
	for (size_t i = 0; i < TC_BUILD_VARS; i++) {
		char *k = xasprintf("env-%s", toolchain_build_vars[i]);
		t->build_env[i] = machine_lookup(text, k);
		free(k);
		if (strcmp(t->build_env[i], "unknown"))
			continue;
		for (size_t j = 0; j <= i; j++) {
			free(t->build_env[j]);
			t->build_env[j] = NULL;
		}
		return;
	}
}

int toolchain_load(const char *path, struct toolchain *t, char *err,
		   size_t errlen)
{
	memset(t, 0, sizeof *t);
	char *text;
	if (file_read(path, &text, NULL, err, errlen) != 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < TC_FIELDS; i++) {
		*field(t, i) = machine_lookup(text, tc_fields[i].name);
		if (rc == 0 && !strcmp(*field(t, i), "unknown"))
			rc = set_error(err, errlen, "%s: no '%s: ' line", path,
				       tc_fields[i].name);
	}
	load_build_env(t, text);
	free(text);
	t->go = xstrdup("go");
	t->key = xasprintf("%s-%s-%s", t->name, t->goarch, t->cc_name);
	t->env[0] = xstrdup("CGO_ENABLED=1");
	if (rc != 0)
		toolchain_free(t);
	return rc;
}
