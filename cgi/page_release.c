/* page_release: /news/YYYY/MM/<slug>: one published release with its event box. */
#include <string.h>

#include "event.h"
#include "handlers.h"
#include "page.h"
#include "page_event.h"
#include "release.h"
#include "timefmt.h"

/* 200 with the release; 301 to the canonical URL when year or month is off; 404 when
 * there is no published release by that slug (drafts included); 500 on a database error. */
int
page_release(struct ctx *c)
{
	struct release r;
	int found = release_published_by_slug(c->db, c->a, c->args[2], &r);
	if (found <= 0)
		return page_error(c, found == 0 ? 404 : 500, "release lookup failed");
	char *url = release_url(c->a, &r);
	char *asked = arena_printf(c->a, "/news/%s/%s/%s", c->args[0], c->args[1], c->args[2]);
	if (strcmp(url, asked) != 0)
		return page_redirect(c, 301, url);
	view_dict *d = page_begin(c, "release.tpl", r.title);
	view_set(d, "TITLE", r.title);
	view_set(d, "DATE", time_long_date(c->a, r.published_at));
	view_set(d, "DATE_ISO", r.published_at);
	view_set(d, "SUMMARY", r.summary);
	view_set(d, "BODY_HTML", r.body_html);   /* cmark's safe-mode output: the one raw insertion */
	if (r.event_id > 0) {
		struct event e;
		if (event_by_id(c->db, c->a, r.event_id, &e) != 1 || event_box(c, d, &e, 1) != 0)
			return page_error(c, 500, "event of a release");
	}
	return page_end(c, 200);
}
