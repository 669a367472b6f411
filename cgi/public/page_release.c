/* page_release: /news/YYYY/MM/<slug>: one release with its event box, updates and any withdrawal notice. */
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "pages.h"
#include "markdown.h"
#include "meta.h"
#include "page.h"
#include "page_event.h"
#include "page_release.h"
#include "release.h"
#include "timefmt.h"

view_dict *
release_page_build(struct ctx *c, const struct release *r, view_dict **banner)
{
	struct release_change *changes;
	size_t nchanges;
	if (release_major_changes(c->db, c->a, r->id, &changes, &nchanges) != 0)
		return NULL;
	view_dict *d = page_begin(c, "release.tpl", r->title);
	view_set(d, "TITLE", r->title);
	const char *date = r->published_at ? r->published_at : r->updated_at;
	view_set(d, "DATE", time_long_date(c->a, date));
	view_set(d, "DATE_ISO", date);
	view_set(d, "SUMMARY", r->summary);
	if (*r->summary)
		view_show(d, "HAS_SUMMARY");
	/* A preview shows the working copy (maybe a next edition), whose HTML is not stored. */
	char *fresh = NULL;
	if (banner && (fresh = markdown_to_html(r->body, strlen(r->body))) == NULL)
		return NULL;
	/* cmark's safe-mode output, stored or fresh: the one raw insertion */
	view_set(d, "BODY_HTML", fresh ? fresh : r->body_html);
	free(fresh);
	if (banner) {
		*banner = view_add_include(d, "PREVIEW_BANNER", "preview_banner.tpl");
		ctx_header(c, "X-Robots-Tag", "noindex, nofollow");
	}
	if (r->withdrawn) {
		view_dict *w = view_add_section(d, "WITHDRAWN");
		view_set(w, "WHEN", time_long_date(c->a, r->withdrawn_at ? r->withdrawn_at : r->withdraw_at));
		view_set(w, "REASON", r->withdrawal_note);
	}
	for (size_t i = 0; i < nchanges; i++) {
		view_dict *u = view_add_section(d, "UPDATES");
		view_set(u, "WHEN", time_long_date(c->a, changes[i].at));
		view_set(u, "WHEN_ISO", changes[i].at);
		view_set(u, "NOTE", changes[i].note);
	}
	struct event e;
	if (r->event_id > 0 && (event_by_id(c->db, c->a, r->event_id, &e) != 1 || event_box(c, d, &e, 1) != 0))
		return NULL;
	/* A preview is not the release's public page: it keeps the frame's defaults. */
	if (banner == NULL && meta_release(c, r, r->event_id > 0 ? &e : NULL) != 0)
		return NULL;
	return d;
}

int
release_page_render(struct ctx *c, const struct release *r, int preview)
{
	view_dict *banner;
	if (release_page_build(c, r, preview ? &banner : NULL) == NULL)
		return page_error(c, 500, "rendering a release page");
	return page_end(c, 200);
}

/* An unpublished release: 301 to its replacement when it has one that is public, else 410. */
static int
gone(struct ctx *c, const struct release *r)
{
	struct release other;
	if (r->replaced_by && release_by_id(c->db, c->a, r->replaced_by, &other) == 1 && other.public_now)
		return page_redirect(c, 301, release_url(c->a, &other));
	return page_error(c, 410, "This release has been taken down by the office.");
}

/* 200 with the release (withdrawn ones with their notice); 301 to the canonical URL when year
 * or month is off, or to a replacement; 410 when unpublished; 404 when there is no such public
 * release (drafts and not-yet-due schedules included); 500 on a database error. */
int
page_release(struct ctx *c)
{
	struct release r;
	int found = release_published_by_slug(c->db, c->a, c->args[2], &r);
	if (found == 0 && (found = release_unpublished_by_slug(c->db, c->a, c->args[2], &r)) == 1)
		return gone(c, &r);
	if (found <= 0)
		return page_error(c, found == 0 ? 404 : 500, "release lookup failed");
	char *url = release_url(c->a, &r);
	char *asked = arena_printf(c->a, "/news/%s/%s/%s", c->args[0], c->args[1], c->args[2]);
	if (strcmp(url, asked) != 0)
		return page_redirect(c, 301, url);
	return release_page_render(c, &r, 0);
}
