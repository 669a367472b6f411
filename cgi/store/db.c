/* db: the one place that opens SQLite, migrates it and caches prepared statements. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"

/* PRESSROOM_SQL_SLOW_MS=N: every statement that took N ms or more (0: every statement; SQLite
 * times them to the millisecond) is written to stderr with its time, so a slow page can be traced
 * to its query without a profiler. */
static int
log_slow_statement(unsigned kind, void *limit_ns, void *stmt, void *elapsed_ns)
{
	if (kind == SQLITE_TRACE_PROFILE && *(sqlite3_int64 *)elapsed_ns >= *(sqlite3_int64 *)limit_ns) {
		char *sql = sqlite3_expanded_sql(stmt);
		fprintf(stderr, "pressroom: slow sql %.1f ms: %s\n",
		    (double)*(sqlite3_int64 *)elapsed_ns / 1e6, sql ? sql : sqlite3_sql(stmt));
		sqlite3_free(sql);
	}
	return 0;
}

static void
trace_slow_statements(sqlite3 *h)
{
	static sqlite3_int64 limit_ns = -1;   /* -1: not read yet; -2: off */
	if (limit_ns == -1) {
		const char *ms = getenv("PRESSROOM_SQL_SLOW_MS");
		limit_ns = ms && *ms && atof(ms) >= 0 ? (sqlite3_int64)(atof(ms) * 1e6) : -2;
	}
	if (limit_ns >= 0)
		sqlite3_trace_v2(h, SQLITE_TRACE_PROFILE, log_slow_statement, &limit_ns);
}

int
db_open(struct db *db, const char *path, int create, char *err, size_t errlen)
{
	memset(db, 0, sizeof *db);
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
	if (sqlite3_open_v2(path, &db->h, flags, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", path, db->h ? sqlite3_errmsg(db->h) : "cannot open");
		sqlite3_close(db->h);
		db->h = NULL;
		return -1;
	}
	sqlite3_busy_timeout(db->h, 5000);
	sqlite3_extended_result_codes(db->h, 1);
	trace_slow_statements(db->h);
	/* FULL: an acknowledged save survives power loss, not only a crash. */
	/* temp_store=MEMORY: statement journals and sorts never need a temporary file, so a worker
	 * needs no temporary folder (the sandbox allows it none) and a full disk cannot fail them. */
	const char *pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
	    "PRAGMA foreign_keys=ON; PRAGMA trusted_schema=OFF; PRAGMA temp_store=MEMORY;";
	char *msg = NULL;
	if (sqlite3_exec(db->h, pragmas, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", path, msg ? msg : "pragmas failed");
		sqlite3_free(msg);
		db_close(db);
		return -1;
	}
	return 0;
}

void
db_close(struct db *db)
{
	for (size_t i = 0; i < db->ncached; i++)
		sqlite3_finalize(db->cache[i].st);
	free(db->cache);
	db->cache = NULL;
	db->ncached = db->cap = 0;
	sqlite3_close(db->h);
	db->h = NULL;
}

int
db_version(struct db *db)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return v;
}

int
db_check_schema(struct db *db, char *err, size_t errlen)
{
	int v = db_version(db);
	if (v == (int)migrations_count)
		return 0;
	if (v < (int)migrations_count)
		snprintf(err, errlen, "database schema is version %d, this build needs %zu: "
		    "run `pressroomctl migrate` first", v, migrations_count);
	else
		snprintf(err, errlen, "database schema is version %d, newer than this build's %zu: "
		    "run a newer pressroom", v, migrations_count);
	return -1;
}

int
db_migrate(struct db *db, char *err, size_t errlen)
{
	int v = db_version(db);
	if (v < 0 || v > (int)migrations_count) {
		db_check_schema(db, err, errlen);
		return -1;
	}
	int applied = 0;
	for (size_t i = (size_t)v; i < migrations_count; i++) {
		char *msg = NULL, setv[64];
		snprintf(setv, sizeof setv, "PRAGMA user_version=%zu;", i + 1);
		if (db_begin(db) != SQLITE_OK ||
		    sqlite3_exec(db->h, migrations[i], NULL, NULL, &msg) != SQLITE_OK ||
		    sqlite3_exec(db->h, setv, NULL, NULL, &msg) != SQLITE_OK ||
		    db_exec(db, "COMMIT") != SQLITE_OK) {
			snprintf(err, errlen, "migration %zu: %s", i + 1, msg ? msg : sqlite3_errmsg(db->h));
			sqlite3_free(msg);
			db_rollback(db);
			return -1;
		}
		applied++;
	}
	return applied;
}

sqlite3_stmt *
db_stmt(struct db *db, const char *sql)
{
	for (size_t i = 0; i < db->ncached; i++) {
		if (db->cache[i].sql == sql) {
			sqlite3_reset(db->cache[i].st);
			sqlite3_clear_bindings(db->cache[i].st);
			return db->cache[i].st;
		}
	}
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "pressroom: cannot prepare: %s: %s\n", sqlite3_errmsg(db->h), sql);
		return NULL;
	}
	if (db->ncached == db->cap) {
		db->cap = db->cap ? db->cap * 2 : 64;
		db->cache = xrealloc(db->cache, db->cap * sizeof *db->cache);
	}
	db->cache[db->ncached].sql = sql;
	db->cache[db->ncached].st = st;
	db->ncached++;
	return st;
}

