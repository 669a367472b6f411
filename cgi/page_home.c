/* page_home: `/`, the newest published releases, 20 a page, with links to the other pages. */
#include "handlers.h"
#include "page.h"
#include "page_list.h"
#include "release.h"
#include "valid.h"

/* Links to the first, last and nearby pages: enough to walk 5,000 pages without listing them all. */
static void
pager(view_dict *d, long page, long pages)
{
	if (pages <= 1)
		return;
	view_dict *p = view_add_section(d, "PAGER");
	if (page > 1)
		view_set_int(view_add_section(p, "PREV"), "N", page - 1);
	if (page < pages)
		view_set_int(view_add_section(p, "NEXT"), "N", page + 1);
	long last_shown = 0;
	for (long i = 1; i <= pages; i++) {
		if (i != 1 && i != pages && (i < page - 2 || i > page + 2))
			continue;
		if (last_shown && i > last_shown + 1)
			view_show(view_add_section(p, "PAGES"), "GAP");
		view_dict *n = view_add_section(p, "PAGES");
		view_set_int(n, "N", i);
		view_show(n, i == page ? "CURRENT" : "LINK");
		last_shown = i;
	}
}

/* 200 with a page of releases; 404 for a page number past the end or not a number. */
int
page_home(struct ctx *c)
{
	long page = 1;
	const char *p = fields_get(&c->query, "page");
	if (p && parse_long(p, 1, 1000000, &page) != 0)
		return page_error(c, 404, NULL);
	long total = release_count_published(c->db);
	if (total < 0)
		return page_error(c, 500, "counting releases");
	long pages = (total + RELEASES_PER_PAGE - 1) / RELEASES_PER_PAGE;
	if (page > 1 && page > pages)
		return page_error(c, 404, NULL);
	struct release *rs;
	size_t n;
	if (release_list_published(c->db, c->a, (page - 1) * RELEASES_PER_PAGE, RELEASES_PER_PAGE, &rs, &n) != 0)
		return page_error(c, 500, "listing releases");
	view_dict *d = page_begin(c, "home.tpl", page > 1 ? "News, older releases" : "News");
	list_releases(c, d, rs, n);
	if (n == 0)
		view_show(d, "NONE");
	if (page > 1)
		view_set_int(view_add_section(d, "PAGE_NUMBER"), "PAGE", page);
	pager(d, page, pages);
	return page_end(c, 200);
}
