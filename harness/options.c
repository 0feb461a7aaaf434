#include "options.h"

#include "util.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int takes(const struct opt *o, unsigned command)
{
	return !o->commands || (o->commands & command);
}

static void *field(void *cfg, const struct opt *o)
{
	return (char *)cfg + o->offset;
}

static const void *cfield(const void *cfg, const struct opt *o)
{
	return (const char *)cfg + o->offset;
}

/* "0.2s", "200ms", "6m", "0.2" (seconds) */
static int parse_duration(const char *s, double *out)
{
	char *num = xstrdup(s);
	size_t n = strlen(num);
	double scale = 1;
	if (n > 2 && !strcmp(num + n - 2, "ms")) {
		scale = 1e-3;
		num[n - 2] = '\0';
	} else if (n > 1 && num[n - 1] == 's') {
		num[n - 1] = '\0';
	} else if (n > 1 && num[n - 1] == 'm') {
		scale = 60;
		num[n - 1] = '\0';
	}
	double v;
	int rc = parse_double(num, &v);
	free(num);
	if (rc != 0)
		return -1;
	*out = v * scale;
	return 0;
}

/* "from 1 to 10000", with whole numbers printed as such */
static void bounds(const struct opt *o, char *buf, size_t len)
{
	snprintf(buf, len, "from %.15g to %.15g", o->lo, o->hi);
}

static int in_bounds(const struct opt *o, double v)
{
	return v >= o->lo && v <= o->hi; /* false for NaN */
}

static int parse_whole(const struct opt *o, const char *s, long long *out)
{
	long v;
	if (parse_long(s, &v) != 0 || !in_bounds(o, (double)v))
		return -1;
	*out = v;
	return 0;
}

static int bad_value(const struct opt *o, const char *s, char *err,
		     size_t errlen)
{
	char b[96];
	bounds(o, b, sizeof b);
	switch (o->type) {
	case OPT_INT:
	case OPT_LONG:
	case OPT_U64:
		return set_error(
		    err, errlen,
		    "bad value '%s' for '--%s': want a whole number "
		    "%s",
		    s, o->name, b);
	case OPT_CPU:
		return set_error(err, errlen,
				 "bad value '%s' for '--%s': want 'none' or a "
				 "CPU %s",
				 s, o->name, b);
	case OPT_DOUBLE:
		return set_error(err, errlen,
				 "bad value '%s' for '--%s': want a number %s",
				 s, o->name, b);
	case OPT_DURATION:
		return set_error(err, errlen,
				 "bad duration '%s' for '--%s': want e.g. 0.2s "
				 "or 200ms, %gs to %gs",
				 s, o->name, o->lo, o->hi);
	case OPT_CHOICE: {
		struct sbuf words = {0};
		for (size_t i = 0; o->choices[i]; i++)
			sbuf_addf(&words, "%s%s",
				  !i		      ? ""
				  : o->choices[i + 1] ? ", "
						      : " or ",
				  o->choices[i]);
		set_error(err, errlen, "bad %s '%s': want %s", o->name, s,
			  words.buf);
		sbuf_free(&words);
		return -1;
	}
	default:
		return set_error(err, errlen, "bad value '%s' for '--%s'", s,
				 o->name);
	}
}

static int set_value(const struct opt *o, const char *s, void *cfg, char *err,
		     size_t errlen)
{
	long long w;
	double d;
	switch (o->type) {
	case OPT_BOOL: *(int *)field(cfg, o) = 1; return 0;
	case OPT_STRING:
		if (!*s)
			return set_error(err, errlen,
					 "empty value for '--%s': want %s",
					 o->name, o->arg);
		*(const char **)field(cfg, o) = s;
		return 0;
	case OPT_INT:
	case OPT_LONG:
	case OPT_U64:
		if (parse_whole(o, s, &w) != 0)
			return bad_value(o, s, err, errlen);
		if (o->type == OPT_INT)
			*(int *)field(cfg, o) = (int)w;
		else if (o->type == OPT_LONG)
			*(long *)field(cfg, o) = (long)w;
		else
			*(uint64_t *)field(cfg, o) = (uint64_t)w;
		return 0;
	case OPT_CPU:
		if (!strcmp(s, "none")) {
			*(int *)field(cfg, o) = -1;
			return 0;
		}
		if (parse_whole(o, s, &w) != 0)
			return bad_value(o, s, err, errlen);
		*(int *)field(cfg, o) = (int)w;
		return 0;
	case OPT_DOUBLE:
	case OPT_DURATION:
		if ((o->type == OPT_DOUBLE ? parse_double(s, &d)
					   : parse_duration(s, &d)) != 0 ||
		    !in_bounds(o, d))
			return bad_value(o, s, err, errlen);
		*(double *)field(cfg, o) = d;
		return 0;
	case OPT_CHOICE:
		for (int i = 0; o->choices[i]; i++)
			if (!strcmp(o->choices[i], s)) {
				*(int *)field(cfg, o) = i;
				return 0;
			}
		return bad_value(o, s, err, errlen);
	}
	return bad_value(o, s, err, errlen);
}

