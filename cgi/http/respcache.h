/* respcache: a worker's memory of the public answers it built, reused until the database changes. */
#ifndef PRESSROOM_RESPCACHE_H
#define PRESSROOM_RESPCACHE_H

#include "cache.h"
#include "ctx.h"

/* An answer is reused until the database changes, a schedule comes due or midnight passes
 * (cache_fresh_until), and never longer than this: the lifetime HTTP caches are given anyway. */
#define RESPCACHE_MAX_AGE_MS (CACHE_PAGE_SECONDS * 1000)
#define RESPCACHE_SLOTS      64             /* answers kept; a new one takes its address's slot */
#define RESPCACHE_MAX_BODY   (256 * 1024)   /* bigger answers are built each time */
#define RESPCACHE_MAX_BYTES  (4 * 1024 * 1024)

struct respcache;

struct respcache *respcache_new(void);
void respcache_free(struct respcache *rc);

/* For an anonymous GET or HEAD whose answer is kept and still current, fills c's status, type,
 * headers, body and validators and returns 1; else 0 and the request is handled as usual. */
int  respcache_fill(struct respcache *rc, struct ctx *c);

/* After the answer is written (cache_headers filled c->valid): keeps it when it is public (the
 * Cache-Control cache.c chose). Anything this worker wrote meanwhile is seen at the next fill. */
void respcache_keep(struct respcache *rc, const struct ctx *c);

#endif
