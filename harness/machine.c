#include "machine.h"

#include "spawn.h"
#include "util.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

void machine_set(struct machine *m, const char *key, const char *value)
{
	for (size_t i = 0; i < m->n; i++)
		if (!strcmp(m->kv[i].key, key)) {
			free(m->kv[i].value);
			m->kv[i].value = xstrdup(value);
			return;
		}
	m->kv = xrealloc(m->kv, (m->n + 1) * sizeof *m->kv);
	m->kv[m->n].key = xstrdup(key);
	m->kv[m->n].value = xstrdup(value);
	m->n++;
}

const char *machine_get(const struct machine *m, const char *key)
{
	for (size_t i = 0; i < m->n; i++)
		if (!strcmp(m->kv[i].key, key))
			return m->kv[i].value;
	return NULL;
}

void machine_format(const struct machine *m, struct sbuf *sb)
{
	for (size_t i = 0; i < m->n; i++)
		sbuf_addf(sb, "%s: %s\n", m->kv[i].key, m->kv[i].value);
}

void machine_free(struct machine *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->kv[i].key);
		free(m->kv[i].value);
	}
	free(m->kv);
	m->kv = NULL;
	m->n = 0;
}

char *machine_command_line(char *const *argv, char *const *env)
{
	struct spawn_opts o = {
	    .argv = argv, .env = env, .pin_cpu = -1, .timeout_s = 30};
	struct spawn_result r;
	char err[ERRLEN];
	if (spawn_run(&o, &r, err, sizeof err) != 0)
		return NULL;
	char *line = NULL;
	if (spawn_ok(&r)) {
		const char *s = r.out_len ? r.out : r.err;
		line = xstrndup(s, strcspn(s, "\n"));
		str_rstrip(line);
	}
	spawn_result_free(&r);
	return line;
}

