/* release: the SQL for releases and their revisions. */
#include <stdlib.h>
#include <string.h>

#include "markdown.h"
#include "release.h"
#include "timefmt.h"
#include "valid.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

#define RELEASE_COLUMNS \
	"r.id, r.slug, r.title, r.summary, r.body, r.body_html, r.status, coalesce(r.event_id, -1), " \
	"r.author_id, u.display_name, r.created_at, r.updated_at, r.published_at, r.version, " \
	"e.title, e.slug, r.withdraw_at, r.withdrawal_note, r.withdrawn_at, r.review_note, " \
	"r.override_reason, coalesce(r.submitted_by, 0), coalesce(r.reviewed_by, 0), " \
	"coalesce(r.override_by, 0), coalesce(r.override_checked_by, 0), coalesce(r.replaced_by, 0), " \
	"r.edition, (r.status = 'withdrawn' OR (r.withdraw_at IS NOT NULL AND r.withdraw_at <= " NOW ")), " \
	"(r.status IN ('published','scheduled','withdrawn') AND r.published_at <= " NOW "), " \
	"coalesce((SELECT saved_by FROM release_revisions WHERE release_id = r.id ORDER BY version DESC LIMIT 1), 0) " \
	"FROM releases r JOIN users u ON u.id = r.author_id LEFT JOIN events e ON e.id = r.event_id "

/* Listed: published and due, not withdrawn. Schedules need no job: the clock is in the query. */
#define LISTED "r.status IN ('published','scheduled') AND r.published_at <= " NOW " " \
	"AND (r.withdraw_at IS NULL OR r.withdraw_at > " NOW ") "
/* Reachable at its URL: listed, or withdrawn (the page stays, with a notice). */
#define VIEWABLE "r.status IN ('published','scheduled','withdrawn') AND r.published_at <= " NOW " "

static const char SQL_LIST_PUBLISHED[] =
    "SELECT " RELEASE_COLUMNS "WHERE " LISTED "ORDER BY r.published_at DESC, r.id DESC LIMIT ?2 OFFSET ?1";
static const char SQL_COUNT_PUBLISHED[] = "SELECT count(*) FROM releases r WHERE " LISTED;
static const char SQL_LIST_FOR_EVENT[] =
    "SELECT " RELEASE_COLUMNS "WHERE " LISTED "AND r.event_id = ?1 ORDER BY r.published_at DESC";
static const char SQL_LIST_FOR[] =
    "SELECT " RELEASE_COLUMNS "WHERE ?1 = 0 OR r.author_id = ?1 ORDER BY r.updated_at DESC LIMIT 500";
static const char SQL_BY_SLUG[] = "SELECT " RELEASE_COLUMNS "WHERE " VIEWABLE "AND r.slug = ?1";
static const char SQL_UNPUBLISHED_BY_SLUG[] =
    "SELECT " RELEASE_COLUMNS "WHERE r.status = 'unpublished' AND r.slug = ?1";
static const char SQL_BY_ID[] = "SELECT " RELEASE_COLUMNS "WHERE r.id = ?1";
static const char SQL_SLUG_TAKEN[] = "SELECT 1 FROM releases WHERE slug = ?1";
static const char SQL_INSERT[] =
    "INSERT INTO releases(slug, title, summary, body, body_html, status, event_id, author_id, "
    "created_at, updated_at, version, form_key) VALUES (?1, ?2, ?3, ?4, ?5, 'draft', ?6, ?7, ?8, ?8, 1, ?9)";
static const char SQL_BY_FORM_KEY[] = "SELECT id FROM releases WHERE form_key = ?1";
/* A draft saved goes back to draft: whatever was reviewed before is not what is there now. */
static const char SQL_UPDATE[] =
    "UPDATE releases SET title = ?2, summary = ?3, body = ?4, body_html = ?5, event_id = ?6, "
    "updated_at = ?7, version = version + 1, status = 'draft', review_note = NULL "
    "WHERE id = ?1 AND version = ?8";
/* Saving the next edition of a live release leaves the live one alone but for its version,
 * which is what two people editing at once are told apart by. */
static const char SQL_TOUCH[] =
    "UPDATE releases SET version = version + 1, updated_at = ?2 WHERE id = ?1 AND version = ?3";
