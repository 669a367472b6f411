/* cache: HTTP caching of each response: Cache-Control by kind of page, an ETag from the body, 304. */
#ifndef PRESSROOM_CACHE_H
#define PRESSROOM_CACHE_H

#include <stddef.h>

#include "ctx.h"

/* Seconds a public answer may be reused. A page in nginx's cache, then in a browser, is at most
 * twice its lifetime behind the database: a release scheduled for 10:00 is on every reader's
 * home page by 10:01. */
#define CACHE_PAGE_SECONDS 30     /* HTML pages, redirects and 404/410 answers */
#define CACHE_DATA_SECONDS 300    /* feeds, sitemaps, calendars, JSON and CSV */

/* Writes the response's Cache-Control, Vary and (for a public 200) ETag header lines into out
 * (size n, NUL-terminated). Returns 1 when the request's If-None-Match names that ETag: the
 * answer is then 304 Not Modified, with these headers and no body. The ETag is the body's hash,
 * so it is right whatever changed (a write, a schedule come due, midnight, a new template); no
 * Last-Modified is sent, as no cheap date is as exact. */
int  cache_headers(struct ctx *c, char *out, size_t n);

/* The newest change time of the files in the static folder, rounded up to the second: it
 * versions their URLs (?v=), which nginx lets browsers keep for a year. */
long cache_static_version(const char *static_dir);

#endif
