/* release: the SQL for releases and their revisions. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
	"coalesce((SELECT saved_by FROM release_revisions WHERE release_id = r.id ORDER BY version DESC LIMIT 1), 0), " \
	"r.language, coalesce(r.translation_of, 0), r.counterpart_changed_at "
#define RELEASE_JOINS "JOIN users u ON u.id = r.author_id LEFT JOIN events e ON e.id = r.event_id "
/* Which index a public query walks is not left to the planner: with no statistics it takes
 * releases_public's equality on status and sorts every listed release (90 ms at 100,000). */
#define BY_LISTED "FROM releases r INDEXED BY releases_listed "
#define BY_EVENT  "FROM releases r INDEXED BY releases_by_event "
#define RELEASE_FROM "FROM releases r " RELEASE_JOINS

/* Listed: published and due, not withdrawn. Schedules need no job: the clock is in the query. */
#define LISTED "r.status IN ('published','scheduled') AND r.published_at <= " NOW " " \
	"AND (r.withdraw_at IS NULL OR r.withdraw_at > " NOW ") "
/* Reachable at its URL: listed, or withdrawn (the page stays, with a notice). */
#define VIEWABLE "r.status IN ('published','scheduled','withdrawn') AND r.published_at <= " NOW " "

static const char SQL_LIST_PUBLISHED[] =
    "SELECT " RELEASE_COLUMNS BY_LISTED RELEASE_JOINS "WHERE " LISTED
    "ORDER BY r.published_at DESC, r.id DESC LIMIT ?2 OFFSET ?1";
static const char SQL_COUNT_PUBLISHED[] = "SELECT count(*) " BY_LISTED "WHERE " LISTED;
static const char SQL_LIST_FOR_EVENT[] =
    "SELECT " RELEASE_COLUMNS BY_EVENT RELEASE_JOINS "WHERE " LISTED "AND r.event_id = ?1 ORDER BY r.published_at DESC";
static const char SQL_LIST_FOR[] =
    "SELECT " RELEASE_COLUMNS RELEASE_FROM "WHERE ?1 = 0 OR r.author_id = ?1 ORDER BY r.updated_at DESC LIMIT 500";
static const char SQL_BY_SLUG[] = "SELECT " RELEASE_COLUMNS RELEASE_FROM "WHERE " VIEWABLE "AND r.slug = ?1";
static const char SQL_UNPUBLISHED_BY_SLUG[] =
    "SELECT " RELEASE_COLUMNS RELEASE_FROM "WHERE r.status = 'unpublished' AND r.slug = ?1";
static const char SQL_BY_ID[] = "SELECT " RELEASE_COLUMNS RELEASE_FROM "WHERE r.id = ?1";
static const char SQL_SLUG_TAKEN[] = "SELECT 1 FROM releases WHERE slug = ?1";
static const char SQL_INSERT[] =
    "INSERT INTO releases(slug, title, summary, body, body_html, status, event_id, author_id, "
    "created_at, updated_at, version, form_key, language, translation_of) "
    "VALUES (?1, ?2, ?3, ?4, ?5, 'draft', ?6, ?7, ?8, ?8, 1, ?9, ?10, ?11)";
/* The languages a release may be written in, as BCP 47 tags; the first is the default. */
const char *const release_languages[] = { "en", "ms", NULL };

const char *
release_language_name(const char *tag)
{
	return tag && strcmp(tag, "ms") == 0 ? "Bahasa Melayu" : "English";
}

const char *
release_language(const struct release *r)
{
	for (const char *const *l = release_languages; *l; l++)
		if (r->language && strcmp(r->language, *l) == 0)
			return *l;
	return release_languages[0];
}

/* The other versions of a family (an original and its translations), and whether each is listed. */
#define VERSION_COLUMNS "coalesce(r.translation_of, r.id), r.id, r.language, r.title, r.status, r.slug, " \
	"r.published_at, (" LISTED ") "
