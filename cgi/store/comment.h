/* comment: staff-only comments on a release. */
#ifndef PRESSROOM_COMMENT_H
#define PRESSROOM_COMMENT_H

#include "db.h"

struct comment {
	char *author, *at, *body;
};

int comment_list(struct db *db, struct arena *a, long release_id, struct comment **out, size_t *n);
int comment_add(struct db *db, long release_id, long user_id, const char *body);

#endif
