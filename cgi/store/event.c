/* event: the SQL for events and their organisers, sponsors and hosts. */
#include <string.h>

#include "event.h"
#include "release.h"
#include "valid.h"

const char *const event_kinds[] = { "workshop", "conference", "meeting", "training", "visit", "other", NULL };
const char *const event_org_roles[] = { "organiser", "sponsor", "host", "partner", NULL };

#define EVENT_FIELDS \
	"e.id, e.slug, e.title, e.kind, e.starts_on, e.ends_on, e.venue, e.city, e.country, " \
	"c.name, e.summary, coalesce(e.participants, -1), coalesce(e.countries, -1) "
#define EVENT_COUNTRY "LEFT JOIN countries c ON c.code = e.country "
#define EVENT_COLUMNS EVENT_FIELDS "FROM events e " EVENT_COUNTRY

static const char SQL_EVENT_BY_SLUG[] = "SELECT " EVENT_COLUMNS "WHERE e.slug = ?1";
static const char SQL_EVENT_BY_ID[] = "SELECT " EVENT_COLUMNS "WHERE e.id = ?1";
static const char SQL_EVENT_LIST[] = "SELECT " EVENT_COLUMNS "ORDER BY e.starts_on DESC, e.id DESC LIMIT 500";
static const char SQL_EVENT_ORGS[] =
    "SELECT o.name, o.short_name, o.slug, s.role FROM sponsors s "
    "JOIN organizations o ON o.id = s.organization_id WHERE s.event_id = ?1 "
    "ORDER BY CASE s.role WHEN 'organiser' THEN 0 WHEN 'host' THEN 1 WHEN 'sponsor' THEN 2 ELSE 3 END, "
    "s.position";
static const char SQL_EVENT_INSERT[] =
    "INSERT INTO events(slug, title, kind, starts_on, ends_on, venue, city, country, participants, "
    "countries, summary, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
static const char SQL_EVENT_SLUG_TAKEN[] = "SELECT 1 FROM events WHERE slug = ?1";
static const char SQL_SPONSOR_INSERT[] =
    "INSERT OR IGNORE INTO sponsors(event_id, organization_id, role, position) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_COUNTRY[] = "SELECT 1 FROM countries WHERE code = ?1";

static void
read_event(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct event *e = row;
	e->id = sqlite3_column_int64(st, 0);
	e->slug = db_col_str(a, st, 1);
	e->title = db_col_str(a, st, 2);
	e->kind = db_col_str(a, st, 3);
	e->starts_on = db_col_str(a, st, 4);
	e->ends_on = db_col_str(a, st, 5);
	e->venue = db_col(a, st, 6);
	e->city = db_col(a, st, 7);
	e->country = db_col(a, st, 8);
	e->country_name = db_col(a, st, 9);
	e->summary = db_col(a, st, 10);
	e->participants = sqlite3_column_int64(st, 11);
	e->countries = sqlite3_column_int64(st, 12);
}

static int
event_one(struct db *db, struct arena *a, const char *sql, const char *key, long id, struct event *e)
{
	sqlite3_stmt *st;
	int found = db_find(db, sql, key, id, &st);
	if (found == 1) {
		read_event(a, st, e);
		sqlite3_reset(st);
	}
	return found;
}

int
event_by_slug(struct db *db, struct arena *a, const char *slug, struct event *e)
{
	return event_one(db, a, SQL_EVENT_BY_SLUG, slug, 0, e);
}

int
event_by_id(struct db *db, struct arena *a, long id, struct event *e)
{
	return event_one(db, a, SQL_EVENT_BY_ID, NULL, id, e);
}

int
event_list(struct db *db, struct arena *a, struct event **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_EVENT_LIST);
	if (st == NULL)
		return -1;
	return db_collect(st, a, read_event, out, n, sizeof **out);
}

static void
read_event_orgs_row(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct event_org *o = row;
	o->name = db_col_str(a, st, 0);
	o->short_name = db_col(a, st, 1);
	o->slug = db_col_str(a, st, 2);
	o->role = db_col_str(a, st, 3);
}

int
event_orgs(struct db *db, struct arena *a, long event_id, struct event_org **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_EVENT_ORGS);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, event_id);
	return db_collect(st, a, read_event_orgs_row, out, n, sizeof **out);
}

long
event_insert(struct db *db, struct arena *a, struct event *e, long user_id)
{
	char *base = arena_printf(a, "%s-%.4s", slugify(a, e->title, 80), e->starts_on);
	e->slug = db_unique_slug(db, a, SQL_EVENT_SLUG_TAKEN, base);
	sqlite3_stmt *st = e->slug ? db_stmt(db, SQL_EVENT_INSERT) : NULL;
	if (st == NULL)
		return -1;
	db_bind_str(st, 1, e->slug);
	db_bind_str(st, 2, e->title);
	db_bind_str(st, 3, e->kind);
	db_bind_str(st, 4, e->starts_on);
	db_bind_str(st, 5, e->ends_on);
	db_bind_text(st, 6, e->venue);
	db_bind_text(st, 7, e->city);
	db_bind_text(st, 8, e->country);
	db_bind_int_or_null(st, 9, e->participants);
	db_bind_int_or_null(st, 10, e->countries);
	db_bind_text(st, 11, e->summary);
	db_bind_int_or_null(st, 12, user_id > 0 ? user_id : -1);
	if (sqlite3_step(st) != SQLITE_DONE)
		return -1;
	e->id = sqlite3_last_insert_rowid(db->h);
	return e->id;
}

