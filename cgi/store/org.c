/* org: finding and creating organisations by the names people type. */
#include <string.h>

#include "event.h"
#include "org.h"
#include "release.h"
#include "valid.h"

static const char SQL_ORG_FIND[] =
    "SELECT id FROM organizations WHERE name = ?1 COLLATE NOCASE OR short_name = ?1 COLLATE NOCASE "
    "OR short_name = ?2 COLLATE NOCASE ORDER BY name = ?1 COLLATE NOCASE DESC LIMIT 1";
static const char SQL_ORG_INSERT[] =
    "INSERT INTO organizations(slug, name, short_name) VALUES (?1, ?2, ?3)";
static const char SQL_ORG_SLUG_TAKEN[] =
    "SELECT 1 FROM organizations WHERE slug = ?1";

char *
org_label(struct arena *a, const char *name, const char *short_name)
{
	if (short_name && *short_name)
		return arena_printf(a, "%s (%s)", name, short_name);
	return arena_strdup(a, name);
}

long
org_find_or_create(struct db *db, struct arena *a, const char *label)
{
	/* "Name (ABBR)" is split into its name and short name. */
	char *name = trim_copy(a, label), *short_name = NULL;
	size_t n = strlen(name);
	char *open = strrchr(name, '(');
	if (n > 2 && name[n - 1] == ')' && open && open > name) {
		short_name = trim_copy(a, arena_strndup(a, open + 1, (size_t)(name + n - 1 - (open + 1))));
		*open = '\0';
		name = trim_copy(a, name);
		if (*short_name == '\0')
			short_name = NULL;
	}
	sqlite3_stmt *st = db_stmt(db, SQL_ORG_FIND);
	if (st == NULL)
		return -1;
	db_bind_str(st, 1, name);
	db_bind_text(st, 2, short_name);
	int rc = sqlite3_step(st);
	long found = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return found;
	if (rc != SQLITE_DONE)
		return -1;
	char *slug = db_unique_slug(db, a, SQL_ORG_SLUG_TAKEN,
	    slugify(a, short_name ? short_name : name, 60));
	if (slug == NULL || (st = db_stmt(db, SQL_ORG_INSERT)) == NULL)
		return -1;
	db_bind_str(st, 1, slug);
	db_bind_str(st, 2, name);
	db_bind_text(st, 3, short_name);
	if (sqlite3_step(st) != SQLITE_DONE)
		return -1;
	return sqlite3_last_insert_rowid(db->h);
}

/* Public organisations, for feeds and the API. Every part any organisation had in any event: */
#define ORG_PARTS \
	"(SELECT organization_id AS org, event_id AS ev, role, 0 AS k FROM sponsors " \
	"UNION ALL SELECT organization_id, event_id, 'delegation', 1 FROM delegations " \
	"UNION ALL SELECT m.organization_id, d.event_id, 'delegate', 2 FROM delegation_members m " \
	"JOIN delegations d ON d.id = m.delegation_id) p JOIN events e ON e.id = p.ev "
#define ORG_PUBLIC "o.id IN (SELECT p.org FROM " ORG_PARTS "WHERE " EVENT_PUBLIC_SQL ") "
#define ORG_COLUMNS \
	"o.id, o.slug, o.name, o.short_name, o.kind, o.country, c.name, o.website " \
	"FROM organizations o LEFT JOIN countries c ON c.code = o.country "

static const char SQL_ORG_PUB_LIST[] =
    "SELECT " ORG_COLUMNS "WHERE " ORG_PUBLIC "ORDER BY o.name COLLATE NOCASE, o.id LIMIT ?2 OFFSET ?1";
static const char SQL_ORG_PUB_COUNT[] = "SELECT count(*) FROM organizations o WHERE " ORG_PUBLIC;
static const char SQL_ORG_PUB_BY_SLUG[] = "SELECT " ORG_COLUMNS "WHERE o.slug = ?1 AND " ORG_PUBLIC;
static const char SQL_ORG_PUB_BY_ID[] = "SELECT " ORG_COLUMNS "WHERE o.id = ?1 AND " ORG_PUBLIC;
/* DISTINCT: two members' rows from one department are one part. */
static const char SQL_ORG_PUB_PARTS[] =
    "SELECT DISTINCT e.id, e.slug, e.title, e.starts_on, e.ends_on, p.role, p.k FROM " ORG_PARTS
    "WHERE p.org = ?1 AND " EVENT_PUBLIC_SQL "ORDER BY e.starts_on DESC, e.id DESC, p.k, p.role";

