/* test_search: typed text made into FTS5 queries, snippet marks, clipping, and the listing's cursors (search.h, listing.h). */
#include <sqlite3.h>
#include <string.h>

#include "buf.h"
#include "listing.h"
#include "search.h"
#include "unit.h"

static struct arena a;

/* What each input becomes; NULL when nothing is left to search for. */
static const struct {
	const char *typed, *want;
} queries[] = {
	{ "bangkok", "\"bangkok\"*" },
	{ "  forced   criminality ", "\"forced\" AND \"criminality\"*" },
	{ "\"forced criminality\" bangkok", "\"forced criminality\" AND \"bangkok\"*" },
	{ "bangkok \"forced criminality\"", "\"bangkok\" AND \"forced criminality\"" },
	{ "\"unclosed phrase", "\"unclosed phrase\"" },
	{ "say\"what", "\"say\"\"what\"*" },
	{ "a\"\"b", "\"a\"\"\"\"b\"" },
	{ "trafficking AND bangkok", "\"trafficking\" AND \"bangkok\"*" },
	{ "OR NOT NEAR AND", NULL },
	{ "and or not", "\"and\" AND \"or\" AND \"not\"*" },
	{ "\"AND\"", "\"AND\"" },
	{ "NEAR(forced criminality)", "\"NEAR(forced\" AND \"criminality)\"" },
	{ "title:bangkok", "\"title:bangkok\"*" },
	{ "-bangkok", "\"-bangkok\"*" },
	{ "^bangkok", "\"^bangkok\"*" },
	{ "bang*", "\"bang*\"" },
	{ "* ^ : ( ) - + \"\" \"", NULL },
	{ "", NULL },
	{ "   \t\n ", NULL },
	{ "eu", "\"eu\"" },
	{ "un eu", "\"un\" AND \"eu\"" },
	{ "ab", "\"ab\"" },
	{ "abc", "\"abc\"*" },
	{ "c\xc3\xb4te", "\"c\xc3\xb4te\"*" },
	{ "\xe2\x80\x94 bangkok \xe2\x80\x94", "\"bangkok\"*" },
	{ "\xe0\xb8\x81\xe0\xb8\xb2\xe0\xb8\xa3", "\"\xe0\xb8\x81\xe0\xb8\xb2\xe0\xb8\xa3\"*" },
	{ "bangkok \xf0\x9f\x98\x80", "\"bangkok\"*" },
	{ "1 2 3 4 5 6 7 8 9 10 11 12 13 14", "\"1\" AND \"2\" AND \"3\" AND \"4\" AND \"5\" AND \"6\" AND \"7\" "
	    "AND \"8\" AND \"9\" AND \"10\" AND \"11\" AND \"12\"" },
};

static void
test_queries(void)
{
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++)
		CHECK_STR(search_fts_query(&a, queries[i].typed), queries[i].want, "query for [%s]", queries[i].typed);
}

