/* fields: the named values of a decoded query, form or cookie header, and finding them by name. */
#ifndef PRESSROOM_FIELDS_H
#define PRESSROOM_FIELDS_H

#include <stddef.h>

struct field {
	const char *name;
	const char *value;     /* decoded, NUL-terminated, valid UTF-8 */
	size_t      len;
};

struct fields {
	struct field *v;
	size_t        n;
};

const char *fields_get(const struct fields *f, const char *name);   /* first value, or NULL */
size_t      fields_count(const struct fields *f, const char *name);
/* The i-th value of a repeated field (rows of a table in a form), or NULL. */
const char *fields_get_nth(const struct fields *f, const char *name, size_t i);

#endif
