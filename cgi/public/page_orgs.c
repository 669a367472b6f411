/* page_orgs: /organisations: every organisation with a part in a public event, and its counts. */
#include "pages.h"
#include "org.h"
#include "page.h"
#include "event_box.h"

/* 200 with the index (an empty one says so); 500 on a database error. */
int
page_orgs(struct ctx *c)
{
	struct org_summary *orgs;
	size_t n;
	if (org_list_public(c->db, c->a, &orgs, &n) != 0)
		return page_error(c, 500, "listing organisations");
	view_dict *d = page_begin(c, "orgs.tpl", "Organisations");
	page_meta(c, arena_printf(c->a, "The organisations behind the events the %s takes part in: who "
	    "organised, sponsored or hosted them, and who sent delegations.", c->cfg->site_name),
	    "/organisations", NULL);
	view_dict *list = n ? view_add_section(d, "LIST") : NULL;
	for (size_t i = 0; i < n; i++) {
		view_dict *o = view_add_section(list, "ORG");
		view_set(o, "SLUG", orgs[i].o.slug);
		view_set(o, "NAME", orgs[i].o.name);
		view_set(o, "URL", arena_printf(c->a, "/organisations/%s", orgs[i].o.slug));
		if (orgs[i].o.short_name)
			view_set(view_add_section(o, "SHORT"), "SHORT_NAME", orgs[i].o.short_name);
		org_parts_line(c, o, &orgs[i]);
	}
	if (n == 0)
		view_show(d, "NONE");
	return page_end(c, 200);
}
