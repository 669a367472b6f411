/* meta: the metadata and schema.org JSON-LD (jsonld.tpl) of release, event and organisation pages. */
#include <string.h>

#include "media_view.h"
#include "meta.h"
#include "page.h"
#include "event_box.h"
#include "timefmt.h"

/* The page's one JSON-LD block, holding the section of its type. */
static view_dict *
jsonld(struct ctx *c, const char *type)
{
	return view_add_section(view_add_include(c->layout, "JSONLD", "jsonld.tpl"), type);
}

int
meta_release(struct ctx *c, const struct release *r, const struct event *e)
{
	/* The public "modified" is when the current edition went out, not the last staff save. */
	struct release_pub pub;
	int found = release_pub_by_id(c->db, c->a, r->id, &pub);
	if (found < 0)
		return -1;
	const char *path = release_url(c->a, r);
	const char *description = *r->summary ? r->summary : r->title;
	page_meta(c, description, path, "article");
	view_dict *d = jsonld(c, "ARTICLE");
	view_set(d, "HEADLINE", r->title);
	view_set(d, "DESCRIPTION", description);
	view_set(d, "URL", page_url(c, path));
	view_set(d, "PUBLISHED", r->published_at);
	view_set(d, "MODIFIED", found ? pub.updated_at : r->published_at);
	view_set(d, "LANGUAGE", found ? pub.language : "en");
	view_set(d, "HOME", page_url(c, "/"));
	struct photo *ps;
	size_t np;
	if (r->withdrawn)
		np = 0;
	else if (photo_list(c->db, c->a, r->id, &ps, &np) != 0)
		return -1;
	if (np > 0) {
		/* The lead image, at its widest, for link previews and search engines. */
		long w = photo_widest(&ps[0]);
		const char *url = page_url(c, photo_url(c->a, "/media/", &ps[0], w, "jpg"));
		view_dict *both[] = { view_add_section(c->layout, "OG_IMAGE"), view_add_section(d, "IMAGE") };
		for (size_t i = 0; i < 2; i++) {
			view_set(both[i], "URL", url);
			view_set(both[i], "ALT", ps[0].alt);
			view_set_int(both[i], "WIDTH", ps[0].width);
			view_set_int(both[i], "HEIGHT", ps[0].height);
		}
	}
	if (e) {
		view_dict *about = view_add_section(d, "ABOUT");
		view_set(about, "NAME", e->title);
		view_set(about, "EVENT_URL", page_url(c, arena_printf(c->a, "/events/%s", e->slug)));
		view_set(about, "STARTS_ON", e->starts_on);
		view_set(about, "ENDS_ON", e->ends_on);
	}
	return 0;
}

/* The organisations with either role as one schema.org property (organizer, sponsor). */
static void
role_property(struct ctx *c, view_dict *d, const char *property, const struct event_org *orgs, size_t n,
    const char *role, const char *or_role)
{
	view_dict *list = NULL;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(orgs[i].role, role) != 0 && strcmp(orgs[i].role, or_role) != 0)
			continue;
		if (list == NULL)
			view_set(list = view_add_section(d, "ROLE"), "PROPERTY", property);
		view_dict *o = view_add_section(list, "ORG");
		view_set(o, "NAME", orgs[i].name);
		view_set(o, "URL", page_url(c, arena_printf(c->a, "/organisations/%s", orgs[i].slug)));
	}
}

int
meta_event(struct ctx *c, const struct event *e)
{
	struct event_org *orgs;
	size_t n;
	if (event_orgs(c->db, c->a, e->id, &orgs, &n) != 0)
		return -1;
	const char *path = arena_printf(c->a, "/events/%s", e->slug);
	const char *place = event_place(c->a, e->city, e->country_name);
	page_meta(c, e->summary ? e->summary : arena_printf(c->a, "A %s%s%s, %s.", e->kind, place ? " in " : "",
	    place ? place : "", date_range(c->a, e->starts_on, e->ends_on)), path, "website");
	view_dict *d = jsonld(c, "EVENT");
	view_set(d, "NAME", e->title);
	view_set(d, "URL", page_url(c, path));
	view_set(d, "STARTS_ON", e->starts_on);
	view_set(d, "ENDS_ON", e->ends_on);
	if (e->summary)
		view_set(view_add_section(d, "SUMMARY"), "TEXT", e->summary);
	if (e->venue || place) {
		view_dict *l = view_add_section(d, "LOCATION");
		view_set(l, "PLACE_NAME", e->venue ? e->venue : place);
		if (e->city)
			view_set(view_add_section(l, "LOCALITY"), "CITY", e->city);
		if (e->country)
			view_set(view_add_section(l, "COUNTRY"), "CODE", e->country);
	}
	/* schema.org has no host or partner of an event: a host organises it, a partner is left out. */
	role_property(c, d, "organizer", orgs, n, "organiser", "host");
	role_property(c, d, "sponsor", orgs, n, "sponsor", "sponsor");
	return 0;
}

void
meta_org(struct ctx *c, const struct org_info *o, const char *description)
{
	const char *path = arena_printf(c->a, "/organisations/%s", o->slug);
	page_meta(c, description, path, "website");
	view_dict *d = jsonld(c, "ORGANIZATION");
	view_set(d, "NAME", o->name);
	view_set(d, "URL", page_url(c, path));
	view_set(d, "DESCRIPTION", description);
	if (o->short_name)
		view_set(view_add_section(d, "ALTERNATE"), "SHORT_NAME", o->short_name);
	if (o->website)
		view_set(view_add_section(d, "WEBSITE"), "ADDRESS", o->website);
	if (o->country)
		view_set(view_add_section(d, "COUNTRY"), "CODE", o->country);
}
