/* user: the SQL for staff accounts. */
#include <ctype.h>
#include <string.h>

#include "session.h"
#include "user.h"

#define USER_COLUMNS "id, name, display_name, role, password_hash, disabled, last_login_at"

static const char SQL_BY_NAME[] = "SELECT " USER_COLUMNS " FROM users WHERE name = ?1";
static const char SQL_LIST[] = "SELECT " USER_COLUMNS " FROM users ORDER BY name";
static const char SQL_INSERT[] =
    "INSERT INTO users(name, display_name, role, password_hash) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_SET_ROLE[] = "UPDATE users SET role = ?2 WHERE id = ?1";
static const char SQL_SET_DISABLED[] = "UPDATE users SET disabled = ?2 WHERE id = ?1";
static const char SQL_SET_PASSWORD[] = "UPDATE users SET password_hash = ?2 WHERE id = ?1";
static const char SQL_LOGGED_IN[] = "UPDATE users SET last_login_at = ?2 WHERE id = ?1";

static void
read_user(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct user *u = row;
	u->id = sqlite3_column_int64(st, 0);
	u->name = db_col_str(a, st, 1);
	u->display_name = db_col_str(a, st, 2);
	u->role = db_col_str(a, st, 3);
	u->password_hash = db_col_str(a, st, 4);
	u->disabled = sqlite3_column_int(st, 5);
	u->last_login_at = db_col(a, st, 6);
}

int
user_by_name(struct db *db, struct arena *a, const char *name, struct user *u)
{
	sqlite3_stmt *st;
	int found = db_find(db, SQL_BY_NAME, name, 0, &st);
	if (found != 1)
		return found;
	read_user(a, st, u);
	sqlite3_reset(st);
	return 1;
}

int
user_list(struct db *db, struct arena *a, struct user **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_LIST);
	if (st == NULL)
		return -1;
	return db_collect(st, a, read_user, out, n, sizeof **out);
}

/* Runs one of the UPDATEs above for account id with one value. */
static int
set(struct db *db, const char *sql, long id, const char *text, long number)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if (text)
		db_bind_str(st, 2, text);
	else
		db_bind_int(st, 2, number);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}

int
user_set_role(struct db *db, long id, const char *role)
{
	return set(db, SQL_SET_ROLE, id, role, 0);
}

int
user_set_password(struct db *db, long id, const char *password_hash)
{
	return set(db, SQL_SET_PASSWORD, id, password_hash, 0);
}

long
user_disable(struct db *db, long id, int disable)
{
	if (set(db, SQL_SET_DISABLED, id, NULL, disable != 0) != 0)
		return -1;
	/* The sessions go too, so a cookie of the account stops working on its next request. */
	return disable ? session_end_all(db, id) : 0;
}

long
user_reset_password(struct db *db, long id, const char *password_hash)
{
	if (user_set_password(db, id, password_hash) != 0)
		return -1;
	return session_end_all(db, id);
}

int
user_logged_in(struct db *db, long id, const char *at)
{
	return set(db, SQL_LOGGED_IN, id, at, 0);
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

/* Login names: 2 to 64 of a-z, 0-9, '.', '_' and '-', the first a letter or digit, so
 * that a name is also a path segment (/admin/users/NAME/role), never "." or "..". */
int
user_valid_name(const char *name)
{
	size_t n = strlen(name);
	if (n < 2 || n > 64 || !isalnum((unsigned char)name[0]))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!islower((unsigned char)name[i]) && !isdigit((unsigned char)name[i]) &&
		    !strchr("._-", name[i]))
			return 0;
	return 1;
}

static const char *const role_names[] = { "public", "author", "editor", "admin" };

enum role
role_from_name(const char *name)
{
	for (int r = ROLE_AUTHOR; r <= ROLE_ADMIN; r++)
		if (name && strcmp(role_names[r], name) == 0)
			return (enum role)r;
	return ROLE_PUBLIC;
}

const char *
role_name(enum role r)
{
	return role_names[r];
}
