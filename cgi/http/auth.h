/* auth: the signed-in person of a request: sessions, their cookies and CSRF tokens. */
#ifndef PRESSROOM_AUTH_H
#define PRESSROOM_AUTH_H

#include "ctx.h"
#include "secret.h"

#define SESSION_COOKIE   "pr_session"
#define LOGIN_COOKIE     "pr_login"     /* CSRF token of the login form, before there is a session */
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
