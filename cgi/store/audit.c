/* audit: appending to the hash-chained audit log, checking the chain, and reading it back. */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "audit.h"
#include "timefmt.h"

static void
add_field(struct buf *b, const char *s)
{
	if (s == NULL) {
		buf_adds(b, "~\n");
		return;
	}
	buf_addf(b, "%zu:", strlen(s));
	buf_adds(b, s);
	buf_adds(b, "\n");
}

void
audit_serialise(struct buf *out, const struct audit_entry *e)
{
	char id[24], user[24];
	snprintf(id, sizeof id, "%ld", e->id);
	snprintf(user, sizeof user, "%ld", e->user_id);
	buf_adds(out, "pressroom-audit-1\n");
	add_field(out, id);
	add_field(out, e->at);
	add_field(out, e->user_id ? user : NULL);
	add_field(out, e->client);
	add_field(out, e->action);
	add_field(out, e->subject);
	add_field(out, e->detail);
	add_field(out, e->prev_hash);
}

void
audit_hash(const struct audit_entry *e, char out[AUDIT_HASH_HEX + 1])
{
	struct buf b = { 0 };
	unsigned char h[AUDIT_HASH_HEX / 2];
	audit_serialise(&b, e);
	crypto_generichash(h, sizeof h, (const unsigned char *)b.data, b.len, NULL, 0);
	sodium_bin2hex(out, AUDIT_HASH_HEX + 1, h, sizeof h);
	buf_free(&b);
}

static const char SQL_LAST[] = "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1";
static const char SQL_INSERT[] =
    "INSERT INTO audit_log(id, at, user_id, client, action, subject, detail, prev_hash, hash) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

/* Links e to the last entry and inserts it; the caller holds the write transaction. */
static int
append(struct db *db, struct arena *a, struct audit_entry *e)
{
	sqlite3_stmt *st = db_stmt(db, SQL_LAST);
	if (st == NULL)
		return -1;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	e->id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) + 1 : 1;
	e->prev_hash = rc == SQLITE_ROW ? db_col_str(a, st, 1) : "";
	sqlite3_reset(st);
	char hash[AUDIT_HASH_HEX + 1];
	audit_hash(e, hash);
	if ((st = db_stmt(db, SQL_INSERT)) == NULL)
		return -1;
	db_bind_int(st, 1, e->id);
	db_bind_str(st, 2, e->at);
	db_bind_int_or_null(st, 3, e->user_id ? e->user_id : -1);
	db_bind_text(st, 4, e->client);
	db_bind_str(st, 5, e->action);
	db_bind_text(st, 6, e->subject);
	db_bind_text(st, 7, e->detail);
	db_bind_str(st, 8, e->prev_hash);
	db_bind_str(st, 9, hash);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}

/* "" is stored as NULL, so it is hashed as NULL too. */
static const char *
or_null(const char *s)
{
	return s && *s ? s : NULL;
}

int
audit_record_as(struct db *db, struct arena *a, long user_id, const char *client, const char *action,
    const char *subject, const char *detail)
{
	struct audit_entry e = { .at = time_now_iso(a), .user_id = user_id, .client = or_null(client),
		.action = action, .subject = or_null(subject), .detail = or_null(detail) };
	/* Alone, the entry takes a transaction of its own: reading the last hash and inserting
	 * must be one step, or two workers could chain to the same entry. */
	int own = sqlite3_get_autocommit(db->h);
	if (own && db_begin(db) != SQLITE_OK)
		return -1;
	int rc = append(db, a, &e);
	if (own && rc == 0 && db_commit(db) != SQLITE_OK)
		rc = -1;
	if (rc != 0) {
		fprintf(stderr, "pressroom: audit %s: %s\n", action, db_errmsg(db));
		if (own)
			db_rollback(db);
	}
	return rc;
}

int
audit_record_cli(struct db *db, struct arena *a, const char *action, const char *subject,
    const char *detail)
{
	return audit_record_as(db, a, 0, "cli", action, subject, detail);
}

#define ENTRY_COLUMNS "a.id, a.at, a.user_id, a.client, a.action, a.subject, a.detail, a.prev_hash, a.hash"

