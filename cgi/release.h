/* release: press releases: listing, lookup by public URL, and saving with a revision each time. */
#ifndef PRESSROOM_RELEASE_H
#define PRESSROOM_RELEASE_H

#include "db.h"

struct release {
	long  id;
	char *slug, *title, *summary, *body, *body_html, *status;
	long  event_id;                 /* -1 for none */
	long  author_id;
	char *author_name;
	char *created_at, *updated_at, *published_at;
	long  version;
	char *event_title, *event_slug; /* joined, NULL without an event */
};

#define RELEASES_PER_PAGE 20

/* Published releases, newest first; -1 on error. */
int  release_list_published(struct db *db, struct arena *a, long offset, int limit,
    struct release **out, size_t *n);
long release_count_published(struct db *db);
int  release_list_published_for_event(struct db *db, struct arena *a, long event_id,
    struct release **out, size_t *n);
/* Releases a person may work on: their own (author_id > 0) or everyone's (author_id 0). */
int  release_list_for(struct db *db, struct arena *a, long author_id, struct release **out, size_t *n);
/* 1 found, 0 not found, -1 error. Only published releases have public URLs. */
int  release_published_by_slug(struct db *db, struct arena *a, const char *slug, struct release *r);
int  release_by_id(struct db *db, struct arena *a, long id, struct release *r);

/* Inserts (r->id == 0) or updates r, writing a revision row; publish sets status and, the first
 * time, published_at. Returns 0, -1 on a database error, or 409 when r->version is stale. */
int  release_save(struct db *db, struct arena *a, struct release *r, long user_id, int publish);
/* "/news/2025/02/<slug>" for a published release. */
char *release_url(struct arena *a, const struct release *r);

#endif