static const char SQL_VERSIONS[] =
    "SELECT " VERSION_COLUMNS "FROM releases r WHERE coalesce(r.translation_of, r.id) = ?1 AND r.id <> ?2 "
    "ORDER BY r.language";

static void
read_version(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct release_version *v = row;
	v->family = sqlite3_column_int64(st, 0);
	v->id = sqlite3_column_int64(st, 1);
	v->language = db_col_str(a, st, 2);
	v->title = db_col_str(a, st, 3);
	v->status = db_col_str(a, st, 4);
	v->slug = db_col_str(a, st, 5);
	v->published_at = db_col(a, st, 6);
	v->listed = sqlite3_column_int(st, 7);
}

int
release_versions(struct db *db, struct arena *a, const struct release *r, struct release_version **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_VERSIONS);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, release_family(r));
	db_bind_int(st, 2, r->id);
	return db_collect(st, a, read_version, out, n, sizeof **out);
}

long
release_family(const struct release *r)
{
	return r->translation_of > 0 ? r->translation_of : r->id;
}

/* Listed releases whose family has another listed version, by family: the sitemap's alternates. */
static const char SQL_LISTED_FAMILIES[] =
    "SELECT " VERSION_COLUMNS "FROM releases r WHERE " LISTED "AND coalesce(r.translation_of, r.id) IN "
    "(SELECT coalesce(r.translation_of, r.id) FROM releases r WHERE " LISTED
    "GROUP BY 1 HAVING count(*) > 1) ORDER BY 1, r.language";

int
release_listed_families(struct db *db, struct arena *a, struct release_version **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_LISTED_FAMILIES);
	if (st == NULL)
		return -1;
	return db_collect(st, a, read_version, out, n, sizeof **out);
}

static const char SQL_STILL_CURRENT[] = "UPDATE releases SET counterpart_changed_at = NULL WHERE id = ?1";

int
release_mark_current(struct db *db, long id)
{
	sqlite3_stmt *st = db_stmt(db, SQL_STILL_CURRENT);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}

static const char SQL_BY_FORM_KEY[] = "SELECT id FROM releases WHERE form_key = ?1";
/* A draft saved goes back to draft: whatever was reviewed before is not what is there now. */
static const char SQL_UPDATE[] =
    "UPDATE releases SET title = ?2, summary = ?3, body = ?4, body_html = ?5, event_id = ?6, "
    "updated_at = ?7, version = version + 1, status = 'draft', review_note = NULL, language = ?9, "
    "counterpart_changed_at = NULL "
    "WHERE id = ?1 AND version = ?8";
/* Saving the next edition of a live release leaves the live one alone but for its version,
 * which is what two people editing at once are told apart by. */
static const char SQL_TOUCH[] =
    "UPDATE releases SET version = version + 1, updated_at = ?2, counterpart_changed_at = NULL "
    "WHERE id = ?1 AND version = ?3";
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
	r->language = db_col_str(a, st, 30);
	r->translation_of = sqlite3_column_int64(st, 31);
	r->counterpart_changed_at = db_col(a, st, 32);
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

