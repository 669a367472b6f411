/* user: staff accounts. */
#ifndef PRESSROOM_USER_H
#define PRESSROOM_USER_H

#include "db.h"

enum role { ROLE_PUBLIC = 0, ROLE_AUTHOR, ROLE_EDITOR, ROLE_ADMIN };


struct user {
	long  id;
	char *name, *display_name, *role, *password_hash;
	int   disabled;
	char *last_login_at;   /* NULL if never */
};

/* 1 found, 0 not found, -1 error. */
int  user_by_name(struct db *db, struct arena *a, const char *name, struct user *u);
/* Every account, by name; 0 or -1. */
int  user_list(struct db *db, struct arena *a, struct user **out, size_t *n);
/* Returns the new id, 0 when the name is taken, -1 on error. */
long user_create(struct db *db, const char *name, const char *display_name, const char *role,
    const char *password_hash);
/* Each changes one account and returns 0, or -1 on error. */
int  user_set_role(struct db *db, long id, const char *role);
int  user_set_password(struct db *db, long id, const char *password_hash);
int  user_logged_in(struct db *db, long id, const char *at);
/* Disables account id, ending every session it has, or enables it again; and a new password
 * set by someone else, which ends every session too. Each returns the sessions ended, or -1. */
long user_disable(struct db *db, long id, int disable);
long user_reset_password(struct db *db, long id, const char *password_hash);
int  user_valid_name(const char *name);

enum role   role_from_name(const char *name);
const char *role_name(enum role r);

#endif
