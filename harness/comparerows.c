/* compare's machine-readable outputs, CSV and JSON: a row's fields, one
 * list for both, and the JSON's run-wide keys. */
#include "compareint.h"

#include "csv.h"
#include "machine.h"
#include "util.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The fields of a row of compare's CSV and JSON, one list for both: the
 * name, and its value as a string, a count, a number or a flag. */
enum field_kind { F_TEXT, F_COUNT, F_NUM, F_FLAG };
struct field {
	enum field_kind kind;
	const char *text;
	size_t count;
	double num;
};

static const char *const field_names[] = {"case",
					  "variant",
					  "param",
					  "old_toolchain",
					  "new_toolchain",
					  "metric",
					  "unit",
					  "old_n",
					  "old_median",
					  "old_ci_low",
					  "old_ci_high",
					  "new_n",
					  "new_median",
					  "new_ci_low",
					  "new_ci_high",
					  "change_pct",
					  "p_value",
					  "change_ci_low",
					  "change_ci_high",
					  "significant",
					  "regression",
					  "disturbed",
					  "load_bound",
					  "placed",
					  "apart",
					  "apart_runs",
					  "repeats",
					  "amortized",
					  "old_baseline_load_bound",
					  "old_transfer_ns",
					  "new_transfer_ns",
					  "transfer_r",
					  "overlap",
					  "few"};
#define NFIELDS (sizeof field_names / sizeof *field_names)

static struct field field_of(const struct cmp_row *c, size_t i)
{
	const char *text[] = {c->o->family,    c->o->variant,	c->o->param,
			      c->o->toolchain, c->n->toolchain, c->metric,
			      c->unit};
	const double num[] = {
	    c->old_med, c->old_lo,    c->old_hi,   0,
	    c->new_med, c->new_lo,    c->new_hi,   c->delta_pct,
	    c->p,	c->change_lo, c->change_hi};
	if (i < 7)
		return (struct field){F_TEXT, text[i], 0, 0};
	if (i == 7 || i == 11)
		return (struct field){F_COUNT, NULL,
				      i == 7 ? c->old_n : c->new_n, 0};
	if (i < 19)
		return (struct field){F_NUM, NULL, 0, num[i - 8]};
	if (i == 22)
		return (struct field){F_NUM, NULL, 0, c->load_bound};
	if (i == 23)
		return (struct field){F_FLAG, NULL, (size_t)c->placed, 0};
	if (i == 24)
		return (struct field){F_NUM, NULL, 0, c->apart};
	if (i == 25) /* NaN, left empty, where not by its history */
		return (struct field){
		    F_NUM, NULL, 0, c->by_history ? (double)c->hist.runs : NAN};
	if (i == 26)
		return (struct field){F_FLAG, NULL, (size_t)c->repeats, 0};
	if (i == 27)
		return (struct field){F_FLAG, NULL, (size_t)c->amortized, 0};
	if (i == 28) /* empty where the old baseline bore no load */
		return (struct field){F_NUM, NULL, 0,
				      c->old_base_loaded ? c->old_base_bound
							 : NAN};
	if (i < 22) {
		const int flag[] = {c->significant, c->regression,
				    c->disturbed};
		return (struct field){F_FLAG, NULL, (size_t)flag[i - 19], 0};
	}
	if (i == 32 || i == 33)
		return (struct field){
		    F_FLAG, NULL, (size_t)(i == 32 ? c->overlap : c->few), 0};
	/* 29 to 31, empty where transfer.csv did not judge the row */
	const double t[] = {c->placed_by.old_med, c->placed_by.new_med,
			    c->placed_by.r};
	return (struct field){F_NUM, NULL, 0,
			      c->placed_by.known ? t[i - 29] : NAN};
}

void compare_write_csv(FILE *out, const struct cmp_view *v)
{
	const struct cmp_row *rows = v->rows;
	size_t n = v->n;
	struct sbuf sb = {0};
	const char *f[NFIELDS + 1];
	char bufs[NFIELDS][32];
	f[0] = "schema";
	memcpy(f + 1, field_names, sizeof field_names);
	csv_add_row(&sb, f, NFIELDS + 1);
	f[0] = "1";
	for (size_t r = 0; r < n; r++) {
		for (size_t i = 0; i < NFIELDS; i++) {
			struct field v = field_of(&rows[r], i);
			char *b = bufs[i];
			if (v.kind == F_TEXT)
				f[i + 1] = v.text;
			else if (v.kind == F_NUM) /* empty, as json's null */
				f[i + 1] = csv_double(b, isfinite(v.num) ? v.num
									 : NAN);
			else {
				snprintf(b, 32, "%zu", v.count);
				f[i + 1] = b;
			}
		}
		csv_add_row(&sb, f, NFIELDS + 1);
	}
	fwrite(sb.buf, 1, sb.len, out);
	sbuf_free(&sb);
}

/* A JSON string of s; bytes that are not UTF-8 (a name or a path may hold
 * any) become U+FFFD each, so that the key is never dropped. */
