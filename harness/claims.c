#include "claims.h"
#include "claimsint.h"

#include "summary.h"
#include "util.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The value of key, NULL when the claim has none. */
const char *claim_value(const struct claim *c, const char *key)
{
	for (size_t i = 0; i < c->npairs; i++)
		if (!strcmp(c->pairs[i].key, key))
			return c->pairs[i].value;
	return NULL;
}

/* The value of a key the claim was checked to have at load. */
const char *claim_get(const struct claim *c, const char *key)
{
	const char *v = claim_value(c, key);
	return v ? v : "";
}

/* The k-th value of a key given several times, NULL past the last. */
const char *claim_get_nth(const struct claim *c, const char *key, size_t k)
{
	for (size_t i = 0; i < c->npairs; i++)
		if (!strcmp(c->pairs[i].key, key) && k-- == 0)
			return c->pairs[i].value;
	return NULL;
}

/* The i-th number of key's value ("60 200": 0 is 60); checked at load. */
double claim_num(const struct claim *c, const char *key, int i)
{
	const char *v = claim_value(c, key);
	char *end;
	double d = NAN;
	for (int k = 0; v && k <= i; k++) {
		d = strtod(v, &end);
		if (end == v)
			return NAN;
		v = end;
	}
	return d;
}

struct claim_set {
	struct claim *c;
	size_t n;
};

static const struct judge *judge_named(const char *name)
{
	for (size_t i = 0; i < claims_njudges; i++)
		if (!strcmp(claims_judges[i].name, name))
			return &claims_judges[i];
	return NULL;
}

/* Every key the claim's judge reads is there, with its numbers. */
static int check(const struct claim *c, char *err, size_t errlen)
{
	if (!claim_value(c, "text"))
		return set_error(err, errlen, "%s: claim '%s' has no 'text'",
				 c->source, c->name);
	for (size_t i = 0; i < 12 && c->judge->keys[i]; i++) {
		const char *k = c->judge->keys[i], *colon = strchr(k, ':');
		char *key =
		    xstrndup(k, colon ? (size_t)(colon - k) : strlen(k));
		const char *v = claim_value(c, key);
		int rc = 0;
		if (!v)
			rc = set_error(err, errlen,
				       "%s: claim '%s' has no '%s' (judge "
				       "'%s' reads it)",
				       c->source, c->name, key, c->judge->name);
		for (int n = 0; rc == 0 && colon && n < atoi(colon + 1); n++)
			if (isnan(claim_num(c, key, n)))
				rc = set_error(err, errlen,
					       "%s: claim '%s': '%s %s' wants "
					       "%d numbers",
					       c->source, c->name, key, v,
					       atoi(colon + 1));
		free(key);
		if (rc)
			return rc;
	}
	return 0;
}

static int finish(struct claim *c, char *err, size_t errlen)
{
	const char *j = claim_value(c, "judge"), *o = claim_value(c, "order");
	if (!j || !(c->judge = judge_named(j)))
		return set_error(err, errlen,
				 "%s: claim '%s': unknown judge '%s'",
				 c->source, c->name, j ? j : "");
	if (!o || parse_long(o, &c->order) != 0)
		return set_error(err, errlen,
				 "%s: claim '%s' wants 'order N', a whole "
				 "number",
				 c->source, c->name);
	return check(c, err, errlen);
}

int claims_parse(const char *text, const char *source, struct claim_set *s,
		 char *err, size_t errlen)
{
	char *copy = xstrdup(text), *line = copy, *next;
	int lineno = 0, rc = 0;
	struct claim *cur = NULL;
	for (; line && rc == 0; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		str_rstrip(line);
		line += strspn(line, " \t");
		if (!*line || *line == '#')
			continue;
		size_t kl = strcspn(line, " \t");
		char *value = line + kl + strspn(line + kl, " \t");
		line[kl] = '\0';
		if (!strcmp(line, "claim")) {
			if (cur && (rc = finish(cur, err, errlen)) != 0)
				break;
			s->c = xrealloc(s->c, (s->n + 1) * sizeof *s->c);
			cur = &s->c[s->n++];
			*cur = (struct claim){
			    .name = xstrdup(value),
			    .source = xasprintf("%s:%d", source, lineno)};
			for (size_t i = 0; i + 1 < s->n; i++)
				if (!strcmp(s->c[i].name, value))
					rc = set_error(err, errlen,
						       "%s:%d: claim '%s' is "
						       "there already (%s)",
						       source, lineno, value,
						       s->c[i].source);
		} else if (!cur) {
			rc = set_error(err, errlen,
				       "%s:%d: '%s' before any 'claim NAME'",
				       source, lineno, line);
		} else {
			cur->pairs = xrealloc(
			    cur->pairs, (cur->npairs + 1) * sizeof *cur->pairs);
			cur->pairs[cur->npairs++] =
			    (struct claim_pair){xstrdup(line), xstrdup(value)};
		}
	}
	if (rc == 0 && cur)
		rc = finish(cur, err, errlen);
	free(copy);
	return rc;
}

