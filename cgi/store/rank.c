/* rank: what search tests of each release, kept in the worker, and the FTS5 functions that read it. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rank.h"

struct fact {
	int64_t  published;   /* seconds since 1970; INT64_MAX when not published or scheduled */
	int64_t  withdraw;    /* when a timed withdrawal takes it down; INT64_MAX for none */
	uint32_t words;       /* its document's length in tokens; 0 when not known */
};

struct rank_facts {
	struct fact  *by_id;
	size_t        n;        /* by_id[0 .. n) */
	int           loaded;
	int           off;      /* registration failed: the search keeps its table lookups */
	int           unfit;    /* the data at `seq` cannot be kept (rank_sync): wait for the log to move */
	long          counted;  /* rows pr_listed let through since rank_count_start */
	int64_t       seq;      /* the last search_changes row applied */
	int64_t       seq_release; /* ... and the release it named: a log emptied or rewritten by hand shows */
};

/* Two subqueries: SQLite reads min() or max() alone from the end of the index, both at once by a scan. */
static const char SQL_SPAN[] =
    "SELECT coalesce((SELECT min(seq) FROM search_changes), 0), coalesce((SELECT max(seq) FROM search_changes), 0)";
static const char SQL_AT[] = "SELECT release_id FROM search_changes WHERE seq = ?1";
static const char SQL_ID_SPAN[] =
    "SELECT min((SELECT coalesce(min(id), 0) FROM releases), (SELECT coalesce(min(id), 0) FROM releases_fts_docsize)), "
    "max((SELECT coalesce(max(id), 0) FROM releases), (SELECT coalesce(max(id), 0) FROM releases_fts_docsize))";
/* The shape the application writes times in. Seconds compare as these strings do (the joined
 * search compares the strings) only for this shape: a time written otherwise by hand turns the
 * worker's copy off rather than let the two searches disagree. */
#define CANONICAL(col) "(" col " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')"
#define TIMES "unixepoch(published_at), unixepoch(withdraw_at), " \
	CANONICAL("published_at") " AND (withdraw_at IS NULL OR " CANONICAL("withdraw_at") ") "
/* The same partial index the search's join reads: every published or scheduled release. */
static const char SQL_ALL_FACTS[] =
    "SELECT id, " TIMES "FROM releases INDEXED BY releases_searched WHERE status IN ('published','scheduled')";
static const char SQL_ALL_WORDS[] = "SELECT id, sz FROM releases_fts_docsize";
static const char SQL_CHANGED[] = "SELECT DISTINCT release_id FROM search_changes WHERE seq > ?1";
static const char SQL_ONE_FACT[] =
    "SELECT " TIMES "FROM releases WHERE id = ?1 AND status IN ('published','scheduled')";
static const char SQL_ONE_WORDS[] = "SELECT sz FROM releases_fts_docsize WHERE id = ?1";

uint32_t
rank_doc_words(const unsigned char *blob, int len)
{
	uint64_t total = 0;
	for (int i = 0; i < len;) {
		/* SQLite's varint: seven bits a byte, high bit set on all but the last, a ninth byte whole */
		uint64_t v = 0;
		int k = 0;
		for (; k < 8 && i < len; k++) {
			unsigned char c = blob[i++];
			v = v << 7 | (c & 0x7f);
			if (!(c & 0x80))
				break;
		}
		if (k == 8 && i < len)
			v = v << 8 | blob[i++];
		total += v;
	}
	return total > UINT32_MAX ? UINT32_MAX : (uint32_t)total;
}

static struct fact *
fact_of(struct rank_facts *rf, int64_t id)
{
	return id >= 0 && (uint64_t)id < rf->n ? &rf->by_id[id] : NULL;
}

/* Makes room for ids below `ids`; -1 past RANK_MAX_ID or out of memory. */
static int
reserve(struct rank_facts *rf, int64_t ids)
{
	if (ids < 1 || ids > RANK_MAX_ID)
		return -1;
	if ((size_t)ids <= rf->n)
		return 0;
	/* An eighth to spare, so releases written one by one do not move the array each time. */
	size_t n = (size_t)ids + (size_t)ids / 8 + 1024;
	struct fact *p = realloc(rf->by_id, n * sizeof *p);
	if (p == NULL)
		return -1;
	for (size_t i = rf->n; i < n; i++)
		p[i] = (struct fact){ INT64_MAX, INT64_MAX, 0 };
	rf->by_id = p;
	rf->n = n;
	return 0;
}

