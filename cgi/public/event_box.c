/* event_box: the event box shared by release and event pages, and how events and organisations are worded in lists. */
#include <string.h>

#include "delegation.h"
#include "event_box.h"
#include "page.h"
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
			view_set(o, "URL", arena_printf(c->a, "/organisations/%s", orgs[k].slug));
			if (orgs[k].short_name)
				view_set(view_add_section(o, "SHORT"), "SHORT_NAME", orgs[k].short_name);
		}
		i = j;
	}
}

char *
people(struct arena *a, long count, const char *role)
{
	size_t n = strlen(role);
	int plural = count != 1 && n && role[n - 1] != 's';
	return arena_printf(a, "%ld %s%s", count, role, plural ? "s" : "");
}

char *
counted(struct arena *a, long n, const char *one, const char *many)
{
	return arena_printf(a, "%ld %s", n, n == 1 ? one : many);
}

const char *
event_place(struct arena *a, const char *city, const char *country_name)
{
	if (city && country_name)
		return arena_printf(a, "%s, %s", city, country_name);
	return city ? city : country_name;
}

view_dict *
event_teaser(struct ctx *c, view_dict *list, const char *slug, const char *title, const char *starts_on,
    const char *ends_on, const char *place, const char *kind)
{
	view_dict *t = view_add_include(view_add_section(list, "EVENT"), "TEASER", "event_teaser.tpl");
	view_set(t, "TITLE", title);
	view_set(t, "URL", arena_printf(c->a, "/events/%s", slug));
	view_set(t, "DATES", date_range(c->a, starts_on, ends_on));
	view_set(t, "STARTS_ON", starts_on);
	if (place)
		view_set(view_add_section(t, "PLACE"), "PLACE", place);
	if (kind)
		view_set(view_add_section(t, "KIND"), "KIND", kind);
	return t;
}

/* Each delegation with its rows; members come grouped by delegation. One delegation is the
 * office's own; when there are several, who sent each tells them apart. */
static void
fill_delegations(struct ctx *c, view_dict *box, const struct member *m, size_t n)
{
	for (size_t i = 0, j; i < n; i = j) {
		view_dict *del = view_add_section(box, "DELEGATION");
		for (j = i; j < n && m[j].delegation_id == m[i].delegation_id; j++) {
			view_dict *row = view_add_section(del, "MEMBER");
			view_set(row, "WHO", people(c->a, m[j].count, m[j].role_title));
			if (m[j].department)
				view_set(view_add_section(row, "DEPARTMENT"), "DEPARTMENT", m[j].department);
			if (m[j].names)
				view_set(view_add_section(row, "NAMES"), "NAMES", m[j].names);
		}
		view_set(del, "HEADING", i == 0 && j == n ? "Our delegation"
		    : m[i].sender ? arena_printf(c->a, "Delegation of %s", m[i].sender) : "Delegation");
	}
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
	const char *place = event_place(c->a, e->city, e->country_name);
	if (place)
		view_set(view_add_section(box, "PLACE"), "PLACE", place);
	fill_orgs(c, box, orgs, norgs);
	fill_delegations(c, box, members, nmembers);
	if (e->participants >= 0)
		view_set_int(view_add_section(box, "PARTICIPANTS"), "PARTICIPANTS", e->participants);
	if (e->countries >= 0)
		view_set_int(view_add_section(box, "COUNTRIES"), "COUNTRIES", e->countries);
	return 0;
}

static void
part(view_dict *d, long n, const char *text)
{
	if (n > 0)
		view_set(view_add_section(d, "PART"), "TEXT", text);
}

void
org_parts_line(struct ctx *c, view_dict *d, const struct org_summary *s)
{
	struct arena *a = c->a;
	part(d, s->organised, arena_printf(a, "organiser of %s", counted(a, s->organised, "event", "events")));
	part(d, s->sponsored, arena_printf(a, "sponsor of %s", counted(a, s->sponsored, "event", "events")));
	part(d, s->hosted, arena_printf(a, "host of %s", counted(a, s->hosted, "event", "events")));
	part(d, s->partnered, arena_printf(a, "partner in %s", counted(a, s->partnered, "event", "events")));
	part(d, s->sent, arena_printf(a, "sent %s", counted(a, s->sent, "delegation", "delegations")));
	part(d, s->joined, arena_printf(a, "%s in %s", counted(a, s->people, "person", "people"),
	    counted(a, s->joined, "delegation", "delegations")));
}
