/* user: the SQL for staff accounts. */
#include <ctype.h>
#include <string.h>

#include "user.h"

static const char SQL_BY_NAME[] =
    "SELECT id, name, display_name, role, password_hash, disabled FROM users WHERE name = ?1";
static const char SQL_INSERT[] =
    "INSERT INTO users(name, display_name, role, password_hash) VALUES (?1, ?2, ?3, ?4)";

int
user_by_name(struct db *db, struct arena *a, const char *name, struct user *u)
{
	sqlite3_stmt *st;
	int found = db_find(db, SQL_BY_NAME, name, 0, &st);
	if (found != 1)
		return found;
	u->id = sqlite3_column_int64(st, 0);
	u->name = db_col_str(a, st, 1);
	u->display_name = db_col_str(a, st, 2);
	u->role = db_col_str(a, st, 3);
	u->password_hash = db_col_str(a, st, 4);
	u->disabled = sqlite3_column_int(st, 5);
	sqlite3_reset(st);
	return 1;
}

long
user_create(struct db *db, const char *name, const char *display_name, const char *role,
    const char *password_hash)
{
	sqlite3_stmt *st = db_stmt(db, SQL_INSERT);
	if (st == NULL)
		return -1;
	db_bind_str(st, 1, name);
	db_bind_str(st, 2, display_name);
	db_bind_str(st, 3, role);
	db_bind_str(st, 4, password_hash);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return 0;
	return rc == SQLITE_DONE ? sqlite3_last_insert_rowid(db->h) : -1;
}

/* Login names: 2 to 64 of a-z, 0-9, '.', '_' and '-'. */
int
user_valid_name(const char *name)
{
	size_t n = strlen(name);
	if (n < 2 || n > 64)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!islower((unsigned char)name[i]) && !isdigit((unsigned char)name[i]) &&
		    !strchr("._-", name[i]))
			return 0;
	return 1;
}