/* Whether the "K=V" string v is one of machine_runtime_env's. */
static int moves_benchmarks(const char *v)
{
	static const char *const names[] = {"GOGC=", "GOMEMLIMIT=", "GODEBUG=",
					    "GLIBC_TUNABLES=", "LD_PRELOAD="};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (str_starts(v, names[i]))
			return 1;
	return str_starts(v, "MALLOC_") && strchr(v, '=');
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char *machine_env_text(const char **set, size_t n)
{
	if (n == 0)
		return xstrdup("none");
	qsort(set, n, sizeof *set, by_text);
	struct sbuf sb = {0};
	for (size_t i = 0; i < n; i++) {
		const char *eq = strchr(set[i], '=');
		size_t len = strlen(eq + 1);
		sbuf_addf(&sb, "%s%.*s", i ? "; " : "", (int)(eq + 1 - set[i]),
			  set[i]);
		for (size_t j = 0; j < len && j < MACHINE_ENV_MAX; j++) {
			unsigned char c = (unsigned char)eq[1 + j];
			sbuf_add(&sb, c < 0x20 || c == 0x7f ? "?" : &eq[1 + j],
				 1);
		}
		if (len > MACHINE_ENV_MAX)
			sbuf_addstr(&sb, "...");
	}
	return sb.buf;
}

char *machine_runtime_env(char *const *env)
{
	size_t n = 0, k = 0;
	while (env && env[n])
		n++;
	const char **set = xmalloc((n + 1) * sizeof *set);
	for (size_t i = 0; i < n; i++)
		if (moves_benchmarks(env[i]))
			set[k++] = env[i];
	char *text = machine_env_text(set, k);
	free(set);
	return text;
}

/* The value of the first "key<ws>: value" line of a /proc-style file. */
static char *file_field(const char *path, const char *key)
{
	char *text;
	char err[ERRLEN];
	if (file_read(path, &text, NULL, err, sizeof err) != 0)
		return NULL;
	char *found = NULL;
	size_t klen = strlen(key);
	for (char *line = text; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		char *after = strncmp(line, key, klen)
				  ? NULL
				  : line + klen + strspn(line + klen, " \t");
		if (after && (*after == ':' || *after == '=')) {
			char *v = after;
			v += strspn(v, " \t:=");
			if (*v == '"') {
				v++;
				v[strcspn(v, "\"")] = '\0';
			}
			found = xstrdup(str_rstrip(v));
			break;
		}
		line = nl ? nl + 1 : NULL;
	}
	free(text);
	return found;
}

static char *first_line_of(const char *path)
{
	char *text;
	char err[ERRLEN];
	if (file_read(path, &text, NULL, err, sizeof err) != 0)
		return NULL;
	text[strcspn(text, "\n")] = '\0';
	return text;
}

static void set_owned(struct machine *m, const char *key, char *value,
		      const char *fallback)
{
	machine_set(m, key, value && *value ? value : fallback);
	free(value);
}

char *machine_cpuinfo(const char *key)
{
	return file_field("/proc/cpuinfo", key);
}

/* What systemd-detect-virt says with these arguments ("none" on bare
 * metal, else the container or hypervisor), else the CPU's hypervisor
 * flag: "yes (cpuinfo: hypervisor)", or bare when it has none. */
static char *virtualisation(const char *vm_only, const char *bare)
{
	char *argv[] = {"systemd-detect-virt", (char *)vm_only, NULL};
	char *v = machine_command_line(argv, NULL);
	if (v && *v)
		return v;
	free(v);
	char *flags = machine_cpuinfo("flags");
	int hv = flags && strstr(flags, " hypervisor");
	free(flags);
	return xstrdup(hv ? "yes (cpuinfo: hypervisor)" : bare);
}

char *machine_brand_text(const char *raw, size_t len)
{
	size_t a = 0, b = strnlen(raw, len);
	while (a < b && raw[a] == ' ')
		a++;
	while (b > a && raw[b - 1] == ' ')
		b--;
	if (a == b)
		return NULL;
	char *t = xstrndup(raw + a, b - a);
	for (char *p = t; *p; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f)
			*p = '?';
	return t;
}

/* The CPU's brand string as CPUID gives it to a process now (x86 only),
 * or NULL. */
static char *cpu_brand(void)
{
#if defined(__x86_64__) || defined(__i386__)
	unsigned r[12];
	if (__get_cpuid_max(0x80000000, NULL) < 0x80000004)
		return NULL;
	for (unsigned i = 0; i < 3; i++)
		__cpuid(0x80000002 + i, r[4 * i], r[4 * i + 1], r[4 * i + 2],
			r[4 * i + 3]);
	return machine_brand_text((const char *)r, sizeof r);
#else
	return NULL;
#endif
}

void machine_probe(struct machine *m, const char *repo)
{
	set_owned(m, "cpu", machine_cpuinfo("model name"), "unknown");
	set_owned(m, "cpu-brand", cpu_brand(), "unknown");
	/* what tells one CPU from another of the same name; a VM may hide
	 * some (no microcode line) */
	static const char *const ids[][2] = {
	    {"cpu-family", "cpu family"}, {"cpu-model", "model"},
	    {"cpu-stepping", "stepping"}, {"microcode", "microcode"},
	    {"cpu-mhz", "cpu MHz"},	  {"cache-size", "cache size"}};
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
		set_owned(m, ids[i][0], machine_cpuinfo(ids[i][1]), "unknown");
	/* the hypervisor under a container too */
	set_owned(m, "hypervisor", virtualisation("--vm", "none"), "unknown");
	set_owned(m, "cores", xasprintf("%ld", sysconf(_SC_NPROCESSORS_ONLN)),
		  "unknown");
	struct utsname u;
	if (uname(&u) == 0) {
		char *k = xasprintf("%s %s", u.sysname, u.release);
		machine_set(m, "kernel", k);
		free(k);
		machine_set(m, "arch", u.machine);
	}
	set_owned(m, "os", file_field("/etc/os-release", "PRETTY_NAME"),
		  "unknown");
	set_owned(m, "virtualised", virtualisation(NULL, "no"), "unknown");
	set_owned(m, "governor",
		  first_line_of(
		      "/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"),
		  "unreadable");
	char *gitv[] = {"git",	      "-C",   (char *)repo, "rev-parse",
			"--short=12", "HEAD", NULL};
	char *commit = machine_command_line(gitv, NULL);
	if (commit) {
		/* dirty where the code differs from the commit: not the
		 * results, the docs or other text (make baseline empties
		 * results/baseline first; the Makefile's NOT_CODE) */
		char *st[] = {"git",
			      "-C",
			      (char *)repo,
			      "status",
			      "--porcelain",
			      "--untracked-files=no",
			      "--",
			      ".",
			      ":(exclude)results",
			      ":(exclude)docs",
			      ":(exclude)*.md",
			      NULL};
		char *dirty = machine_command_line(st, NULL);
		if (dirty && *dirty) {
			char *c = xasprintf("%s-dirty", commit);
			free(commit);
			commit = c;
		}
		free(dirty);
	}
	set_owned(m, "harness-commit", commit, "unknown");
	char date[64];
	time_t t = time(NULL);
	strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
	machine_set(m, "date", date);
}

char *machine_name(void)
{
	char host[256] = "localhost";
	gethostname(host, sizeof host - 1);
	host[sizeof host - 1] = '\0';
	for (char *p = host; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' ||
		      *p == '_'))
			*p = '_';
	return xstrdup(host[0] ? host : "localhost");
}