/* The two numbers the one row of sql holds; 0, or -1 on a database error. */
static int
read_pair(struct db *db, const char *sql, int64_t *a, int64_t *b)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (st == NULL)
		return -1;
	int rc = sqlite3_step(st);
	*a = sqlite3_column_int64(st, 0);
	*b = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* The times of a row of TIMES from column col; 0 when they are not in the canonical shape. */
static int
set_times(struct fact *f, sqlite3_stmt *st, int col)
{
	f->published = sqlite3_column_type(st, col) == SQLITE_NULL ? INT64_MAX : sqlite3_column_int64(st, col);
	f->withdraw = sqlite3_column_type(st, col + 1) == SQLITE_NULL ? INT64_MAX : sqlite3_column_int64(st, col + 1);
	return sqlite3_column_int(st, col + 2);
}

/* Every fact read afresh. -1 on a database error; 0 when the data cannot be kept (an id below 0
 * or from RANK_MAX_ID, a time not in the canonical shape); 1 done. */
static int
load_all(struct db *db, struct rank_facts *rf)
{
	rf->loaded = 0;
	int64_t min_id, max_id;
	if (read_pair(db, SQL_ID_SPAN, &min_id, &max_id) != 0)
		return -1;
	if (min_id < 0 || max_id >= RANK_MAX_ID || reserve(rf, max_id + 1) != 0)
		return 0;
	for (size_t i = 0; i < rf->n; i++)
		rf->by_id[i] = (struct fact){ INT64_MAX, INT64_MAX, 0 };
	int rc, fit = 1;
	sqlite3_stmt *st = db_stmt(db, SQL_ALL_FACTS);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fact *f = fact_of(rf, sqlite3_column_int64(st, 0));
		if (f)
			fit &= set_times(f, st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE || (st = db_stmt(db, SQL_ALL_WORDS)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fact *f = fact_of(rf, sqlite3_column_int64(st, 0));
		if (f)
			f->words = rank_doc_words(sqlite3_column_blob(st, 1), sqlite3_column_bytes(st, 1));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return -1;
	rf->loaded = fit;
	return fit;
}

/* One release's facts read afresh (it may have gone: then it is unlisted and unknown); as load_all. */
static int
load_one(struct db *db, struct rank_facts *rf, int64_t id)
{
	if (id < 0 || id >= RANK_MAX_ID || reserve(rf, id + 1) != 0)
		return 0;
	struct fact *f = fact_of(rf, id);
	*f = (struct fact){ INT64_MAX, INT64_MAX, 0 };
	sqlite3_stmt *st = db_stmt(db, SQL_ONE_FACT);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	int rc = sqlite3_step(st), fit = 1;
	if (rc == SQLITE_ROW)
		fit = set_times(f, st, 0);
	sqlite3_reset(st);
	if ((rc != SQLITE_ROW && rc != SQLITE_DONE) || (st = db_stmt(db, SQL_ONE_WORDS)) == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		f->words = rank_doc_words(sqlite3_column_blob(st, 0), sqlite3_column_bytes(st, 0));
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? fit : -1;
}

/* The release the log row `seq` names into *id (0 for none, or seq 0); 0, or -1 on error. */
static int
release_at(struct db *db, int64_t seq, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, SQL_AT);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, seq);
	int rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* The releases logged after rf->seq, read again; as load_all. */
static int
apply_changes(struct db *db, struct rank_facts *rf)
{
	sqlite3_stmt *st = db_stmt(db, SQL_CHANGED);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, rf->seq);
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	int rc, ok = 1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			int64_t *p = realloc(ids, (cap = cap ? cap * 2 : 16) * sizeof *p);
			if (p == NULL) {
				ok = 0;   /* out of memory: the table lookups serve this search */
				break;
			}
			ids = p;
		}
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (ok && rc != SQLITE_DONE)
		ok = -1;
	/* Read after the statement above is done with, as load_one uses statements of its own. */
	for (size_t i = 0; ok == 1 && i < n; i++)
		ok = load_one(db, rf, ids[i]);
	free(ids);
	return ok;
}

