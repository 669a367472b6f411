/* test_rank: the worker's search facts and FTS5 functions (cgi/store/rank.h) give the joined search's answers. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rank.h"
#include "release.h"
#include "search.h"
#include "unit.h"

extern const char *const demo_sql[];

static struct arena a;
static char path[] = "/tmp/pressroom-test-rank-XXXXXX";

static const char *const words[] = {
	"workshop", "trafficking", "bangkok", "arbitration", "treaty", "extradition", "delegation",
	"counsel", "judicial", "regional", "cybercrime", "asean", "visit", "forum", "insolvency",
};
#define NWORDS (sizeof words / sizeof words[0])

/* A deterministic stream of numbers, so every run writes the same releases. */
static unsigned long seed = 42;
static unsigned
next(unsigned n)
{
	seed = seed * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(seed >> 33) % n;
}

static char *
text(size_t n)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < n; i++)
		buf_addf(&b, "%s%s", i ? " " : "", words[next(NWORDS)]);
	char *s = arena_strdup(&a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* Releases in every state the listing tells apart: published, due and not yet due schedules,
 * timed withdrawals past and to come, drafts, withdrawn; same times and same texts for ties. */
static void
write_releases(struct db *db, int from, int count)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO releases(slug, title, summary, body, status, author_id, "
	    "created_at, updated_at, published_at, withdraw_at) VALUES (?1, ?2, ?3, ?4, ?5, 1, '2020-01-01T00:00:00Z', "
	    "'2020-01-01T00:00:00Z', ?6, ?7)");
	static const char *const states[] = { "published", "published", "published", "scheduled", "scheduled",
		"draft", "withdrawn", "published", "published" };
	for (int i = from; i < from + count; i++) {
		unsigned s = next(sizeof states / sizeof states[0]);
		const char *status = states[s], *when = NULL, *withdraw = NULL;
		if (strcmp(status, "draft") != 0)
			when = i % 7 == 0 ? "2021-06-01T08:00:00Z" : arena_printf(&a, "20%02u-%02u-%02uT%02u:00:00Z",
			    15 + next(11), 1 + next(12), 1 + next(28), next(24));
		if (s == 4)
			when = "2199-01-01T00:00:00Z";   /* scheduled and not yet due */
		if (s == 7)
			withdraw = "2001-01-01T00:00:00Z"; /* taken down by its timed withdrawal */
		if (s == 8)
			withdraw = "2199-01-01T00:00:00Z";
		const char *body = i % 11 == 0 ? "workshop treaty workshop" : text(3 + next(120));
		db_bind_str(st, 1, arena_printf(&a, "release-%d", i));
		db_bind_str(st, 2, i % 11 == 0 ? "Regional workshop" : text(2 + next(6)));
		db_bind_str(st, 3, text(next(20)));
		db_bind_str(st, 4, body);
		db_bind_str(st, 5, status);
		db_bind_text(st, 6, when);
		db_bind_text(st, 7, withdraw);
		if (sqlite3_step(st) != SQLITE_DONE)
			fprintf(stderr, "#   insert: %s\n", sqlite3_errmsg(db->h));
		sqlite3_reset(st);
	}
}

