/* respcache: a worker's memory of the public answers it built, reused until the database changes. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth.h"
#include "cache.h"
#include "respcache.h"

struct kept {
	char             *uri;           /* REQUEST_URI, query included; NULL for an empty slot */
	int               https;
	int               status;
	char             *content_type;
	char             *headers;
	size_t            headers_len;
	char             *body;
	size_t            body_len;
	struct validators valid;         /* with fresh_until: the next schedule or midnight */
	long long         kept_ms;
};

struct respcache {
	struct kept   slot[RESPCACHE_SLOTS];
	size_t        bytes;
	/* Where the database stood when the kept answers were built (db.c): commits by the other
	 * workers, pressroomctl or an operator's sqlite3, and this worker's own writes, all move it. */
	struct db_state state;
	int           state_read;        /* state was read during the request in hand */
};

static long long
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* FNV-1a: addresses are short and chosen by readers, and a collision only costs a rebuild. */
static size_t
slot_of(const char *uri)
{
	unsigned long h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)uri; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h % RESPCACHE_SLOTS;
}

static void
drop(struct respcache *rc, struct kept *k)
{
	if (k->uri == NULL)
		return;
	rc->bytes -= strlen(k->uri) + k->headers_len + k->body_len;
	free(k->uri);
	free(k->content_type);
	free(k->headers);
	free(k->body);
	memset(k, 0, sizeof *k);
}

static void
forget_all(struct respcache *rc)
{
	for (size_t i = 0; i < RESPCACHE_SLOTS; i++)
		drop(rc, &rc->slot[i]);
}

struct respcache *
respcache_new(void)
{
	struct respcache *rc = xmalloc(sizeof *rc);
	memset(rc, 0, sizeof *rc);
	rc->state.others = -1;
	return rc;
}

void
respcache_free(struct respcache *rc)
{
	if (rc == NULL)
		return;
	forget_all(rc);
	free(rc);
}

/* Reads where the database stands; everything kept is forgotten when it moved (or cannot be read). */
static void
check_state(struct respcache *rc, struct db *db)
{
	struct db_state now;
	rc->state_read = db_state_read(db, &now) == 0;
	if (!rc->state_read || !db_state_same(&rc->state, &now))
		forget_all(rc);
	rc->state = now;
}

static int
anonymous_get(const struct ctx *c)
{
	return strcmp(c->method, "GET") == 0 && ctx_cookie(c, SESSION_COOKIE) == NULL &&
	    ctx_param(c, "REQUEST_URI") != NULL;
}

int
respcache_fill(struct respcache *rc, struct ctx *c)
{
	rc->state_read = 0;
	if (!anonymous_get(c))
		return 0;
	check_state(rc, c->db);
	const char *uri = ctx_param(c, "REQUEST_URI");
	struct kept *k = &rc->slot[slot_of(uri)];
	if (k->uri == NULL || k->https != c->https || strcmp(k->uri, uri) != 0)
		return 0;
	if (now_ms() - k->kept_ms >= RESPCACHE_MAX_AGE_MS || time(NULL) >= k->valid.fresh_until) {
		drop(rc, k);
		return 0;
	}
	c->status = k->status;
	c->content_type = k->content_type;
	buf_add(&c->headers, k->headers, k->headers_len);
	buf_add(&c->body, k->body, k->body_len);
	c->valid = k->valid;
	c->reused = 1;
	/* Says where an answer came from, for the tests and for anyone tracing a stale page. */
	ctx_header(c, "X-Pressroom-Cache", "hit");
	return 1;
}

static char *
copy(const char *s, size_t n)
{
	char *out = xmalloc(n + 1);
	memcpy(out, s ? s : "", n);
	out[n] = '\0';
	return out;
}

void
respcache_keep(struct respcache *rc, const struct ctx *c)
{
	if (c->reused)
		return;
	if (!rc->state_read || !anonymous_get(c) || !cache_public(c) || !c->valid.set ||
	    c->valid.fresh_until <= time(NULL) || c->body.len > RESPCACHE_MAX_BODY)
		return;
	const char *uri = ctx_param(c, "REQUEST_URI");
	size_t size = strlen(uri) + c->headers.len + c->body.len;
	struct kept *k = &rc->slot[slot_of(uri)];
	drop(rc, k);
	if (rc->bytes + size > RESPCACHE_MAX_BYTES)
		forget_all(rc);
	*k = (struct kept){
		.uri = copy(uri, strlen(uri)),
		.https = c->https,
		.status = c->status,
		.content_type = c->content_type ? copy(c->content_type, strlen(c->content_type)) : NULL,
		.headers = copy(c->headers.data, c->headers.len),
		.headers_len = c->headers.len,
		.body = copy(c->body.data, c->body.len),
		.body_len = c->body.len,
		.valid = c->valid,
		.kept_ms = now_ms(),
	};
	rc->bytes += size;
}
