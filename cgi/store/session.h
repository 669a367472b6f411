/* session: a person's sessions as rows: listing them and ending one, the others or all. */
#ifndef PRESSROOM_SESSION_H
#define PRESSROOM_SESSION_H

#include "db.h"

#define SESSION_HANDLE_HEX 16

struct session {
	char *handle;        /* the key's first 16 hex digits: enough to name it, useless as a cookie */
	char *token_hash;
	char *created_at, *seen_at, *client;
};

/* The account's live sessions (not past either limit at `now`), newest first; 0 or -1. */
int  session_list(struct db *db, struct arena *a, long user_id, const char *now, long idle_s,
    struct session **out, size_t *n);
/* Each returns how many sessions it ended, or -1. */
long session_end_one(struct db *db, long user_id, const char *handle);
long session_end_others(struct db *db, long user_id, const char *keep_token_hash);
long session_end_all(struct db *db, long user_id);

#endif
