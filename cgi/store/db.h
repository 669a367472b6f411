/* db: opening the SQLite file, its pragmas, migrations, a per-worker statement cache, transactions. */
#ifndef PRESSROOM_DB_H
#define PRESSROOM_DB_H

#include <sqlite3.h>
#include <stddef.h>

#include "buf.h"

struct db_cached {
	const char   *sql;
	sqlite3_stmt *st;
};

struct db {
	sqlite3          *h;
	size_t            ncached, cap;
	struct db_cached *cache;    /* grows as statements are first used; one per SQL literal */
};

extern const char *const migrations[];
extern const size_t migrations_count;

/* Opens with WAL, foreign keys and a busy timeout. create: make the file if missing. */
int  db_open(struct db *db, const char *path, int create, char *err, size_t errlen);
void db_close(struct db *db);
int  db_version(struct db *db);
/* 0 when the file's schema is the one this build knows; else -1 and why. */
int  db_check_schema(struct db *db, char *err, size_t errlen);
/* Applies the missing migrations, each in its own transaction; returns how many, or -1. */
int  db_migrate(struct db *db, char *err, size_t errlen);

/* A prepared statement for a string literal, kept for the worker's life; reset and unbound. */
sqlite3_stmt *db_stmt(struct db *db, const char *sql);

/* Runs a one-row lookup bound to key (text) or, when key is NULL, to id: 1 with *row on the
 * row (read it, then sqlite3_reset), 0 when there is none, -1 on error. */
int  db_find(struct db *db, const char *sql, const char *key, long long id, sqlite3_stmt **row);

/* Reads the current row of st into *row (one element of an arena array). */
typedef void (*db_row_fn)(struct arena *a, sqlite3_stmt *st, void *row);
/* Steps st to its end, reading each row into a new element of `size` bytes of the arena array
 * *out (n of them); 0, or -1 on a database error. */
int  db_collect(sqlite3_stmt *st, struct arena *a, db_row_fn read, void *out, size_t *n, size_t size);

/* Resets every cached statement: run after each request, so that no statement left on a row
 * keeps an old read snapshot (or a lock) into the next one. */
void db_reset_all(struct db *db);

int  db_begin(struct db *db);      /* BEGIN IMMEDIATE: writers queue here, not at COMMIT */
/* COMMIT, the search index first brought up to date with what the transaction changed; an error
 * leaves the transaction open for the caller's db_rollback. */
int  db_commit(struct db *db);
/* Rebuilds the search documents of the releases listed stale (sql/0006), in the caller's
 * transaction; 0 or -1. db_commit calls it; so may a bulk writer before optimising the index. */
int  db_catch_up_search(struct db *db);
void db_rollback(struct db *db);
int  db_exec(struct db *db, const char *sql);

void db_bind_text(sqlite3_stmt *st, int idx, const char *s);   /* NULL or "" binds NULL */
void db_bind_str(sqlite3_stmt *st, int idx, const char *s);    /* NULL binds "" */
void db_bind_int(sqlite3_stmt *st, int idx, long long v);
void db_bind_int_or_null(sqlite3_stmt *st, int idx, long long v);  /* v < 0 binds NULL */
char *db_col(struct arena *a, sqlite3_stmt *st, int col);       /* NULL stays NULL */
char *db_col_str(struct arena *a, sqlite3_stmt *st, int col);   /* NULL becomes "" */
const char *db_errmsg(struct db *db);
/* base, or base-2, base-3 ... whichever taken_sql (SELECT 1 ... WHERE slug = ?1) finds free. */
char *db_unique_slug(struct db *db, struct arena *a, const char *taken_sql, const char *base);

#endif
