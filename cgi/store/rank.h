/* rank: what search tests of each release, kept in the worker, and the FTS5 functions that read it. */
#ifndef PRESSROOM_RANK_H
#define PRESSROOM_RANK_H

#include <stdint.h>

#include "db.h"

/* Why: a word in 16,000 of 100,000 releases made the search look each match up twice, once in the
 * releases table (is it listed, when was it published) and once in FTS5's table of document
 * lengths (for bm25): 0.3 and 0.6 microseconds a match, most of a 40 ms page. The worker keeps
 * both per release id instead and brings them up to date from the search_changes log (sql/0009)
 * before each search, in the same read transaction as the search, so they are never older than
 * the index the search reads.
 *
 * The functions, registered on every connection by db_open:
 *   pr_listed(releases_fts, now, from, until)  1 when the row's release is listed at `now` and was
 *       published in [from, until) (seconds since 1970), as the listing's SQL condition says;
 *   pr_published(releases_fts)                 its publication time, for ties (newer first);
 *   pr_rank(releases_fts, weight...)           FTS5's bm25() with the same weights, to the last
 *       bit, taking the document's length from the worker instead of a lookup.
 * All three read the worker's copy, so call rank_sync first, in the same transaction. */

#define RANK_MAX_ID (1L << 22)   /* ids from here (4 million releases) turn the worker's copy off */

/* Registers the functions on db (db->facts holds their data). 0, or -1 (the search then uses its
 * table lookups). */
int  rank_register(struct db *db);
/* Frees db->facts; after the connection is closed. */
void rank_free(struct db *db);
/* Applies the changes logged since the last call (all facts at the first, or when the log has
 * been trimmed past them, emptied or rewritten). Call inside the search's read transaction. 1
 * when the facts can serve the search; 0 when they cannot (no registration, an id below 0 or from
 * RANK_MAX_ID, a time stored in another shape than the application writes, out of memory); -1 on
 * a database error. */
int  rank_sync(struct db *db);
/* Drops the copy: the next rank_sync reads everything (a search found it wrong). */
void rank_forget(struct db *db);

/* pr_listed counts the rows it lets through: a statement that ranks every match (its ORDER BY
 * needs them all) counts the listed ones on the way, without a second walk of the index.
 * rank_count_start before the statement, rank_counted after it is done. */
void rank_count_start(struct db *db);
long rank_counted(struct db *db);

/* The sum of a FTS5 docsize blob's varints: the document's length in tokens, all columns. */
uint32_t rank_doc_words(const unsigned char *blob, int len);

#endif
