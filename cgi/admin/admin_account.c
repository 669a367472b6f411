/* admin_account: /admin/account: everyone's own password and sessions. */
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "screens.h"
#include "page.h"
#include "session.h"
#include "timefmt.h"
#include "user.h"
#include "valid.h"

/* The rules only name the fields: passwords are taken exactly as typed, spaces and all,
 * so they are checked by hand below rather than trimmed by check_fields. */
enum { P_CURRENT, P_NEW, P_AGAIN, P_FIELDS };
static const struct rule password_rules[P_FIELDS] = {
	{ "current_password", "Current password",   V_TEXT, 1, 0, 0, NULL },
	{ "new_password",     "New password",       V_TEXT, 1, 0, 0, NULL },
	{ "confirm_password", "New password again", V_TEXT, 1, 0, 0, NULL },
};

static const char *const notices[] = {
	"password", "Your password has been changed, and your other sessions have ended.",
	"ended", "The session has ended.",
	"others", "Your other sessions have ended.",
	NULL,
};

/* "30 minutes", "12 hours": how the session limits read on the page. */
static const char *
duration_words(struct arena *a, long s)
{
	if (s % 3600 == 0)
		return arena_printf(a, "%ld hour%s", s / 3600, s == 3600 ? "" : "s");
	if (s % 60 == 0)
		return arena_printf(a, "%ld minutes", s / 60);
	return arena_printf(a, "%ld seconds", s);
}

static void
session_rows(struct ctx *c, view_dict *d, const struct session *ss, size_t n)
{
	int others = 0;
	for (size_t i = 0; i < n; i++) {
		view_dict *r = view_add_section(d, "SESSIONS");
		view_set(r, "CREATED_ISO", ss[i].created_at);
		view_set(r, "CREATED", time_long_datetime(c->a, ss[i].created_at));
		view_set(r, "SEEN_ISO", ss[i].seen_at);
		view_set(r, "SEEN", time_long_datetime(c->a, ss[i].seen_at));
		view_set(r, "CLIENT", ss[i].client);
		if (c->me.token_hash && strcmp(ss[i].token_hash, c->me.token_hash) == 0) {
			view_show(r, "CURRENT");
		} else {
			view_set(view_add_section(r, "OTHER"), "HANDLE", ss[i].handle);
			others = 1;
		}
	}
	if (others)
		view_show(d, "OTHERS");
}

/* The page, with the password form's problems when ck has any (never the passwords typed). */
static int
account_page(struct ctx *c, int status, const struct checked *ck)
{
	struct session *ss;
	size_t n;
	if (session_list(c->db, c->a, c->me.id, time_now_iso(c->a), c->cfg->session_idle, &ss, &n) != 0)
		return page_error(c, 500, "listing sessions");
	view_dict *d = page_begin(c, "account.tpl", "Your account");
	const char *notice = page_done_notice(c, notices);
	if (notice)
		view_set(view_add_section(d, "NOTICE"), "TEXT", notice);
	view_set(d, "NAME", c->me.name);
	view_set(d, "DISPLAY_NAME", c->me.display_name);
	view_set(d, "ROLE", role_name(c->me.role));
	view_set(d, "IDLE", duration_words(c->a, c->cfg->session_idle));
	view_set(d, "MAX", duration_words(c->a, c->cfg->session_max));
	if (ck && ck->nerrors) {
		page_form_values(d, d, password_rules, P_FIELDS, ck, NULL);
		view_set_int(view_add_section(d, "HAS_ERRORS"), "COUNT", (long)ck->nerrors);
	}
	session_rows(c, d, ss, n);
	return page_end(c, status);
}

/* 200 with the password form and the list of this person's sessions. */
int
admin_account(struct ctx *c)
{
	return account_page(c, 200, NULL);
}

static void
complain(struct checked *ck, int field, const char *error)
{
	if (error == NULL)
		return;
	ck->error[field] = error;
	ck->nerrors++;
}

static const char *
posted(const struct ctx *c, const char *name)
{
	const char *v = fields_get(&c->form, name);
	return v ? v : "";
}

/* 303 back to the page, the password changed and every other session ended; 422 with each
 * problem named: a current password that does not match, a new one under 10 characters, a
 * repetition that differs; 503/500 when it cannot be saved. */
int
admin_account_password(struct ctx *c)
{
	const char *current = posted(c, "current_password"), *new = posted(c, "new_password");
	struct checked ck;
	struct user u;
	if (user_by_name(c->db, c->a, c->me.name, &u) != 1)
		return page_error(c, 500, "reading one's own account");
	checked_init(c->a, &ck, P_FIELDS);
	complain(&ck, P_CURRENT, *current == '\0' ? "is required"
	    : !password_verify(u.password_hash, current) ? "does not match your current password" : NULL);
	complain(&ck, P_NEW, *new == '\0' ? "is required" : password_problem(new));
	if (ck.error[P_NEW] == NULL && strcmp(new, posted(c, "confirm_password")) != 0)
		complain(&ck, P_AGAIN, "does not match the new password");
	if (ck.nerrors)
		return account_page(c, 422, &ck);
	char hash[crypto_pwhash_STRBYTES];
	if (password_hash(new, hash) != 0)
		return page_error(c, 500, "hashing a new password");
	long ended = -1;
	if (db_begin(c->db) != SQLITE_OK || user_set_password(c->db, u.id, hash) != 0 ||
	    (ended = session_end_others(c->db, u.id, c->me.token_hash)) < 0 ||
	    audit_record(c, "password_changed", arena_printf(c->a, "user:%s", u.name),
	    arena_printf(c->a, "%ld other session(s) ended", ended)) != 0 || db_commit(c->db) != SQLITE_OK)
		return page_error(c, db_failure(c, "changing a password"), NULL);
	return page_redirect(c, 303, "/admin/account?done=password");
}

/* Ends sessions of this person's with end() and logs how many ("<n> <what>"); ending
 * none of one named is not found. */
static int
end_sessions(struct ctx *c, long (*end)(struct db *, long, const char *), const char *which,
    const char *what, const char *done)
{
	long ended = -1;
	if (db_begin(c->db) != SQLITE_OK || (ended = end(c->db, c->me.id, which)) < 0)
		return page_error(c, db_failure(c, "ending sessions"), NULL);
	if (ended == 0 && strcmp(done, "ended") == 0) {
		db_rollback(c->db);
		return page_error(c, 404, "You have no session by that name; it may have ended already.");
	}
	if (audit_record(c, "session_ended", arena_printf(c->a, "user:%s", c->me.name),
	    arena_printf(c->a, "%ld %s", ended, what)) != 0 || db_commit(c->db) != SQLITE_OK)
		return page_error(c, db_failure(c, "ending sessions"), NULL);
	return page_redirect(c, 303, arena_printf(c->a, "/admin/account?done=%s", done));
}

/* 303 back to the page (to the login form, when it was this very session) with the session
 * ended; 404 when this person has no session by that name; 503/500. */
int
admin_account_end_session(struct ctx *c)
{
	const char *handle = c->args[0];
	if (strlen(handle) != SESSION_HANDLE_HEX || strspn(handle, "0123456789abcdef") != SESSION_HANDLE_HEX)
		return page_error(c, 404, NULL);
	return end_sessions(c, session_end_one, handle, "session ended by its owner", "ended");
}

/* 303 back to the page with every session but this one ended; 503/500. */
int
admin_account_end_others(struct ctx *c)
{
	return end_sessions(c, session_end_others, c->me.token_hash, "other session(s) ended by their owner",
	    "others");
}
