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
};

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

#endif