static const char *
ids_text(const long *ids, size_t n)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < n; i++)
		buf_addf(&b, "%s%ld", i ? "," : "", ids[i]);
	const char *s = arena_strdup(&a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* Whether the quick search (the worker's facts) and the joined one agree on every query, filter
 * and page: the same count, the same ids in the same order. */
static int
agree(struct db *db, const char *when)
{
	static const char *const typed[] = { "workshop", "treaty workshop", "\"regional workshop\"", "traff",
		"bangkok asean", "visit", "zzz", "insolvency judicial counsel" };
	static const struct release_filter filters[] = {
		{ NULL, NULL, NULL, NULL, 0 },
		{ "2021-01-01T00:00:00Z", "2022-01-01T00:00:00Z", NULL, NULL, 0 },
		{ "2021-06-01T08:00:00Z", NULL, NULL, NULL, 0 },
	};
	int same = 1, checked = 0;
	if (db_exec(db, "BEGIN") != SQLITE_OK)
		return 0;
	int facts = rank_sync(db);
	CHECK_INT(facts, 1, "the facts serve the search (%s)", when);
	for (size_t q = 0; q < sizeof typed / sizeof typed[0]; q++) {
		const char *match = search_fts_query(&a, typed[q]);
		for (size_t f = 0; f < sizeof filters / sizeof filters[0]; f++) {
			/* Every page, and one past the last: the quick search counts while it ranks. */
			long slow_n = 0;
			for (long off = 0; off <= slow_n + 10; off += 10) {
				long *slow, *fast, fast_n;
				size_t ns, nf;
				if (release_search(db, &a, match, &filters[f], 0, off, 10, &slow, &ns, &slow_n) != 0 ||
				    release_search(db, &a, match, &filters[f], facts, off, 10, &fast, &nf, &fast_n) != 0) {
					same = 0;
					break;
				}
				checked += (int)ns;
				if (slow_n != fast_n || strcmp(ids_text(slow, ns), ids_text(fast, nf)) != 0) {
					fprintf(stderr, "#   %s, filter %zu, from %ld: joined %ld: %s, quick %ld: %s\n", typed[q], f,
					    off, slow_n, ids_text(slow, ns), fast_n, ids_text(fast, nf));
					same = 0;
				}
			}
		}
	}
	db_commit(db);
	CHECK(checked > 100, "the comparison saw results (%d, %s)", checked, when);
	return same;
}

static void
test_words(void)
{
	const unsigned char one[] = { 5 }, many[] = { 5, 0x81, 0x00, 0 }, big[] = { 0x82, 0x80, 0x01 };
	CHECK_INT(rank_doc_words(one, 1), 5, "one column of five tokens");
	CHECK_INT(rank_doc_words(many, 4), 133, "5 + 128 + 0: a two-byte varint among one-byte ones");
	CHECK_INT(rank_doc_words(big, 3), 32769, "a three-byte varint");
	CHECK_INT(rank_doc_words(NULL, 0), 0, "no columns, no tokens");
}

/* pr_rank is bm25 exactly, with the facts loaded and without them. */
static int
same_scores(struct db *db, const char *typed)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT bm25(releases_fts, 10.0, 4.0, 1.0, 3.0, 2.0), "
	    "pr_rank(releases_fts, 10.0, 4.0, 1.0, 3.0, 2.0) FROM releases_fts WHERE releases_fts MATCH ?1");
	db_bind_str(st, 1, search_fts_query(&a, typed));
	int rows = 0, same = 1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		rows++;
		same &= sqlite3_column_double(st, 0) == sqlite3_column_double(st, 1);
	}
	sqlite3_reset(st);
	return rows > 0 && same;
}