static void
read_org_info(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct org_info *o = row;
	o->id = sqlite3_column_int64(st, 0);
	o->slug = db_col_str(a, st, 1);
	o->name = db_col_str(a, st, 2);
	o->short_name = db_col(a, st, 3);
	o->kind = db_col_str(a, st, 4);
	o->country = db_col(a, st, 5);
	o->country_name = db_col(a, st, 6);
	o->website = db_col(a, st, 7);
}

int
org_pub_list(struct db *db, struct arena *a, long offset, int limit, struct org_info **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_ORG_PUB_LIST);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, offset);
	db_bind_int(st, 2, limit);
	return db_collect(st, a, read_org_info, out, n, sizeof **out);
}

long
org_pub_count(struct db *db)
{
	return pub_count(db, SQL_ORG_PUB_COUNT, 0);
}

int
org_pub_find(struct db *db, struct arena *a, const char *key, long id, struct org_info *o)
{
	sqlite3_stmt *st;
	int found = db_find(db, key ? SQL_ORG_PUB_BY_SLUG : SQL_ORG_PUB_BY_ID, key, id, &st);
	if (found == 1) {
		read_org_info(a, st, o);
		sqlite3_reset(st);
	}
	return found;
}

static void
read_org_part(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct org_part *p = row;
	p->event_id = sqlite3_column_int64(st, 0);
	p->event_slug = db_col_str(a, st, 1);
	p->event_title = db_col_str(a, st, 2);
	p->starts_on = db_col_str(a, st, 3);
	p->ends_on = db_col_str(a, st, 4);
	p->role = db_col_str(a, st, 5);
}

int
org_pub_parts(struct db *db, struct arena *a, long org_id, struct org_part **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_ORG_PUB_PARTS);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, org_id);
	return db_collect(st, a, read_org_part, out, n, sizeof **out);
}

/* The index: each public organisation (ORG_PUBLIC) with the counts of its parts in public events. */
static const char SQL_ORG_LIST_PUBLIC[] =
    "SELECT x.*, coalesce(roles.organised, 0), coalesce(roles.sponsored, 0), coalesce(roles.hosted, 0), "
    "coalesce(roles.partnered, 0), coalesce(ds.n, 0), coalesce(dm.n, 0), coalesce(dm.people, 0) "
    "FROM (SELECT " ORG_COLUMNS "WHERE " ORG_PUBLIC ") x "
    "LEFT JOIN (SELECT s.organization_id AS id, sum(s.role = 'organiser') AS organised, "
    "sum(s.role = 'sponsor') AS sponsored, sum(s.role = 'host') AS hosted, sum(s.role = 'partner') AS partnered "
    "FROM sponsors s JOIN events e ON e.id = s.event_id WHERE " EVENT_PUBLIC_SQL
    "GROUP BY s.organization_id) roles ON roles.id = x.id "
    "LEFT JOIN (SELECT d.organization_id AS id, count(*) AS n FROM delegations d "
    "JOIN events e ON e.id = d.event_id WHERE " EVENT_PUBLIC_SQL "GROUP BY d.organization_id) ds ON ds.id = x.id "
    "LEFT JOIN (SELECT m.organization_id AS id, count(DISTINCT m.delegation_id) AS n, sum(m.count) AS people "
    "FROM delegation_members m JOIN delegations d ON d.id = m.delegation_id JOIN events e ON e.id = d.event_id "
    "WHERE " EVENT_PUBLIC_SQL "GROUP BY m.organization_id) dm ON dm.id = x.id "
    "ORDER BY x.name COLLATE NOCASE, x.id";

static void
read_org_summary(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct org_summary *s = row;
	read_org_info(a, st, &s->o);
	long *counts[] = { &s->organised, &s->sponsored, &s->hosted, &s->partnered, &s->sent, &s->joined, &s->people };
	for (int i = 0; i < 7; i++)
		*counts[i] = sqlite3_column_int64(st, 8 + i);
}

int
org_list_public(struct db *db, struct arena *a, struct org_summary **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_ORG_LIST_PUBLIC);
	if (st == NULL)
		return -1;
	return db_collect(st, a, read_org_summary, out, n, sizeof **out);
}
