/* parked: so that a session expiring mid-edit never costs the text that was being typed. */
#include <string.h>

#include "auth.h"
#include "parked.h"
#include "req.h"
#include "timefmt.h"

static const char SQL_KEEP[] =
    "INSERT OR REPLACE INTO parked_forms(token_hash, path, body, created_at) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_TAKE[] =
    "SELECT body FROM parked_forms WHERE token_hash = ?1 AND path = ?2 "
    "AND created_at > strftime('%Y-%m-%dT%H:%M:%SZ','now','-1 day')";
static const char SQL_FORGET[] =
    "DELETE FROM parked_forms WHERE token_hash = ?1 OR created_at <= strftime('%Y-%m-%dT%H:%M:%SZ','now','-1 day')";

int
parked_keep(struct ctx *c)
{
	struct buf body = { 0 };
	for (size_t i = 0; i < c->form.n; i++) {
		if (strcmp(c->form.v[i].name, "csrf") == 0)
			continue;   /* a stale token is worthless; the page gets a fresh one */
		buf_addf(&body, "%s%s=%s", body.len ? "&" : "", url_encode(c->a, c->form.v[i].name),
		    url_encode(c->a, c->form.v[i].value));
	}
	char *token = random_hex(c->a, 32);
	sqlite3_stmt *st = db_stmt(c->db, SQL_KEEP);
	int rc = -1;
	if (st) {
		db_bind_str(st, 1, token_hash(c->a, token));
		db_bind_str(st, 2, c->path);
		db_bind_str(st, 3, buf_str(&body));
		db_bind_str(st, 4, time_now_iso(c->a));
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	}
	buf_free(&body);
	if (rc == 0)
		auth_set_cookie(c, PARKED_COOKIE, token, 86400);
	return rc;
}

int
parked_take(struct ctx *c, const char *path)
{
	const char *token = ctx_cookie(c, PARKED_COOKIE);
	if (token == NULL || strlen(token) != 64)
		return 0;
	char *hash = token_hash(c->a, token);
	sqlite3_stmt *st = db_stmt(c->db, SQL_TAKE);
	if (st == NULL)
		return -1;
	db_bind_str(st, 1, hash);
	db_bind_str(st, 2, path);
	if (sqlite3_step(st) != SQLITE_ROW)
		return 0;
	char *body = db_col_str(c->a, st, 0);
	sqlite3_reset(st);
	struct limits lim = form_limits(c->cfg);
	struct fields form = { 0 };
	if (parse_urlencoded(c->a, body, strlen(body), &lim, &form) != 0)
		return 0;
	c->form = form;
	if ((st = db_stmt(c->db, SQL_FORGET)) != NULL) {
		db_bind_str(st, 1, hash);
		sqlite3_step(st);
	}
	auth_set_cookie(c, PARKED_COOKIE, "", 0);
	return 1;
}
