/* delegation: the SQL for delegations and their members. */
#include "delegation.h"
#include "event.h"
#include "release.h"

static const char SQL_MEMBERS[] =
    "SELECT m.role_title, o.name, m.count, m.names, d.id, so.name FROM delegation_members m "
    "JOIN delegations d ON d.id = m.delegation_id "
    "LEFT JOIN organizations o ON o.id = m.organization_id "
    "LEFT JOIN organizations so ON so.id = d.organization_id "
    "WHERE d.event_id = ?1 ORDER BY d.id, m.position, m.id";
static const char SQL_DELEGATION_INSERT[] =
    "INSERT INTO delegations(event_id, organization_id) VALUES (?1, ?2)";
static const char SQL_MEMBER_INSERT[] =
    "INSERT INTO delegation_members(delegation_id, role_title, organization_id, count, names, position) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

static void
read_delegation_members_row(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct member *m = row;
	m->role_title = db_col_str(a, st, 0);
	m->department = db_col(a, st, 1);
	m->count = sqlite3_column_int64(st, 2);
	m->names = db_col(a, st, 3);
	m->delegation_id = sqlite3_column_int64(st, 4);
	m->sender = db_col(a, st, 5);
}

int
delegation_members(struct db *db, struct arena *a, long event_id, struct member **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_MEMBERS);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, event_id);
	return db_collect(st, a, read_delegation_members_row, out, n, sizeof **out);
}

long
delegation_insert(struct db *db, long event_id, long org_id)
{
	sqlite3_stmt *st = db_stmt(db, SQL_DELEGATION_INSERT);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, event_id);
	db_bind_int_or_null(st, 2, org_id);
	if (sqlite3_step(st) != SQLITE_DONE)
		return -1;
	return sqlite3_last_insert_rowid(db->h);
}

int
delegation_add_member(struct db *db, long delegation_id, const char *role_title, long department_id,
    long count, const char *names, int position)
{
	sqlite3_stmt *st = db_stmt(db, SQL_MEMBER_INSERT);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, delegation_id);
	db_bind_str(st, 2, role_title);
	db_bind_int_or_null(st, 3, department_id);
	db_bind_int(st, 4, count);
	db_bind_text(st, 5, names);
	db_bind_int(st, 6, position);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}

/* The public side: only delegations to events a release has made public (EVENT_PUBLIC_SQL).
 * The yearly figures count a delegation through its member rows; the form never saves one without. */
static const char SQL_YEAR[] =
    "SELECT e.id, e.slug, e.title, e.kind, e.starts_on, e.ends_on, e.city, e.country, c.name, so.name, "
    "m.role_title, o.name, m.count "
    "FROM delegation_members m JOIN delegations d ON d.id = m.delegation_id "
    "JOIN events e ON e.id = d.event_id LEFT JOIN countries c ON c.code = e.country "
    "LEFT JOIN organizations so ON so.id = d.organization_id "
    "LEFT JOIN organizations o ON o.id = m.organization_id "
    "WHERE e.starts_on >= ?1 AND e.starts_on < ?2 AND " EVENT_PUBLIC_SQL
    "ORDER BY e.starts_on, e.id, d.id, m.position, m.id";
static const char SQL_YEARS[] =
    "SELECT CAST(substr(e.starts_on, 1, 4) AS INTEGER) AS y, count(DISTINCT e.id), sum(m.count) "
    "FROM delegation_members m JOIN delegations d ON d.id = m.delegation_id "
    "JOIN events e ON e.id = d.event_id WHERE " EVENT_PUBLIC_SQL "GROUP BY y ORDER BY y DESC";
static const char SQL_OF_ORG[] =
    "SELECT e.slug, e.title, e.starts_on, e.ends_on, so.name, coalesce(d.organization_id = ?1, 0), "
    "(SELECT coalesce(sum(count), 0) FROM delegation_members WHERE delegation_id = d.id AND organization_id = ?1), "
    "(SELECT coalesce(sum(count), 0) FROM delegation_members WHERE delegation_id = d.id) "
    "FROM delegations d JOIN events e ON e.id = d.event_id "
    "LEFT JOIN organizations so ON so.id = d.organization_id "
    "WHERE (d.organization_id = ?1 OR d.id IN (SELECT delegation_id FROM delegation_members WHERE organization_id = ?1)) "
    "AND " EVENT_PUBLIC_SQL "ORDER BY e.starts_on DESC, e.id DESC, d.id";

static void
read_engagement(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct engagement *g = row;
	g->event_id = sqlite3_column_int64(st, 0);
	g->event_slug = db_col_str(a, st, 1);
	g->event_title = db_col_str(a, st, 2);
	g->kind = db_col_str(a, st, 3);
	g->starts_on = db_col_str(a, st, 4);
	g->ends_on = db_col_str(a, st, 5);
	g->city = db_col(a, st, 6);
	g->country = db_col(a, st, 7);
	g->country_name = db_col(a, st, 8);
	g->sender = db_col(a, st, 9);
	g->role_title = db_col_str(a, st, 10);
	g->department = db_col(a, st, 11);
	g->count = sqlite3_column_int64(st, 12);
}