int
event_add_org(struct db *db, long event_id, long org_id, const char *role, int position)
{
	sqlite3_stmt *st = db_stmt(db, SQL_SPONSOR_INSERT);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, event_id);
	db_bind_int(st, 2, org_id);
	db_bind_str(st, 3, role);
	db_bind_int(st, 4, position);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}

int
country_exists(struct db *db, const char *code)
{
	sqlite3_stmt *st = db_stmt(db, SQL_COUNTRY);
	if (st == NULL)
		return 0;
	db_bind_str(st, 1, code);
	int found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

/* Public events, for feeds, calendars and the API. */

static const char SQL_EVENT_PUB_LIST[] =
    "SELECT " EVENT_COLUMNS "WHERE " EVENT_PUBLIC_SQL "ORDER BY e.starts_on DESC, e.id DESC LIMIT ?2 OFFSET ?1";
static const char SQL_EVENT_PUB_COUNT[] = "SELECT count(*) FROM events e WHERE " EVENT_PUBLIC_SQL;
static const char SQL_EVENT_PUB_UPCOMING[] =
    "SELECT " EVENT_FIELDS "FROM events e INDEXED BY events_by_end " EVENT_COUNTRY
    "WHERE e.ends_on >= ?1 AND " EVENT_PUBLIC_SQL "ORDER BY e.starts_on, e.id LIMIT 1000";
static const char SQL_EVENT_PUB_BY_SLUG[] = "SELECT " EVENT_COLUMNS "WHERE e.slug = ?1 AND " EVENT_PUBLIC_SQL;
static const char SQL_EVENT_PUB_BY_ID[] = "SELECT " EVENT_COLUMNS "WHERE e.id = ?1 AND " EVENT_PUBLIC_SQL;
static const char SQL_EVENT_ROLES[] =
    "SELECT o.id, o.slug, o.name, o.short_name, s.role FROM sponsors s "
    "JOIN organizations o ON o.id = s.organization_id WHERE s.event_id = ?1 "
    "ORDER BY CASE s.role WHEN 'organiser' THEN 0 WHEN 'host' THEN 1 WHEN 'sponsor' THEN 2 ELSE 3 END, "
    "s.position";

int
event_pub_list(struct db *db, struct arena *a, long offset, int limit, struct event **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_EVENT_PUB_LIST);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, offset);
	db_bind_int(st, 2, limit);
	return db_collect(st, a, read_event, out, n, sizeof **out);
}

long
event_pub_count(struct db *db)
{
	return pub_count(db, SQL_EVENT_PUB_COUNT, 0);
}

int
event_pub_upcoming(struct db *db, struct arena *a, const char *today, struct event **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_EVENT_PUB_UPCOMING);
	if (st == NULL)
		return -1;
	db_bind_str(st, 1, today);
	return db_collect(st, a, read_event, out, n, sizeof **out);
}

int
event_pub_find(struct db *db, struct arena *a, const char *key, long id, struct event *e)
{
	return event_one(db, a, key ? SQL_EVENT_PUB_BY_SLUG : SQL_EVENT_PUB_BY_ID, key, id, e);
}

static void
read_event_role(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct event_role *o = row;
	o->org_id = sqlite3_column_int64(st, 0);
	o->slug = db_col_str(a, st, 1);
	o->name = db_col_str(a, st, 2);
	o->short_name = db_col(a, st, 3);
	o->role = db_col_str(a, st, 4);
}

int
event_roles(struct db *db, struct arena *a, long event_id, struct event_role **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_EVENT_ROLES);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, event_id);
	return db_collect(st, a, read_event_role, out, n, sizeof **out);
}

/* The events listing: its past events, a page at a time, walked newest first (events_by_end
 * would make the planner sort every past event). */
static const char SQL_EVENTS_PAST[] =
    "SELECT " EVENT_FIELDS "FROM events e INDEXED BY events_by_date " EVENT_COUNTRY
    "WHERE e.ends_on < ?1 AND " EVENT_PUBLIC_SQL
    "ORDER BY e.starts_on DESC, e.id DESC LIMIT ?3 OFFSET ?2";

int
event_list_past(struct db *db, struct arena *a, const char *today, long offset, struct event **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_EVENTS_PAST);
	if (st == NULL)
		return -1;
	db_bind_str(st, 1, today);
	db_bind_int(st, 2, offset);
	db_bind_int(st, 3, EVENTS_PER_PAGE + 1);
	return db_collect(st, a, read_event, out, n, sizeof **out);
}
