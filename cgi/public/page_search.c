/* page_search: /search?q=...: listed releases matching every word, best first, with the listing's filters. */
#include <stdio.h>
#include <string.h>

#include "pages.h"
#include "listing.h"
#include "page.h"
#include "release.h"
#include "search.h"
#include "timefmt.h"
#include "valid.h"

#define SEARCH_MAX_PAGE 500   /* deeper than anyone reads; bounds the OFFSET a link can ask for */

/* Marked text as an include of marked.tpl: plain stretches and <mark>ed ones, all escaped there. */
static void
marked(struct ctx *c, view_dict *d, const char *name, const char *text)
{
	view_dict *m = view_add_include(d, name, "marked.tpl");
	struct search_part *parts;
	size_t n = search_split(c->a, text, &parts);
	for (size_t i = 0; i < n; i++) {
		view_dict *p = view_add_section(m, "PART");
		view_set(p, "TEXT", parts[i].text);
		view_show(p, parts[i].marked ? "MARK" : "PLAIN");
	}
}

/* A body snippet without the Markdown marks a reader does not see on the page (emphasis stars and
 * code ticks; heading and quote marks that open a line), on one line. */
static char *
plain(struct arena *a, const char *s)
{
	char *out = arena_strdup(a, s), *o = out;
	int line_start = 1;
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t' || *s == ' ') {
			if (o > out && o[-1] != ' ')
				*o++ = ' ';
			line_start |= *s == '\n';
			continue;
		}
		if (*s == '*' || *s == '`' || (line_start && (*s == '#' || *s == '>')))
			continue;
		line_start = 0;
		*o++ = *s;
	}
	*o = '\0';
	return out;
}

/* One result: the title and event title with matches marked, and the snippet that matched (the
 * body's when the body matched, else the summary's). */
static void
result(struct ctx *c, view_dict *d, const struct release *r, const struct search_marked *marks)
{
	struct search_marked m = *marks;
	if (m.title == NULL)   /* changed since it matched: shown unmarked rather than left out */
		m = (struct search_marked){ r->title, r->event_title ? r->event_title : "", r->summary, "" };
	view_dict *row = view_add_section(d, "RESULTS");
	view_set(row, "URL", release_url(c->a, r));
	view_set(row, "DATE", time_long_date(c->a, r->published_at));
	view_set(row, "DATE_ISO", r->published_at);
	marked(c, row, "TITLE_MARKED", m.title);
	if (r->event_slug) {
		view_dict *e = view_add_section(row, "EVENT");
		view_set(e, "EVENT_URL", arena_printf(c->a, "/events/%s", r->event_slug));
		marked(c, e, "EVENT_MARKED", m.event);
	}
	int body = strchr(m.body, SEARCH_MARK_OPEN[0]) != NULL || *m.summary == '\0';
	marked(c, row, "SNIPPET", plain(c->a, body ? m.body : m.summary));
}

static const char *
page_link(struct ctx *c, const struct listing *l, const char *q, long page)
{
	const char *extra = arena_printf(c->a, "q=%s", url_encode(c->a, q));
	if (page > 1)
		extra = arena_printf(c->a, "%s&page=%ld", extra, page);
	return listing_url(c->a, "/search", l, NULL, extra);
}

/* What a page of results shows, read in one snapshot of the database. */
struct found {
	long                  total;
	struct release       *rs;
	size_t                n;
	struct search_marked *marks;
};

/* The count, the page's releases and their marked text for match; 0, or -1 on a database error. */
static int
find_in_snapshot(struct ctx *c, const struct listing *l, const char *match, long page,
    struct found *out)
{
	long *ids;
	size_t nids;
	/* The words as typed first; the last one as a prefix only when they find nothing listed. */
	const char *tries[] = { search_as_typed(c->a, match), match };
	for (size_t i = 0; i < 2; i++) {
		if (tries[i] == NULL)
			continue;
		if (release_search(c->db, c->a, tries[i], &l->f, (page - 1) * RELEASES_PER_PAGE,
		    RELEASES_PER_PAGE, &ids, &nids, &out->total) != 0)
			return -1;
		match = tries[i];
		if (out->total > 0)
			break;
	}
	if (release_rows(c->db, c->a, ids, nids, &out->rs, &out->n) != 0)
		return -1;
	long *shown = arena_alloc(c->a, (out->n ? out->n : 1) * sizeof *shown);
	out->marks = arena_alloc(c->a, (out->n ? out->n : 1) * sizeof *out->marks);
	for (size_t i = 0; i < out->n; i++)
		shown[i] = out->rs[i].id;
	return search_marked(c->db, c->a, match, shown, out->n, out->marks);
}

