/* preview: the SQL for preview links; a token is looked up by its hash, so a stolen database opens nothing. */
#include <string.h>

#include <sodium.h>

#include "secret.h"
#include "preview.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"
#define LINK_COLUMNS \
	"p.id, p.release_id, p.uses, u.display_name, p.created_at, p.expires_at, p.revoked_at, " \
	"p.last_used_at, p.expires_at <= " NOW " FROM preview_links p JOIN users u ON u.id = p.created_by "

static const char SQL_INSERT[] =
    "INSERT INTO preview_links(token_hash, release_id, created_by, created_at, expires_at) "
    "VALUES (?1, ?2, ?3, " NOW ", strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?4))";
static const char SQL_LIST[] = "SELECT " LINK_COLUMNS "WHERE p.release_id = ?1 ORDER BY p.id DESC LIMIT 100";
static const char SQL_FIND[] = "SELECT " LINK_COLUMNS "WHERE p.token_hash = ?1";
static const char SQL_USED[] =
    "UPDATE preview_links SET uses = uses + 1, last_used_at = " NOW " WHERE id = ?1";
static const char SQL_REVOKE[] =
    "UPDATE preview_links SET revoked_at = " NOW " WHERE id = ?2 AND release_id = ?1 AND revoked_at IS NULL";

static void
read_link(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct preview_link *l = row;
	l->id = sqlite3_column_int64(st, 0);
	l->release_id = sqlite3_column_int64(st, 1);
	l->uses = sqlite3_column_int64(st, 2);
	l->created_by_name = db_col_str(a, st, 3);
	l->created_at = db_col_str(a, st, 4);
	l->expires_at = db_col_str(a, st, 5);
	l->revoked_at = db_col(a, st, 6);
	l->last_used_at = db_col(a, st, 7);
	l->expired = sqlite3_column_int(st, 8);
}

char *
preview_link_create(struct db *db, struct arena *a, long release_id, long user_id, int days, long *id)
{
	sqlite3_stmt *st = db_stmt(db, SQL_INSERT);
	if (st == NULL)
		return NULL;
	char *token = random_hex(a, PREVIEW_TOKEN_BYTES);
	db_bind_str(st, 1, token_hash(a, token));
	db_bind_int(st, 2, release_id);
	db_bind_int(st, 3, user_id);
	db_bind_str(st, 4, arena_printf(a, "+%d days", days));
	if (sqlite3_step(st) != SQLITE_DONE)
		return NULL;
	*id = sqlite3_last_insert_rowid(db->h);
	return token;
}

int
preview_link_list(struct db *db, struct arena *a, long release_id, struct preview_link **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_LIST);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, release_id);
	return db_collect(st, a, read_link, out, n, sizeof **out);
}

int
preview_link_find(struct db *db, struct arena *a, const char *token, struct preview_link *l)
{
	sqlite3_stmt *st;
	int found = db_find(db, SQL_FIND, token_hash(a, token), 0, &st);
	if (found == 1) {
		read_link(a, st, l);
		sqlite3_reset(st);
	}
	return found;
}

int
preview_link_used(struct db *db, long id)
{
	sqlite3_stmt *st = db_stmt(db, SQL_USED);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}

int
preview_link_revoke(struct db *db, long release_id, long id)
{
	sqlite3_stmt *st = db_stmt(db, SQL_REVOKE);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, release_id);
	db_bind_int(st, 2, id);
	if (sqlite3_step(st) != SQLITE_DONE)
		return -1;
	return sqlite3_changes(db->h) > 0;
}
