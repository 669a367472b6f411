/* media: the SQL of photographs, attachments and their history (the bytes are files.c's). */
#include <string.h>

#include "media.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

static const char SQL_PHOTOS[] =
    "SELECT id, release_id, position, hash, widths, width, height, alt, caption, credit "
    "FROM photos WHERE release_id = ?1 ORDER BY position, id";
static const char SQL_ATTACHMENTS[] =
    "SELECT id, release_id, position, hash, title, file_name, media_type, bytes, pages, thumb_width, "
    "thumb_height FROM attachments WHERE release_id = ?1 ORDER BY position, id";
static const char SQL_PHOTO_INSERT[] =
    "INSERT INTO photos(release_id, position, hash, widths, width, height, alt, caption, credit, added_by, added_at) "
    "VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM photos WHERE release_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, " NOW ")";
static const char SQL_ATTACHMENT_INSERT[] =
    "INSERT INTO attachments(release_id, position, hash, title, file_name, media_type, bytes, pages, "
    "thumb_width, thumb_height, added_by, added_at) VALUES (?1, (SELECT coalesce(max(position), 0) + 1 "
    "FROM attachments WHERE release_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, " NOW ")";
static const char SQL_PHOTO_UPDATE[] =
    "UPDATE photos SET alt = ?3, caption = ?4, credit = ?5, position = ?6 WHERE release_id = ?1 AND id = ?2";
static const char SQL_ATTACHMENT_UPDATE[] =
    "UPDATE attachments SET title = ?3, position = ?4 WHERE release_id = ?1 AND id = ?2";
static const char SQL_PHOTO_DELETE[] = "DELETE FROM photos WHERE release_id = ?1 AND id = ?2";
static const char SQL_ATTACHMENT_DELETE[] = "DELETE FROM attachments WHERE release_id = ?1 AND id = ?2";
/* Ties in position (two set to 1) keep upload order; the result is 1, 2, 3 with no gaps. */
static const char SQL_RENUMBER_PHOTOS[] =
    "UPDATE photos SET position = (SELECT count(*) FROM photos p WHERE p.release_id = photos.release_id "
    "AND (p.position < photos.position OR (p.position = photos.position AND p.id <= photos.id))) "
    "WHERE release_id = ?1";
static const char SQL_RENUMBER_ATTACHMENTS[] =
    "UPDATE attachments SET position = (SELECT count(*) FROM attachments t WHERE t.release_id = attachments.release_id "
    "AND (t.position < attachments.position OR (t.position = attachments.position AND t.id <= attachments.id))) "
    "WHERE release_id = ?1";
/* Listed: as release.c's LISTED, the clock in the query. */
#define LISTED_RELEASE "JOIN releases r ON r.id = x.release_id WHERE r.status IN ('published','scheduled') " \
	"AND r.published_at <= " NOW " AND (r.withdraw_at IS NULL OR r.withdraw_at > " NOW ")"
static const char SQL_ALL_PHOTOS[] =
    "SELECT x.id, x.release_id, x.position, x.hash, x.widths, x.width, x.height, x.alt, x.caption, x.credit "
    "FROM photos x WHERE ?1 = 0 UNION ALL SELECT x.id, x.release_id, x.position, x.hash, x.widths, x.width, "
    "x.height, x.alt, x.caption, x.credit FROM photos x " LISTED_RELEASE " AND ?1 = 1";
static const char SQL_ALL_ATTACHMENTS[] =
    "SELECT x.id, x.release_id, x.position, x.hash, x.title, x.file_name, x.media_type, x.bytes, x.pages, "
    "x.thumb_width, x.thumb_height FROM attachments x WHERE ?1 = 0 UNION ALL SELECT x.id, x.release_id, "
    "x.position, x.hash, x.title, x.file_name, x.media_type, x.bytes, x.pages, x.thumb_width, x.thumb_height "
    "FROM attachments x " LISTED_RELEASE " AND ?1 = 1";
static const char SQL_HASH_USED[] =
    "SELECT EXISTS (SELECT 1 FROM photos WHERE hash = ?1) OR EXISTS (SELECT 1 FROM attachments WHERE hash = ?1)";
static const char SQL_CHANGE_ADD[] =
    "INSERT INTO media_changes(release_id, kind, change, label, detail, changed_by, changed_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, " NOW ")";
static const char SQL_CHANGES[] =
    "SELECT m.kind, m.change, m.label, m.detail, u.display_name, m.changed_at FROM media_changes m "
    "JOIN users u ON u.id = m.changed_by WHERE m.release_id = ?1 ORDER BY m.id DESC LIMIT 200";

