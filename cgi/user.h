/* user: staff accounts. */
#ifndef PRESSROOM_USER_H
#define PRESSROOM_USER_H

#include "db.h"

struct user {
	long  id;
	char *name, *display_name, *role, *password_hash;
	int   disabled;
};

/* 1 found, 0 not found, -1 error. */
int  user_by_name(struct db *db, struct arena *a, const char *name, struct user *u);
/* Returns the new id, 0 when the name is taken, -1 on error. */
long user_create(struct db *db, const char *name, const char *display_name, const char *role,
    const char *password_hash);
int  user_valid_name(const char *name);

#endif
