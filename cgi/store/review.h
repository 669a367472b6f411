/* review: the SQL of the review queue and of what is waiting for each person. */
#ifndef PRESSROOM_REVIEW_H
#define PRESSROOM_REVIEW_H

#include "db.h"

struct queue_item {
	long  id, author_id, submitted_by;
	char *title, *status, *author, *updated_at;
	int   flagged;     /* published by an admin without review, not yet looked at */
	int   edition;     /* the item is the next edition of a live release */
};

/* Everything an editor may need to act on: submitted, approved, flagged; oldest first. */
int  review_queue(struct db *db, struct arena *a, struct queue_item **out, size_t *n);
/* How many items wait for this person: for editors, others' submissions and flags; for
 * authors, their releases sent back for changes. -1 on error. */
long review_waiting(struct db *db, long user_id, int is_editor);
/* The editor whose feed token hashes to token_hash, or 0. */
long review_feed_user(struct db *db, const char *token_hash);
int  review_set_feed_token(struct db *db, long user_id, const char *token_hash);

#endif
