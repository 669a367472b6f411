/* page_org: /organisations/<slug>: what an organisation organised, sponsored or hosted, and its delegations. */
#include <string.h>

#include "delegation.h"
#include "feed.h"
#include "pages.h"
#include "meta.h"
#include "page.h"
#include "event_box.h"

static const char *
kind_label(const char *kind)
{
	if (strcmp(kind, "government") == 0)
		return "Government body";
	if (strcmp(kind, "un_agency") == 0)
		return "United Nations agency";
	if (strcmp(kind, "intergovernmental") == 0)
		return "Intergovernmental organisation";
	if (strcmp(kind, "ngo") == 0)
		return "Non-governmental organisation";
	return NULL;
}

static int
is_event_role(const char *role)
{
	return strcmp(role, "delegation") != 0 && strcmp(role, "delegate") != 0;
}

/* One EVENT per event it organised, sponsored, hosted or partnered, with its roles there; the
 * parts come one row per role, an event's rows together. Counts the roles into s. */
static void
fill_events(struct ctx *c, view_dict *d, const struct org_part *p, size_t n, struct org_summary *s)
{
	view_dict *list = NULL;
	for (size_t i = 0, j; i < n; i = j) {
		char *roles = NULL;
		for (j = i; j < n && p[j].event_id == p[i].event_id; j++) {
			if (!is_event_role(p[j].role))
				continue;
			roles = roles ? arena_printf(c->a, "%s, %s", roles, p[j].role) : p[j].role;
			long *count = strcmp(p[j].role, "organiser") == 0 ? &s->organised
			    : strcmp(p[j].role, "sponsor") == 0 ? &s->sponsored
			    : strcmp(p[j].role, "host") == 0 ? &s->hosted : &s->partnered;
			(*count)++;
		}
		if (roles == NULL)
			continue;
		view_dict *e = event_teaser(c, list ? list : (list = view_add_section(d, "EVENTS")), p[i].event_slug,
		    p[i].event_title, p[i].starts_on, p[i].ends_on, NULL, NULL);
		view_set(view_add_section(e, "NOTE"), "TEXT", roles);
	}
}

/* One DELEGATION per delegation it sent or had people in; counts them into s. */
static void
fill_delegations(struct ctx *c, view_dict *d, const struct org_delegation *dl, size_t n, struct org_summary *s)
{
	view_dict *list = n ? view_add_section(d, "DELEGATIONS") : NULL;
	for (size_t i = 0; i < n; i++) {
		view_dict *e = event_teaser(c, list, dl[i].event_slug, dl[i].event_title, dl[i].starts_on,
		    dl[i].ends_on, NULL, NULL);
		view_set(view_add_section(e, "NOTE"), "TEXT", dl[i].sent
		    ? arena_printf(c->a, "sent the delegation (%s)", counted(c->a, dl[i].delegates, "person", "people"))
		    : arena_printf(c->a, "%s in the delegation%s%s (%ld in all)",
		    counted(c->a, dl[i].from_org, "person", "people"), dl[i].sender ? " of " : "",
		    dl[i].sender ? dl[i].sender : "", dl[i].delegates));
		s->sent += dl[i].sent != 0;
		s->joined += dl[i].from_org > 0;
		s->people += dl[i].from_org;
	}
}

/* 200 with the organisation; 404 for an unknown slug or one with no part in a public event;
 * 500 on a database error. */
int
page_org(struct ctx *c)
{
	struct org_summary s = { 0 };
	struct org_part *parts;
	struct org_delegation *dels;
	size_t nparts, ndels;
	int found = org_pub_find(c->db, c->a, c->args[0], 0, &s.o);
	if (found <= 0)
		return page_error(c, found == 0 ? 404 : 500, "organisation lookup failed");
	if (org_pub_parts(c->db, c->a, s.o.id, &parts, &nparts) != 0 ||
	    delegation_list_for_org(c->db, c->a, s.o.id, &dels, &ndels) != 0)
		return page_error(c, 500, "an organisation's events");
	view_dict *d = page_begin(c, "org.tpl", s.o.name);
	view_set(d, "NAME", s.o.name);
	if (s.o.short_name)
		view_set(view_add_section(d, "SHORT"), "SHORT_NAME", s.o.short_name);
	const char *kind = kind_label(s.o.kind);
	if (kind || s.o.country_name)
		view_set(view_add_section(d, "ABOUT"), "TEXT", kind && s.o.country_name
		    ? arena_printf(c->a, "%s, %s", kind, s.o.country_name) : kind ? kind : s.o.country_name);
	if (s.o.website)
		view_set(view_add_section(d, "WEBSITE"), "WEBSITE", s.o.website);
	fill_events(c, d, parts, nparts, &s);
	fill_delegations(c, d, dels, ndels, &s);
	org_parts_line(c, d, &s);
	feed_autodiscover_org(c, &s.o);
	meta_org(c, &s.o, arena_printf(c->a, "%s%s%s%s: the events it organised, sponsored or hosted and the "
	    "delegations it took part in, as the %s records them.", s.o.name, s.o.short_name ? " (" : "",
	    s.o.short_name ? s.o.short_name : "", s.o.short_name ? ")" : "", c->cfg->site_name));
	return page_end(c, 200);
}