int
db_collect(sqlite3_stmt *st, struct arena *a, db_row_fn read, void *out, size_t *n, size_t size)
{
	size_t cap = 0;
	*(void **)out = NULL;
	*n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read(a, st, arena_push(a, out, n, &cap, size));
	return rc == SQLITE_DONE ? 0 : -1;
}

void
db_reset_all(struct db *db)
{
	for (size_t i = 0; i < db->ncached; i++)
		sqlite3_reset(db->cache[i].st);
}

int
db_find(struct db *db, const char *sql, const char *key, long long id, sqlite3_stmt **row)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (st == NULL)
		return -1;
	if (key)
		db_bind_str(st, 1, key);
	else
		db_bind_int(st, 1, id);
	int rc = sqlite3_step(st);
	*row = st;
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_exec(struct db *db, const char *sql)
{
	return sqlite3_exec(db->h, sql, NULL, NULL, NULL);
}

int
db_begin(struct db *db)
{
	return db_exec(db, "BEGIN IMMEDIATE");
}

/* The search index as SQL (sql/0006): triggers list the releases whose document changed in
 * releases_fts_stale, as they may not write the FTS5 table themselves (trusted_schema=OFF). */
static const char SQL_STALE[] = "SELECT EXISTS (SELECT 1 FROM releases_fts_stale)";
static const char SQL_UNINDEX[] =
    "DELETE FROM releases_fts WHERE rowid IN (SELECT release_id FROM releases_fts_stale)";
/* A deleted release has no document left: only the DELETE above applies to it. */
static const char SQL_REINDEX[] =
    "INSERT INTO releases_fts(rowid, title, summary, body, event, orgs) "
    "SELECT * FROM release_search_docs WHERE id IN (SELECT release_id FROM releases_fts_stale)";
static const char SQL_UNSTALE[] = "DELETE FROM releases_fts_stale";

static int
run(struct db *db, const char *sql)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc = st ? sqlite3_step(st) : SQLITE_ERROR;
	if (st)
		sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

int
db_catch_up_search(struct db *db)
{
	sqlite3_stmt *st;
	if (db_find(db, SQL_STALE, NULL, 0, &st) != 1)
		return -1;
	int stale = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (!stale)
		return 0;
	return run(db, SQL_UNINDEX) == 0 && run(db, SQL_REINDEX) == 0 && run(db, SQL_UNSTALE) == 0 ? 0 : -1;
}

int
db_commit(struct db *db)
{
	/* The writer brings the index up to date in its own transaction: a search reads it as
	 * committed and never writes, and no reader sees a change before its words are found. */
	if (db_catch_up_search(db) != 0)
		return SQLITE_ERROR;
	return db_exec(db, "COMMIT");
}

void
db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		db_exec(db, "ROLLBACK");
}

void
db_bind_text(sqlite3_stmt *st, int idx, const char *s)
{
	if (s == NULL || *s == '\0')
		sqlite3_bind_null(st, idx);
	else
		sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT);
}

void
db_bind_str(sqlite3_stmt *st, int idx, const char *s)
{
	sqlite3_bind_text(st, idx, s ? s : "", -1, SQLITE_TRANSIENT);
}

void
db_bind_int(sqlite3_stmt *st, int idx, long long v)
{
	sqlite3_bind_int64(st, idx, v);
}

void
db_bind_int_or_null(sqlite3_stmt *st, int idx, long long v)
{
	if (v < 0)
		sqlite3_bind_null(st, idx);
	else
		sqlite3_bind_int64(st, idx, v);
}

char *
db_col(struct arena *a, sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	return s ? arena_strndup(a, (const char *)s, (size_t)sqlite3_column_bytes(st, col)) : NULL;
}

char *
db_col_str(struct arena *a, sqlite3_stmt *st, int col)
{
	char *s = db_col(a, st, col);
	return s ? s : arena_strdup(a, "");
}

const char *
db_errmsg(struct db *db)
{
	return sqlite3_errmsg(db->h);
}

char *
db_unique_slug(struct db *db, struct arena *a, const char *taken_sql, const char *base)
{
	for (int i = 1; i < 1000; i++) {
		char *slug = i == 1 ? arena_strdup(a, base) : arena_printf(a, "%s-%d", base, i);
		sqlite3_stmt *st = db_stmt(db, taken_sql);
		if (st == NULL)
			return NULL;
		db_bind_str(st, 1, slug);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			return slug;
		if (rc != SQLITE_ROW)
			return NULL;
	}
	return NULL;
}
