/* admin_preview: /admin/releases/ID/preview, the release exactly as readers would see it, and its shareable links. */
#include <string.h>

#include "admin_release.h"
#include "audit.h"
#include "screens.h"
#include "page.h"
#include "media_view.h"
#include "release_page.h"
#include "preview.h"
#include "timefmt.h"
#include "valid.h"
#include "workflow.h"

static const struct rule days_rules[] = {
	{ "days", "Days", V_INT, 0, 1, PREVIEW_DAYS_MAX, NULL },
};

/* What the page says besides the release and its links. */
struct shown {
	const char           *notice;
	const char           *new_url;    /* a link just made: its full address, shown this once */
	long                  new_id;
	const struct checked *days;       /* the days field as posted, when it was */
};

static const char *
link_state(const struct preview_link *l)
{
	return l->revoked_at ? "Revoked" : (l->expired ? "Expired" : "Works");
}

static void
add_links(struct ctx *c, view_dict *banner, const struct preview_link *ls, size_t n, const struct shown *s)
{
	for (size_t i = 0; i < n; i++) {
		const struct preview_link *l = &ls[i];
		view_dict *row = view_add_section(banner, "LINKS");
		view_set_int(row, "LINK_ID", l->id);
		view_set(row, "BY", l->created_by_name);
		view_set(row, "CREATED", time_long_datetime(c->a, l->created_at));
		view_set(row, "CREATED_ISO", l->created_at);
		view_set(row, "EXPIRES", time_long_datetime(c->a, l->expires_at));
		view_set(row, "EXPIRES_ISO", l->expires_at);
		view_set_int(row, "USES", l->uses);
		view_set(row, "LAST_USED", l->last_used_at ? time_long_datetime(c->a, l->last_used_at) : "Never");
		view_set(row, "STATE", link_state(l));
		if (!l->revoked_at && !l->expired)
			view_show(row, "ACTIVE");
		if (l->id == s->new_id) {
			view_dict *made = view_add_section(banner, "NEW_LINK");
			view_set(made, "URL", s->new_url);
			view_set(made, "EXPIRES", time_long_datetime(c->a, l->expires_at));
		}
	}
	if (n)
		view_show(banner, "HAS_LINKS");
}

/* The preview with the staff's panel: status 200, 201 after a link was made, 422 with the days
 * field named; 500 on a database error. */
static int
preview_page(struct ctx *c, int status, const struct release *r, const struct shown *s)
{
	struct preview_link *ls;
	size_t n;
	view_dict *banner;
	if (preview_link_list(c->db, c->a, r->id, &ls, &n) != 0 || release_page_build_with(c, r, &banner,
	    arena_printf(c->a, "/admin/releases/%ld/media/", r->id)) == NULL)
		return page_error(c, 500, "building a staff preview");
	view_show(banner, "STAFF");
	view_set_int(banner, "ID", r->id);
	view_set(banner, "STATUS_LABEL", wf_status_label(r->wc_status));
	view_set_int(banner, "MAX_DAYS", PREVIEW_DAYS_MAX);
	view_set_int(banner, "COUNT", (long)n);
	if (s->days)
		page_form_values(banner, banner, days_rules, 1, s->days, NULL);
	else
		view_set_int(banner, "days", PREVIEW_DAYS_DEFAULT);
	if (s->notice)
		view_set(view_add_section(banner, "NOTICE"), "TEXT", s->notice);
	if (s->notice || s->new_url || s->days)
		view_show(banner, "OPEN");
	add_links(c, banner, ls, n, s);
	return page_end(c, status);
}

/* 200 with the release's working copy as its public page would show it, under a banner saying
 * it is not public, with X-Robots-Tag: noindex; 404 for a release this person may not see
 * (authors see only their own); 500 on a database error. */
int
admin_preview(struct ctx *c)
{
	struct release r;
	int rc = admin_release_load(c, &r);
	if (rc)
		return page_error(c, rc, NULL);
	struct shown s = { 0 };
	long revoked;
	const char *q = fields_get(&c->query, "revoked");
	if (q && parse_long(q, 1, 1L << 53, &revoked) == 0)
		s.notice = arena_printf(c->a, "Link %ld is revoked; it no longer opens this preview.", revoked);
	return preview_page(c, 200, &r, &s);
}

/* 201 with the preview page showing the new link's full address, once; 422 when days is not
 * 1 to PREVIEW_DAYS_MAX; 404 for a release this person may not see; 503 or 500 when it cannot
 * be saved. */
int
admin_preview_link_create(struct ctx *c)
{
	struct release r;
	int rc = admin_release_load(c, &r);
	if (rc)
		return page_error(c, rc, NULL);
	struct checked days;
	checked_init(c->a, &days, 1);
	check_fields(c->a, days_rules, 1, &c->form, 0, &days);
	struct shown s = { .days = &days };
	if (days.nerrors)
		return preview_page(c, 422, &r, &s);
	int n = days.num[0] > 0 ? (int)days.num[0] : PREVIEW_DAYS_DEFAULT;
	s.days = NULL;     /* the form is offered afresh for the next link */
	if (db_begin(c->db) != SQLITE_OK)
		return page_error(c, 503, NULL);
	char *token = preview_link_create(c->db, c->a, r.id, c->me.id, n, &s.new_id);
	if (token == NULL || audit_record(c, "preview_link_created", arena_printf(c->a, "release:%ld", r.id),
	    arena_printf(c->a, "link %ld, for %d days", s.new_id, n)) != 0 || db_commit(c->db) != SQLITE_OK)
		return page_error(c, db_failure(c, "making a preview link"), NULL);
	s.new_url = arena_printf(c->a, "%s/preview/%s", c->cfg->base_url, token);
	return preview_page(c, 201, &r, &s);
}

/* 303 back to the preview page; 404 for a release this person may not see, or a link of it
 * that does not exist or is already revoked; 503 or 500 when it cannot be saved. */
int
admin_preview_link_revoke(struct ctx *c)
{
	struct release r;
	long link;
	int rc = admin_release_load(c, &r);
	if (rc == 0 && parse_long(c->args[1], 1, 1L << 53, &link) != 0)
		rc = 404;
	if (rc)
		return page_error(c, rc, NULL);
	if (db_begin(c->db) != SQLITE_OK)
		return page_error(c, 503, NULL);
	int revoked = preview_link_revoke(c->db, r.id, link);
	if (revoked == 0) {
		db_rollback(c->db);
		return page_error(c, 404, "This release has no such link, or it is already revoked.");
	}
	if (revoked < 0 || audit_record(c, "preview_link_revoked", arena_printf(c->a, "release:%ld", r.id),
	    arena_printf(c->a, "link %ld", link)) != 0 || db_commit(c->db) != SQLITE_OK)
		return page_error(c, db_failure(c, "revoking a preview link"), NULL);
	return page_redirect(c, 303, arena_printf(c->a, "/admin/releases/%ld/preview?revoked=%ld", r.id, link));
}

/* 200 with one of the release's stored files (its photographs and documents before they are
 * public, for the form and the preview); 404 for a release this person may not see or a name
 * that is not one of its files. */
int
admin_release_media(struct ctx *c)
{
	struct release r;
	int rc = admin_release_load(c, &r);
	if (rc)
		return page_error(c, rc, NULL);
	return media_serve(c, r.id, c->args[1]);
}
