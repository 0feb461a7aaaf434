#include "gbench.h"

#include "util.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

char *gbench_sanitize(const char *json)
{
	static const char *const bare[] = {"-Infinity", "Infinity", "-NaN",
					   "NaN"};
	struct sbuf sb = {0};
	int in_string = 0;
	for (const char *p = json; *p;) {
		if (in_string) {
			if (*p == '\\' && p[1]) {
				sbuf_add(&sb, p, 2);
				p += 2;
				continue;
			}
			if (*p == '"')
				in_string = 0;
			sbuf_add(&sb, p++, 1);
			continue;
		}
		if (*p == '"')
			in_string = 1;
		size_t i;
		for (i = 0; i < sizeof bare / sizeof *bare; i++)
			if (str_starts(p, bare[i]))
				break;
		if (i < sizeof bare / sizeof *bare) {
			sbuf_addstr(&sb, "null");
			p += strlen(bare[i]);
		} else {
			sbuf_add(&sb, p++, 1);
		}
	}
	if (!sb.buf)
		sbuf_add(&sb, "", 0);
	return sb.buf;
}

static double ns_per(const char *unit)
{
	if (!strcmp(unit, "ns"))
		return 1;
	if (!strcmp(unit, "us"))
		return 1e3;
	if (!strcmp(unit, "ms"))
		return 1e6;
	if (!strcmp(unit, "s"))
		return 1e9;
	return 0;
}

/* Keys of a run that are not user counters. */
static int is_builtin(const char *key)
{
	static const char *const keys[] = {"name",
					   "family_index",
					   "per_family_instance_index",
					   "run_name",
					   "run_type",
					   "repetitions",
					   "repetition_index",
					   "threads",
					   "iterations",
					   "real_time",
					   "cpu_time",
					   "time_unit",
					   "aggregate_name",
					   "aggregate_unit",
					   "error_occurred",
					   "error_message",
					   "label",
					   "bytes_per_second",
					   "items_per_second",
					   "big_o",
					   "rms"};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (!strcmp(key, keys[i]))
			return 1;
	return 0;
}

static int parse_run(json_t *run, size_t idx, const char *source,
		     struct bench_output *out, char *err, size_t errlen)
{
	const char *name = json_string_value(json_object_get(run, "run_name"));
	if (!name)
		name = json_string_value(json_object_get(run, "name"));
	const char *type = json_string_value(json_object_get(run, "run_type"));
	if (!json_is_object(run) || !name)
		return set_error(err, errlen, "%s: benchmarks[%zu]: no name",
				 source, idx);
	if (type && strcmp(type, "iteration") != 0)
		return 0;
	if (json_is_true(json_object_get(run, "error_occurred"))) {
		const char *msg =
		    json_string_value(json_object_get(run, "error_message"));
		benchout_add_note(out, "", name, BENCH_FAILED, msg ? msg : "");
		return 0;
	}
	json_t *iters = json_object_get(run, "iterations");
	json_t *rt = json_object_get(run, "real_time");
	const char *unit = json_string_value(json_object_get(run, "time_unit"));
	double scale = unit ? ns_per(unit) : 1;
	if (!json_is_integer(iters) || !json_is_number(rt) || scale == 0)
		return set_error(err, errlen,
				 "%s: benchmark '%s': missing or bad "
				 "iterations, real_time or time_unit",
				 source, name);
	struct bench_line *l = benchout_add_line(out, "", name);
	l->iters = json_integer_value(iters);
	benchout_add_metric(l, "ns/op", json_number_value(rt) * scale);
	const char *key;
	json_t *v;
	json_object_foreach(run, key, v)
	{
		if (is_builtin(key) || !json_is_number(v))
			continue;
		/* the counters "items" and "bytes" are how many items or
		 * bytes one op did: they become ns/item and ns/byte, from
		 * the same real time as ns/op */
		int per = (!strcmp(key, "items") || !strcmp(key, "bytes")) &&
			  json_number_value(v) > 0;
		if (benchout_add_metric(
			l, per ? (key[0] == 'i' ? "ns/item" : "ns/byte") : key,
			per ? l->metrics[0].value / json_number_value(v)
			    : json_number_value(v)) != 0)
			return set_error(err, errlen,
					 "%s: benchmark '%s': more than %d "
					 "metrics, counter '%s' among them",
					 source, name, BENCH_MAX_METRICS, key);
	}
	return 0;
}

int gbench_parse(const char *json, const char *source, struct bench_output *out,
		 char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	char *clean = gbench_sanitize(json);
	json_error_t jerr;
	json_t *root = json_loads(clean, 0, &jerr);
	if (!root) {
		free(clean);
		return set_error(err, errlen, "%s:%d: %s", source, jerr.line,
				 jerr.text);
	}
	json_t *runs = json_object_get(root, "benchmarks");
	if (!json_is_array(runs)) {
		free(clean);
		json_decref(root);
		return set_error(err, errlen, "%s: no \"benchmarks\" array",
				 source);
	}
	size_t i;
	json_t *run;
	int rc = 0;
	json_array_foreach(runs, i, run)
	{
		if ((rc = parse_run(run, i, source, out, err, errlen)) != 0)
			break;
	}
	json_decref(root);
	if (rc != 0) {
		free(clean);
		benchout_free(out);
	} else {
		out->json = clean;
	}
	return rc;
}
