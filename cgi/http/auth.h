/* auth: passwords (argon2id), sessions, CSRF tokens and roles. */
#ifndef PRESSROOM_AUTH_H
#define PRESSROOM_AUTH_H

#include <sodium.h>

#include "ctx.h"

#define SESSION_COOKIE   "pr_session"
#define LOGIN_COOKIE     "pr_login"     /* CSRF token of the login form, before there is a session */
#define PASSWORD_MIN_CHARS 10
#define PASSWORD_MAX_BYTES 1024

int  auth_init(void);                   /* libsodium; -1 if it cannot start */
/* Writes an argon2id string into out; -1 when out of memory. */
int  password_hash(const char *password, char out[crypto_pwhash_STRBYTES]);
int  password_verify(const char *hash, const char *password);   /* 1 on match */
/* A new random password, 20 URL-safe characters, for an account created or reset. */
char *password_generate(struct arena *a);
/* NULL when a new password is acceptable, else what is wrong with it ("must have ..."). */
const char *password_problem(const char *password);
/* A random token as hex: 2 * nbytes characters. */
char *random_hex(struct arena *a, size_t nbytes);
/* Hex BLAKE2b of a secret token: what is stored in its place. */
char *token_hash(struct arena *a, const char *token);

enum role   role_from_name(const char *name);
const char *role_name(enum role r);

/* Looks up the session cookie and fills c->me; an expired session is ended. */
void auth_load_session(struct ctx *c);
/* Starts a fresh session for the user (a new id on every login) and sets the cookie. */
int  auth_start_session(struct ctx *c, long user_id);
void auth_end_session(struct ctx *c);
/* Whether the POST's csrf field matches the session's token (or the login form's cookie), and no
 * browser said it came from another site (Sec-Fetch-Site). */
int  auth_csrf_ok(const struct ctx *c);
/* Whether the browser said (Sec-Fetch-Site) the request came from another site, or a sibling one. */
int  auth_cross_site(const struct ctx *c);
/* Sets a cookie with the flags every pressroom cookie has; max_age < 0 makes it a session cookie. */
void auth_set_cookie(struct ctx *c, const char *name, const char *value, long max_age);

#endif
