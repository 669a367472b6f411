/* release: the SQL for releases and their revisions. */
#include <stdlib.h>
#include <string.h>

#include "markdown.h"
#include "release.h"
#include "timefmt.h"
#include "valid.h"

#define RELEASE_COLUMNS \
	"r.id, r.slug, r.title, r.summary, r.body, r.body_html, r.status, coalesce(r.event_id, -1), " \
	"r.author_id, u.display_name, r.created_at, r.updated_at, r.published_at, r.version, " \
	"e.title, e.slug FROM releases r JOIN users u ON u.id = r.author_id " \
	"LEFT JOIN events e ON e.id = r.event_id "

/* Published means published and due: a release dated in the future is not yet public. */
#define PUBLIC "r.status = 'published' AND r.published_at <= strftime('%Y-%m-%dT%H:%M:%SZ','now') "

static const char SQL_LIST_PUBLISHED[] =
    "SELECT " RELEASE_COLUMNS "WHERE " PUBLIC "ORDER BY r.published_at DESC, r.id DESC LIMIT ?2 OFFSET ?1";
static const char SQL_COUNT_PUBLISHED[] = "SELECT count(*) FROM releases r WHERE " PUBLIC;
static const char SQL_LIST_FOR_EVENT[] =
    "SELECT " RELEASE_COLUMNS "WHERE " PUBLIC "AND r.event_id = ?1 ORDER BY r.published_at DESC";
static const char SQL_LIST_FOR[] =
    "SELECT " RELEASE_COLUMNS "WHERE ?1 = 0 OR r.author_id = ?1 ORDER BY r.updated_at DESC LIMIT 500";
static const char SQL_BY_SLUG[] = "SELECT " RELEASE_COLUMNS "WHERE " PUBLIC "AND r.slug = ?1";
static const char SQL_BY_ID[] = "SELECT " RELEASE_COLUMNS "WHERE r.id = ?1";
static const char SQL_SLUG_TAKEN[] = "SELECT 1 FROM releases WHERE slug = ?1";
static const char SQL_INSERT[] =
    "INSERT INTO releases(slug, title, summary, body, body_html, status, event_id, author_id, "
    "created_at, updated_at, published_at, version) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, CASE WHEN ?6 = 'published' THEN ?9 END, 1)";
static const char SQL_UPDATE[] =
    "UPDATE releases SET title = ?2, summary = ?3, body = ?4, body_html = ?5, status = ?6, "
    "event_id = ?7, updated_at = ?8, version = version + 1, "
    "published_at = CASE WHEN ?6 = 'published' THEN coalesce(published_at, ?8) ELSE published_at END "
    "WHERE id = ?1 AND version = ?9";
static const char SQL_REVISION[] =
    "INSERT INTO release_revisions(release_id, version, title, summary, body, event_id, status, "
    "saved_by, saved_at) SELECT id, version, title, summary, body, event_id, status, ?2, updated_at "
    "FROM releases WHERE id = ?1";

static void
read_release(struct arena *a, sqlite3_stmt *st, struct release *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->slug = db_col_str(a, st, 1);
	r->title = db_col_str(a, st, 2);
	r->summary = db_col_str(a, st, 3);
	r->body = db_col_str(a, st, 4);
	r->body_html = db_col_str(a, st, 5);
	r->status = db_col_str(a, st, 6);
	r->event_id = sqlite3_column_int64(st, 7);
	r->author_id = sqlite3_column_int64(st, 8);
	r->author_name = db_col_str(a, st, 9);
	r->created_at = db_col_str(a, st, 10);
	r->updated_at = db_col_str(a, st, 11);
	r->published_at = db_col(a, st, 12);
	r->version = sqlite3_column_int64(st, 13);
	r->event_title = db_col(a, st, 14);
	r->event_slug = db_col(a, st, 15);
}

static int
read_all(struct arena *a, sqlite3_stmt *st, struct release **out, size_t *n)
{
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read_release(a, st, arena_push(a, out, n, &cap, sizeof **out));
	return rc == SQLITE_DONE ? 0 : -1;
}

int
release_list_published(struct db *db, struct arena *a, long offset, int limit,
    struct release **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_LIST_PUBLISHED);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, offset);
	db_bind_int(st, 2, limit);
	return read_all(a, st, out, n);
}

long
release_count_published(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, SQL_COUNT_PUBLISHED);
	if (st == NULL || sqlite3_step(st) != SQLITE_ROW)
		return -1;
	long n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

int
release_list_published_for_event(struct db *db, struct arena *a, long event_id,
    struct release **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_LIST_FOR_EVENT);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, event_id);
	return read_all(a, st, out, n);
}

int
release_list_for(struct db *db, struct arena *a, long author_id, struct release **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_LIST_FOR);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, author_id);
	return read_all(a, st, out, n);
}

static int
release_one(struct db *db, struct arena *a, const char *sql, const char *slug, long id, struct release *r)
{
	sqlite3_stmt *st;
	int found = db_find(db, sql, slug, id, &st);
	if (found == 1) {
		read_release(a, st, r);
		sqlite3_reset(st);
	}
	return found;
}

int
release_published_by_slug(struct db *db, struct arena *a, const char *slug, struct release *r)
{
	return release_one(db, a, SQL_BY_SLUG, slug, 0, r);
}

int
release_by_id(struct db *db, struct arena *a, long id, struct release *r)
{
	return release_one(db, a, SQL_BY_ID, NULL, id, r);
}

static int
write_revision(struct db *db, long release_id, long user_id)
{
	sqlite3_stmt *st = db_stmt(db, SQL_REVISION);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, release_id);
	db_bind_int(st, 2, user_id);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}

int
release_save(struct db *db, struct arena *a, struct release *r, long user_id, int publish)
{
	char *html = markdown_to_html(r->body, strlen(r->body));
	if (html == NULL)
		return -1;
	r->body_html = arena_strdup(a, html);
	free(html);
	const char *status = publish ? "published" : (r->id && strcmp(r->status, "published") == 0
	    ? "published" : "draft");
	char *now = time_now_iso(a);
	sqlite3_stmt *st;
	if (r->id == 0) {
		r->slug = db_unique_slug(db, a, SQL_SLUG_TAKEN, slugify(a, r->title, 80));
		if (r->slug == NULL || (st = db_stmt(db, SQL_INSERT)) == NULL)
			return -1;
		db_bind_str(st, 1, r->slug);
		db_bind_int(st, 8, r->author_id);
		db_bind_str(st, 9, now);
	} else {
		if ((st = db_stmt(db, SQL_UPDATE)) == NULL)
			return -1;
		db_bind_int(st, 1, r->id);
		db_bind_str(st, 8, now);
		db_bind_int(st, 9, r->version);
	}
	db_bind_str(st, 2, r->title);
	db_bind_str(st, 3, r->summary);
	db_bind_str(st, 4, r->body);
	db_bind_str(st, 5, r->body_html);
	db_bind_str(st, 6, status);
	db_bind_int_or_null(st, 7, r->event_id);
	if (sqlite3_step(st) != SQLITE_DONE)
		return -1;
	if (r->id == 0)
		r->id = sqlite3_last_insert_rowid(db->h);
	else if (sqlite3_changes(db->h) == 0)
		return 409;
	return write_revision(db, r->id, user_id);
}

char *
release_url(struct arena *a, const struct release *r)
{
	int y = 0, m = 0;
	if (r->published_at == NULL || time_year_month(r->published_at, &y, &m) != 0)
		return arena_strdup(a, "/");
	return arena_printf(a, "/news/%04d/%02d/%s", y, m, r->slug);
}