static const char SQL_EDITION_SAVE[] =
    "INSERT INTO release_drafts(release_id, title, summary, body, event_id, status, change_note, major, "
    "created_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 'draft', ?6, ?7, ?8, ?9) "
    "ON CONFLICT(release_id) DO UPDATE SET title = excluded.title, summary = excluded.summary, "
    "body = excluded.body, event_id = excluded.event_id, status = 'draft', review_note = NULL, "
    "change_note = excluded.change_note, major = excluded.major, updated_at = excluded.updated_at";
static const char SQL_EDITION[] =
    "SELECT d.title, d.summary, d.body, coalesce(d.event_id, -1), d.status, d.change_note, d.major, "
    "coalesce(d.submitted_by, 0), coalesce(d.reviewed_by, 0), d.review_note, e.title, e.slug "
    "FROM release_drafts d LEFT JOIN events e ON e.id = d.event_id WHERE d.release_id = ?1";
static const char SQL_REVISION[] =
    "INSERT INTO release_revisions(release_id, version, title, summary, body, event_id, status, "
    "saved_by, saved_at, change_note) SELECT id, version, ?2, ?3, ?4, ?5, ?6, ?7, " NOW ", ?8 "
    "FROM releases WHERE id = ?1";

static const char SQL_MAJOR_CHANGES[] =
    "SELECT at, note FROM release_changes WHERE release_id = ?1 AND major = 1 ORDER BY id";

static void
read_release(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct release *r = row;
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
	r->withdraw_at = db_col(a, st, 16);
	r->withdrawal_note = db_col(a, st, 17);
	r->withdrawn_at = db_col(a, st, 18);
	r->review_note = db_col(a, st, 19);
	r->override_reason = db_col(a, st, 20);
	r->submitted_by = sqlite3_column_int64(st, 21);
	r->reviewed_by = sqlite3_column_int64(st, 22);
	r->override_by = sqlite3_column_int64(st, 23);
	r->override_checked_by = sqlite3_column_int64(st, 24);
	r->replaced_by = sqlite3_column_int64(st, 25);
	r->edition = sqlite3_column_int64(st, 26);
	r->withdrawn = sqlite3_column_int(st, 27);
	r->public_now = sqlite3_column_int(st, 28);
	r->last_saved_by = sqlite3_column_int64(st, 29);
	/* The state as readers meet it now: a schedule that has come due is published, and a
	 * withdrawal time that has passed has withdrawn it, with no job having run. */
	if (r->withdrawn && strcmp(r->status, "unpublished") != 0)
		r->status = "withdrawn";
	else if (strcmp(r->status, "scheduled") == 0 && r->public_now)
		r->status = "published";
	r->has_edition = 0;
	r->wc_status = r->status;
	r->change_note = NULL;
	r->major = 0;
}

static int
read_all(struct arena *a, sqlite3_stmt *st, struct release **out, size_t *n)
{
	return db_collect(st, a, read_release, out, n, sizeof **out);
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

int
release_write_revision(struct db *db, const struct release *r, long user_id, const char *note)
{
	sqlite3_stmt *st = db_stmt(db, SQL_REVISION);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, r->id);
	db_bind_str(st, 2, r->title);
	db_bind_str(st, 3, r->summary);
	db_bind_str(st, 4, r->body);
	db_bind_int_or_null(st, 5, r->event_id);
	db_bind_str(st, 6, r->wc_status);
	db_bind_int(st, 7, user_id);
	db_bind_text(st, 8, note);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}

int
release_load_edition(struct db *db, struct arena *a, struct release *r)
{
	sqlite3_stmt *st;
	int found = db_find(db, SQL_EDITION, NULL, r->id, &st);
	if (found != 1)
		return found;
	r->has_edition = 1;
	r->title = db_col_str(a, st, 0);
	r->summary = db_col_str(a, st, 1);
	r->body = db_col_str(a, st, 2);
	r->event_id = sqlite3_column_int64(st, 3);
	r->wc_status = db_col_str(a, st, 4);
	r->change_note = db_col(a, st, 5);
	r->major = sqlite3_column_int(st, 6);
	r->submitted_by = sqlite3_column_int64(st, 7);
	r->reviewed_by = sqlite3_column_int64(st, 8);
	r->review_note = db_col(a, st, 9);
	r->event_title = db_col(a, st, 10);
	r->event_slug = db_col(a, st, 11);
	sqlite3_reset(st);
	return 1;
}

static int
is_live(const struct release *r)
{
	return strcmp(r->status, "published") == 0 || strcmp(r->status, "scheduled") == 0;
}

