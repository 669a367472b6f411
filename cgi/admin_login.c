/* admin_login: /login and /logout: the login form, checking a password, ending a session. */
#include <string.h>

#include "auth.h"
#include "handlers.h"
#include "page.h"
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

/* 303 to the page asked for on success; 422 with the form and the name kept on a failure;
 * one message for an unknown name and a wrong password, so neither is revealed. */
int
admin_login(struct ctx *c)
{
	const char *name = fields_get(&c->form, "name");
	const char *password = fields_get(&c->form, "password");
	const char *next = fields_get(&c->form, "next");
	if (name == NULL || password == NULL || *name == '\0' || *password == '\0')
		return login_page(c, 422, name ? name : "", next, "Enter your user name and password.");
	struct user u = { 0 };
	int found = user_by_name(c->db, c->a, name, &u);
	if (found < 0)
		return page_error(c, 500, "user lookup");
	int ok = password_verify(found ? u.password_hash : NULL, password);
	if (!ok || u.disabled)
		return login_page(c, 422, name, next, "That user name and password do not match an active account.");
	if (auth_start_session(c, u.id) != 0)
		return page_error(c, 500, "starting a session");
	return page_redirect(c, 303, safe_next(next));
}

/* 303 to the home page, the session ended. */
int
admin_logout(struct ctx *c)
{
	auth_end_session(c);
	return page_redirect(c, 303, "/");
}