int options_parse(const struct opt *table, unsigned command, int argc,
		  char **argv, void *cfg, uint64_t *given, int *first,
		  char *err, size_t errlen)
{
	size_t n = 0;
	while (table[n].name)
		n++;
	struct option *lo = xcalloc(n + 2, sizeof *lo);
	struct sbuf shorts = {0};
	sbuf_addstr(&shorts, ":h");
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (!takes(&table[i], command))
			continue;
		int arg = table[i].type != OPT_BOOL;
		lo[k++] = (struct option){table[i].name,
					  arg ? required_argument : no_argument,
					  NULL, (int)(256 + i)};
		if (table[i].short_name)
			sbuf_addf(&shorts, "%c%s", table[i].short_name,
				  arg ? ":" : "");
	}
	lo[k] = (struct option){"help", no_argument, NULL, 'h'};
	*given = 0;
	opterr = 0;
	optind = 0; /* glibc: start afresh, for a second call */
	int rc = 0, c;
	while (rc == 0 &&
	       (c = getopt_long(argc, argv, shorts.buf, lo, NULL)) != -1) {
		if (c == 'h') {
			rc = 1;
			break;
		}
		if (c == '?' || c == ':') {
			const char *w = argv[optind - 1];
			rc = c == ':' ? set_error(err, errlen,
						  "'%s' wants a value", w)
				      : set_error(err, errlen,
						  "unknown option '%s'", w);
			break;
		}
		size_t i = 0;
		if (c >= 256)
			i = (size_t)c - 256;
		else
			while (i < n && table[i].short_name != c)
				i++;
		rc = set_value(&table[i], optarg, cfg, err, errlen);
		*given |= 1ULL << i;
	}
	*first = optind;
	free(lo);
	sbuf_free(&shorts);
	return rc;
}

void options_help(const struct opt *table, unsigned command, struct sbuf *sb)
{
	char left[80];
	size_t width = strlen("-h, --help");
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; table[i].name; i++) {
			const struct opt *o = &table[i];
			if (!takes(o, command))
				continue;
			char sh[8] = "";
			if (o->short_name)
				snprintf(sh, sizeof sh, "-%c, ", o->short_name);
			snprintf(left, sizeof left, "%s--%s%s%s", sh, o->name,
				 o->arg ? " " : "", o->arg ? o->arg : "");
			if (pass == 0) {
				if (strlen(left) > width)
					width = strlen(left);
				continue;
			}
			const char *h = o->help;
			for (int line = 0; *h; line++) {
				size_t l = strcspn(h, "\n");
				sbuf_addf(sb, "  %-*s  %.*s\n", (int)width,
					  line ? "" : left, (int)l, h);
				h += l + (h[l] == '\n');
			}
		}
	}
	sbuf_addf(sb, "  %-*s  this text\n", (int)width, "-h, --help");
}

void options_to_flags(const struct opt *table, unsigned command,
		      const void *cfg, uint64_t given, struct sbuf *sb,
		      void (*quote)(struct sbuf *sb, const char *s))
{
	for (size_t i = 0; table[i].name; i++) {
		const struct opt *o = &table[i];
		if (!takes(o, command) || o->remote == OPT_LOCAL ||
		    (o->remote == OPT_REMOTE_GIVEN && !(given >> i & 1)))
			continue;
		const void *f = cfield(cfg, o);
		switch (o->type) {
		case OPT_BOOL:
			if (*(const int *)f)
				sbuf_addf(sb, " --%s", o->name);
			break;
		case OPT_STRING:
			if (!*(const char *const *)f)
				break;
			sbuf_addf(sb, " --%s ", o->name);
			quote(sb, *(const char *const *)f);
			break;
		case OPT_INT:
			sbuf_addf(sb, " --%s %d", o->name, *(const int *)f);
			break;
		case OPT_LONG:
			sbuf_addf(sb, " --%s %ld", o->name, *(const long *)f);
			break;
		case OPT_U64:
			sbuf_addf(sb, " --%s %llu", o->name,
				  (unsigned long long)*(const uint64_t *)f);
			break;
		case OPT_CPU:
			if (*(const int *)f == -1)
				sbuf_addf(sb, " --%s none", o->name);
			else if (*(const int *)f >= 0)
				sbuf_addf(sb, " --%s %d", o->name,
					  *(const int *)f);
			break;
		case OPT_DOUBLE:
			sbuf_addf(sb, " --%s %.17g", o->name,
				  *(const double *)f);
			break;
		case OPT_DURATION:
			sbuf_addf(sb, " --%s %.17gs", o->name,
				  *(const double *)f);
			break;
		case OPT_CHOICE:
			sbuf_addf(sb, " --%s %s", o->name,
				  o->choices[*(const int *)f]);
			break;
		}
	}
}

int options_index(const struct opt *table, const char *name)
{
	for (int i = 0; table[i].name; i++)
		if (!strcmp(table[i].name, name))
			return i;
	return -1;
}

int options_given(const struct opt *table, uint64_t given, const char *name)
{
	int i = options_index(table, name);
	return i >= 0 && (given >> i & 1);
}
