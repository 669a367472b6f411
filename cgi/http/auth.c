/* auth: argon2id passwords, server-side sessions keyed by a hashed cookie, and CSRF checks. */
#include <string.h>
#include <time.h>

#include "auth.h"
#include "timefmt.h"
#include "valid.h"

void
auth_set_cookie(struct ctx *c, const char *name, const char *value, long max_age)
{
	char *line = arena_printf(c->a, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s", name, value,
	    c->https ? "; Secure" : "");
	if (max_age >= 0)
		line = arena_printf(c->a, "%s; Max-Age=%ld", line, max_age);
	ctx_header(c, "Set-Cookie", line);
}

static const char SQL_SESSION[] =
    "SELECT u.id, u.name, u.display_name, u.role, s.csrf, s.seen_at, s.expires_at "
    "FROM sessions s JOIN users u ON u.id = s.user_id "
    "WHERE s.token_hash = ?1 AND u.disabled = 0";
static const char SQL_SESSION_TOUCH[] =
    "UPDATE sessions SET seen_at = ?2 WHERE token_hash = ?1";
static const char SQL_SESSION_DELETE[] =
    "DELETE FROM sessions WHERE token_hash = ?1";

void
auth_load_session(struct ctx *c)
{
	const char *token = ctx_cookie(c, SESSION_COOKIE);
	if (token == NULL || strlen(token) != 64)
		return;
	char *hash = token_hash(c->a, token);
	sqlite3_stmt *st = db_stmt(c->db, SQL_SESSION);
	if (st == NULL)
		return;
	db_bind_str(st, 1, hash);
	if (sqlite3_step(st) != SQLITE_ROW)
		return;
	char *now = time_now_iso(c->a);
	char *seen = db_col_str(c->a, st, 5), *expires = db_col_str(c->a, st, 6);
	time_t t_seen = 0, t_now = time(NULL);
	time_parse_iso(seen, &t_seen);
	if (strcmp(expires, now) <= 0 || t_now - t_seen > c->cfg->session_idle) {
		sqlite3_reset(st);
		sqlite3_stmt *del = db_stmt(c->db, SQL_SESSION_DELETE);
		if (del) {
			db_bind_str(del, 1, hash);
			sqlite3_step(del);
		}
		return;
	}
	c->me.id = sqlite3_column_int64(st, 0);
	c->me.name = db_col_str(c->a, st, 1);
	c->me.display_name = db_col_str(c->a, st, 2);
	c->me.role = role_from_name((const char *)sqlite3_column_text(st, 3));
	c->me.csrf = db_col_str(c->a, st, 4);
	c->me.token_hash = hash;
	sqlite3_reset(st);
	/* Record activity at most once a minute: reads should not all become writes. */
	if (t_now - t_seen >= 60) {
		sqlite3_stmt *touch = db_stmt(c->db, SQL_SESSION_TOUCH);
		if (touch) {
			db_bind_str(touch, 1, hash);
			db_bind_str(touch, 2, now);
			sqlite3_step(touch);
		}
	}
}

static const char SQL_SESSION_INSERT[] =
    "INSERT INTO sessions(token_hash, user_id, csrf, created_at, seen_at, expires_at, client) "
    "VALUES (?1, ?2, ?3, ?4, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', ?4, '+' || ?6 || ' seconds'), ?5)";

int
auth_start_session(struct ctx *c, long user_id)
{
	/* Whatever session the browser had is ended, so a planted id is worthless. */
	auth_end_session(c);
	char *token = random_hex(c->a, 32);
	sqlite3_stmt *st = db_stmt(c->db, SQL_SESSION_INSERT);
	if (st == NULL)
		return -1;
	db_bind_str(st, 1, token_hash(c->a, token));
	db_bind_int(st, 2, user_id);
	db_bind_str(st, 3, random_hex(c->a, 32));
	db_bind_str(st, 4, time_now_iso(c->a));
	db_bind_text(st, 5, c->client);
	db_bind_int(st, 6, c->cfg->session_max);
	if (sqlite3_step(st) != SQLITE_DONE)
		return -1;
	auth_set_cookie(c, SESSION_COOKIE, token, -1);
	auth_set_cookie(c, LOGIN_COOKIE, "", 0);
	return 0;
}

void
auth_end_session(struct ctx *c)
{
	const char *token = ctx_cookie(c, SESSION_COOKIE);
	if (token == NULL)
		return;
	sqlite3_stmt *st = db_stmt(c->db, SQL_SESSION_DELETE);
	if (st) {
		db_bind_str(st, 1, token_hash(c->a, token));
		sqlite3_step(st);
	}
	auth_set_cookie(c, SESSION_COOKIE, "", 0);
	memset(&c->me, 0, sizeof c->me);
}

static int
same_token(const char *a, const char *b)
{
	size_t n = a ? strlen(a) : 0;
	return n >= 32 && b && strlen(b) == n && sodium_memcmp(a, b, n) == 0;
}

int
auth_cross_site(const struct ctx *c)
{
	/* Every form of ours posts to its own origin, so a POST a browser says came from another
	 * site is refused whatever token it carries. "same-site" too: SameSite=Lax cookies go along
	 * from a sibling subdomain, so there this header is the only guard. No header (older
	 * browsers, scripts), "same-origin" and "none" leave it to the token. */
	const char *site = ctx_param(c, "HTTP_SEC_FETCH_SITE");
	return site && (strcmp(site, "cross-site") == 0 || strcmp(site, "same-site") == 0);
}

int
auth_csrf_ok(const struct ctx *c)
{
	if (auth_cross_site(c))
		return 0;
	const char *sent = fields_get(&c->form, "csrf");
	if (c->me.id)
		return same_token(c->me.csrf, sent);
	return same_token(ctx_cookie(c, LOGIN_COOKIE), sent);
}
