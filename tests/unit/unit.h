/* unit: a header-only harness; each check prints one "ok - suite: what" or "not ok - ..." line. */
#ifndef PRESSROOM_UNIT_H
#define PRESSROOM_UNIT_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

/*
 * A test file's main() calls unit_start(argc, argv, "name") first and returns unit_end().
 * The first argument, when given, tags the suite ("asan" makes "asan/name"), so the runner
 * can tell the two build trees apart. No summary is printed: the top-level runner counts lines.
 */
static char unit_suite[128] = "unit";
static int  unit_failures;

static inline void
unit_start(int argc, char **argv, const char *name)
{
	if (argc > 1 && argv[1][0] != '\0')
		snprintf(unit_suite, sizeof unit_suite, "%s/%s", argv[1], name);
	else
		snprintf(unit_suite, sizeof unit_suite, "%s", name);
	/* Line-buffered, so a crash loses no line already passed. */
	setvbuf(stdout, NULL, _IOLBF, 0);
}

static inline int
unit_end(void)
{
	fflush(stdout);
	return unit_failures ? 1 : 0;
}

static inline int
unit_vcheck(int ok, const char *file, int line, const char *fmt, va_list ap)
{
	char what[512];
	vsnprintf(what, sizeof what, fmt, ap);
	/* A newline in a description would make a line the runner cannot count. */
	for (char *p = what; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	if (ok) {
		printf("ok - %s: %s\n", unit_suite, what);
	} else {
		printf("not ok - %s: %s (%s:%d)\n", unit_suite, what, file, line);
		unit_failures++;
	}
	return ok;
}

static inline int __attribute__((format(printf, 4, 5)))
unit_check(int ok, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	unit_vcheck(ok, file, line, fmt, ap);
	va_end(ap);
	return ok;
}

static inline int __attribute__((format(printf, 6, 7)))
unit_check_str(const char *got, const char *want, const char *file, int line, const char *expr,
    const char *fmt, ...)
{
	int ok = got != NULL && want != NULL ? strcmp(got, want) == 0 : got == want;
	va_list ap;
	va_start(ap, fmt);
	unit_vcheck(ok, file, line, fmt, ap);
	va_end(ap);
	if (!ok)
		fprintf(stderr, "#   %s\n#   got:  %s%s%s\n#   want: %s%s%s\n", expr,
		    got ? "\"" : "", got ? got : "NULL", got ? "\"" : "",
		    want ? "\"" : "", want ? want : "NULL", want ? "\"" : "");
	return ok;
}

static inline int __attribute__((format(printf, 6, 7)))
unit_check_long(long got, long want, const char *file, int line, const char *expr,
    const char *fmt, ...)
{
	int ok = got == want;
	va_list ap;
	va_start(ap, fmt);
	unit_vcheck(ok, file, line, fmt, ap);
	va_end(ap);
	if (!ok)
		fprintf(stderr, "#   %s\n#   got:  %ld\n#   want: %ld\n", expr, got, want);
	return ok;
}

/* unit written count times, as a string in the arena: long inputs for checks of limits. */
static inline char *
unit_repeat(struct arena *a, const char *unit, size_t count)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < count; i++)
		buf_adds(&b, unit);
	char *s = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* Each takes a printf-style description after the values; each evaluates to whether it passed. */
#define CHECK(cond, ...)             unit_check(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define CHECK_STR(got, want, ...)    unit_check_str((got), (want), __FILE__, __LINE__, #got, __VA_ARGS__)
#define CHECK_INT(got, want, ...)    unit_check_long((long)(got), (long)(want), __FILE__, __LINE__, #got, __VA_ARGS__)
/* Whether haystack (which may be NULL) contains needle. */
#define CONTAINS(haystack, needle)   ((haystack) != NULL && strstr((haystack), (needle)) != NULL)

#endif
