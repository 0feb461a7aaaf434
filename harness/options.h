/* options: the options of every command, declared once as a table (in the
 * manner of git's parse-options), from which parsing, --help and the flags
 * handed to a remote run are all derived.
 *
 * An entry names a field of the command's configuration struct by its
 * offset and type; parsing checks each value against the entry's bounds or
 * choices and writes the field, and records which entries the user gave.
 * Errors name the flag and say what it wants; the caller exits 2 on them.
 * Nothing here allocates memory that outlives a call. */
#ifndef CGOBENCH_OPTIONS_H
#define CGOBENCH_OPTIONS_H

#include <stddef.h>
#include <stdint.h>

enum opt_type {
	OPT_BOOL,     /* int, set to 1 */
	OPT_STRING,   /* const char *, never empty */
	OPT_INT,      /* int within [lo, hi] */
	OPT_LONG,     /* long within [lo, hi] */
	OPT_U64,      /* uint64_t within [lo, hi] */
	OPT_DOUBLE,   /* double within [lo, hi], never NaN */
	OPT_DURATION, /* double seconds from "0.2s", "200ms" or "0.2" */
	OPT_CHOICE,   /* int: the index of the word among choices */
	OPT_CPU	      /* int: a CPU from lo to hi, or "none" for -1 */
};

/* How a remote run is given the option: not at all, always (with the
 * value the configuration has), or only when the user gave it. */
enum opt_remote { OPT_LOCAL, OPT_REMOTE, OPT_REMOTE_GIVEN };

struct opt {
	const char *name; /* the long name, without "--"; NULL ends a table */
	char short_name;  /* 0 for none */
	enum opt_type type;
	size_t offset;	  /* of the field in the configuration */
	const char *arg;  /* the argument's name in --help, NULL for a bool */
	const char *help; /* lines separated by \n */
	double lo, hi;
	const char *const *choices; /* OPT_CHOICE: NULL-terminated */
	enum opt_remote remote;
	unsigned commands; /* the commands that take it (a bit each); 0: all */
};

/* Parses argv[1..] of a command (argv[0] is its name) into cfg. Only the
 * entries whose commands mask has a bit of command are known. Returns 0
 * and sets *given (a bit an entry, by its index in the table) and *first
 * (the index in argv of the first argument that is not an option); 1 when
 * --help or -h was given; -1 with err set ("unknown option '--x'", "bad
 * value 'x' for '--count': want ..."). */
int options_parse(const struct opt *table, unsigned command, int argc,
		  char **argv, void *cfg, uint64_t *given, int *first,
		  char *err, size_t errlen);

/* The "options:" block of --help: a line an option (continued, aligned,
 * for a help of several lines), then -h, --help. */
struct sbuf;
void options_help(const struct opt *table, unsigned command, struct sbuf *sb);

/* The options of cfg for a remote run, each " --name value", the value
 * written by quote when it is a string (so that a remote shell reads it as
 * one word). */
void options_to_flags(const struct opt *table, unsigned command,
		      const void *cfg, uint64_t given, struct sbuf *sb,
		      void (*quote)(struct sbuf *sb, const char *s));

/* The index of the entry called name; -1 when there is none. */
int options_index(const struct opt *table, const char *name);
/* Whether the user gave the entry called name. */
int options_given(const struct opt *table, uint64_t given, const char *name);

#endif
