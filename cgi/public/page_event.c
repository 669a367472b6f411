/* page_event: /events/<slug>: an event in depth (the event box, every delegation) and every published release about it. */
#include <string.h>

#include "delegation.h"
#include "feed.h"
#include "pages.h"
#include "meta.h"
#include "page.h"
#include "event_box.h"
#include "release_list.h"
#include "release.h"
#include "timefmt.h"

/* Where to go on from an event: every event, and the year's engagements when the office went. */
static void
more_links(struct ctx *c, view_dict *d, const struct event *e)
{
	struct member *members;
	size_t n;
	if (delegation_members(c->db, c->a, e->id, &members, &n) == 0 && n > 0)
		view_set(view_add_section(d, "YEAR_LINK"), "YEAR", arena_strndup(c->a, e->starts_on, 4));
}

/* 200 with the event; 404 for an unknown slug or an event no public release is about yet;
 * 500 on a database error. */
int
page_event(struct ctx *c)
{
	struct event e;
	int found = event_pub_find(c->db, c->a, c->args[0], 0, &e);
	if (found <= 0)
		return page_error(c, found == 0 ? 404 : 500, "event lookup failed");
	struct release *rs;
	size_t n;
	if (release_list_published_for_event(c->db, c->a, e.id, &rs, &n) != 0)
		return page_error(c, 500, "releases of an event");
	view_dict *d = page_begin(c, "event.tpl", e.title);
	view_set(d, "TITLE", e.title);
	if (e.summary)
		view_set(view_add_section(d, "SUMMARY"), "SUMMARY", e.summary);
	if (event_box(c, d, &e, 0) != 0 || meta_event(c, &e) != 0)
		return page_error(c, 500, "event box");
	feed_autodiscover_event(c, &e);
	list_releases(c, d, rs, n);
	if (n == 0)
		view_show(d, "NO_RELEASES");
	more_links(c, d, &e);
	return page_end(c, 200);
}