int
rank_sync(struct db *db)
{
	struct rank_facts *rf = db->facts;
	if (rf == NULL || rf->off)
		return 0;
	int64_t lo, hi;
	if (read_pair(db, SQL_SPAN, &lo, &hi) != 0)
		return -1;
	if (rf->unfit && hi == rf->seq)
		return 0;   /* nothing logged since the data could not be kept: not worth reading again */
	/* The row last applied must still name the same release, unless trimmed away: a log emptied,
	 * rewritten or gone back (another file) is read afresh, as is one trimmed past it. */
	int64_t at = 0, named = 0;
	if (rf->loaded && lo <= rf->seq && rf->seq <= hi && release_at(db, rf->seq, &at) != 0)
		return -1;
	int ok;
	if (!rf->loaded || lo > rf->seq + 1 || hi < rf->seq || (lo <= rf->seq && at != rf->seq_release))
		ok = load_all(db, rf);
	else
		ok = hi == rf->seq ? 1 : apply_changes(db, rf);
	if (ok < 0 || release_at(db, hi, &named) != 0) {
		rf->loaded = 0;   /* start again from everything next time */
		return -1;
	}
	rf->loaded = ok == 1;
	rf->unfit = ok == 0;
	rf->seq = hi;
	rf->seq_release = named;
	return ok;
}

void
rank_forget(struct db *db)
{
	if (db->facts) {
		db->facts->loaded = 0;
		db->facts->unfit = 0;
	}
}

/* The fact behind the row FTS5 is on; NULL when the worker has none. */
static const struct fact *
row_fact(const Fts5ExtensionApi *api, Fts5Context *fts)
{
	struct rank_facts *rf = api->xUserData(fts);
	return rf->loaded ? fact_of(rf, api->xRowid(fts)) : NULL;
}

static void
pr_listed(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (argc != 3) {
		sqlite3_result_error(ctx, "pr_listed(releases_fts, now, from, until)", -1);
		return;
	}
	const struct fact *f = row_fact(api, fts);
	int64_t now = sqlite3_value_int64(argv[0]), from = sqlite3_value_int64(argv[1]),
	    until = sqlite3_value_int64(argv[2]);
	int listed = f && f->published <= now && f->withdraw > now && f->published >= from && f->published < until;
	((struct rank_facts *)api->xUserData(fts))->counted += listed;
	sqlite3_result_int(ctx, listed);
}

static void
pr_published(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	const struct fact *f = row_fact(api, fts);
	sqlite3_result_int64(ctx, f ? f->published : 0);
}

/* What bm25 computes once a query: the average document length and each phrase's IDF. */
struct bm25_query {
	double avgdl;
	int    phrases;
	double idf[];
};

/* Counting a phrase's documents for its IDF. */
struct hits {
	int64_t n, enough;
};

/* Stops at `enough`: from half the documents on, the IDF is the floor whatever the exact count
 * (a word in every release is counted to half of them, not all). SQLITE_DONE ends the walk without error. */
static int
count_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *hits)
{
	(void)api;
	(void)fts;
	struct hits *h = hits;
	return ++h->n >= h->enough ? SQLITE_DONE : SQLITE_OK;
}

