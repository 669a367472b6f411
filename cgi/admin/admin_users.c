/* admin_users: /admin/users: every account; creating one, its role, disabling it, a new password. */
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "screens.h"
#include "page.h"
#include "timefmt.h"
#include "user.h"
#include "valid.h"

static const char *const roles[] = { "author", "editor", "admin", NULL };

enum { A_NAME, A_DISPLAY, A_ROLE, A_FIELDS };
static const struct rule account_rules[A_FIELDS] = {
	{ "name",         "User name",    V_TEXT,   1, 2, 64,  NULL },
	{ "display_name", "Display name", V_TEXT,   1, 1, 100, NULL },
	{ "role",         "Role",         V_CHOICE, 1, 0, 0,   roles },
};

static const char *const notices[] = {
	"role", "The role has been changed; it applies from the account's next request.",
	"disabled", "The account is disabled, and every session it had has ended.",
	"enabled", "The account is enabled again; its owner can log in.",
	NULL,
};

static void
role_options(view_dict *d, const char *section, const char *selected)
{
	for (size_t i = 0; roles[i]; i++) {
		view_dict *o = view_add_section(d, section);
		view_set(o, "VALUE", roles[i]);
		if (strcmp(roles[i], selected) == 0)
			view_show(o, "SELECTED");
	}
}

/* One row of the table: the forms to change an account are offered for others only. */
static void
user_row(struct ctx *c, view_dict *d, const struct user *u)
{
	view_dict *r = view_add_section(d, "USERS");
	view_set(r, "NAME", u->name);
	view_set(r, "DISPLAY_NAME", u->display_name);
	view_set(r, "ROLE", u->role);
	view_show(r, u->disabled ? "DISABLED" : "ACTIVE");
	if (u->last_login_at) {
		view_dict *l = view_add_section(r, "LOGIN");
		view_set(l, "ISO", u->last_login_at);
		view_set(l, "WHEN", time_long_datetime(c->a, u->last_login_at));
	} else {
		view_show(r, "NEVER");
	}
	if (u->id == c->me.id) {
		view_show(r, "SELF");
		return;
	}
	view_dict *o = view_add_section(r, "OTHER");
	role_options(o, "ROLES", u->role);
	view_set(o, "SWITCH", u->disabled ? "enable" : "disable");
	view_set(o, "SWITCH_LABEL", u->disabled ? "Enable" : "Disable");
}

/* The list and the new-account form (ck: as posted, or NULL for a blank one), with a problem
 * above them when there is one. */
static int
users_page(struct ctx *c, int status, const struct checked *ck, const char *problem)
{
	struct user *us;
	size_t n;
	if (user_list(c->db, c->a, &us, &n) != 0)
		return page_error(c, 500, "listing accounts");
	view_dict *d = page_begin(c, "users.tpl", "Accounts");
	const char *notice = page_done_notice(c, notices);
	if (notice)
		view_set(view_add_section(d, "NOTICE"), "TEXT", notice);
	if (problem)
		view_set(view_add_section(d, "PROBLEM"), "TEXT", problem);
	for (size_t i = 0; i < n; i++)
		user_row(c, d, &us[i]);
	struct checked blank;
	if (ck == NULL) {
		checked_init(c->a, &blank, A_FIELDS);
		ck = &blank;
	}
	page_form_values(d, d, account_rules, A_FIELDS, ck, NULL);
	if (ck->nerrors)
		view_set_int(view_add_section(d, "HAS_ERRORS"), "COUNT", (long)ck->nerrors);
	role_options(d, "NEW_ROLES", *ck->value[A_ROLE] ? ck->value[A_ROLE] : "author");
	return page_end(c, status);
}

/* The one page that shows a password: right after it was made, never again. */
static int
password_page(struct ctx *c, int status, const char *heading, const struct user *u,
    const char *password, int sessions_ended)
{
	view_dict *d = page_begin(c, "user_password.tpl", heading);
	view_set(d, "HEADING", heading);
	view_set(d, "NAME", u->name);
	view_set(d, "DISPLAY_NAME", u->display_name);
	view_set(d, "ROLE", u->role);
	view_set(d, "PASSWORD", password);
	if (sessions_ended)
		view_show(d, "ENDED");
	return page_end(c, status);
}

/* Ends a change begun with db_begin (ok says whether it went well so far): the audit entry
 * about account u, then COMMIT. 0, or the status of the failure. */
static int
finish(struct ctx *c, int ok, const char *action, const struct user *u, const char *detail)
{
	if (!ok || audit_record(c, action, arena_printf(c->a, "user:%s", u->name), detail) != 0 ||
	    db_commit(c->db) != SQLITE_OK)
		return db_failure(c, action);
	return 0;
}

/* 200 with the accounts and the form for a new one. */
int
admin_users(struct ctx *c)
{
	return users_page(c, 200, NULL, NULL);
}

/* 201 with the new account's generated password, shown this once; 422 with the form and
 * every problem named, a name already taken among them; 503/500 when it cannot be saved. */