static void
read_photo(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct photo *p = row;
	p->id = sqlite3_column_int64(st, 0);
	p->release_id = sqlite3_column_int64(st, 1);
	p->position = sqlite3_column_int64(st, 2);
	p->hash = db_col_str(a, st, 3);
	p->widths = db_col_str(a, st, 4);
	p->width = sqlite3_column_int64(st, 5);
	p->height = sqlite3_column_int64(st, 6);
	p->alt = db_col_str(a, st, 7);
	p->caption = db_col_str(a, st, 8);
	p->credit = db_col_str(a, st, 9);
}

static void
read_attachment(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct attachment *t = row;
	t->id = sqlite3_column_int64(st, 0);
	t->release_id = sqlite3_column_int64(st, 1);
	t->position = sqlite3_column_int64(st, 2);
	t->hash = db_col_str(a, st, 3);
	t->title = db_col_str(a, st, 4);
	t->file_name = db_col_str(a, st, 5);
	t->media_type = db_col_str(a, st, 6);
	t->bytes = sqlite3_column_int64(st, 7);
	t->pages = sqlite3_column_int64(st, 8);
	t->thumb_width = sqlite3_column_int64(st, 9);
	t->thumb_height = sqlite3_column_int64(st, 10);
}

static void
read_change(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct media_change *m = row;
	m->kind = db_col_str(a, st, 0);
	m->change = db_col_str(a, st, 1);
	m->label = db_col_str(a, st, 2);
	m->detail = db_col_str(a, st, 3);
	m->by = db_col_str(a, st, 4);
	m->at = db_col_str(a, st, 5);
}

static int
list_of(struct db *db, struct arena *a, const char *sql, long release_id, db_row_fn read, void *out,
    size_t *n, size_t size)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, release_id);
	return db_collect(st, a, read, out, n, size);
}

int
photo_list(struct db *db, struct arena *a, long release_id, struct photo **out, size_t *n)
{
	return list_of(db, a, SQL_PHOTOS, release_id, read_photo, out, n, sizeof **out);
}

int
attachment_list(struct db *db, struct arena *a, long release_id, struct attachment **out, size_t *n)
{
	return list_of(db, a, SQL_ATTACHMENTS, release_id, read_attachment, out, n, sizeof **out);
}

int
media_change_list(struct db *db, struct arena *a, long release_id, struct media_change **out, size_t *n)
{
	return list_of(db, a, SQL_CHANGES, release_id, read_change, out, n, sizeof **out);
}

static long
inserted(struct db *db, sqlite3_stmt *st)
{
	return sqlite3_step(st) == SQLITE_DONE ? (long)sqlite3_last_insert_rowid(db->h) : -1;
}

long
photo_insert(struct db *db, const struct photo *p, long user_id)
{
	sqlite3_stmt *st = db_stmt(db, SQL_PHOTO_INSERT);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, p->release_id);
	db_bind_str(st, 2, p->hash);
	db_bind_str(st, 3, p->widths);
	db_bind_int(st, 4, p->width);
	db_bind_int(st, 5, p->height);
	db_bind_str(st, 6, p->alt);
	db_bind_str(st, 7, p->caption);
	db_bind_str(st, 8, p->credit);
	db_bind_int(st, 9, user_id);
	return inserted(db, st);
}

long
attachment_insert(struct db *db, const struct attachment *t, long user_id)
{
	sqlite3_stmt *st = db_stmt(db, SQL_ATTACHMENT_INSERT);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, t->release_id);
	db_bind_str(st, 2, t->hash);
	db_bind_str(st, 3, t->title);
	db_bind_str(st, 4, t->file_name);
	db_bind_str(st, 5, t->media_type);
	db_bind_int(st, 6, t->bytes);
	db_bind_int(st, 7, t->pages);
	db_bind_int(st, 8, t->thumb_width);
	db_bind_int(st, 9, t->thumb_height);
	db_bind_int(st, 10, user_id);
	return inserted(db, st);
}

static int
changed(struct db *db, sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		return -1;
	return sqlite3_changes(db->h) > 0;
}

int
photo_update(struct db *db, const struct photo *p)
{
	sqlite3_stmt *st = db_stmt(db, SQL_PHOTO_UPDATE);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, p->release_id);
	db_bind_int(st, 2, p->id);
	db_bind_str(st, 3, p->alt);
	db_bind_str(st, 4, p->caption);
	db_bind_str(st, 5, p->credit);
	db_bind_int(st, 6, p->position);
	return changed(db, st);
}

int
attachment_update(struct db *db, const struct attachment *t)
{
	sqlite3_stmt *st = db_stmt(db, SQL_ATTACHMENT_UPDATE);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, t->release_id);
	db_bind_int(st, 2, t->id);
	db_bind_str(st, 3, t->title);
	db_bind_int(st, 4, t->position);
	return changed(db, st);
}

