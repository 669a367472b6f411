/* revision: the SQL that reads release_revisions (release.c writes them, as part of each save). */
#include "revision.h"

/* The listing's columns come first, so one reader serves both queries. */
#define LIST_COLUMNS \
	"v.version, v.title, v.status, u.display_name, v.saved_at, v.change_note"
#define FROM_REVISIONS \
	" FROM release_revisions v JOIN users u ON u.id = v.saved_by "

static const char SQL_LIST[] =
    "SELECT " LIST_COLUMNS FROM_REVISIONS "WHERE v.release_id = ?1 ORDER BY v.version DESC LIMIT ?2";
static const char SQL_GET[] =
    "SELECT " LIST_COLUMNS ", v.summary, v.body, coalesce(v.event_id, -1), e.title" FROM_REVISIONS
    "LEFT JOIN events e ON e.id = v.event_id WHERE v.release_id = ?1 AND v.version = ?2";

static void
read_listed(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct revision *v = row;
	v->version = sqlite3_column_int64(st, 0);
	v->title = db_col_str(a, st, 1);
	v->status = db_col_str(a, st, 2);
	v->saved_by_name = db_col_str(a, st, 3);
	v->saved_at = db_col_str(a, st, 4);
	v->change_note = db_col(a, st, 5);
	v->summary = v->body = v->event_title = NULL;
	v->event_id = -1;
}

int
revision_list(struct db *db, struct arena *a, long release_id, struct revision **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_LIST);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, release_id);
	db_bind_int(st, 2, REVISIONS_LISTED);
	return db_collect(st, a, read_listed, out, n, sizeof **out);
}

int
revision_get(struct db *db, struct arena *a, long release_id, long version, struct revision *v)
{
	sqlite3_stmt *st = db_stmt(db, SQL_GET);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, release_id);
	db_bind_int(st, 2, version);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_listed(a, st, v);
		v->summary = db_col_str(a, st, 6);
		v->body = db_col_str(a, st, 7);
		v->event_id = sqlite3_column_int64(st, 8);
		v->event_title = db_col(a, st, 9);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : (rc == SQLITE_DONE ? 0 : -1);
}