char *machine_lookup(const char *text, const char *key)
{
	size_t kl = strlen(key);
	for (const char *p = text; p && *p;) {
		if (!strncmp(p, key, kl) && p[kl] == ':' && p[kl + 1] == ' ')
			return xstrndup(p + kl + 2, strcspn(p + kl + 2, "\n"));
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return xstrdup("unknown");
}

/* A key of machine.txt that tells two runs apart, the value of a run
 * written before the key was (NULL: such a run's cannot be told), or the
 * key that held it then, and whether only the value's first word tells
 * them apart. */
struct told_by {
	const char *key, *missing;
	int word;
	const char *was;
};

/* what identifies a machine's hardware */
static const struct told_by hardware[] = {
    {"cpu", NULL, 0, NULL},	   {"cores", NULL, 0, NULL},
    {"arch", NULL, 0, NULL},	   {"cpu-family", NULL, 0, NULL},
    {"cpu-model", NULL, 0, NULL},  {"cpu-stepping", NULL, 0, NULL},
    {"microcode", NULL, 0, NULL},  {"cache-size", NULL, 0, NULL},
    {"hypervisor", NULL, 0, NULL}, {"cpu-brand", NULL, 0, NULL}};
/* how the samples were taken: before --sched, pinned processes ran
 * under the normal policy, and before --drift no drift was taken off
 * ("corrected (N pinned samples, ...)": N differs between any two runs);
 * before --hold, runs waited a minute or without end; before
 * --benchtime-unpinned, every family's samples took --benchtime; a run
 * before runtime-env or build-env cannot be told by it */
static const struct told_by method[] = {
    {"sched", "normal", 0, NULL},
    {"benchtime", NULL, 0, NULL},
    {"benchtime-unpinned", NULL, 0, "benchtime"},
    {"hold", NULL, 0, NULL},
    {"drift", "none", 1, NULL},
    {"runtime-env", NULL, 0, NULL},
    {"build-env", NULL, 0, NULL}};

/* The value of k in the machine.txt text, or NULL where it is unknown. */
static char *told_value(const char *machine, const struct told_by *k)
{
	char *v = machine_lookup(machine, k->key);
	if (k->was && !strcmp(v, "unknown")) {
		free(v);
		v = machine_lookup(machine, k->was);
	}
	if (k->word)
		v[strcspn(v, " ")] = '\0';
	if (strcmp(v, "unknown"))
		return v;
	free(v);
	return k->missing ? xstrdup(k->missing) : NULL;
}

/* Appends to sb where two machine.txt texts differ in the n keys
 * ("cpu-model 2 against 17; ..."), "; " between them. */
static void differ_into(struct sbuf *sb, const char *a, const char *b,
			const struct told_by *keys, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *va = told_value(a, &keys[i]),
		     *vb = told_value(b, &keys[i]);
		if (va && vb && strcmp(va, vb))
			sbuf_addf(sb, "%s%s %s against %s", sb->len ? "; " : "",
				  keys[i].key, va, vb);
		free(va);
		free(vb);
	}
}

