/* delegation: the SQL for delegations and their members. */
#include "delegation.h"

static const char SQL_MEMBERS[] =
    "SELECT m.role_title, o.name, m.count, m.names FROM delegation_members m "
    "JOIN delegations d ON d.id = m.delegation_id "
    "LEFT JOIN organizations o ON o.id = m.organization_id "
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
