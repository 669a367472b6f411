/* page_event: /events/<slug>: an event's details and every published release about it. */
#include <string.h>

#include "delegation.h"
#include "handlers.h"
#include "page.h"
#include "page_event.h"
#include "page_list.h"
#include "release.h"
#include "timefmt.h"

static const char *
role_heading(const char *role, size_t count)
{
	if (strcmp(role, "organiser") == 0)
		return count > 1 ? "Organisers" : "Organiser";
	if (strcmp(role, "sponsor") == 0)
		return count > 1 ? "Sponsors" : "Sponsor";
	if (strcmp(role, "host") == 0)
		return count > 1 ? "Hosts" : "Host";
	return count > 1 ? "Partners" : "Partner";
}

static void
fill_orgs(struct ctx *c, view_dict *box, const struct event_org *orgs, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && strcmp(orgs[j].role, orgs[i].role) == 0)
			j++;
		view_dict *g = view_add_section(box, "ROLE_GROUP");
		view_set(g, "ROLE", role_heading(orgs[i].role, j - i));
		for (size_t k = i; k < j; k++) {
			view_dict *o = view_add_section(g, "ORG");
			view_set(o, "NAME", orgs[k].name);
			if (orgs[k].short_name)
				view_set(view_add_section(o, "SHORT"), "SHORT_NAME", orgs[k].short_name);
		}
		i = j;
	}
	(void)c;
}

/* "2 judicial officers" from a role title stored in the singular. */
static char *
people(struct arena *a, long count, const char *role)
{
	size_t n = strlen(role);
	int plural = count != 1 && n && role[n - 1] != 's';
	return arena_printf(a, "%ld %s%s", count, role, plural ? "s" : "");
}

int
event_box(struct ctx *c, view_dict *d, const struct event *e, int link_title)
{
	struct event_org *orgs;
	struct member *members;
	size_t norgs, nmembers;
	if (event_orgs(c->db, c->a, e->id, &orgs, &norgs) != 0 ||
	    delegation_members(c->db, c->a, e->id, &members, &nmembers) != 0)
		return -1;
	view_dict *box = view_add_include(d, "EVENT_BOX", "event_box.tpl");
	view_set(box, "EVENT_TITLE", e->title);
	view_set(box, "EVENT_URL", arena_printf(c->a, "/events/%s", e->slug));
	view_show(box, link_title ? "TITLE_LINKED" : "TITLE_PLAIN");
	view_set(box, "DATES", date_range(c->a, e->starts_on, e->ends_on));
	view_set(box, "STARTS_ON", e->starts_on);
	view_set(box, "KIND", e->kind);
	if (e->venue)
		view_set(view_add_section(box, "VENUE"), "VENUE", e->venue);
	if (e->city || e->country_name) {
		const char *place = e->city && e->country_name
		    ? arena_printf(c->a, "%s, %s", e->city, e->country_name)
		    : (e->city ? e->city : e->country_name);
		view_set(view_add_section(box, "PLACE"), "PLACE", place);
	}
	fill_orgs(c, box, orgs, norgs);
	if (nmembers) {
		view_dict *del = view_add_section(box, "DELEGATION");
		long total = 0;
		for (size_t i = 0; i < nmembers; i++) {
			view_dict *m = view_add_section(del, "MEMBER");
			view_set(m, "WHO", people(c->a, members[i].count, members[i].role_title));
			if (members[i].department)
				view_set(view_add_section(m, "DEPARTMENT"), "DEPARTMENT", members[i].department);
			if (members[i].names)
				view_set(view_add_section(m, "NAMES"), "NAMES", members[i].names);
			total += members[i].count;
		}
		view_set_int(del, "TOTAL", total);
	}
	if (e->participants >= 0)
		view_set_int(view_add_section(box, "PARTICIPANTS"), "PARTICIPANTS", e->participants);
	if (e->countries >= 0)
		view_set_int(view_add_section(box, "COUNTRIES"), "COUNTRIES", e->countries);
	return 0;
}

/* 200 with the event; 404 for an unknown slug; 500 on a database error. */
int
page_event(struct ctx *c)
{
	struct event e;
	int found = event_by_slug(c->db, c->a, c->args[0], &e);
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
	if (event_box(c, d, &e, 0) != 0)
		return page_error(c, 500, "event box");
	list_releases(c, d, rs, n);
	if (n == 0)
		view_show(d, "NO_RELEASES");
	return page_end(c, 200);
}
