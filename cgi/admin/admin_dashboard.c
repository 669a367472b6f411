/* admin_dashboard: /admin: the releases the signed-in person may work on, with their status. */
#include <string.h>

#include "auth.h"
#include "screens.h"
#include "page.h"
#include "release.h"
#include "review.h"
#include "timefmt.h"
#include "workflow.h"

/* 200 with the list: authors see their own releases, editors and admins everyone's. */
int
admin_dashboard(struct ctx *c)
{
	struct release *rs;
	size_t n;
	int everyone = c->me.role >= ROLE_EDITOR;
	if (release_list_for(c->db, c->a, everyone ? 0 : c->me.id, &rs, &n) != 0)
		return page_error(c, 500, "listing a dashboard");
	view_dict *d = page_begin(c, "dashboard.tpl", "Dashboard");
	static const char *const notices[] = { "delete", "The release was deleted.", NULL };
	const char *notice = page_done_notice(c, notices);
	if (notice)
		view_set(view_add_section(d, "NOTICE"), "TEXT", notice);
	view_set(d, "USER_NAME", c->me.display_name);
	view_set(d, "ROLE", role_name(c->me.role));
	view_show(d, everyone ? "EVERYONE" : "MINE");
	long waiting = review_waiting(c->db, c->me.id, everyone);
	if (waiting < 0)
		return page_error(c, 500, "counting what waits");
	view_set_int(d, "WAITING", waiting);
	view_show(d, everyone ? "WAITING_EDITOR" : "WAITING_AUTHOR");
	for (size_t i = 0; i < n; i++) {
		view_dict *r = view_add_section(d, "RELEASES");
		view_set_int(r, "ID", rs[i].id);
		view_set(r, "TITLE", rs[i].title);
		view_set(r, "STATUS", rs[i].status);
		view_set(r, "STATUS_LABEL", wf_status_label(rs[i].status));
		view_set(r, "UPDATED", time_long_date(c->a, rs[i].updated_at));
		view_set(r, "UPDATED_ISO", rs[i].updated_at);
		view_set(r, "AUTHOR", rs[i].author_name);
		if (everyone)
			view_show(r, "EVERYONE");
		if (strcmp(rs[i].status, "published") == 0)
			view_set(view_add_section(r, "PUBLIC"), "URL", release_url(c->a, &rs[i]));
	}
	if (n == 0)
		view_show(d, "NONE");
	return page_end(c, 200);
}
