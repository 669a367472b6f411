/* req: parsing untrusted request parts (query strings, form bodies, cookies) under hard limits. */
#ifndef PRESSROOM_REQ_H
#define PRESSROOM_REQ_H

#include <stddef.h>

#include "buf.h"
#include "config.h"
#include "fields.h"

struct limits {
	size_t max_fields;      /* fields in one query, form or cookie header */
	size_t max_name;        /* bytes in a field's decoded name */
	size_t max_value;       /* bytes in a field's decoded value */
	/* multipart/form-data bodies only (multipart.h) */
	size_t max_parts;       /* parts, text fields and files together */
	size_t max_part_head;   /* bytes in one part's header block */
	size_t max_file;        /* bytes in one file */
	size_t max_upload;      /* bytes in the whole multipart body */
	size_t max_form;        /* bytes of its text fields, names and values together (max_body) */
};

/* The limits a worker reads forms under, from the configuration and config.h's LIMIT_*. */
struct limits form_limits(const struct config *cfg);

/* Each returns 0, or the HTTP status the input deserves: 400 (malformed: a bad
 * %-escape, a NUL or control byte, invalid UTF-8) or 413 (over a limit). */
int parse_urlencoded(struct arena *a, const char *s, size_t len, const struct limits *lim,
    struct fields *out);
/* What every decoded form field's name and value pass, whichever encoding they came in (neither
 * needs a NUL at its end): 413 when either is over its limit, 400 for a NUL or control byte (tab,
 * CR and LF are text) or invalid UTF-8; else 0. */
int form_text_check(const char *name, size_t nlen, const char *value, size_t vlen,
    const struct limits *lim);
/* Appends a field that passed form_text_check (name and value NUL-terminated, in the arena);
 * 413 when out already holds max_fields, else 0. */
int form_field_add(struct arena *a, const char *name, const char *value, size_t vlen,
    const struct limits *lim, struct fields *out);
/* Cookies that break a limit or an encoding rule are skipped, not refused; returns 0. */
int parse_cookies(struct arena *a, const char *header, const struct limits *lim, struct fields *out);
/* Decodes %XX (and + as space when plus_is_space) into dst (at least n+1 bytes); -1 if malformed. */
long percent_decode(char *dst, const char *src, size_t n, int plus_is_space);

/* %-encodes everything but unreserved characters and '/', for a URL's query or path. */
char *url_encode(struct arena *a, const char *s);

#endif
