#include "place.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct line {
	const char *s; /* not NUL-terminated */
	size_t n;
};

/* The line without its leading blanks. */
static struct line trimmed(struct line l)
{
	while (l.n && (*l.s == ' ' || *l.s == '\t')) {
		l.s++;
		l.n--;
	}
	return l;
}

static int starts(struct line l, const char *p)
{
	size_t n = strlen(p);
	return l.n >= n && !memcmp(l.s, p, n);
}

/* The line without a comment after its first "#" and the blanks before
 * it: clang writes "label:   # comment" */
static struct line uncommented(struct line l)
{
	const char *hash = memchr(l.s, '#', l.n);
	if (hash)
		l.n = (size_t)(hash - l.s);
	while (l.n && (l.s[l.n - 1] == ' ' || l.s[l.n - 1] == '\t'))
		l.n--;
	return l;
}

/* The name of a local label, ".L5:" or ".LBB0_3:" at the start of the
 * line, without its colon; or an empty line where l is none. */
static struct line local_label(struct line l)
{
	l = uncommented(l);
	struct line name = {l.s, 0};
	if (l.n < 4 || !starts(l, ".L") || l.s[l.n - 1] != ':')
		return name;
	for (size_t i = 2; i < l.n - 1; i++)
		if (!isalnum((unsigned char)l.s[i]) && l.s[i] != '_')
			return name;
	name.n = l.n - 1;
	return name;
}

/* A function's own label, "name:" at the start of the line: it ends the
 * function before it. */
static int is_global_label(struct line line)
{
	struct line l = uncommented(line);
	if (l.n < 2 || l.s[l.n - 1] != ':' ||
	    !(isalpha((unsigned char)l.s[0]) || l.s[0] == '_'))
		return 0;
	for (size_t i = 1; i < l.n - 1; i++)
		if (!isalnum((unsigned char)l.s[i]) && !strchr("_.$", l.s[i]))
			return 0;
	return 1;
}

static int is_p2align(struct line l)
{
	return starts(trimmed(l), ".p2align");
}

/* The instruction's first word (its mnemonic), and in *arg its second */
static struct line word(struct line l, struct line *arg)
{
	struct line w = trimmed(l), a;
	size_t i = 0;
	while (i < w.n && w.s[i] != ' ' && w.s[i] != '\t')
		i++;
	a.s = w.s + i;
	a.n = w.n - i;
	a = trimmed(a);
	size_t j = 0;
	while (j < a.n && a.s[j] != ' ' && a.s[j] != '\t')
		j++;
	a.n = j;
	w.n = i;
	if (arg)
		*arg = a;
	return w;
}

static int is_cond_jump(struct line l, struct line *target)
{
	struct line w = word(l, target);
	return w.n && w.s[0] == 'j' && !starts(w, "jmp") && target->n;
}

/* Whether the loop label at i, past the start of its function and with
 * alignment right above it (place_function checks both), is reached only
 * by jumps: the last instruction before the alignment, past other
 * directives, labels, comments (clang's "# %bb.2:") and blank lines, is
 * a jmp or a ret. */
static int padding_unrun(const struct line *ls, size_t from, size_t i)
{
	size_t k = i - 1;
	while (k > from && is_p2align(ls[k]))
		k--;
	while (k > from) {
		struct line t = trimmed(ls[k]);
		if (t.n && t.s[0] != '.' && t.s[0] != '#')
			break;
		k--;
	}
	struct line w = word(ls[k], NULL);
	return k > from && (starts(w, "jmp") || starts(w, "ret"));
}

/* What becomes of a line: kept, a loop's label moved (one fallen into
 * with a jmp over its padding), or a moved loop's own alignment dropped */
enum { KEEP, MOVE, MOVE_FALLEN, DROP };

/* Marks back[i - from] MOVE for each label of [from, to) that a conditional
 * jump after it in the same lines goes back to: one pass, the labels
 * seen so far in an index (a function of many loops stays linear). */
static void mark_back(const struct line *ls, size_t from, size_t to, char *back)
{
	struct key_index seen = {0};
	for (size_t i = from; i < to; i++) {
		struct line t, lab = local_label(ls[i]);
		int label = lab.n > 0;
		if (!label && !is_cond_jump(ls[i], &t))
			continue;
		char *name =
		    label ? xstrndup(lab.s, lab.n) : xstrndup(t.s, t.n);
		const char *key[] = {name};
		long at = key_index_get(&seen, key, 1);
		if (label)
			key_index_put(&seen, key, 1, i - from);
		else if (at >= 0)
			back[at] = MOVE;
		free(name);
	}
	key_index_free(&seen);
}

/* One function, lines [from, to): its loops moved, into out */
static size_t place_function(const struct line *ls, size_t from, size_t to,
			     unsigned byte, struct sbuf *out)
{
	char *fate = xcalloc(to - from + 1, 1);
	size_t moved = 0;
	mark_back(ls, from, to, fate);
	for (size_t i = from; i < to; i++) {
		if (fate[i - from] != MOVE || i == from ||
		    !is_p2align(ls[i - 1])) {
			fate[i - from] = KEEP;
			continue;
		}
		if (!padding_unrun(ls, from, i))
			fate[i - from] = MOVE_FALLEN;
		for (size_t k = i; k > from && is_p2align(ls[k - 1]); k--)
			fate[k - 1 - from] = DROP;
	}
	for (size_t i = from; i < to; i++) {
		if (fate[i - from] == DROP)
			continue;
		if (fate[i - from] == MOVE_FALLEN) {
			struct line lab = local_label(ls[i]);
			sbuf_addf(out, "\tjmp %.*s\n", (int)lab.n, lab.s);
		}
		if (fate[i - from] != KEEP) {
			sbuf_addstr(out, "\t.p2align 6\n");
			if (byte)
				sbuf_addf(out, "\t.nops %u\n", byte);
			moved++;
		}
		sbuf_add(out, ls[i].s, ls[i].n);
		sbuf_addstr(out, "\n");
	}
	free(fate);
	return moved;
}

size_t place_loops(const char *text, size_t len, unsigned byte,
		   struct sbuf *out)
{
	size_t n = 0, cap = 64;
	struct line *ls = xmalloc(cap * sizeof *ls);
	for (size_t at = 0; at < len;) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t e = nl ? (size_t)(nl - text) : len;
		if (n == cap)
			ls = xrealloc(ls, (cap *= 2) * sizeof *ls);
		ls[n++] = (struct line){text + at, e - at};
		at = e + 1;
	}
	size_t moved = 0, from = 0;
	for (size_t i = 0; i <= n; i++)
		if (i == n || (i > from && is_global_label(ls[i]))) {
			moved += place_function(ls, from, i, byte % 64, out);
			from = i;
		}
	free(ls);
	return moved;
}

int place_loops_file(const char *in, const char *out, unsigned byte,
		     size_t *moved, char *err, size_t errlen)
{
	char *text;
	size_t len;
	if (file_read(in, &text, &len, err, errlen) != 0)
		return -1;
	struct sbuf sb = {0};
	*moved = place_loops(text, len, byte, &sb);
	free(text);
	int rc =
	    file_write_atomic(out, sb.buf ? sb.buf : "", sb.len, err, errlen);
	sbuf_free(&sb);
	return rc;
}

unsigned place_loop_byte(const char *vendor, const char *family)
{
	int amd26 = vendor && family && !strcmp(vendor, "AuthenticAMD") &&
		    !strcmp(family, "26");
	return amd26 ? 48 : 0;
}