/* The next edition of a live release: the live row only changes version. */
static int
save_edition(struct db *db, struct release *r, long user_id, const char *now)
{
	sqlite3_stmt *st = db_stmt(db, SQL_TOUCH);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, r->id);
	db_bind_str(st, 2, now);
	db_bind_int(st, 3, r->version);
	if (sqlite3_step(st) != SQLITE_DONE)
		return -1;
	if (sqlite3_changes(db->h) == 0)
		return 409;
	if ((st = db_stmt(db, SQL_EDITION_SAVE)) == NULL)
		return -1;
	db_bind_int(st, 1, r->id);
	db_bind_str(st, 2, r->title);
	db_bind_str(st, 3, r->summary);
	db_bind_str(st, 4, r->body);
	db_bind_int_or_null(st, 5, r->event_id);
	db_bind_text(st, 6, r->change_note);
	db_bind_int(st, 7, r->major);
	db_bind_int(st, 8, user_id);
	db_bind_str(st, 9, now);
	if (sqlite3_step(st) != SQLITE_DONE)
		return -1;
	r->has_edition = 1;
	return 0;
}

int
release_save(struct db *db, struct arena *a, struct release *r, long user_id)
{
	char *html = markdown_to_html(r->body, strlen(r->body));
	if (html == NULL)
		return -1;
	r->body_html = arena_strdup(a, html);
	free(html);
	char *now = time_now_iso(a);
	sqlite3_stmt *st;
	int rc = 0;
	if (r->id && is_live(r)) {
		rc = save_edition(db, r, user_id, now);
	} else if (r->id == 0) {
		r->slug = db_unique_slug(db, a, SQL_SLUG_TAKEN, slugify(a, r->title, 80));
		if (r->slug == NULL || (st = db_stmt(db, SQL_INSERT)) == NULL)
			return -1;
		db_bind_str(st, 1, r->slug);
		db_bind_str(st, 2, r->title);
		db_bind_str(st, 3, r->summary);
		db_bind_str(st, 4, r->body);
		db_bind_str(st, 5, r->body_html);
		db_bind_int_or_null(st, 6, r->event_id);
		db_bind_int(st, 7, r->author_id);
		db_bind_str(st, 8, now);
		db_bind_text(st, 9, r->form_key);
		if (sqlite3_step(st) != SQLITE_DONE)
			return -1;
		r->id = sqlite3_last_insert_rowid(db->h);
	} else {
		if ((st = db_stmt(db, SQL_UPDATE)) == NULL)
			return -1;
		db_bind_int(st, 1, r->id);
		db_bind_str(st, 2, r->title);
		db_bind_str(st, 3, r->summary);
		db_bind_str(st, 4, r->body);
		db_bind_str(st, 5, r->body_html);
		db_bind_int_or_null(st, 6, r->event_id);
		db_bind_str(st, 7, now);
		db_bind_int(st, 8, r->version);
		if (sqlite3_step(st) != SQLITE_DONE)
			return -1;
		if (sqlite3_changes(db->h) == 0)
			return 409;
	}
	if (rc)
		return rc;
	r->wc_status = "draft";
	return release_write_revision(db, r, user_id, r->change_note);
}

long
release_by_form_key(struct db *db, const char *key)
{
	sqlite3_stmt *st;
	int found = db_find(db, SQL_BY_FORM_KEY, key, 0, &st);
	long id = found == 1 ? sqlite3_column_int64(st, 0) : found;
	sqlite3_reset(st);
	return id;
}

int
release_unpublished_by_slug(struct db *db, struct arena *a, const char *slug, struct release *r)
{
	return release_one(db, a, SQL_UNPUBLISHED_BY_SLUG, slug, 0, r);
}

static void
read_release_major_changes_row(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct release_change *ch = row;
	ch->at = db_col_str(a, st, 0);
	ch->note = db_col_str(a, st, 1);
}

int
release_major_changes(struct db *db, struct arena *a, long id, struct release_change **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_MAJOR_CHANGES);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return db_collect(st, a, read_release_major_changes_row, out, n, sizeof **out);
}

char *
release_url(struct arena *a, const struct release *r)
{
	int y = 0, m = 0;
	if (r->published_at == NULL || time_year_month(r->published_at, &y, &m) != 0)
		return arena_strdup(a, "/");
	return arena_printf(a, "/news/%04d/%02d/%s", y, m, r->slug);
}
