/* fields: the named values of a decoded query, form or cookie header, and finding them by name. */
#include <string.h>

#include "fields.h"

const char *
fields_get(const struct fields *f, const char *name)
{
	return fields_get_nth(f, name, 0);
}

const char *
fields_get_nth(const struct fields *f, const char *name, size_t nth)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->v[i].name, name) == 0 && nth-- == 0)
			return f->v[i].value;
	return NULL;
}

size_t
fields_count(const struct fields *f, const char *name)
{
	size_t n = 0;
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->v[i].name, name) == 0)
			n++;
	return n;
}
