/* req: parsing untrusted request parts (query strings, form bodies, cookies) under hard limits. */
#ifndef PRESSROOM_REQ_H
#define PRESSROOM_REQ_H

#include <stddef.h>

#include "buf.h"
#include "fields.h"

struct limits {
	size_t max_fields;
	size_t max_name;
	size_t max_value;
};

/* Each returns 0, or the HTTP status the input deserves: 400 (malformed: a bad
 * %-escape, a NUL or control byte, invalid UTF-8) or 413 (over a limit). */
int parse_urlencoded(struct arena *a, const char *s, size_t len, const struct limits *lim,
    struct fields *out);
/* Cookies that break a limit or an encoding rule are skipped, not refused; returns 0. */
int parse_cookies(struct arena *a, const char *header, const struct limits *lim, struct fields *out);
/* Decodes %XX (and + as space when plus_is_space) into dst (at least n+1 bytes); -1 if malformed. */
long percent_decode(char *dst, const char *src, size_t n, int plus_is_space);

/* %-encodes everything but unreserved characters and '/', for a URL's query or path. */
char *url_encode(struct arena *a, const char *s);

#endif
