/* preview: shareable preview links to a release; only a hash of each link's secret token is kept. */
#ifndef PRESSROOM_PREVIEW_H
#define PRESSROOM_PREVIEW_H

#include "db.h"

#define PREVIEW_DAYS_DEFAULT 7
#define PREVIEW_DAYS_MAX     30
#define PREVIEW_TOKEN_BYTES  32    /* 64 hex characters in /preview/<token> */

struct preview_link {
	long  id, release_id, uses;
	char *created_by_name, *created_at, *expires_at;
	char *revoked_at, *last_used_at;   /* NULL: not revoked, never used */
	int   expired;                     /* expires_at has passed */
};

/* Inside the caller's transaction: a new link to the release, working for `days`. Returns the
 * token, which exists nowhere else from now on (show it once), or NULL on a database error. */
char *preview_link_create(struct db *db, struct arena *a, long release_id, long user_id, int days, long *id);
/* The release's links, newest first (at most 100); -1 on error. */
int   preview_link_list(struct db *db, struct arena *a, long release_id, struct preview_link **out, size_t *n);
/* The link a token opens, revoked or expired ones too: 1 found, 0 unknown, -1 error. */
int   preview_link_find(struct db *db, struct arena *a, const char *token, struct preview_link *l);
/* Counts one use of a link: 0 or -1. */
int   preview_link_used(struct db *db, long id);
/* Revokes a link of the release: 1 revoked, 0 no such link not yet revoked, -1 error. */
int   preview_link_revoke(struct db *db, long release_id, long id);

#endif
