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
	/* The workflow (sql/0003-workflow.sql). */
	char *withdraw_at, *withdrawal_note, *withdrawn_at, *review_note, *override_reason;
	long  submitted_by, reviewed_by, override_by, override_checked_by, replaced_by, edition;
	int   withdrawn;                /* withdrawn now: by status, or its withdraw_at has passed */
	int   public_now;               /* readers can see it at this moment */
	long  last_saved_by;            /* who saved the text as it stands: they cannot review it */
	/* The working copy: the next edition of a live release, when one is being written. */
	int   has_edition;
	char *wc_status;                /* the edition's status, else the release's */
	char *change_note;
	int   major;
	char *form_key;                 /* the new-release form's key, against double submits */
	char *language;                 /* BCP 47 tag of its text; fixed once published, as its slug is */
	long  translation_of;           /* the original this translates, 0 for an original */
	char *counterpart_changed_at;   /* another version's last major change this one may lack; NULL if current */
};

/* Says the release still holds after its other version's major change (clears the mark). 0 or -1. */
int  release_mark_current(struct db *db, long id);

/* Another language version of a release: its original or one of its translations. */
struct release_version {
	long  id;
	char *language, *title, *status, *slug;
	char *published_at;             /* NULL until published */
	int   listed;                   /* the public may read it now */
	long  family;                   /* the family's key: its original's id */
};

/* The original's id for a translation, the release's own for an original: the family's key. */
long release_family(const struct release *r);
/* The family's other versions, by language; -1 on error. */
int  release_versions(struct db *db, struct arena *a, const struct release *r, struct release_version **out, size_t *n);
/* Every listed release whose family has another listed version, grouped by family, each
 * family's versions by language; -1 on error. */
int  release_listed_families(struct db *db, struct arena *a, struct release_version **out, size_t *n);

/* The languages a release may be written in ("en", "ms"; NULL-terminated). */
extern const char *const release_languages[];
/* A language's name in itself: "English", "Bahasa Melayu". */
const char *release_language_name(const char *tag);
/* r's language as one of release_languages (the first when r's is unknown). */
const char *release_language(const struct release *r);

#define RELEASES_PER_PAGE 20

/* Published releases, newest first; -1 on error. */
int  release_list_published(struct db *db, struct arena *a, long offset, int limit,
    struct release **out, size_t *n);
long release_count_published(struct db *db);
int  release_list_published_for_event(struct db *db, struct arena *a, long event_id,
    struct release **out, size_t *n);
/* Loads the pending edition of a live release over r's content, if there is one; -1 on error. */
int  release_load_edition(struct db *db, struct arena *a, struct release *r);
/* An unpublished release by slug: 1 found (r filled), 0 none, -1 error. */
int  release_unpublished_by_slug(struct db *db, struct arena *a, const char *slug, struct release *r);

/* Releases a person may work on: their own (author_id > 0) or everyone's (author_id 0). */
int  release_list_for(struct db *db, struct arena *a, long author_id, struct release **out, size_t *n);
/* 1 found, 0 not found, -1 error. Only published releases have public URLs. */
int  release_published_by_slug(struct db *db, struct arena *a, const char *slug, struct release *r);
int  release_by_id(struct db *db, struct arena *a, long id, struct release *r);

/* Inserts (r->id == 0) or updates the working copy of r as a draft (the next edition, when r is
 * live), writing a revision row. Returns 0, -1 on a database error, or 409 when r->version is stale. */
int  release_save(struct db *db, struct arena *a, struct release *r, long user_id);
/* The release a form with this key created, or 0 (-1 on error): a double submit finds it. */
long release_by_form_key(struct db *db, const char *key);
/* Records the working copy as a revision (after a save or a change of state). */
int  release_write_revision(struct db *db, const struct release *r, long user_id, const char *note);
/* A published edition's change note. */
struct release_change {
	char *at, *note;
};
/* The major changes of a release, oldest first, as readers see them; -1 on error. */
int  release_major_changes(struct db *db, struct arena *a, long id, struct release_change **out, size_t *n);

/* "/news/2025/02/<slug>" for a published release. */
char *release_url(struct arena *a, const struct release *r);

/* Feeds, the sitemap and the JSON API (feed.c, api.c): releases as the public sees them. */

