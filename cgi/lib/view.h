/* view: the C face of ctemplate: dictionaries, sections, includes, expansion into a buffer. */
#ifndef PRESSROOM_VIEW_H
#define PRESSROOM_VIEW_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A dictionary of values for one template; sections and includes hang off it. */
typedef struct view_dict view_dict;

/* Where templates are read from; they are parsed once and cached for the process's life. */
void       view_init(const char *templates_dir);
void       view_shutdown(void);

view_dict *view_dict_new(const char *name);
void       view_dict_free(view_dict *d);      /* frees the sections and includes too */

/* Values are copied. A NULL value expands to nothing. Escaping is the template's job. */
void       view_set(view_dict *d, const char *key, const char *value);
void       view_set_int(view_dict *d, const char *key, long value);
/* Visible in this template and every template it includes. */
void       view_set_global(view_dict *d, const char *key, const char *value);
void       view_show(view_dict *d, const char *section);
/* One more repetition of a section; the parent owns it. */
view_dict *view_add_section(view_dict *d, const char *section);
/* Fills {{>name}} with the template file; the parent owns the returned dictionary. */
view_dict *view_add_include(view_dict *d, const char *name, const char *filename);

/* Expands filename with d; returns a malloc'd NUL-terminated string and its length,
 * or NULL when the template is missing or does not parse. */
char      *view_expand(const char *filename, view_dict *d, size_t *len);

#ifdef __cplusplus
}
#endif

#endif