/* The words of a release sit at ?2, ?3 and ?4 in every statement that saves them. */
static void
bind_words(sqlite3_stmt *st, const struct release *r)
{
	db_bind_str(st, 2, r->title);
	db_bind_str(st, 3, r->summary);
	db_bind_str(st, 4, r->body);
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
	bind_words(st, r);
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

static int
insert_release(struct db *db, struct arena *a, struct release *r, const char *now)
{
	sqlite3_stmt *st;
	r->slug = db_unique_slug(db, a, SQL_SLUG_TAKEN, slugify(a, r->title, 80));
	if (r->slug == NULL || (st = db_stmt(db, SQL_INSERT)) == NULL)
		return -1;
	db_bind_str(st, 1, r->slug);
	bind_words(st, r);
	db_bind_str(st, 5, r->body_html);
	db_bind_int_or_null(st, 6, r->event_id);
	db_bind_int(st, 7, r->author_id);
	db_bind_str(st, 8, now);
	db_bind_text(st, 9, r->form_key);
	db_bind_str(st, 10, release_language(r));
	db_bind_int_or_null(st, 11, r->translation_of > 0 ? r->translation_of : -1);
	if (sqlite3_step(st) != SQLITE_DONE)
		return -1;
	r->id = sqlite3_last_insert_rowid(db->h);
	return 0;
}

/* A release never published: its own row is the draft. 409 when someone saved in between. */
static int
update_release(struct db *db, const struct release *r, const char *now)
{
	sqlite3_stmt *st = db_stmt(db, SQL_UPDATE);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, r->id);
	bind_words(st, r);
	db_bind_str(st, 5, r->body_html);
	db_bind_int_or_null(st, 6, r->event_id);
	db_bind_str(st, 7, now);
	db_bind_int(st, 8, r->version);
	db_bind_str(st, 9, release_language(r));
	if (sqlite3_step(st) != SQLITE_DONE)
		return -1;
	return sqlite3_changes(db->h) == 0 ? 409 : 0;
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
	int rc;
	if (r->id && is_live(r))
		rc = save_edition(db, r, user_id, now);
	else if (r->id == 0)
		rc = insert_release(db, a, r, now);
	else
		rc = update_release(db, r, now);
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

/* Feeds, the sitemap and the JSON API: the live edition of public releases, no staff-only field.
 * A release's public "updated" is when its current edition went out, not its last staff save. */
#define PUB_COLUMNS \
	"r.id, coalesce(r.event_id, -1), r.slug, r.title, r.summary, r.body_html, r.language, r.published_at, " \
	"max(r.published_at, coalesce((SELECT max(ch.at) FROM release_changes ch WHERE ch.release_id = r.id), " \
	"r.published_at)), e.slug, e.title, e.kind, " \
	"(r.status = 'withdrawn' OR (r.withdraw_at IS NOT NULL AND r.withdraw_at <= " NOW ")), " \
	"coalesce(r.withdrawn_at, r.withdraw_at), r.withdrawal_note "
#define PUB_JOINS "LEFT JOIN events e ON e.id = r.event_id "
#define PUB_ORDER "ORDER BY r.published_at DESC, r.id DESC LIMIT ?3 OFFSET ?2"

static const char SQL_PUB_ALL[] = "SELECT " PUB_COLUMNS BY_LISTED PUB_JOINS "WHERE " LISTED PUB_ORDER;
static const char SQL_PUB_OF_EVENT[] =
    "SELECT " PUB_COLUMNS BY_EVENT PUB_JOINS "WHERE " LISTED "AND r.event_id = ?1 " PUB_ORDER;
/* Partners are left out: the organisation's feed is what it organised, sponsored or hosted,
 * or took part in through a delegation. */
static const char SQL_PUB_OF_ORG[] = "SELECT " PUB_COLUMNS BY_EVENT PUB_JOINS "WHERE " LISTED "AND r.event_id IN ("
    "SELECT event_id FROM sponsors WHERE organization_id = ?1 AND role IN ('organiser','sponsor','host') "
    "UNION SELECT event_id FROM delegations WHERE organization_id = ?1 "
    "UNION SELECT d.event_id FROM delegations d JOIN delegation_members m ON m.delegation_id = d.id "
    "WHERE m.organization_id = ?1) " PUB_ORDER;
static const char SQL_PUB_COUNT[] = "SELECT count(*) " BY_LISTED "WHERE " LISTED;
static const char SQL_PUB_BY_ID[] = "SELECT " PUB_COLUMNS "FROM releases r " PUB_JOINS "WHERE " VIEWABLE "AND r.id = ?1";
static const char SQL_PUB_URLS[] =
    "SELECT r.id, r.slug, r.published_at, max(r.published_at, coalesce((SELECT max(ch.at) FROM "
    "release_changes ch WHERE ch.release_id = r.id), r.published_at)) " BY_LISTED "WHERE " LISTED
    "ORDER BY r.published_at DESC, r.id DESC LIMIT ?1";

static void
read_release_pub(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct release_pub *r = row;
	r->id = sqlite3_column_int64(st, 0);
	r->event_id = sqlite3_column_int64(st, 1);
	r->slug = db_col_str(a, st, 2);
	r->title = db_col_str(a, st, 3);
	r->summary = db_col_str(a, st, 4);
	r->body_html = db_col_str(a, st, 5);
	r->language = db_col_str(a, st, 6);
	r->published_at = db_col_str(a, st, 7);
	r->updated_at = db_col_str(a, st, 8);
	r->event_slug = db_col(a, st, 9);
	r->event_title = db_col(a, st, 10);
	r->event_kind = db_col(a, st, 11);
	r->withdrawn = sqlite3_column_int(st, 12);
	r->withdrawn_at = r->withdrawn ? db_col(a, st, 13) : NULL;
	r->withdrawal_note = r->withdrawn ? db_col(a, st, 14) : NULL;
}

int
release_pub_list(struct db *db, struct arena *a, enum release_scope scope, long key,
    long offset, int limit, struct release_pub **out, size_t *n)
{
	const char *sql = scope == RELEASES_OF_EVENT ? SQL_PUB_OF_EVENT
	    : scope == RELEASES_OF_ORG ? SQL_PUB_OF_ORG : SQL_PUB_ALL;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (st == NULL)
		return -1;
	if (scope != RELEASES_ALL)
		db_bind_int(st, 1, key);
	db_bind_int(st, 2, offset);
	db_bind_int(st, 3, limit);
	return db_collect(st, a, read_release_pub, out, n, sizeof **out);
}

long
pub_count(struct db *db, const char *sql, long key)
{
	sqlite3_stmt *st;
	int found = db_find(db, sql, NULL, key, &st);
	long n = found == 1 ? sqlite3_column_int64(st, 0) : -1;
	if (found >= 0)
		sqlite3_reset(st);
	return n;
}

long
release_pub_count(struct db *db)
{
	return pub_count(db, SQL_PUB_COUNT, 0);
}

static void
read_release_url(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct release_pub *r = row;
	r->id = sqlite3_column_int64(st, 0);
	r->slug = db_col_str(a, st, 1);
	r->published_at = db_col_str(a, st, 2);
	r->updated_at = db_col_str(a, st, 3);
}

int
release_pub_urls(struct db *db, struct arena *a, int limit, struct release_pub **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_PUB_URLS);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, limit);
	return db_collect(st, a, read_release_url, out, n, sizeof **out);
}