int
delegation_year(struct db *db, struct arena *a, int year, struct engagement **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_YEAR);
	if (st == NULL)
		return -1;
	/* A range on starts_on, so that its index serves the query. */
	db_bind_str(st, 1, arena_printf(a, "%04d-01-01", year));
	db_bind_str(st, 2, arena_printf(a, "%04d-01-01", year + 1));
	return db_collect(st, a, read_engagement, out, n, sizeof **out);
}

static void
read_engagement_year(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct engagement_year *y = row;
	(void)a;
	y->year = sqlite3_column_int(st, 0);
	y->events = sqlite3_column_int64(st, 1);
	y->delegates = sqlite3_column_int64(st, 2);
}

int
delegation_years(struct db *db, struct arena *a, struct engagement_year **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_YEARS);
	if (st == NULL)
		return -1;
	return db_collect(st, a, read_engagement_year, out, n, sizeof **out);
}

static void
read_org_delegation(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct org_delegation *d = row;
	d->event_slug = db_col_str(a, st, 0);
	d->event_title = db_col_str(a, st, 1);
	d->starts_on = db_col_str(a, st, 2);
	d->ends_on = db_col_str(a, st, 3);
	d->sender = db_col(a, st, 4);
	d->sent = sqlite3_column_int(st, 5);
	d->from_org = sqlite3_column_int64(st, 6);
	d->delegates = sqlite3_column_int64(st, 7);
}

int
delegation_list_for_org(struct db *db, struct arena *a, long org_id, struct org_delegation **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_OF_ORG);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, org_id);
	return db_collect(st, a, read_org_delegation, out, n, sizeof **out);
}

/* Delegations to public events, for the API; notes are staff-facing and stay out. */
#define DELEGATION_PUB \
	"FROM delegations d JOIN events e ON e.id = d.event_id " \
	"LEFT JOIN organizations o ON o.id = d.organization_id " \
	"WHERE (?1 = 0 OR d.event_id = ?1) AND " EVENT_PUBLIC_SQL

static const char SQL_DELEGATION_PUB_LIST[] =
    "SELECT d.id, e.id, e.slug, e.title, e.starts_on, e.ends_on, coalesce(o.id, -1), o.slug, o.name, "
    "o.short_name "
    DELEGATION_PUB "ORDER BY e.starts_on DESC, e.id DESC, d.id LIMIT ?3 OFFSET ?2";
static const char SQL_DELEGATION_PUB_COUNT[] = "SELECT count(*) " DELEGATION_PUB;
static const char SQL_DELEGATION_PUB_MEMBERS[] =
    "SELECT m.role_title, coalesce(o.id, -1), o.slug, o.name, o.short_name, m.count, m.names "
    "FROM delegation_members m "
    "LEFT JOIN organizations o ON o.id = m.organization_id WHERE m.delegation_id = ?1 "
    "ORDER BY m.position, m.id";

static void
read_delegation_info(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct delegation_info *d = row;
	d->id = sqlite3_column_int64(st, 0);
	d->event_id = sqlite3_column_int64(st, 1);
	d->event_slug = db_col_str(a, st, 2);
	d->event_title = db_col_str(a, st, 3);
	d->starts_on = db_col_str(a, st, 4);
	d->ends_on = db_col_str(a, st, 5);
	d->org_id = sqlite3_column_int64(st, 6);
	d->org_slug = db_col(a, st, 7);
	d->org_name = db_col(a, st, 8);
	d->org_short_name = db_col(a, st, 9);
}

int
delegation_pub_list(struct db *db, struct arena *a, long event_id, long offset, int limit,
    struct delegation_info **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_DELEGATION_PUB_LIST);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, event_id);
	db_bind_int(st, 2, offset);
	db_bind_int(st, 3, limit);
	return db_collect(st, a, read_delegation_info, out, n, sizeof **out);
}

long
delegation_pub_count(struct db *db, long event_id)
{
	return pub_count(db, SQL_DELEGATION_PUB_COUNT, event_id);
}

static void
read_member_info(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct member_info *m = row;
	m->role_title = db_col_str(a, st, 0);
	m->org_id = sqlite3_column_int64(st, 1);
	m->org_slug = db_col(a, st, 2);
	m->org_name = db_col(a, st, 3);
	m->org_short_name = db_col(a, st, 4);
	m->count = sqlite3_column_int64(st, 5);
	m->names = db_col(a, st, 6);
}

int
delegation_pub_members(struct db *db, struct arena *a, long delegation_id, struct member_info **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_DELEGATION_PUB_MEMBERS);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, delegation_id);
	return db_collect(st, a, read_member_info, out, n, sizeof **out);
}
