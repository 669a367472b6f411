/* admin_login: /login and /logout: the login form, checking a password under the throttle, ending a session. */
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "screens.h"
#include "hashslot.h"
#include "page.h"
#include "throttle.h"
#include "timefmt.h"
#include "user.h"

/* Only a path on this site is a place to return to after login: no //host, no scheme. */
static const char *
safe_next(const char *next)
{
	if (next && next[0] == '/' && next[1] != '/' && next[1] != '\\' && !strchr(next, '\r') &&
	    !strchr(next, '\n'))
		return next;
	return "/admin";
}

static int
login_page(struct ctx *c, int status, const char *name, const char *next, const char *message)
{
	/* Before there is a session, the form's CSRF token lives in a cookie of its own. */
	const char *token = c->me.csrf;
	if (token == NULL) {
		token = ctx_cookie(c, LOGIN_COOKIE);
		if (token == NULL || strlen(token) != 64) {
			token = random_hex(c->a, 32);
			auth_set_cookie(c, LOGIN_COOKIE, token, 3600);
		}
	}
	view_dict *d = page_begin(c, "login.tpl", "Staff login");
	view_set_global(c->layout, "CSRF", token);
	view_set(d, "NAME", name);
	view_set(d, "NEXT", safe_next(next));
	if (message)
		view_set(view_add_section(d, "ERROR"), "MESSAGE", message);
	return page_end(c, status);
}

/* 200 with the form. */
int
admin_login_form(struct ctx *c)
{
	return login_page(c, 200, "", fields_get(&c->query, "next"), NULL);
}

/* A wait in the words a reader takes in at a glance. */
static const char *
wait_words(struct arena *a, long s)
{
	if (s < 90)
		return arena_printf(a, "%ld second%s", s, s == 1 ? "" : "s");
	return arena_printf(a, "%ld minutes", (s + 59) / 60);
}

/* 429 with the form and when to come back; the password is not even looked at. */
static int
throttled(struct ctx *c, const char *name, const char *next, long wait)
{
	ctx_header(c, "Retry-After", arena_printf(c->a, "%ld", wait));
	return login_page(c, 429, name, next, arena_printf(c->a, "Too many failed logins for this user name "
	    "or from this address. Try again in %s.", wait_words(c->a, wait)));
}

/* 503 with the form and Retry-After: every password-hash slot stayed taken (many logins at
 * once); nothing is counted against the name, since the password was never checked. */
static int
busy(struct ctx *c, const char *name, const char *next)
{
	ctx_header(c, "Retry-After", "5");
	return login_page(c, 503, name, next, "Many people are signing in at this moment. "
	    "Your password was not checked; please try again in a few seconds.");
}

/* Records a throttle a failure has just set off, if it did. */
static int
audit_throttle(struct ctx *c, const char *subject, const char *what, long failures, long wait)
{
	if (wait == 0)
		return 0;
	return audit_record(c, "throttled", subject, arena_printf(c->a,
	    "%s: %ld failed logins in a row; the next is not checked for %ld s", what, failures, wait));
}

/* 422 with the form, the failure counted against the name and the address and logged;
 * 503 or 500 when that cannot be written. */
static int
failed(struct ctx *c, const char *name, const char *next, const char *why)
{
	struct throttle_state t;
	const char *subject = arena_printf(c->a, "user:%s", throttle_name(c->a, name));
	if (db_begin(c->db) != SQLITE_OK || throttle_fail(c->db, c->a, name, c->client, &t) != 0 ||
	    audit_record(c, "login_failed", subject, why) != 0 ||
	    audit_throttle(c, subject, "this user name", t.name_failures, t.name_wait) != 0 ||
	    audit_throttle(c, subject, arena_printf(c->a, "address %s", c->client ? c->client : "-"),
	    t.addr_failures, t.addr_wait) != 0 ||
	    db_commit(c->db) != SQLITE_OK)
		return page_error(c, db_failure(c, "recording a failed login"), NULL);
	return login_page(c, 422, name, next, "That user name and password do not match an active account.");
}

/* 303 to next with a new session, the name's failures forgotten and the login logged. */
static int
succeeded(struct ctx *c, const struct user *u, const char *next)
{
	if (db_begin(c->db) != SQLITE_OK || throttle_clear(c->db, c->a, u->name) != 0 ||
	    user_logged_in(c->db, u->id, time_now_iso(c->a)) != 0 || auth_start_session(c, u->id) != 0)
		return page_error(c, db_failure(c, "starting a session"), NULL);
	c->me.id = u->id;   /* the entry names the account that has just signed in */
	if (audit_record(c, "login", arena_printf(c->a, "user:%s", u->name), NULL) != 0 ||
	    db_commit(c->db) != SQLITE_OK)
		return page_error(c, db_failure(c, "recording a login"), NULL);
	return page_redirect(c, 303, safe_next(next));
}

/* 303 to the page asked for on success; 422 with the form and the name kept on a failure;
 * 429 with Retry-After while the name or the address must wait; 503 with Retry-After when
 * no password-hash slot comes free in time; 503/500 when the database fails. An unknown
 * name, a wrong password and a disabled account get the same answer
 * after the same work (a password check, a count, a log entry), so none is revealed. */
int
admin_login(struct ctx *c)
{
	const char *name = fields_get(&c->form, "name");
	const char *password = fields_get(&c->form, "password");
	const char *next = fields_get(&c->form, "next");
	if (name == NULL || password == NULL || *name == '\0' || *password == '\0')
		return login_page(c, 422, name ? name : "", next, "Enter your user name and password.");
	long wait = throttle_wait(c->db, c->a, name, c->client);
	if (wait < 0)
		return page_error(c, 500, "reading the login throttle");
	if (wait > 0)
		return throttled(c, name, next, wait);
	struct user u = { 0 };
	int found = user_by_name(c->db, c->a, name, &u);
	if (found < 0)
		return page_error(c, 500, "user lookup");
	int ok = password_verify(found ? u.password_hash : NULL, password);
	if (!ok && hashslot_busy())
		return busy(c, name, next);
	if (!ok || u.disabled)
		return failed(c, name, next, !found ? "no such account" : !ok ? "wrong password" : "account disabled");
	return succeeded(c, &u, next);
}

/* 303 to the home page, the session ended (and logged). */
int
admin_logout(struct ctx *c)
{
	audit_record(c, "logout", arena_printf(c->a, "user:%s", c->me.name), NULL);
	auth_end_session(c);
	return page_redirect(c, 303, "/");
}
