/* comment: the SQL for staff comments on releases. */
#include "comment.h"

static const char SQL_LIST[] =
    "SELECT u.display_name, c.at, c.body FROM release_comments c JOIN users u ON u.id = c.user_id "
    "WHERE c.release_id = ?1 ORDER BY c.id";
static const char SQL_ADD[] =
    "INSERT INTO release_comments(release_id, user_id, at, body) "
    "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?3)";

static void
read_comment_list_row(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct comment *c = row;
	c->author = db_col_str(a, st, 0);
	c->at = db_col_str(a, st, 1);
	c->body = db_col_str(a, st, 2);
}

int
comment_list(struct db *db, struct arena *a, long release_id, struct comment **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_LIST);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, release_id);
	return db_collect(st, a, read_comment_list_row, out, n, sizeof **out);
}

int
comment_add(struct db *db, long release_id, long user_id, const char *body)
{
	sqlite3_stmt *st = db_stmt(db, SQL_ADD);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, release_id);
	db_bind_int(st, 2, user_id);
	db_bind_str(st, 3, body);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}
