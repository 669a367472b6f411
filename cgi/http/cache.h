/* cache: HTTP caching of each response: Cache-Control by kind of page, ETag, Last-Modified, 304. */
#ifndef PRESSROOM_CACHE_H
#define PRESSROOM_CACHE_H

#include <stddef.h>
#include <time.h>

#include "ctx.h"

/* Seconds a public answer may be reused. A page in nginx's cache, then in a browser, is at most
 * twice its lifetime behind the database: a release scheduled for 10:00 is on every reader's
 * home page by 10:01. */
#define CACHE_PAGE_SECONDS 30     /* HTML pages, redirects and 404/410 answers */
#define CACHE_DATA_SECONDS 300    /* feeds, sitemaps, calendars, JSON and CSV */

/* What a worker remembers to tell when the public site last changed. */
struct cache_clock {
	time_t started;      /* the worker's start: it loaded the templates, the config and the program then */
};

void cache_clock_init(struct cache_clock *k);

/* Writes the response's Cache-Control, Vary and (for a public 200) ETag and Last-Modified header
 * lines into out (size n, NUL-terminated); for any public answer, fills c->valid first. Returns 1 when the request's If-None-Match (or, without
 * one, If-Modified-Since) matches: the answer is then 304 Not Modified, with these headers and no body. */
int  cache_headers(struct ctx *c, const struct cache_clock *k, char *out, size_t n);

/* Until when an answer built now stays right with no write to the database: the next schedule
 * to come due, or the next midnight (upcoming events turn past). */
time_t cache_fresh_until(struct db *db);

/* The answer may be kept and reused for anyone: public, and for no one person. */
int  cache_public(const struct ctx *c);

/* The newest change time of the files in the static folder, rounded up to the second: it
 * versions their URLs (?v=), which nginx lets browsers keep for a year. */
long cache_static_version(const char *static_dir);

#endif
