/* page_preview: /preview/<token>: a release shown through a shareable link to someone without an account. */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "pages.h"
#include "page.h"
#include "media_view.h"
#include "release_page.h"
#include "preview.h"
#include "release.h"
#include "timefmt.h"

/* Tokens are lower-case hex of a fixed length; anything else is not worth a database lookup. */
static int
token_shaped(const char *t)
{
	size_t n = strspn(t, "0123456789abcdef");
	return n == 2 * PREVIEW_TOKEN_BYTES && t[n] == '\0';
}

static int
gone(struct ctx *c, const char *why)
{
	view_dict *d = page_begin(c, "preview_gone.tpl", "This preview link no longer works");
	view_set(d, "WHY", why);
	return page_end(c, 410);
}

/* 200 with the release's working copy under the preview banner (noindex), after counting the
 * use; 404 for a token that opens nothing; 410 for a link that has expired or was revoked;
 * 503 or 500 when the use cannot be recorded. */
int
page_preview(struct ctx *c)
{
	if (!token_shaped(c->args[0]))
		return page_error(c, 404, NULL);
	/* One write transaction: the link is read, counted and audited as one step. */
	if (db_begin(c->db) != SQLITE_OK)
		return page_error(c, 503, NULL);
	struct preview_link l;
	struct release r;
	int found = preview_link_find(c->db, c->a, c->args[0], &l);
	if (found == 1 && (l.revoked_at || l.expired)) {
		db_rollback(c->db);
		return gone(c, l.revoked_at ? "was revoked" : "has expired");
	}
	if (found == 1)
		found = release_by_id(c->db, c->a, l.release_id, &r);
	if (found == 1 && release_load_edition(c->db, c->a, &r) < 0)
		found = -1;
	if (found != 1) {
		db_rollback(c->db);
		return page_error(c, found == 0 ? 404 : 500, "looking up a preview link");
	}
	const char *subject = arena_printf(c->a, "release:%ld", r.id);
	if (preview_link_used(c->db, l.id) != 0 ||
	    audit_record(c, "preview_used", subject, arena_printf(c->a, "link %ld", l.id)) != 0 ||
	    db_commit(c->db) != SQLITE_OK)
		return page_error(c, db_failure(c, "recording a preview link's use"), NULL);
	fprintf(stderr, "pressroom: preview link %ld of release %ld used from %s (use %ld)\n",
	    l.id, r.id, c->client ? c->client : "-", l.uses + 1);
	view_dict *banner;
	if (release_page_build_with(c, &r, &banner, arena_printf(c->a, "/preview/%s/media/", c->args[0])) == NULL)
		return page_error(c, 500, "rendering a shared preview");
	view_show(banner, "SHARED");
	view_set(banner, "EXPIRES", time_long_datetime(c->a, l.expires_at));
	return page_end(c, 200);
}

/* 200 with one of the release's files for the holder of a working preview link (its page's
 * photographs and documents); 404 for a token or name that opens nothing, 410 for a dead link.
 * Not counted as a use: the page that shows the file was. */
int
page_preview_media(struct ctx *c)
{
	if (!token_shaped(c->args[0]))
		return page_error(c, 404, NULL);
	struct preview_link l;
	int found = preview_link_find(c->db, c->a, c->args[0], &l);
	if (found < 0)
		return page_error(c, 500, "looking up a preview link");
	if (found == 0)
		return page_error(c, 404, NULL);
	if (l.revoked_at || l.expired)
		return page_error(c, 410, NULL);
	return media_serve(c, l.release_id, c->args[1]);
}