static int by_order(const void *a, const void *b)
{
	const struct claim *x = a, *y = b;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcmp(x->name, y->name);
}

int claims_load(const char *cases_dir, struct claim_set **out, char *err,
		size_t errlen)
{
	struct claim_set *s = xcalloc(1, sizeof *s);
	*out = s;
	size_t n;
	char **names = dir_list(cases_dir, &n);
	if (!names)
		return set_error(err, errlen, "cannot read the claims of '%s'",
				 cases_dir);
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *p = xasprintf("%s/%s/claims", cases_dir, names[i]), *text;
		if (path_exists(p) && !path_is_dir(p)) {
			rc = file_read(p, &text, NULL, err, errlen);
			if (rc == 0) {
				rc = claims_parse(text, p, s, err, errlen);
				free(text);
			}
		}
		free(p);
	}
	free_list(names);
	qsort(s->c, s->n, sizeof *s->c, by_order);
	return rc;
}

void claims_free(struct claim_set *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++) {
		for (size_t k = 0; k < s->c[i].npairs; k++) {
			free(s->c[i].pairs[k].key);
			free(s->c[i].pairs[k].value);
		}
		free(s->c[i].pairs);
		free(s->c[i].name);
		free(s->c[i].source);
	}
	free(s->c);
	free(s);
}

/* Below this many samples a row carries no verdict (the median's 95%
 * interval needs at least 6 to be one; 5 keeps a counted run's rows). */
#define VERDICT_MIN_N 5

/* Whether a claim's value names variant: the value, or one of its
 * words ("pair go->c go->c(pool)"). */
static int names(const char *value, const char *variant)
{
	size_t l = strlen(variant);
	for (const char *p = value; *p;) {
		size_t n = strcspn(p, " \t");
		if (n == l && !strncmp(p, variant, l))
			return 1;
		p += n;
		p += strspn(p, " \t");
	}
	return 0;
}

/* Why a row cannot carry a verdict, or NULL: samples but fewer than
 * VERDICT_MIN_N, as when a run was stopped (said first: it holds however
 * quiet the machine), or samples that other work disturbed (a count of
 * instructions repeats to the instruction, and carries one from any
 * number). */
static char *unfit_row(const struct summary_row *x)
{
	if (!x->s.n || !strcmp(x->unit, "instructions/op"))
		return NULL;
	const char *sp = x->param[0] ? " " : "";
	if (x->s.n < VERDICT_MIN_N)
		return xasprintf(
		    "`%s`%s%s has %zu samples, fewer than %d (%s)", x->variant,
		    sp, x->param, x->s.n, VERDICT_MIN_N,
		    x->status == SUMMARY_INCOMPLETE ? "the run was stopped"
						    : "raise --count");
	if (x->status == SUMMARY_DISTURBED)
		return xasprintf(
		    "`%s`%s%s was measured while other work shared "
		    "its CPUs (%s)",
		    x->variant, sp, x->param, x->note ? x->note : "");
	return NULL;
}

/* Why the rows a claim reads cannot carry a verdict (unfit_row), or
 * NULL. The rows read are those of its family (and of the family "than"
 * names) whose variant one of its keys names (a value or a word of
 * one). */
static char *too_few(const struct claim *c, const struct summary_table *t)
{
	const char *f = claim_value(c, "family"), *g = claim_value(c, "than");
	for (size_t r = 0; f && r < t->nrows; r++) {
		const struct summary_row *x = &t->rows[r];
		if (strcmp(x->family, f) && (!g || strcmp(x->family, g)))
			continue;
		for (size_t k = 0; k < c->npairs; k++) {
			if (!names(c->pairs[k].value, x->variant))
				continue;
			char *why = unfit_row(x);
			if (why)
				return why;
		}
	}
	return NULL;
}

