/* page_release: /news/YYYY/MM/<slug>: one release with its event box, updates and any withdrawal notice. */
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "pages.h"
#include "markdown.h"
#include "meta.h"
#include "page.h"
#include "event_box.h"
#include "release_page.h"
#include "release.h"
#include "timefmt.h"

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