static json_t *json_text(const char *s)
{
	json_t *j = json_string(s);
	if (j)
		return j;
	struct sbuf sb = {0};
	for (size_t i = 0; s[i];) {
		unsigned char c = (unsigned char)s[i];
		size_t len = c < 0x80		      ? 1
			     : c >= 0xc2 && c <= 0xdf ? 2
			     : c >= 0xe0 && c <= 0xef ? 3
			     : c >= 0xf0 && c <= 0xf4 ? 4
						      : 0;
		json_t *seq = len && strnlen(s + i, len) == len
				  ? json_stringn(s + i, len)
				  : NULL;
		if (seq)
			sbuf_add(&sb, s + i, len);
		else
			sbuf_addstr(&sb, "\xef\xbf\xbd");
		i += seq ? len : 1;
		json_decref(seq);
	}
	j = json_stringn(sb.buf ? sb.buf : "", sb.len);
	sbuf_free(&sb);
	return j;
}

static json_t *json_field(struct field v)
{
	switch (v.kind) {
	case F_TEXT: return json_text(v.text);
	case F_COUNT: return json_integer((json_int_t)v.count);
	case F_NUM: return isfinite(v.num) ? json_real(v.num) : json_null();
	case F_FLAG: return json_boolean(v.count);
	}
	return json_null();
}

/* runs_apart: each class's spread (null: unknown), its rows, and those
 * of its upper group with how far it lay above (0 and 0: one group). */
static json_t *json_apart(const struct runs_apart *ap)
{
	json_t *o = json_object();
	const struct apart_class *c[] = {&ap->pinned, &ap->every};
	const char *name[] = {"pinned", "every_cpu"};
	for (int i = 0; i < 2; i++) {
		json_t *k = json_object();
		json_object_set_new(
		    k, "sd", json_field((struct field){F_NUM, 0, 0, c[i]->sd}));
		json_object_set_new(k, "rows",
				    json_integer((json_int_t)c[i]->n));
		json_object_set_new(k, "upper_rows",
				    json_integer((json_int_t)c[i]->upper));
		json_object_set_new(k, "upper_by", json_real(expm1(c[i]->gap)));
		json_object_set_new(k, "shift",
				    json_field((struct field){
					F_NUM, 0, 0, expm1(c[i]->shift)}));
		json_object_set_new(o, name[i], k);
	}
	return o;
}

/* compare --history: the file, its runs besides the two, and the rows
 * it judged; null without it. */
static json_t *json_history(const struct cmp_view *v)
{
	if (!v->apart.history_path)
		return json_null();
	json_t *o = json_object();
	json_object_set_new(o, "path", json_text(v->apart.history_path));
	json_object_set_new(o, "runs",
			    json_integer((json_int_t)v->apart.history->nruns));
	json_object_set_new(o, "rows",
			    json_integer((json_int_t)compare_by_history(v)));
	json_object_set_new(
	    o, "measured_otherwise",
	    json_integer((json_int_t)v->apart.history->nunlike));
	return o;
}

static json_t *json_names(char **names, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_text(names[i]));
	return a;
}

/* machine.txt's lasting-load (NULL: none), or null where it does not
 * say. */
static json_t *json_lasting(const char *machine)
{
	char *why = machine_lookup(machine, "lasting-load");
	json_t *j = strcmp(why, "unknown") ? json_text(why) : json_null();
	free(why);
	return j;
}

void compare_write_json(FILE *out, const struct cmp_view *v)
{
	const struct cmp_row *rows = v->rows;
	size_t n = v->n;
	json_t *arr = json_array();
	for (size_t r = 0; r < n; r++) {
		json_t *o = json_object();
		for (size_t i = 0; i < NFIELDS; i++)
			json_object_set_new(o, field_names[i],
					    json_field(field_of(&rows[r], i)));
		json_array_append_new(arr, o);
	}
	json_t *root = json_object();
	json_object_set_new(root, "old", json_text(v->old_path));
	json_object_set_new(root, "new", json_text(v->new_path));
	json_object_set_new(root, "regressions",
			    json_integer((json_int_t)v->regressions));
	json_object_set_new(root, "inconclusive",
			    json_integer((json_int_t)compare_inconclusive(v)));
	json_object_set_new(root, "rows", arr);
	/* what tells the two runs apart, or null */
	const char *const says[][2] = {
	    {"machines_differ", v->machines_differ},
	    {"methods_differ", v->methods_differ},
	    {"placement_differs", v->placement_differs},
	    {"faults_differ", v->faults_differ},
	    {"machine_unknown", compare_machine_unknown(v)}};
	for (size_t i = 0; i < sizeof says / sizeof *says; i++)
		json_object_set_new(root, says[i][0],
				    says[i][1] ? json_text(says[i][1])
					       : json_null());
	json_object_set_new(root, "old_lasting_load",
			    json_lasting(v->old_machine));
	json_object_set_new(root, "new_lasting_load",
			    json_lasting(v->new_machine));
	json_object_set_new(root, "runs_apart", json_apart(&v->apart));
	json_object_set_new(root, "history", json_history(v));
	json_object_set_new(root, "only_old",
			    json_names(v->only_old, v->nonly_old));
	json_object_set_new(root, "only_new",
			    json_names(v->only_new, v->nonly_new));
	json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(root);
}