/* SQL for other entities' queries on a release aliased r: public at its URL now (published or
 * withdrawn, and due). The clock is in the query, as for every public listing. */
#define RELEASE_VIEWABLE_SQL "r.status IN ('published','scheduled','withdrawn') " \
	"AND r.published_at <= strftime('%Y-%m-%dT%H:%M:%SZ','now') "

/* The live edition of a public release, without any staff-only field. */
struct release_pub {
	long  id, event_id;                   /* event_id -1 for none */
	char *slug, *title, *summary, *body_html, *language;
	char *published_at;
	char *updated_at;                     /* when its current edition went out */
	char *event_slug, *event_title, *event_kind;   /* NULL without an event */
	int   withdrawn;
	char *withdrawn_at, *withdrawal_note; /* NULL unless withdrawn */
};

/* Which listed releases: all, those about event `key`, or those about an event that organisation
 * `key` organised, sponsored or hosted, or sent a delegation to or had people in. */
enum release_scope { RELEASES_ALL, RELEASES_OF_EVENT, RELEASES_OF_ORG };

/* Listed releases (published, due, not withdrawn) in the scope, newest first; -1 on error. */
int  release_pub_list(struct db *db, struct arena *a, enum release_scope scope, long key,
    long offset, int limit, struct release_pub **out, size_t *n);
long release_pub_count(struct db *db);
/* The number a count query gives, its ?1 (when it has one) bound to key; -1 on error. The public
 * counts of events, organisations and delegations are read with it too. */
long pub_count(struct db *db, const char *sql, long key);
/* Listed releases, newest first, with only id, slug, published_at and updated_at read (the sitemap). */
int  release_pub_urls(struct db *db, struct arena *a, int limit, struct release_pub **out, size_t *n);
/* A release public at its URL (withdrawn ones too): 1 found, 0 not, -1 error. */
int  release_pub_by_id(struct db *db, struct arena *a, long id, struct release_pub *r);
/* "/news/2025/02/<slug>" for a public release. */
char *release_pub_url(struct arena *a, const struct release_pub *r);

/* The public listing and search (page_home.c, page_search.c): filters that combine, keyset pages. */

/* What readers narrowed the listing to; every field NULL (or 0) means "any". */
struct release_filter {
	const char *from, *until;   /* the chosen year in office time, as UTC bounds: [from, until) */
	const char *kind;           /* the event's kind */
	const char *country;        /* the event's country, ISO 3166-1 alpha-2 */
	long        org_id;         /* an organisation the event involves (organiser ... delegate) */
};

/* A place in the listing's order, newest first: the release published at `at` with this id. */
struct release_cursor {
	const char *at;
	long        id;
};

/* The ids of one page of listed releases that match f, newest first: the `limit` just older than
 * `before`, or (when `after` is set) just newer than `after`; the first page when both are NULL.
 * *more says whether there are more beyond the page in that direction. 0, or -1 on error. */
int  release_listing_ids(struct db *db, struct arena *a, const struct release_filter *f,
    const struct release_cursor *before, const struct release_cursor *after, int limit,
    long **ids, size_t *n, int *more);
/* How many listed releases match f; -1 on error. */
long release_listing_count(struct db *db, const struct release_filter *f);
/* The places of `limit` listed releases matching f from `offset` on, newest first, for old ?page=N
 * links; the walk reads only the index, but grows with the offset. 0, or -1 on error. */
int  release_listing_places(struct db *db, struct arena *a, const struct release_filter *f, long offset,
    int limit, struct release_cursor **out, size_t *n);
/* The oldest and newest publication times of listed releases (NULL, NULL when there are none). */
int  release_listed_span(struct db *db, struct arena *a, char **oldest, char **newest);
/* The listed releases matching the FTS5 query `match` and f, best first (title counts most),
 * `limit` of them from `offset`, and in *total how many match in all; 0, or -1 on error (the
 * caller built `match`, see search.h): FTS5's bm25(), weighted by column. */
int  release_search(struct db *db, struct arena *a, const char *match, const struct release_filter *f,
    long offset, int limit, long **ids, size_t *n, long *total);
/* The releases with these ids, in this order (a page whose ids a query above chose), *got of
 * them (one deleted meanwhile is left out); 0 or -1. */
int  release_rows(struct db *db, struct arena *a, const long *ids, size_t n, struct release **out,
    size_t *got);

#endif
