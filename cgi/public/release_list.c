/* release_list: release teasers, as the home page and event pages list them. */
#include "release_list.h"
#include "timefmt.h"

void
list_releases(struct ctx *c, view_dict *d, const struct release *rs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		view_dict *r = view_add_section(d, "RELEASES");
		view_set(r, "URL", release_url(c->a, &rs[i]));
		view_set(r, "TITLE", rs[i].title);
		view_set(r, "DATE", time_long_date(c->a, rs[i].published_at));
		view_set(r, "DATE_ISO", rs[i].published_at);
		if (*rs[i].summary)
			view_set(view_add_section(r, "SUMMARY"), "SUMMARY", rs[i].summary);
		if (rs[i].event_slug) {
			view_dict *e = view_add_section(r, "EVENT");
			view_set(e, "EVENT_TITLE", rs[i].event_title);
			view_set(e, "EVENT_URL", arena_printf(c->a, "/events/%s", rs[i].event_slug));
		}
	}
}
