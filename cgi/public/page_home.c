/* page_home: `/`, the listed releases newest first, narrowed by filters, 20 a page by keyset cursor. */
#include <stdio.h>

#include "pages.h"
#include "listing.h"
#include "page.h"
#include "release_list.h"
#include "release.h"
#include "valid.h"

/* Where a page starts and which way it reads: after the `before` cursor (older), or the page
 * just newer than `after`; neither is the first page. */
struct place {
	struct release_cursor before, after;
	int has_before, has_after;
	const char *query;     /* "before=..." or "after=...", for the page's own address; NULL on the first */
};

/* Old links (/?page=N) from before cursors: 303 to where that page now starts, with the same
 * filters; 400 for a page that is not a number, 404 for one past the last. Page 1 is the first
 * page as it is (0: show it), with nothing to look up. */
static int
old_page(struct ctx *c, const struct listing *l, const char *p)
{
	long page;
	if (parse_long(p, 1, 1000000, &page) != 0)
		return page_error(c, 400, "The page number must be a whole number from 1.");
	if (page == 1)
		return 0;
	struct release_cursor *at;
	size_t n;
	if (release_listing_places(c->db, c->a, &l->f, (page - 1) * RELEASES_PER_PAGE - 1, 2, &at, &n) != 0)
		return page_error(c, 500, "finding an old page's place");
	if (n < 2)   /* the last release of the page before, and a first one on this page */
		return page_error(c, 404, NULL);
	const char *cur = listing_cursor(c->a, at[0].at, at[0].id);
	return page_redirect(c, 303, listing_url(c->a, "/", l, NULL,
	    arena_printf(c->a, "before=%s", url_encode(c->a, cur))));
}

/* Reads before= or after=; 0, or the status of the error page made. */
static int
read_place(struct ctx *c, struct place *pl)
{
	const char *b = fields_get(&c->query, "before"), *a = fields_get(&c->query, "after");
	pl->has_before = b && *b;
	pl->has_after = a && *a;
	if (pl->has_before && pl->has_after)
		return page_error(c, 400, "A page is either before= or after= a release, not both.");
	if ((pl->has_before && listing_cursor_parse(c->a, b, &pl->before) != 0) ||
	    (pl->has_after && listing_cursor_parse(c->a, a, &pl->after) != 0))
		return page_error(c, 400, "The page's place in the listing is not one this site links to; "
		    "start again from the first page.");
	if (pl->has_before || pl->has_after)
		pl->query = arena_printf(c->a, "%s=%s", pl->has_before ? "before" : "after",
		    url_encode(c->a, pl->has_before ? b : a));
	return 0;
}

/* The link to the page older than r ("before=") or newer than it ("after="). */
static const char *
cursor_link(struct ctx *c, const struct listing *l, int older, const struct release *r)
{
	const char *cur = listing_cursor(c->a, r->published_at, r->id);
	return listing_url(c->a, "/", l, NULL,
	    arena_printf(c->a, "%s=%s", older ? "before" : "after", url_encode(c->a, cur)));
}

/* Whether a listed release matching l lies beyond r, older or newer; 0 or -1. */
static int
beyond(struct ctx *c, const struct listing *l, int older, const struct release *r, int *yes)
{
	struct release_cursor at = { r->published_at, r->id };
	long *ids;
	size_t n;
	return release_listing_ids(c->db, c->a, &l->f, older ? &at : NULL, older ? NULL : &at, 0, &ids, &n, yes);
}

/* Newer and Older links: each where there is something to reach. */
static int
pager(struct ctx *c, view_dict *d, const struct listing *l, const struct place *pl,
    const struct release *rs, size_t n, int more)
{
	int newer = pl->has_after && more, older = !pl->has_after && more;
	if (n && pl->has_before && beyond(c, l, 0, &rs[0], &newer) != 0)
		return -1;
	if (n && pl->has_after && beyond(c, l, 1, &rs[n - 1], &older) != 0)
		return -1;
	if (!newer && !older)
		return 0;
	view_dict *p = view_add_section(d, "PAGER");
	if (newer)
		view_set(view_add_section(p, "NEWER"), "URL", cursor_link(c, l, 0, &rs[0]));
	if (older)
		view_set(view_add_section(p, "OLDER"), "URL", cursor_link(c, l, 1, &rs[n - 1]));
	return 0;
}

/* "1 release", "2,345 releases". */
static char *
count_text(struct arena *a, long n, int filtered)
{
	char digits[32], grouped[48];
	int len = snprintf(digits, sizeof digits, "%ld", n), o = 0;
	for (int i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	return arena_printf(a, "%s release%s%s", grouped, n == 1 ? "" : "s",
	    !filtered ? "" : n == 1 ? " matches these filters" : " match these filters");
}

/* 200 with a page of releases (or none yet); 303 for an old ?page=N link (N > 1), and for a newer
 * page that reaches the newest (the first page's own address); 400 for a filter value, cursor or page
 * number that is not valid (the form names a bad filter); 404 for a cursor page with nothing on it
 * or a ?page=N past the last; 500 on a database error. */
int
page_home(struct ctx *c)
{
	struct listing l;
	struct place pl = { 0 };
	int rc = listing_read(c, &l), bad;
	if (rc == 500)
		return page_error(c, 500, "reading the listing's filters");
	const char *old = fields_get(&c->query, "page");
	if (rc == 0 && old && (bad = old_page(c, &l, old)) != 0)
		return bad;
	if (rc == 0 && (bad = read_place(c, &pl)) != 0)
		return bad;
	view_dict *d = page_begin(c, "home.tpl", pl.has_before || pl.has_after ? "News, older releases" : "News");
	page_meta(c, NULL, listing_url(c->a, "/", &l, NULL, pl.query), NULL);
	if (listing_form(c, d, &l, "/", NULL) != 0)
		return page_error(c, 500, "the listing's filter form");
	if (rc == 400)
		return page_end(c, 400);
	long *ids;
	size_t nids, n;
	int more;
	struct release *rs;
	long total = release_listing_count(c->db, &l.f);
	if (total < 0 || release_listing_ids(c->db, c->a, &l.f, pl.has_before ? &pl.before : NULL,
	    pl.has_after ? &pl.after : NULL, RELEASES_PER_PAGE, &ids, &nids, &more) != 0 ||
	    release_rows(c->db, c->a, ids, nids, &rs, &n) != 0)
		return page_error(c, 500, "listing releases");
	if (pl.has_after && !more)
		return page_redirect(c, 303, listing_url(c->a, "/", &l, NULL, NULL));
	if (n == 0 && (pl.has_before || pl.has_after))
		return page_error(c, 404, NULL);
	int filtered = l.year || l.kind || l.org || l.country;
	view_set(view_add_section(d, "COUNT"), "TEXT", count_text(c->a, total, filtered));
	list_releases(c, d, rs, n);
	if (n == 0)
		view_show(d, filtered ? "NONE_MATCH" : "NONE");
	if (pager(c, d, &l, &pl, rs, n, more) != 0)
		return page_error(c, 500, "the listing's pager");
	return page_end(c, 200);
}