static void
read_entry(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct audit_entry *e = row;
	e->id = sqlite3_column_int64(st, 0);
	e->at = db_col_str(a, st, 1);
	e->user_id = sqlite3_column_int64(st, 2);
	e->client = db_col(a, st, 3);
	e->action = db_col_str(a, st, 4);
	e->subject = db_col(a, st, 5);
	e->detail = db_col(a, st, 6);
	e->prev_hash = db_col_str(a, st, 7);
	e->hash = db_col_str(a, st, 8);
	e->user_name = "";
}

static const char SQL_CHAIN[] = "SELECT " ENTRY_COLUMNS " FROM audit_log a ORDER BY a.id";

/* What is wrong with e, which follows the entry prev_id whose hash is prev_hash; NULL if nothing.
 * Sets *bad to the entry to blame. */
static const char *
link_problem(struct arena *a, const struct audit_entry *e, long prev_id, const char *prev_hash, long *bad)
{
	char want[AUDIT_HASH_HEX + 1];
	if (e->id != prev_id + 1) {
		*bad = prev_id + 1;
		if (prev_id == 0)
			return arena_printf(a, "removed: the log starts at entry %ld", e->id);
		return arena_printf(a, "removed: entry %ld follows entry %ld", e->id, prev_id);
	}
	audit_hash(e, want);
	if (strcmp(want, e->hash) != 0) {
		*bad = e->id;
		return "altered: its hash does not match what it says";
	}
	if (strcmp(e->prev_hash, prev_hash) != 0) {
		/* e itself is intact, so what it was chained to has been rewritten since. */
		if (prev_id == 0) {
			*bad = e->id;
			return "removed: the first entry names a predecessor, so entries before it are gone";
		}
		*bad = prev_id;
		return arena_printf(a, "altered: entry %ld no longer carries its hash", e->id);
	}
	return NULL;
}

int
audit_verify(struct db *db, struct arena *a, struct audit_check *out)
{
	sqlite3_stmt *st = db_stmt(db, SQL_CHAIN);
	if (st == NULL)
		return -1;
	long prev_id = 0;
	int rc;
	*out = (struct audit_check){ .last_hash = "" };
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct audit_entry e;
		read_entry(a, st, &e);
		out->checked++;
		if ((out->why = link_problem(a, &e, prev_id, out->last_hash, &out->bad_id)) != NULL) {
			sqlite3_reset(st);
			return 1;
		}
		prev_id = e.id;
		out->last_hash = e.hash;
	}
	return rc == SQLITE_DONE ? 0 : -1;
}

static const char SQL_LIST[] =
    "SELECT " ENTRY_COLUMNS ", coalesce(u.name, '') FROM audit_log a LEFT JOIN users u ON u.id = a.user_id "
    "WHERE (?1 = '' OR a.action = ?1) AND (?2 = '' OR u.name = ?2) AND (?3 = '' OR a.subject = ?3) "
    "AND (?4 = '' OR a.at >= ?4) AND (?5 = '' OR a.at < ?5) "
    "ORDER BY a.id DESC LIMIT ?6 OFFSET ?7";

static void
read_audit_list_row(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct audit_entry *e = row;
	read_entry(a, st, e);
	e->user_name = db_col_str(a, st, 9);
}

int
audit_list(struct db *db, struct arena *a, const struct audit_filter *f, long offset, long limit,
    struct audit_entry **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_LIST);
	if (st == NULL)
		return -1;
	db_bind_str(st, 1, f->action);
	db_bind_str(st, 2, f->account);
	db_bind_str(st, 3, f->subject);
	db_bind_str(st, 4, f->from);
	db_bind_str(st, 5, f->to);
	db_bind_int(st, 6, limit);
	db_bind_int(st, 7, offset);
	return db_collect(st, a, read_audit_list_row, out, n, sizeof **out);
}

static const char SQL_ACTIONS[] = "SELECT DISTINCT action FROM audit_log ORDER BY action";

int
audit_actions(struct db *db, struct arena *a, const char ***out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_ACTIONS);
	if (st == NULL)
		return -1;
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*(const char **)arena_push(a, out, n, &cap, sizeof **out) = db_col_str(a, st, 0);
	return rc == SQLITE_DONE ? 0 : -1;
}