/* Where two machine.txt texts differ in the n keys, or NULL where they
 * do not or it cannot be told. */
static char *runs_differ(const char *a, const char *b,
			 const struct told_by *keys, size_t n)
{
	if (!a || !b)
		return NULL;
	struct sbuf sb = {0};
	differ_into(&sb, a, b, keys, n);
	return sb.buf;
}

char *machine_hardware_differs(const char *a, const char *b)
{
	return runs_differ(a, b, hardware, sizeof hardware / sizeof *hardware);
}

/* the CPU the pinned families ran on, told apart by compare alone (not
 * by the history's measured column, whose earlier rows lack it): in one
 * hour two runs pinned to the Turin VM's CPU 1 ran the same code 2.7 and
 * 2.8% slower than one pinned to its CPU 0 (docs/precision.md item 77),
 * and --pin chooses the CPU */
static const struct told_by pinned_key[] = {{"pinned", NULL, 0, NULL}};

char *machine_method_differs(const char *a, const char *b)
{
	if (!a || !b)
		return NULL;
	struct sbuf sb = {0};
	differ_into(&sb, a, b, pinned_key, 1);
	differ_into(&sb, a, b, method, sizeof method / sizeof *method);
	return sb.buf;
}

/* Appends to sb the keys' " | key: value" of machine (" | " leading),
 * those it gives. */
static void told_pairs(struct sbuf *sb, const char *machine,
		       const struct told_by *keys, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *v = machine_lookup(machine, keys[i].key);
		if (strcmp(v, "unknown"))
			sbuf_addf(sb, " | %s: %s", keys[i].key, v);
		free(v);
	}
}

char *machine_told_line(const char *machine)
{
	struct sbuf sb = {0};
	told_pairs(&sb, machine, hardware, sizeof hardware / sizeof *hardware);
	told_pairs(&sb, machine, method, sizeof method / sizeof *method);
	char *line = xstrdup(sb.len ? sb.buf + 3 : "");
	sbuf_free(&sb);
	return line;
}

char *machine_told_text(const char *line)
{
	struct sbuf sb = {0};
	sbuf_addstr(&sb, "");
	for (const char *p = line; *p;) {
		const char *bar = strstr(p, " | ");
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		sbuf_addf(&sb, "%.*s\n", (int)len, p);
		p += len + (bar ? 3 : 0);
	}
	return sb.buf;
}

/* The median of a machine.txt text's key, which gives it first ("453
 * [89, 580] over 369 samples"), 0 when it has none or it is malformed. */
static double median_of(const char *text, const char *key)
{
	if (!text)
		return 0;
	char *v = machine_lookup(text, key), *end;
	double m = strtod(v, &end);
	int ok = (*end == ' ' || *end == '\0') && isfinite(m) && m > 0;
	free(v);
	return ok ? m : 0;
}

/* "key X against Y" where the two texts' medians of key are both known
 * and lie factor times apart or more, else NULL; X and Y to 6 digits, so
 * that a median of 1e308 stays short. */
static char *medians_apart(const char *a, const char *b, const char *key,
			   double factor)
{
	double x = median_of(a, key), y = median_of(b, key);
	if (!(x > 0) || !(y > 0) || fmax(x, y) < factor * fmin(x, y))
		return NULL;
	return xasprintf("%s %.6g against %.6g", key, x, y);
}

char *machine_placement_differs(const char *a, const char *b)
{
	return medians_apart(a, b, "transfer-ns", MACHINE_PLACED);
}

char *machine_faults_differ(const char *a, const char *b)
{
	return medians_apart(a, b, "fault-ns", MACHINE_FAULTED);
}