/* find_in_snapshot in one read transaction, so the count, the page and its marks agree. It only
 * reads: the writers keep the index current (db_commit), and the transaction ends by rollback. */
static int
find(struct ctx *c, const struct listing *l, const char *match, long page, struct found *out)
{
	if (!sqlite3_get_autocommit(c->db->h)) {
		fprintf(stderr, "pressroom: search: a transaction was left open; rolled back\n");
		db_rollback(c->db);
	}
	if (db_exec(c->db, "BEGIN") != SQLITE_OK)
		return -1;
	int rc = find_in_snapshot(c, l, match, page, out);
	db_rollback(c->db);
	return rc;
}

/* The results for match, a page of them, and the links to the pages around; the status. */
static int
results(struct ctx *c, view_dict *d, const struct listing *l, const char *q, const char *match, long page)
{
	struct found found;
	if (find(c, l, match, page, &found) != 0)
		return page_error(c, 500, "searching");
	long total = found.total;
	size_t n = found.n;
	if (page > 1 && n == 0)
		return page_error(c, 404, NULL);
	int filtered = l->year || l->kind || l->org || l->country;
	if (total == 0) {
		view_dict *none = view_add_section(d, "NO_RESULTS");
		if (filtered)
			view_show(none, "FILTERED");
		return page_end(c, 200);
	}
	view_set(view_add_section(d, "COUNT"), "TEXT", arena_printf(c->a, "%ld result%s, best first%s.",
	    total, total == 1 ? "" : "s", page > 1 ? arena_printf(c->a, "; page %ld", page) : ""));
	for (size_t i = 0; i < n; i++)
		result(c, d, &found.rs[i], &found.marks[i]);
	if (total > RELEASES_PER_PAGE) {
		view_dict *p = view_add_section(d, "PAGER");
		view_set_int(p, "PAGE", page);
		if (page > 1)
			view_set(view_add_section(p, "PREV"), "URL", page_link(c, l, q, page - 1));
		if (page * RELEASES_PER_PAGE < total && page < SEARCH_MAX_PAGE)
			view_set(view_add_section(p, "NEXT"), "URL", page_link(c, l, q, page + 1));
	}
	return page_end(c, 200);
}

/* 200 with results, with "no results", or with the empty form; 400 for a bad filter value (the
 * form names it) or page number; 404 for a page past the last; 500 on a database error. What q
 * holds is never the reason for an error: any text becomes a safe query (search.h). */
int
page_search(struct ctx *c)
{
	struct listing l;
	int rc = listing_read(c, &l), cut = 0;
	if (rc == 500)
		return page_error(c, 500, "reading the search's filters");
	long page = 1;
	const char *p = fields_get(&c->query, "page");
	if (p && *p && parse_long(p, 1, SEARCH_MAX_PAGE, &page) != 0)
		return page_error(c, 400, arena_printf(c->a, "The page number must be a whole number from 1 to %d.",
		    SEARCH_MAX_PAGE));
	const char *typed = fields_get(&c->query, "q");
	char *q = search_clip(c->a, trim_copy(c->a, typed ? typed : ""), &cut);
	view_dict *d = page_begin(c, "search.tpl", *q ? arena_printf(c->a, "Search: %s", q) : "Search");
	if (listing_form(c, d, &l, "/search", q) != 0)
		return page_error(c, 500, "the search's filter form");
	if (rc == 400)
		return page_end(c, 400);
	if (cut)
		view_set_int(view_add_section(d, "CUT"), "MAX", SEARCH_MAX_CHARS);
	if (*q == '\0') {
		view_show(d, "PROMPT");
		return page_end(c, 200);
	}
	view_set(view_add_section(d, "FOR"), "Q", q);
	const char *match = search_fts_query(c->a, q);
	if (match == NULL) {
		view_show(d, "NO_WORDS");
		return page_end(c, 200);
	}
	view_set(d, "Q", q);
	return results(c, d, &l, q, match, page);
}