int
release_pub_by_id(struct db *db, struct arena *a, long id, struct release_pub *r)
{
	sqlite3_stmt *st;
	int found = db_find(db, SQL_PUB_BY_ID, NULL, id, &st);
	if (found == 1) {
		read_release_pub(a, st, r);
		sqlite3_reset(st);
	}
	return found;
}

char *
release_pub_url(struct arena *a, const struct release_pub *r)
{
	struct release shown = { .slug = r->slug, .published_at = r->published_at };
	return release_url(a, &shown);
}

/* The public listing and search. Every query below numbers its filters alike: ?1, ?2 the lower
 * keyset bound (published_at, id) and ?3, ?4 the upper, both exclusive; ?5 an event kind, ?6 a
 * country, ?7 an organisation id, each NULL for any. The bounds come first: of several bounds on
 * published_at SQLite walks the index from the first one written, and the cursor's is the one
 * that makes the last page cost what the first does. */
#define LISTING_WHERE \
	"(r.published_at, r.id) > (?1, ?2) AND (r.published_at, r.id) < (?3, ?4) AND " LISTED \
	"AND (?5 IS NULL OR r.event_id IN (SELECT id FROM events WHERE kind = ?5)) " \
	"AND (?6 IS NULL OR r.event_id IN (SELECT id FROM events WHERE country = ?6)) " \
	"AND (?7 IS NULL OR r.event_id IN (" LISTING_ORG_EVENTS ")) "
