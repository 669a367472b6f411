/* page_events: /events: upcoming events, then past ones a page at a time, with dates, place and kind. */
#include "event.h"
#include "pages.h"
#include "page.h"
#include "event_box.h"
#include "timefmt.h"
#include "valid.h"

/* One section of the listing: a heading and its events, or what to say when there are none. */
static void
list_events(struct ctx *c, view_dict *d, const char *id, const char *heading, const char *none,
    const struct event *es, size_t n)
{
	view_dict *list = view_add_section(d, "LIST");
	view_set(list, "ID", id);
	view_set(list, "HEADING", heading);
	for (size_t i = 0; i < n; i++)
		event_teaser(c, list, es[i].slug, es[i].title, es[i].starts_on, es[i].ends_on,
		    event_place(c->a, es[i].city, es[i].country_name), es[i].kind);
	if (n == 0)
		view_set(view_add_section(list, "NONE"), "TEXT", none);
}

static const char *
page_path(struct arena *a, long page)
{
	return page > 1 ? arena_printf(a, "/events?page=%ld", page) : "/events";
}

/* 200 with the listing; 404 for a page number that is not one or lies past the end;
 * 500 on a database error. Upcoming means not over by today in the office's zone. */
int
page_events(struct ctx *c)
{
	long page = 1;
	const char *p = fields_get(&c->query, "page");
	if (p && parse_long(p, 1, 100000, &page) != 0)
		return page_error(c, 404, NULL);
	const char *today = time_office_today(c->a);
	struct event *up = NULL, *past;
	size_t nup = 0, npast;
	if ((page == 1 && event_pub_upcoming(c->db, c->a, today, &up, &nup) != 0) ||
	    event_list_past(c->db, c->a, today, (page - 1) * EVENTS_PER_PAGE, &past, &npast) != 0)
		return page_error(c, 500, "listing events");
	if (page > 1 && npast == 0)
		return page_error(c, 404, NULL);
	view_dict *d = page_begin(c, "events.tpl", page > 1 ? "Past events, older" : "Events");
	page_meta(c, arena_printf(c->a, "Workshops, conferences, meetings, training and visits the %s "
	    "takes part in: dates, places, organisers, sponsors and delegations.", c->cfg->site_name),
	    page_path(c->a, page), NULL);
	if (page == 1)
		list_events(c, d, "upcoming", "Upcoming", "No upcoming event has been announced.", up, nup);
	else
		view_set_int(view_add_section(d, "PAGE_NUMBER"), "PAGE", page);
	/* One row more than a page was asked for: its being there says there is an older page. */
	int older = npast > EVENTS_PER_PAGE;
	list_events(c, d, "past", "Past", "No past event yet.", past, older ? EVENTS_PER_PAGE : npast);
	if (page > 1 || older) {
		view_dict *pager = view_add_section(d, "PAGER");
		if (page > 1)
			view_set(view_add_section(pager, "NEWER"), "URL", page_path(c->a, page - 1));
		if (older)
			view_set(view_add_section(pager, "OLDER"), "URL", page_path(c->a, page + 1));
	}
	return page_end(c, 200);
}