void claims_write(const struct claim_set *s, const struct summary_table *t,
		  struct sbuf *sb)
{
	sbuf_addstr(sb, "## Claims about cgo\n\n");
	for (size_t i = 0; s && i < s->n; i++) {
		const struct claim *c = &s->c[i];
		char *why = too_few(c, t);
		if (why) {
			sbuf_addf(sb, "- *%s* **inconclusive**: %s.\n",
				  claim_get(c, "text"), why);
			free(why);
		} else if (c->judge->write)
			c->judge->write(c, t, sb);
		else
			judges_generic(c, t, c->judge->per_tc, sb);
	}
	sbuf_addstr(sb, "\n");
}

struct break_even claims_break_even(const struct claim_set *s,
				    const struct summary_table *t,
				    const char *tc)
{
	struct break_even b = {-1, -1, -1, 0};
	for (size_t i = 0; s && i < s->n; i++)
		if (!strcmp(s->c[i].judge->name, "batching")) {
			struct least l =
			    sweeps_break_even(&s->c[i], t, tc, &b.largest);
			b.sure = l.sure;
			b.maybe = l.maybe;
			b.share = claim_num(&s->c[i], "share", 0);
			break;
		}
	return b;
}

void claims_mark(char *buf, size_t n, long sure, long maybe)
{
	if (sure > 0)
		snprintf(buf, n, "%ld", sure);
	else
		snprintf(buf, n, "%s", maybe > 0 ? "open" : "none");
}

void claims_library_marks(const struct claim_set *s,
			  const struct summary_table *t, const char *tc,
			  struct sbuf *sb)
{
	for (size_t i = 0; s && i < s->n; i++) {
		const struct claim *c = &s->c[i];
		if (strcmp(c->judge->name, "library"))
			continue;
		const char *go = claim_get(c, "go");
		struct least even = sweeps_faster_from(
		    t, claim_get(c, "family"), claim_get(c, "cgo"), go, tc,
		    claim_get(c, "prefix"), claim_get(c, "unit"));
		char label[64];
		snprintf(label, sizeof label, "%.*s", (int)strcspn(go, "("),
			 go);
		char mark[32];
		claims_mark(mark, sizeof mark, even.sure, even.maybe);
		sbuf_addf(sb, "# break-even %s:%s %s\n", label, mark, tc);
	}
}

/* The advice of one cheaper claim on tc: which way to cross, where every
 * pair's intervals agree; the tally where they do not. */
static void cheaper_advice(const struct claim *c, const struct summary_table *t,
			   const char *tc, struct sbuf *sb)
{
	size_t n[4] = {0}; /* by verdict: dearer, cheaper, -, overlapping */
	double lo = INFINITY, hi = 0;
	const char *pair, *a = claim_get(c, "way"),
			  *b = claim_get(c, "than-way");
	for (size_t i = 0; (pair = claim_get_nth(c, "pair", i)); i++) {
		double r;
		int v = judges_cheaper_pair(c, pair, t, tc, NULL, &r);
		if (v < 0)
			continue;
		n[v]++;
		lo = fmin(lo, r);
		hi = fmax(hi, r);
	}
	size_t all = n[0] + n[1] + n[3];
	if (!all)
		return;
	if (n[0] == all || n[1] == all)
		sbuf_addf(sb,
			  "- %s: %s costs %s than %s in each of the %zu ways "
			  "measured (%.3g to %.3g times the time): cross with "
			  "%s where it can be built.\n",
			  tc, a, n[0] ? "more" : "less", b, all, lo, hi,
			  n[0] ? b : a);
	else
		sbuf_addf(sb,
			  "- %s: %s against %s: cheaper in %zu of the %zu ways "
			  "measured, dearer in %zu, the intervals overlapping "
			  "in %zu (see the claims).\n",
			  tc, a, b, n[1], all, n[0], n[3]);
}

void claims_cheaper_advice(const struct claim_set *s,
			   const struct summary_table *t, const char *tc,
			   struct sbuf *sb)
{
	for (size_t i = 0; s && i < s->n; i++)
		if (!strcmp(s->c[i].judge->name, "cheaper"))
			cheaper_advice(&s->c[i], t, tc, sb);
}