/* The events an organisation is part of: the event_organizations view (sql/0006), spelled out so
 * each arm uses its index, as SQLite does not push the id into a view's UNION. */
#define LISTING_ORG_EVENTS \
	"SELECT event_id FROM sponsors WHERE organization_id = ?7 " \
	"UNION SELECT event_id FROM delegations WHERE organization_id = ?7 " \
	"UNION SELECT d.event_id FROM delegations d JOIN delegation_members m ON m.delegation_id = d.id " \
	"WHERE m.organization_id = ?7"
/* INDEXED BY: without statistics the planner prefers releases_public's equality on status and
 * sorts every listed release; releases_listed is walked in order and left after one page. It also
 * turns a missing index into an error at prepare time instead of a slow site. */
#define LISTING_FROM BY_LISTED "WHERE " LISTING_WHERE

static const char SQL_LISTING_OLDER[] =
    "SELECT r.id " LISTING_FROM "ORDER BY r.published_at DESC, r.id DESC LIMIT ?8";
static const char SQL_LISTING_NEWER[] =
    "SELECT r.id " LISTING_FROM "ORDER BY r.published_at, r.id LIMIT ?8";
static const char SQL_LISTING_COUNT[] = "SELECT count(*) " LISTING_FROM;
static const char SQL_LISTING_PLACES[] =
    "SELECT r.published_at, r.id " LISTING_FROM "ORDER BY r.published_at DESC, r.id DESC LIMIT ?8 OFFSET ?9";
/* min() and max() as two walks, each stopping at its first listed row. */
static const char SQL_LISTED_SPAN[] =
    "SELECT (SELECT r.published_at " BY_LISTED "WHERE " LISTED
    "ORDER BY r.published_at LIMIT 1), (SELECT r.published_at " BY_LISTED
    "WHERE " LISTED "ORDER BY r.published_at DESC LIMIT 1)";
/* CROSS JOIN keeps the full-text match the outer loop; each match finds its release in the small
 * releases_searched index rather than the table, whose rows carry their bodies. Ties (bm25 is the
 * same for equal texts) go to the newer release, as in the listing. */
#define SEARCH_FROM "FROM releases_fts CROSS JOIN releases r INDEXED BY releases_searched " \
	"ON r.id = releases_fts.rowid " \
	"WHERE releases_fts MATCH ?9 AND " LISTING_WHERE
static const char SQL_SEARCH[] =
    "SELECT r.id, bm25(releases_fts, 10.0, 4.0, 1.0, 3.0, 2.0) AS score " SEARCH_FROM
    "ORDER BY score, r.published_at DESC, r.id DESC LIMIT ?8 OFFSET ?10";
static const char SQL_SEARCH_COUNT[] = "SELECT count(*) " SEARCH_FROM;
/* Binds ?1 to ?7: the year as the keyset bounds, narrowed to the cursors when there are any. */
static void
bind_listing(sqlite3_stmt *st, const struct release_filter *f, const struct release_cursor *before,
    const struct release_cursor *after)
{
	struct release_cursor lo = { f->from ? f->from : "", 0 }, hi = { f->until ? f->until : "9999", 0 };
	if (after && (strcmp(after->at, lo.at) > 0 || (strcmp(after->at, lo.at) == 0 && after->id > lo.id)))
		lo = *after;
	if (before && (strcmp(before->at, hi.at) < 0 || (strcmp(before->at, hi.at) == 0 && before->id < hi.id)))
		hi = *before;
	db_bind_str(st, 1, lo.at);
	db_bind_int(st, 2, lo.id);
	db_bind_str(st, 3, hi.at);
	db_bind_int(st, 4, hi.id);
	db_bind_text(st, 5, f->kind);
	db_bind_text(st, 6, f->country);
	db_bind_int_or_null(st, 7, f->org_id ? f->org_id : -1);
}