static struct bm25_query *
bm25_query(const Fts5ExtensionApi *api, Fts5Context *fts, int *rc)
{
	struct bm25_query *q = api->xGetAuxdata(fts, 0);
	if (q)
		return q;
	int phrases = api->xPhraseCount(fts);
	sqlite3_int64 rows = 0, tokens = 0;
	q = sqlite3_malloc64(sizeof *q + (size_t)phrases * sizeof q->idf[0]);
	if (q == NULL) {
		*rc = SQLITE_NOMEM;
		return NULL;
	}
	q->phrases = phrases;
	if ((*rc = api->xRowCount(fts, &rows)) == SQLITE_OK)
		*rc = api->xColumnTotalSize(fts, -1, &tokens);
	q->avgdl = rows ? (double)tokens / (double)rows : 1.0;
	for (int i = 0; *rc == SQLITE_OK && i < phrases; i++) {
		struct hits h = { 0, (rows + 1) / 2 };
		*rc = api->xQueryPhrase(fts, i, &h, count_row);
		/* The usual BM25 IDF, kept above zero for phrases in half the documents or more. */
		double idf = log(((double)rows - (double)h.n + 0.5) / ((double)h.n + 0.5));
		q->idf[i] = idf <= 0.0 ? 1e-6 : idf;
	}
	if (*rc == SQLITE_OK)
		*rc = api->xSetAuxdata(fts, q, sqlite3_free);
	else
		sqlite3_free(q);
	return *rc == SQLITE_OK ? q : NULL;
}

static void
pr_rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const double k1 = 1.2, b = 0.75;
	int rc = SQLITE_OK;
	struct bm25_query *q = bm25_query(api, fts, &rc);
	double freq[16] = { 0 }, weight[8];
	if (q && q->phrases > (int)(sizeof freq / sizeof freq[0]))
		rc = SQLITE_RANGE;   /* search.c sends at most SEARCH_MAX_TERMS phrases */
	if (argc > (int)(sizeof weight / sizeof weight[0]))
		argc = (int)(sizeof weight / sizeof weight[0]);   /* releases_fts has five columns */
	for (int i = 0; i < argc; i++)
		weight[i] = sqlite3_value_double(argv[i]);
	/* Each phrase's instances in the row, weighted by their column. Walked phrase by phrase, not
	 * through xInst (which first merges every phrase's into one array: a third of the time); the
	 * sums come out the same, as each phrase's instances are added in the same order. */
	for (int i = 0; rc == SQLITE_OK && i < q->phrases; i++) {
		Fts5PhraseIter it;
		int col, off;
		rc = api->xPhraseFirst(fts, i, &it, &col, &off);
		for (; rc == SQLITE_OK && col >= 0; api->xPhraseNext(fts, &it, &col, &off))
			freq[i] += col < argc ? weight[col] : 1.0;
	}
	const struct fact *f = row_fact(api, fts);
	double len = f && f->words ? (double)f->words : -1.0;
	int words;
	if (rc == SQLITE_OK && len < 0 && (rc = api->xColumnSize(fts, -1, &words)) == SQLITE_OK)
		len = (double)words;
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	double score = 0.0;
	for (int i = 0; i < q->phrases; i++)
		score += q->idf[i] * ((freq[i] * (k1 + 1.0)) / (freq[i] + k1 * (1 - b + b * len / q->avgdl)));
	sqlite3_result_double(ctx, -1.0 * score);
}

void
rank_count_start(struct db *db)
{
	if (db->facts)
		db->facts->counted = 0;
}

long
rank_counted(struct db *db)
{
	return db->facts ? db->facts->counted : -1;
}

static void
forget(void *facts)
{
	(void)facts;   /* rank_free frees it, after the connection that used it is closed */
}

int
rank_register(struct db *db)
{
	fts5_api *fts5 = NULL;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_pointer(st, 1, (void *)&fts5, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (fts5 == NULL || (db->facts = calloc(1, sizeof *db->facts)) == NULL)
		return -1;
	if (fts5->xCreateFunction(fts5, "pr_listed", db->facts, pr_listed, forget) != SQLITE_OK ||
	    fts5->xCreateFunction(fts5, "pr_published", db->facts, pr_published, forget) != SQLITE_OK ||
	    fts5->xCreateFunction(fts5, "pr_rank", db->facts, pr_rank, forget) != SQLITE_OK) {
		db->facts->off = 1;   /* kept: a function registered before the failure points at it */
		return -1;
	}
	return 0;
}

void
rank_free(struct db *db)
{
	if (db->facts)
		free(db->facts->by_id);
	free(db->facts);
	db->facts = NULL;
}