static int
delete_row(struct db *db, const char *sql, long release_id, long id)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, release_id);
	db_bind_int(st, 2, id);
	return changed(db, st);
}

int
photo_delete(struct db *db, long release_id, long id)
{
	return delete_row(db, SQL_PHOTO_DELETE, release_id, id);
}

int
attachment_delete(struct db *db, long release_id, long id)
{
	return delete_row(db, SQL_ATTACHMENT_DELETE, release_id, id);
}

static int
run_for_release(struct db *db, const char *sql, long release_id)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, release_id);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}

int
media_renumber(struct db *db, long release_id)
{
	return run_for_release(db, SQL_RENUMBER_PHOTOS, release_id) == 0 &&
	    run_for_release(db, SQL_RENUMBER_ATTACHMENTS, release_id) == 0 ? 0 : -1;
}

int
media_hash_unused(struct db *db, const char *hash)
{
	sqlite3_stmt *st = db_stmt(db, SQL_HASH_USED);
	if (st == NULL)
		return -1;
	db_bind_str(st, 1, hash);
	if (sqlite3_step(st) != SQLITE_ROW)
		return -1;
	return sqlite3_column_int(st, 0) == 0;
}

int
media_change_record(struct db *db, long release_id, const char *kind, const char *change,
    const char *label, const char *detail, long user_id)
{
	sqlite3_stmt *st = db_stmt(db, SQL_CHANGE_ADD);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, release_id);
	db_bind_str(st, 2, kind);
	db_bind_str(st, 3, change);
	db_bind_str(st, 4, label);
	db_bind_str(st, 5, detail);
	db_bind_int(st, 6, user_id);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}

const char **
photo_file_names(struct arena *a, const struct photo *p)
{
	size_t n = 0, cap = 0;
	const char **names = NULL;
	for (const char *w = p->widths; *w; ) {
		size_t len = strspn(w, "0123456789");
		if (len == 0)
			break;
		const char *jpg = arena_printf(a, "%s-%.*s.jpg", p->hash, (int)len, w);
		const char *webp = arena_printf(a, "%s-%.*s.webp", p->hash, (int)len, w);
		*(const char **)arena_push(a, &names, &n, &cap, sizeof *names) = jpg;
		*(const char **)arena_push(a, &names, &n, &cap, sizeof *names) = webp;
		w += len;
		w += strspn(w, " ");
	}
	*(const char **)arena_push(a, &names, &n, &cap, sizeof *names) = NULL;
	return names;
}

const char **
attachment_file_names(struct arena *a, const struct attachment *t)
{
	const char **names = arena_alloc(a, 4 * sizeof *names);
	names[0] = arena_printf(a, "%s-%s", t->hash, t->file_name);
	names[1] = arena_printf(a, "%s-thumb.jpg", t->hash);
	names[2] = arena_printf(a, "%s-thumb.webp", t->hash);
	names[3] = NULL;
	return names;
}

static int
named(const char **names, const char *name)
{
	for (; *names; names++)
		if (strcmp(*names, name) == 0)
			return 1;
	return 0;
}

int
media_in_release(struct db *db, struct arena *a, long release_id, const char *name)
{
	struct photo *ps;
	struct attachment *ts;
	size_t np, nt;
	if (photo_list(db, a, release_id, &ps, &np) != 0 || attachment_list(db, a, release_id, &ts, &nt) != 0)
		return -1;
	for (size_t i = 0; i < np; i++)
		if (named(photo_file_names(a, &ps[i]), name))
			return 1;
	for (size_t i = 0; i < nt; i++)
		if (named(attachment_file_names(a, &ts[i]), name))
			return 1;
	return 0;
}

static void
push_names(struct arena *a, const char ***all, size_t *n, size_t *cap, const char **names)
{
	for (; *names; names++)
		*(const char **)arena_push(a, all, n, cap, sizeof **all) = *names;
}

int
media_all_names(struct db *db, struct arena *a, int listed_only, const char ***out, size_t *n)
{
	struct photo *ps;
	struct attachment *ts;
	size_t np, nt, cap = 0;
	if (list_of(db, a, SQL_ALL_PHOTOS, listed_only, read_photo, &ps, &np, sizeof *ps) != 0 ||
	    list_of(db, a, SQL_ALL_ATTACHMENTS, listed_only, read_attachment, &ts, &nt, sizeof *ts) != 0)
		return -1;
	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < np; i++)
		push_names(a, out, n, &cap, photo_file_names(a, &ps[i]));
	for (size_t i = 0; i < nt; i++)
		push_names(a, out, n, &cap, attachment_file_names(a, &ts[i]));
	return 0;
}
