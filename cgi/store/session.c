/* session: the SQL for listing and ending an account's sessions; auth.c starts and checks them. */
#include "session.h"

static const char SQL_LIST[] =
    "SELECT substr(token_hash, 1, 16), token_hash, created_at, seen_at, coalesce(client, '') "
    "FROM sessions WHERE user_id = ?1 AND expires_at > ?2 "
    "AND seen_at >= strftime('%Y-%m-%dT%H:%M:%SZ', ?2, '-' || ?3 || ' seconds') "
    "ORDER BY created_at DESC";

static void
read_session_list_row(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct session *s = row;
	s->handle = db_col_str(a, st, 0);
	s->token_hash = db_col_str(a, st, 1);
	s->created_at = db_col_str(a, st, 2);
	s->seen_at = db_col_str(a, st, 3);
	s->client = db_col_str(a, st, 4);
}

int
session_list(struct db *db, struct arena *a, long user_id, const char *now, long idle_s,
    struct session **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_LIST);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, user_id);
	db_bind_str(st, 2, now);
	db_bind_int(st, 3, idle_s);
	return db_collect(st, a, read_session_list_row, out, n, sizeof **out);
}

static const char SQL_END_ONE[] =
    "DELETE FROM sessions WHERE user_id = ?1 AND substr(token_hash, 1, 16) = ?2";
static const char SQL_END_OTHERS[] = "DELETE FROM sessions WHERE user_id = ?1 AND token_hash <> ?2";
static const char SQL_END_ALL[] = "DELETE FROM sessions WHERE user_id = ?1";

/* Runs a DELETE bound to the user and, when given, one text; returns the rows it removed. */
static long
end(struct db *db, const char *sql, long user_id, const char *text)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, user_id);
	if (text)
		db_bind_str(st, 2, text);
	if (sqlite3_step(st) != SQLITE_DONE)
		return -1;
	return sqlite3_changes(db->h);
}

long
session_end_one(struct db *db, long user_id, const char *handle)
{
	return end(db, SQL_END_ONE, user_id, handle);
}

long
session_end_others(struct db *db, long user_id, const char *keep_token_hash)
{
	return end(db, SQL_END_OTHERS, user_id, keep_token_hash);
}

long
session_end_all(struct db *db, long user_id)
{
	return end(db, SQL_END_ALL, user_id, NULL);
}
