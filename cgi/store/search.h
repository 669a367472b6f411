/* search: what readers type made into safe FTS5 queries, and marked snippets. */
#ifndef PRESSROOM_SEARCH_H
#define PRESSROOM_SEARCH_H

#include <stddef.h>

#include "db.h"

#define SEARCH_MAX_CHARS 200   /* longer input is cut here (and the page says so) */
#define SEARCH_MAX_TERMS 12    /* terms past this many are left out: each one is another index walk */

/* Where snippet() and highlight() mark a match: control characters the request parser refuses
 * in any field, so no stored text a reader could have written holds them. */
#define SEARCH_MARK_OPEN  "\x02"
#define SEARCH_MARK_CLOSE "\x03"

/* typed cut to at most SEARCH_MAX_CHARS characters, never inside one; *cut says whether it was. */
char *search_clip(struct arena *a, const char *typed, int *cut);

/* An FTS5 query that finds releases holding every term typed, whatever was typed: each
 * whitespace-separated term becomes a quoted string (a quote inside it doubled), "a phrase in
 * quotes" stays one string, and the strings are ANDed. FTS5 syntax therefore never reaches the
 * parser: AND OR NOT NEAR are dropped when written in capitals (as operators they mean nothing
 * here), and * ^ : ( ) - and column names are only text. The last term matches as a prefix when
 * it ends in three or more letters or digits. Terms with no letter or digit are dropped, as FTS5
 * would make them an empty phrase that matches nothing. NULL when no term is left. */
char *search_fts_query(struct arena *a, const char *typed);

/* `match` without its last term's prefix star, or NULL when it has none. The search tries it
 * first and keeps the prefix only when the words as typed find no listed release: "work" then
 * finds work, not every workshop, and FTS5 need not merge the lists of every word that starts so
 * (for a word in every release, most of a search's time); "traff" still finds trafficking. */
char *search_as_typed(struct arena *a, const char *match);

/* One stretch of a snippet: plain text, or text the search matched. */
struct search_part {
	const char *text;
	int         marked;
};
/* Splits text marked with SEARCH_MARK_OPEN/CLOSE into parts (stray marks are dropped); their number. */
size_t search_split(struct arena *a, const char *marked, struct search_part **parts);

/* A matching release's text with its matches marked: the title and event title whole, the
 * summary and body as snippets of a few dozen words. */
struct search_marked {
	char *title, *event, *summary, *body;
};
/* Fills m[i] for ids[i], each of n releases, in one walk of the index; a release `match` does not
 * find (changed since its id was read) is left with NULL fields. 0, or -1 on error. */
int  search_marked(struct db *db, struct arena *a, const char *match, const long *ids, size_t n,
    struct search_marked *m);

#endif