/* Every query the builder makes parses in FTS5: run each against a real table. */
static void
test_fts5_accepts(void)
{
	static const char *const hostile[] = {
		"\"", "\"\"", "\"\"\"", "a\"", "\"a", "NEAR(", "NEAR(a b, 2)", "a NEAR b", "a OR", "OR a",
		"NOT", "a NOT b", "(", ")", "((a)", "a)", "*", "a*", "*a", "^", "^a", "a^", ":", "x:", "x:y",
		"title:x", "{title summary}:x", "-", "-a", "a -b", "+", "a + b", "AND AND", "\"a\" \"b\"",
		"'", "a'b", "\\", "%", "_", "a;b", "a,b", "[", "]", "{", "}", "<mark>", "&amp;", "\x01x",
		"\xe2\x80\x9c" "curly" "\xe2\x80\x9d", "\xc2\xa0nbsp\xc2\xa0", "caf\xc3\xa9*", "\xef\xbc\x81",
	};
	sqlite3 *db;
	sqlite3_stmt *st = NULL;
	if (!CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK &&
	    sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'porter unicode61 remove_diacritics 2');"
	    "INSERT INTO t VALUES ('Bangkok workshop on forced criminality, C\xc3\xb4te d''Ivoire')", NULL, NULL, NULL) ==
	    SQLITE_OK && sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &st, NULL) == SQLITE_OK,
	    "an in-memory FTS5 table (Debian's libsqlite3 has FTS5)"))
		return;
	size_t n = sizeof hostile / sizeof hostile[0], bad = 0;
	for (size_t i = 0; i < n; i++) {
		const char *q = search_fts_query(&a, hostile[i]);
		if (q == NULL)
			continue;
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW) {
			fprintf(stderr, "#   [%s] -> [%s]: %s\n", hostile[i], q, sqlite3_errmsg(db));
			bad++;
		}
	}
	CHECK(bad == 0, "FTS5 parses the query made from each of %zu hostile inputs", n);
	const char *found[] = { "bangk", "\"forced criminality\"", "workshops", "cote", "C\xc3\xb4te d'Ivoire" };
	for (size_t i = 0; i < sizeof found / sizeof found[0]; i++) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, search_fts_query(&a, found[i]), -1, SQLITE_TRANSIENT);
		CHECK(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1, "[%s] finds the row", found[i]);
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void
test_clip(void)
{
	char long_ascii[SEARCH_MAX_CHARS + 51], long_utf8[2 * SEARCH_MAX_CHARS + 3];
	memset(long_ascii, 'x', sizeof long_ascii - 1);
	long_ascii[sizeof long_ascii - 1] = '\0';
	for (size_t i = 0; i + 1 < sizeof long_utf8; i += 2)
		memcpy(long_utf8 + i, "\xc3\xa9", 2);
	long_utf8[sizeof long_utf8 - 1] = '\0';
	int cut;
	CHECK_STR(search_clip(&a, "bangkok", &cut), "bangkok", "short input stays whole");
	CHECK(cut == 0, "... and is not marked as cut");
	CHECK(strlen(search_clip(&a, long_ascii, &cut)) == SEARCH_MAX_CHARS && cut,
	    "%d ASCII characters and more are cut to %d", SEARCH_MAX_CHARS + 50, SEARCH_MAX_CHARS);
	const char *u = search_clip(&a, long_utf8, &cut);
	CHECK(strlen(u) == 2 * SEARCH_MAX_CHARS && cut, "two-byte characters are cut after %d characters, not bytes",
	    SEARCH_MAX_CHARS);
	CHECK(u[strlen(u) - 1] == '\xa9', "... and never inside a character");
}

static void
test_split(void)
{
	struct search_part *p;
	size_t n = search_split(&a, "in \x02" "Bangkok\x03, Thailand", &p);
	CHECK(n == 3 && !p[0].marked && p[1].marked && !p[2].marked, "plain, marked, plain");
	CHECK(n == 3 && strcmp(p[0].text, "in ") == 0 && strcmp(p[1].text, "Bangkok") == 0 &&
	    strcmp(p[2].text, ", Thailand") == 0, "... with the text between the marks");
	n = search_split(&a, "<b>&amp;\x02<i>\x03", &p);
	CHECK(n == 2 && strcmp(p[0].text, "<b>&amp;") == 0 && strcmp(p[1].text, "<i>") == 0 && p[1].marked,
	    "markup in the text stays text (the template escapes it)");
	n = search_split(&a, "\x03stray\x02\x02open", &p);
	CHECK(n == 2 && !p[0].marked && p[1].marked, "stray and doubled marks only switch marking");
	CHECK(search_split(&a, "", &p) == 0, "empty text has no parts");
	CHECK(search_split(&a, "\x02\x03", &p) == 0, "an empty mark has no parts");
}

static void
test_cursor(void)
{
	struct release_cursor cur;
	CHECK(listing_cursor_parse(&a, "2025-02-24T02:00:00Z.123", &cur) == 0 && strcmp(cur.at, "2025-02-24T02:00:00Z") == 0 &&
	    cur.id == 123, "a cursor reads as its time and id");
	CHECK_STR(listing_cursor(&a, "2025-02-24T02:00:00Z", 123), "2025-02-24T02:00:00Z.123", "and is written back alike");
	static const char *const bad[] = {
		"", "2025-02-24T02:00:00Z", "2025-02-24T02:00:00Z.", "2025-02-24T02:00:00Z.0", "2025-02-24T02:00:00Z.012",
		"2025-02-24T02:00:00Z.-1", "2025-02-24T02:00:00Z.1x", "2025-02-24T02:00:00Z.1.2", "2025-02-30T02:00:00Z.1",
		"2025-02-24 02:00:00Z.1", "2025-02-24T02:00:00+08:00.1", "2025-02-24T02:00:00Z.99999999999999999999",
		".1", "x.1", "2025-2-24T02:00:00Z.1",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK(listing_cursor_parse(&a, bad[i], &cur) != 0, "cursor [%s] is refused", bad[i]);
}

int
main(int argc, char **argv)
{
	unit_start(argc, argv, "search");
	test_queries();
	test_fts5_accepts();
	test_clip();
	test_split();
	test_cursor();
	arena_free(&a);
	return unit_end();
}
