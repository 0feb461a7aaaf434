/* libFuzzer target for every parser of outside input: go test output,
 * Google Benchmark JSON, CSV, raw.csv rows, baselines and options files.
 * The first byte picks the parser, the rest is its input; each must either parse or
 * fail with an error, never crash, leak or read out of bounds. */
#include "csv.h"
#include "family.h"
#include "gbench.h"
#include "gotest.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	char *text = xstrndup((const char *)data + 1, size - 1);
	char err[ERRLEN];
	struct bench_output o;
	struct csv_table t;
	struct family f = {0};
	switch (data[0] % 4) {
	case 0:
		if (gotest_parse(text, "fuzz", 1 + data[0] / 4 % 4, &o, err,
				 sizeof err) == 0)
			benchout_free(&o);
		break;
	case 1:
		if (gbench_parse(text, "fuzz", &o, err, sizeof err) == 0)
			benchout_free(&o);
		break;
	case 2:
		if (csv_parse(text, "fuzz", &t, err, sizeof err) == 0)
			csv_free(&t);
		break;
	case 3:
		/* a high first byte: an options file, else baselines */
		if (data[0] & 0x80) {
			struct family *fp = xcalloc(1, sizeof *fp);
			family_parse_options(text, "fuzz", fp, err, sizeof err);
			(void)family_env_of(fp, text);
			family_free_all(fp, 1);
			break;
		}
		family_parse_baselines(text, "fuzz", &f, err, sizeof err);
		for (size_t i = 0; i < f.nbaselines; i++) {
			free(f.baselines[i].variant);
			free(f.baselines[i].baseline);
		}
		free(f.baselines);
		break;
	}
	free(text);
	return 0;
}