static void
read_id(struct arena *a, sqlite3_stmt *st, void *row)
{
	(void)a;
	*(long *)row = sqlite3_column_int64(st, 0);
}

/* The count a query of the listing or search gives for f (and `match`, the search's ?9); -1 on error. */
static long
count_matching(struct db *db, const char *sql, const struct release_filter *f, const char *match)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (st == NULL)
		return -1;
	bind_listing(st, f, NULL, NULL);
	if (match)
		db_bind_str(st, 9, match);
	long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	return n;
}

int
release_listing_ids(struct db *db, struct arena *a, const struct release_filter *f,
    const struct release_cursor *before, const struct release_cursor *after, int limit,
    long **ids, size_t *n, int *more)
{
	sqlite3_stmt *st = db_stmt(db, after ? SQL_LISTING_NEWER : SQL_LISTING_OLDER);
	if (st == NULL)
		return -1;
	bind_listing(st, f, before, after);
	db_bind_int(st, 8, limit + 1);    /* one more than shown says whether there are more */
	if (db_collect(st, a, read_id, ids, n, sizeof **ids) != 0)
		return -1;
	*more = *n > (size_t)limit;
	if (*more)
		*n = (size_t)limit;
	for (size_t i = 0; after && i < *n / 2; i++) {   /* newer pages are read oldest first */
		long t = (*ids)[i];
		(*ids)[i] = (*ids)[*n - 1 - i];
		(*ids)[*n - 1 - i] = t;
	}
	return 0;
}

long
release_listing_count(struct db *db, const struct release_filter *f)
{
	return count_matching(db, SQL_LISTING_COUNT, f, NULL);
}

static void
read_place(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct release_cursor *cur = row;
	cur->at = db_col_str(a, st, 0);
	cur->id = sqlite3_column_int64(st, 1);
}

int
release_listing_places(struct db *db, struct arena *a, const struct release_filter *f, long offset,
    int limit, struct release_cursor **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_LISTING_PLACES);
	if (st == NULL)
		return -1;
	bind_listing(st, f, NULL, NULL);
	db_bind_int(st, 8, limit);
	db_bind_int(st, 9, offset);
	return db_collect(st, a, read_place, out, n, sizeof **out);
}

int
release_listed_span(struct db *db, struct arena *a, char **oldest, char **newest)
{
	sqlite3_stmt *st = db_stmt(db, SQL_LISTED_SPAN);
	if (st == NULL || sqlite3_step(st) != SQLITE_ROW)
		return -1;
	*oldest = db_col(a, st, 0);
	*newest = db_col(a, st, 1);
	sqlite3_reset(st);
	return 0;
}

int
release_search(struct db *db, struct arena *a, const char *match, const struct release_filter *f,
    long offset, int limit, long **ids, size_t *n, long *total)
{
	if ((*total = count_matching(db, SQL_SEARCH_COUNT, f, match)) < 0)
		return -1;
	sqlite3_stmt *st = db_stmt(db, SQL_SEARCH);
	if (st == NULL)
		return -1;
	bind_listing(st, f, NULL, NULL);
	db_bind_int(st, 8, limit);
	db_bind_str(st, 9, match);
	db_bind_int(st, 10, offset);
	return db_collect(st, a, read_id, ids, n, sizeof **ids);
}

int
release_rows(struct db *db, struct arena *a, const long *ids, size_t n, struct release **out, size_t *got)
{
	*out = arena_alloc(a, (n ? n : 1) * sizeof **out);
	*got = 0;
	for (size_t i = 0; i < n; i++) {
		int found = release_by_id(db, a, ids[i], &(*out)[*got]);
		if (found < 0)
			return -1;
		*got += (size_t)found;   /* deleted since its id was read: left out */
	}
	return 0;
}
