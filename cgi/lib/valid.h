/* valid: field validators and the field tables that run them before a handler sees any input. */
#ifndef PRESSROOM_VALID_H
#define PRESSROOM_VALID_H

#include <stddef.h>

#include "buf.h"
#include "fields.h"

int  utf8_valid(const char *s, size_t n);
size_t utf8_chars(const char *s);

enum vtype {
	V_TEXT,      /* one line of text: no newlines */
	V_LONGTEXT,  /* text with newlines */
	V_DATE,      /* YYYY-MM-DD, a real calendar day */
	V_INT,       /* whole number in [min, max] */
	V_CHOICE,    /* one of choices[] */
	V_COUNTRY,   /* ISO 3166-1 alpha-2, upper case */
	V_SLUG,      /* lower-case letters, digits and single hyphens */
	V_ID,        /* a positive row id */
};

struct rule {
	const char *name;            /* form field name */
	const char *label;           /* how the form labels it, for error messages */
	enum vtype  type;
	int         required;
	long        min, max;        /* characters for text, the range for V_INT */
	const char *const *choices;  /* NULL-terminated, for V_CHOICE */
};

/* What the table made of a form: per rule, the trimmed value (as typed when invalid),
 * the number for V_INT and V_ID (-1 when empty), and an error message or NULL. */
struct checked {
	const char **value;
	long        *num;
	const char **error;
	size_t       nerrors;
};

/* Room for nrules results, all empty and without errors: a blank form. */
void checked_init(struct arena *a, struct checked *c, size_t nrules);
/* Runs every rule over the nth value of each field named rule->name (rows of a table repeat names). */
void check_fields(struct arena *a, const struct rule *rules, size_t nrules,
    const struct fields *in, size_t nth, struct checked *out);
/* Checks one value against one rule; returns NULL or the message. */
const char *check_value(const struct rule *r, const char *value, long *num);

int  valid_date(const char *s);
int  valid_slug(const char *s);
int  parse_long(const char *s, long min, long max, long *out);   /* strtonum-style */
/* A URL-safe slug from any title, at most maxlen bytes; "release" if nothing is left. */
char *slugify(struct arena *a, const char *title, size_t maxlen);
char *trim_copy(struct arena *a, const char *s);

#endif
