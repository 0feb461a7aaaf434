#include "benchout.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

void benchout_line_free(struct bench_line *l)
{
	free(l->top);
	free(l->variant);
	free(l->param);
	for (size_t j = 0; j < l->nmetrics; j++)
		free(l->metrics[j].unit);
	memset(l, 0, sizeof *l);
}

void benchout_free(struct bench_output *o)
{
	for (size_t i = 0; i < o->nlines; i++)
		benchout_line_free(&o->lines[i]);
	for (size_t i = 0; i < o->nnotes; i++) {
		free(o->notes[i].top);
		free(o->notes[i].variant);
		free(o->notes[i].param);
		free(o->notes[i].reason);
	}
	free(o->lines);
	free(o->notes);
	free(o->unfinished_top);
	free(o->unfinished);
	free(o->json);
	memset(o, 0, sizeof *o);
}

void benchout_split_name(const char *name, char **variant, char **param)
{
	const char *slash = strchr(name, '/');
	if (slash) {
		*variant = xstrndup(name, (size_t)(slash - name));
		*param = xstrdup(slash + 1);
	} else {
		*variant = xstrdup(name);
		*param = xstrdup("");
	}
}

struct bench_line *benchout_add_line(struct bench_output *o, const char *top,
				     const char *name)
{
	o->lines = xrealloc(o->lines, (o->nlines + 1) * sizeof *o->lines);
	struct bench_line *l = &o->lines[o->nlines++];
	memset(l, 0, sizeof *l);
	l->top = xstrdup(top);
	benchout_split_name(name, &l->variant, &l->param);
	return l;
}

int benchout_add_metric(struct bench_line *l, const char *unit, double value)
{
	if (l->nmetrics == BENCH_MAX_METRICS)
		return -1;
	l->metrics[l->nmetrics].unit = xstrdup(unit);
	l->metrics[l->nmetrics].value = value;
	l->nmetrics++;
	return 0;
}

struct bench_note *benchout_add_note(struct bench_output *o, const char *top,
				     const char *name, enum bench_status st,
				     const char *reason)
{
	o->notes = xrealloc(o->notes, (o->nnotes + 1) * sizeof *o->notes);
	struct bench_note *n = &o->notes[o->nnotes++];
	n->top = xstrdup(top);
	benchout_split_name(name, &n->variant, &n->param);
	n->status = st;
	n->reason = xstrdup(reason);
	return n;
}

const struct bench_line *benchout_find(const struct bench_output *o,
				       const char *variant, const char *param)
{
	for (size_t i = 0; i < o->nlines; i++)
		if (!strcmp(o->lines[i].variant, variant) &&
		    !strcmp(o->lines[i].param, param))
			return &o->lines[i];
	return NULL;
}

const struct bench_note *benchout_find_note(const struct bench_output *o,
					    const char *variant,
					    const char *param)
{
	for (size_t i = 0; i < o->nnotes; i++)
		if (!strcmp(o->notes[i].variant, variant) &&
		    !strcmp(o->notes[i].param, param))
			return &o->notes[i];
	return NULL;
}
