/* review: queue and waiting counts read the next edition's state where there is one. */
#include "review.h"

static const char SQL_QUEUE[] =
    "SELECT r.id, r.author_id, coalesce(d.submitted_by, r.submitted_by, 0), coalesce(d.title, r.title), "
    "coalesce(d.status, r.status), u.display_name, r.updated_at, "
    "(r.override_reason IS NOT NULL AND r.override_checked_by IS NULL), d.release_id IS NOT NULL "
    "FROM releases r JOIN users u ON u.id = r.author_id LEFT JOIN release_drafts d ON d.release_id = r.id "
    "WHERE coalesce(d.status, r.status) IN ('submitted', 'approved') "
    "OR (r.override_reason IS NOT NULL AND r.override_checked_by IS NULL) "
    "ORDER BY r.updated_at LIMIT 500";
static const char SQL_WAITING_EDITOR[] =
    "SELECT count(*) FROM releases r LEFT JOIN release_drafts d ON d.release_id = r.id "
    "WHERE (coalesce(d.status, r.status) = 'submitted' AND r.author_id != ?1 "
    "AND coalesce(d.submitted_by, r.submitted_by, 0) != ?1) "
    "OR (r.override_reason IS NOT NULL AND r.override_checked_by IS NULL AND r.override_by != ?1)";
static const char SQL_WAITING_AUTHOR[] =
    "SELECT count(*) FROM releases r LEFT JOIN release_drafts d ON d.release_id = r.id "
    "WHERE r.author_id = ?1 AND coalesce(d.status, r.status) = 'changes_requested'";
static const char SQL_FEED_USER[] =
    "SELECT id FROM users WHERE feed_token_hash = ?1 AND disabled = 0 AND role IN ('editor', 'admin')";
static const char SQL_SET_FEED_TOKEN[] = "UPDATE users SET feed_token_hash = ?2 WHERE id = ?1";

static void
read_review_queue_row(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct queue_item *q = row;
	q->id = sqlite3_column_int64(st, 0);
	q->author_id = sqlite3_column_int64(st, 1);
	q->submitted_by = sqlite3_column_int64(st, 2);
	q->title = db_col_str(a, st, 3);
	q->status = db_col_str(a, st, 4);
	q->author = db_col_str(a, st, 5);
	q->updated_at = db_col_str(a, st, 6);
	q->flagged = sqlite3_column_int(st, 7);
	q->edition = sqlite3_column_int(st, 8);
}

int
review_queue(struct db *db, struct arena *a, struct queue_item **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_QUEUE);
	if (st == NULL)
		return -1;
	return db_collect(st, a, read_review_queue_row, out, n, sizeof **out);
}

long
review_waiting(struct db *db, long user_id, int is_editor)
{
	sqlite3_stmt *st;
	int found = db_find(db, is_editor ? SQL_WAITING_EDITOR : SQL_WAITING_AUTHOR, NULL, user_id, &st);
	long n = found == 1 ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	return n;
}

long
review_feed_user(struct db *db, const char *token_hash)
{
	sqlite3_stmt *st;
	int found = db_find(db, SQL_FEED_USER, token_hash, 0, &st);
	long id = found == 1 ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return id;
}

int
review_set_feed_token(struct db *db, long user_id, const char *token_hash)
{
	sqlite3_stmt *st = db_stmt(db, SQL_SET_FEED_TOKEN);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, user_id);
	db_bind_str(st, 2, token_hash);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}