int
main(int argc, char **argv)
{
	unit_start(argc, argv, "rank");
	test_words();

	int fd = mkstemp(path);
	if (fd >= 0)
		close(fd);
	struct db writer, reader;
	char err[256];
	if (!CHECK(fd >= 0 && db_open(&writer, path, 1, err, sizeof err) == 0 &&
	    db_migrate(&writer, err, sizeof err) > 0 && sqlite3_exec(writer.h, demo_sql[0], NULL, NULL, NULL) == SQLITE_OK,
	    "a database with every migration and the demo content"))
		return unit_end();
	write_releases(&writer, 1000, 400);
	search_catch_up(&writer);
	if (!CHECK(db_open(&reader, path, 0, err, sizeof err) == 0, "a second connection, as another worker"))
		return unit_end();

	CHECK(same_scores(&reader, "workshop") && same_scores(&reader, "treaty bangkok") &&
	    same_scores(&reader, "\"regional workshop\""), "pr_rank equals bm25 to the bit before the facts are read");
	CHECK(agree(&reader, "first read"), "quick and joined searches agree on 400 releases");
	CHECK(same_scores(&reader, "workshop") && same_scores(&reader, "traff") && same_scores(&reader, "visit forum") &&
	    same_scores(&reader, "treaty \"regional workshop\""),
	    "pr_rank equals bm25 to the bit with the facts' lengths");

	/* Another worker changes releases in every way the facts follow; the reader must follow. */
	db_exec(&writer, "UPDATE releases SET status = 'withdrawn' WHERE id IN "
	    "(SELECT id FROM releases WHERE status = 'published' ORDER BY id LIMIT 5)");
	db_exec(&writer, "UPDATE releases SET published_at = '2199-01-01T00:00:00Z', status = 'scheduled' WHERE id IN "
	    "(SELECT id FROM releases WHERE status = 'published' ORDER BY id DESC LIMIT 5)");
	db_exec(&writer, "UPDATE releases SET withdraw_at = '2002-02-02T00:00:00Z' WHERE id IN "
	    "(SELECT id FROM releases WHERE status = 'published' AND withdraw_at IS NULL ORDER BY id LIMIT 5 OFFSET 10)");
	db_exec(&writer, "UPDATE releases SET status = 'published', published_at = '2021-06-01T08:00:00Z' "
	    "WHERE status = 'draft' AND id % 2 = 0");
	db_exec(&writer, "DELETE FROM releases WHERE id IN (SELECT id FROM releases WHERE body LIKE '%workshop%' LIMIT 3)");
	db_exec(&writer, "UPDATE releases SET body = body || ' workshop workshop workshop' WHERE id % 13 = 0");
	CHECK(db_exec(&writer, "UPDATE releases SET id = id + 5000 WHERE id IN (SELECT id FROM releases WHERE "
	    "status = 'published' AND title LIKE '%workshop%' ORDER BY id LIMIT 2)") == SQLITE_OK &&
	    sqlite3_changes(writer.h) == 2, "two releases' ids changed by hand");
	write_releases(&writer, 2000, 50);
	search_catch_up(&writer);
	CHECK(agree(&reader, "after another worker's changes"),
	    "after withdrawals, schedules, timed withdrawals, publications, deletions, edits, changed ids and new "
	    "releases, they agree");

	/* More changes than the log keeps: the reader reads everything again. */
	db_exec(&writer, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10050) "
	    "INSERT INTO search_changes(release_id) SELECT 1 FROM n");
	db_exec(&writer, "UPDATE releases SET status = 'draft' WHERE id IN (SELECT id FROM releases WHERE "
	    "status = 'published' ORDER BY id LIMIT 20)");
	sqlite3_stmt *st = db_stmt(&writer, "SELECT count(*) FROM search_changes");
	sqlite3_step(st);
	CHECK(sqlite3_column_int(st, 0) <= 10000, "the log keeps at most 10,000 rows (%d)", sqlite3_column_int(st, 0));
	sqlite3_reset(st);
	CHECK(agree(&reader, "after the log was trimmed"), "a worker left behind by the log's trimming still agrees");

	/* The log emptied by hand, then rewritten so the row the reader applied last names another
	 * release: the reader must read everything again, not only what follows. */
	st = db_stmt(&writer, "SELECT max(seq) FROM search_changes");
	sqlite3_step(st);
	long last = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	db_exec(&writer, "DELETE FROM search_changes");
	db_exec(&writer, "UPDATE releases SET status = 'draft' WHERE id IN (SELECT id FROM releases WHERE "
	    "status = 'published' ORDER BY id DESC LIMIT 7)");
	db_exec(&writer, arena_printf(&a, "INSERT INTO search_changes(seq, release_id) VALUES (%ld, 999999)", last));
	db_exec(&writer, "UPDATE releases SET status = 'draft' WHERE id IN (SELECT id FROM releases WHERE "
	    "status = 'published' ORDER BY id DESC LIMIT 1)");
	CHECK(agree(&reader, "after the log was emptied and rewritten"),
	    "a log emptied and rewritten by hand is read afresh, and they agree");

	/* Data the copy cannot hold: the search must fall back to the joined query, not crash. */
	struct release_filter any = { 0 };
	long *ids, total = -1;
	size_t n;
	static const char *const unfit[] = {
		"UPDATE releases SET published_at = '2021-06-01 08:00:00' WHERE id = (SELECT min(id) FROM releases "
		"WHERE status = 'published')",
		"INSERT INTO releases(id, slug, title, status, author_id, created_at, updated_at, published_at) VALUES "
		"(-5, 'negative', 'workshop below zero', 'published', 1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', "
		"'2020-01-01T00:00:00Z')",
		"INSERT INTO releases(id, slug, title, status, author_id, created_at, updated_at, published_at) VALUES "
		"(4194304, 'far', 'workshop far away', 'published', 1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', "
		"'2020-01-01T00:00:00Z')",
	};
	static const char *const undo[] = {
		"UPDATE releases SET published_at = '2021-06-01T08:00:00Z' WHERE published_at = '2021-06-01 08:00:00'",
		"DELETE FROM releases WHERE id = -5", "DELETE FROM releases WHERE id = 4194304",
	};
	for (size_t i = 0; i < sizeof unfit / sizeof unfit[0]; i++) {
		db_exec(&writer, unfit[i]);
		search_catch_up(&writer);
		db_exec(&reader, "BEGIN");
		int facts = rank_sync(&reader);
		int rc = release_search(&reader, &a, "\"workshop\"", &any, facts, 0, 10, &ids, &n, &total);
		db_commit(&reader);
		CHECK(facts == 0 && rc == 0 && total > 0, "the facts step aside for data they cannot hold (%s): "
		    "the joined search serves (%ld found)", undo[i], total);
		db_exec(&writer, undo[i]);
		search_catch_up(&writer);
		CHECK(agree(&reader, undo[i]), "once it is gone, the facts serve and agree again");
	}

	db_close(&reader);
	db_close(&writer);
	unlink(path);
	unlink(arena_printf(&a, "%s-wal", path));
	unlink(arena_printf(&a, "%s-shm", path));
	arena_free(&a);
	return unit_end();
}
