/* fuzz_search: what readers type into search and the listing's page cursors, as page_search and page_home read them. */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "db.h"
#include "fuzz.h"
#include "listing.h"
#include "req.h"
#include "search.h"
#include "valid.h"

extern const char *const demo_sql[];

static struct db db;

/* The demo content in a private database, its search index caught up. */
static void
open_db(void)
{
	char err[512];
	if (db_open(&db, ":memory:", 1, err, sizeof err) != 0 || db_migrate(&db, err, sizeof err) < 0 ||
	    sqlite3_exec(db.h, demo_sql[0], NULL, NULL, NULL) != SQLITE_OK || db_catch_up_search(&db) != 0)
		fuzz_fail("the demo database opens", err);
}

static void
search(struct arena *a, const char *typed)
{
	int cut;
	char *q = search_clip(a, trim_copy(a, typed), &cut);
	if (utf8_chars(q) > SEARCH_MAX_CHARS || !utf8_valid(q, strlen(q)))
		fuzz_fail("a clipped search is at most SEARCH_MAX_CHARS whole characters", q);
	const char *match = search_fts_query(a, q);
	if (match == NULL)
		return;
	/* The point of search_fts_query: whatever was typed, FTS5 never sees a syntax error; nor does
	 * the query without its prefix star that search_as_typed may choose. */
	const char *as_typed = search_as_typed(a, match);
	const char *both[] = { match, as_typed ? as_typed : match };
	for (size_t i = 0; i < 2; i++) {
		sqlite3_stmt *st = db_stmt(&db, "SELECT rowid FROM releases_fts WHERE releases_fts MATCH ?1");
		db_bind_str(st, 1, both[i]);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			;
		if (rc != SQLITE_DONE)
			fuzz_fail("every query search_fts_query builds is one FTS5 accepts", both[i]);
		sqlite3_reset(st);
	}
}

static void
cursor(struct arena *a, const char *s)
{
	struct release_cursor cur;
	if (listing_cursor_parse(a, s, &cur) != 0)
		return;
	if (strcmp(listing_cursor(a, cur.at, cur.id), s) != 0)
		fuzz_fail("an accepted cursor is the one listing_cursor writes", s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (db.h == NULL)
		open_db();
	/* The query string as the worker parses it: handlers see only valid UTF-8 without controls. */
	struct arena a = { 0 };
	struct fields f = { 0 };
	const struct limits lim = { LIMIT_FIELDS, LIMIT_FIELD_NAME, 256 * 1024 };
	if (parse_urlencoded(&a, (const char *)data, size, &lim, &f) == 0) {
		const char *q = fields_get(&f, "q"), *b = fields_get(&f, "before"), *af = fields_get(&f, "after");
		if (q)
			search(&a, q);
		if (b)
			cursor(&a, b);
		if (af)
			cursor(&a, af);
	}
	/* Snippets marked by FTS5 hold stored text, so the splitter takes any bytes. */
	char *marked = fuzz_cstr(data, size);
	struct search_part *parts;
	size_t n = search_split(&a, marked, &parts);
	for (size_t i = 0; i < n; i++)
		if (strpbrk(parts[i].text, SEARCH_MARK_OPEN SEARCH_MARK_CLOSE))
			fuzz_fail("search_split leaves no mark in its parts", parts[i].text);
	free(marked);
	arena_free(&a);
	return 0;
}
