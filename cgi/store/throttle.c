/* throttle: failed-login counters in the login_throttle table, so every worker sees the same ones. */
#include <ctype.h>
#include <string.h>
#include <time.h>

#include "throttle.h"
#include "timefmt.h"

long
throttle_delay(long failures, long after)
{
	if (failures < after)
		return 0;
	long shift = failures - after;
	/* 2^10 s is past the cap already; stop before the shift could overflow. */
	if (shift >= 10)
		return THROTTLE_MAX_WAIT_S;
	long d = 1L << shift;
	return d < THROTTLE_MAX_WAIT_S ? d : THROTTLE_MAX_WAIT_S;
}

/* Without case, as the users table compares names; a long guess must not make a long key. */
char *
throttle_name(struct arena *a, const char *name)
{
	size_t n = strlen(name);
	if (n > 64) {
		n = 64;
		while (n > 0 && ((unsigned char)name[n] & 0xc0) == 0x80)
			n--;
	}
	char *k = arena_strndup(a, name, n);
	for (char *p = k; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return k;
}

static char *
name_key(struct arena *a, const char *name)
{
	return arena_printf(a, "name:%s", throttle_name(a, name));
}

static char *
addr_key(struct arena *a, const char *client)
{
	return arena_printf(a, "addr:%s", client && *client ? client : "-");
}

static const char SQL_WAIT[] =
    "SELECT max(locked_until) FROM login_throttle WHERE key IN (?1, ?2) AND locked_until > ?3";

long
throttle_wait(struct db *db, struct arena *a, const char *name, const char *client)
{
	sqlite3_stmt *st = db_stmt(db, SQL_WAIT);
	if (st == NULL)
		return -1;
	db_bind_str(st, 1, name_key(a, name));
	db_bind_str(st, 2, addr_key(a, client));
	db_bind_str(st, 3, time_now_iso(a));
	if (sqlite3_step(st) != SQLITE_ROW)
		return -1;
	char *until = db_col(a, st, 0);
	sqlite3_reset(st);
	time_t t;
	if (until == NULL || time_parse_iso(until, &t) != 0)
		return 0;
	long left = (long)(t - time(NULL));
	return left > 0 ? left : 1;
}

static const char SQL_FORGET[] =
    "DELETE FROM login_throttle WHERE last_failure_at < strftime('%Y-%m-%dT%H:%M:%SZ', ?1, ?2)";
static const char SQL_FAILURES[] = "SELECT failures FROM login_throttle WHERE key = ?1";
/* Times are kept to the second, so the lock gets one second more: a wait never comes out
 * shorter than the one promised. */
static const char SQL_PUT[] =
    "INSERT OR REPLACE INTO login_throttle(key, failures, last_failure_at, locked_until) "
    "VALUES (?1, ?2, ?3, CASE WHEN ?4 > 0 THEN strftime('%Y-%m-%dT%H:%M:%SZ', ?3, '+' || (?4 + 1) || ' seconds') END)";

/* One more failure for key: the new count into *failures and the wait it brings into *wait. */
static int
count_failure(struct db *db, const char *key, const char *now, long after, long *failures, long *wait)
{
	sqlite3_stmt *st;
	int found = db_find(db, SQL_FAILURES, key, 0, &st);
	if (found < 0)
		return -1;
	*failures = found ? sqlite3_column_int64(st, 0) + 1 : 1;
	sqlite3_reset(st);
	*wait = throttle_delay(*failures, after);
	if ((st = db_stmt(db, SQL_PUT)) == NULL)
		return -1;
	db_bind_str(st, 1, key);
	db_bind_int(st, 2, *failures);
	db_bind_str(st, 3, now);
	db_bind_int(st, 4, *wait);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}

int
throttle_fail(struct db *db, struct arena *a, const char *name, const char *client,
    struct throttle_state *out)
{
	char *now = time_now_iso(a);
	/* Rows quiet for longer than any wait start again from nothing, and do not pile up. */
	sqlite3_stmt *st = db_stmt(db, SQL_FORGET);
	if (st == NULL)
		return -1;
	db_bind_str(st, 1, now);
	db_bind_str(st, 2, arena_printf(a, "-%d seconds", THROTTLE_FORGET_S));
	if (sqlite3_step(st) != SQLITE_DONE)
		return -1;
	if (count_failure(db, name_key(a, name), now, THROTTLE_NAME_AFTER, &out->name_failures, &out->name_wait) != 0 ||
	    count_failure(db, addr_key(a, client), now, THROTTLE_ADDR_AFTER, &out->addr_failures, &out->addr_wait) != 0)
		return -1;
	return 0;
}

static const char SQL_CLEAR[] = "DELETE FROM login_throttle WHERE key = ?1";

int
throttle_clear(struct db *db, struct arena *a, const char *name)
{
	sqlite3_stmt *st = db_stmt(db, SQL_CLEAR);
	if (st == NULL)
		return -1;
	db_bind_str(st, 1, name_key(a, name));
	return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}