int
admin_user_create(struct ctx *c)
{
	struct checked ck;
	checked_init(c->a, &ck, A_FIELDS);
	check_fields(c->a, account_rules, A_FIELDS, &c->form, 0, &ck);
	if (!ck.error[A_NAME] && !user_valid_name(ck.value[A_NAME])) {
		ck.error[A_NAME] = "may hold only a-z, 0-9, '.', '_' and '-', and starts with a letter or digit";
		ck.nerrors++;
	}
	if (ck.nerrors)
		return users_page(c, 422, &ck, NULL);
	struct user u = { .name = (char *)ck.value[A_NAME], .display_name = (char *)ck.value[A_DISPLAY],
		.role = (char *)ck.value[A_ROLE] };
	const char *password = password_generate(c->a);
	char hash[crypto_pwhash_STRBYTES];
	if (password_hash(password, hash) != 0)
		return page_error(c, 500, "hashing a new password");
	int ok = db_begin(c->db) == SQLITE_OK;
	long id = ok ? user_create(c->db, u.name, u.display_name, u.role, hash) : -1;
	if (id == 0) {
		db_rollback(c->db);
		ck.error[A_NAME] = "is taken already";
		ck.nerrors++;
		return users_page(c, 422, &ck, NULL);
	}
	int rc = finish(c, id > 0, "account_created", &u, arena_printf(c->a, "role %s", u.role));
	if (rc)
		return page_error(c, rc, NULL);
	return password_page(c, 201, "Account created", &u, password, 0);
}

/* The account the URL names into u: 0, 404 when there is none, 500. */
static int
load_target(struct ctx *c, struct user *u)
{
	int found = user_by_name(c->db, c->a, c->args[0], u);
	return found < 0 ? 500 : found == 0 ? 404 : 0;
}

/* 303 to the list, the role changed (it counts from the account's next request); 409 for
 * one's own role, so an admin never demotes themselves; 422 for a role that is none of the
 * three; 404 for no such account; 503/500 when it cannot be saved. */
int
admin_user_role(struct ctx *c)
{
	struct user u;
	int rc = load_target(c, &u);
	if (rc)
		return page_error(c, rc, NULL);
	const char *role = fields_get(&c->form, "role");
	if (role == NULL || role_from_name(role) == ROLE_PUBLIC)
		return users_page(c, 422, NULL, "The role must be author, editor or admin.");
	if (u.id == c->me.id)
		return users_page(c, 409, NULL, "You cannot change your own role; ask another admin.");
	if (strcmp(role, u.role) != 0) {
		int ok = db_begin(c->db) == SQLITE_OK && user_set_role(c->db, u.id, role) == 0;
		if ((rc = finish(c, ok, "role_change", &u, arena_printf(c->a, "%s to %s", u.role, role))))
			return page_error(c, rc, NULL);
	}
	return page_redirect(c, 303, "/admin/users?done=role");
}

/* Disables (ending every session of the account at once) or enables the account the URL names. */
static int
switch_account(struct ctx *c, int disable)
{
	struct user u;
	int rc = load_target(c, &u);
	if (rc)
		return page_error(c, rc, NULL);
	if (disable && u.id == c->me.id)
		return users_page(c, 409, NULL, "You cannot disable your own account; ask another admin.");
	long ended = db_begin(c->db) == SQLITE_OK ? user_disable(c->db, u.id, disable) : -1;
	rc = finish(c, ended >= 0, disable ? "account_disabled" : "account_enabled", &u,
	    disable ? arena_printf(c->a, "%ld session(s) ended", ended) : NULL);
	if (rc)
		return page_error(c, rc, NULL);
	return page_redirect(c, 303, disable ? "/admin/users?done=disabled" : "/admin/users?done=enabled");
}

/* 303 to the list, the account disabled and its sessions ended, so its cookies stop working on
 * their next request; 409 for one's own account; 404 for no such account; 503/500. */
int
admin_user_disable(struct ctx *c)
{
	return switch_account(c, 1);
}

/* 303 to the list, the account enabled; 404 for no such account; 503/500. */
int
admin_user_enable(struct ctx *c)
{
	return switch_account(c, 0);
}

/* 200 with a new generated password, shown this once, and every session of the account
 * ended; 409 for one's own (that is changed under Your account, with the current one);
 * 404 for no such account; 503/500 when it cannot be saved. */
int
admin_user_password(struct ctx *c)
{
	struct user u;
	int rc = load_target(c, &u);
	if (rc)
		return page_error(c, rc, NULL);
	if (u.id == c->me.id)
		return users_page(c, 409, NULL, "Change your own password under Your account, with your current one.");
	const char *password = password_generate(c->a);
	char hash[crypto_pwhash_STRBYTES];
	if (password_hash(password, hash) != 0)
		return page_error(c, 500, "hashing a new password");
	long ended = db_begin(c->db) == SQLITE_OK ? user_reset_password(c->db, u.id, hash) : -1;
	if ((rc = finish(c, ended >= 0, "password_reset", &u, arena_printf(c->a, "%ld session(s) ended", ended))))
		return page_error(c, rc, NULL);
	return password_page(c, 200, "Password reset", &u, password, 1);
}
