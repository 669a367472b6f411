/* release_page: one release as the public sees it, for its own page and for previews. */
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "markdown.h"
#include "media_view.h"
#include "meta.h"
#include "page.h"
#include "event_box.h"
#include "release_page.h"
#include "release.h"
#include "timefmt.h"

/* "Read in English", "Baca dalam Bahasa Melayu": each offer in the language it offers. */
static const char *
read_in(const char *lang)
{
	return strcmp(lang, "ms") == 0 ? "Baca dalam Bahasa Melayu" : "Read in English";
}

/* Links to r's other listed versions, and (on the public page) hreflang alternates for each and
 * for r itself, so search engines pair them. A release in one language has neither. 0 or -1. */
static int
other_versions(struct ctx *c, view_dict *d, const struct release *r, int public_page)
{
	struct release_version *vs;
	size_t n, listed = 0;
	if (release_versions(c->db, c->a, r, &vs, &n) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!vs[i].listed)
			continue;
		const struct release v = { .slug = vs[i].slug, .published_at = vs[i].published_at };
		const char *url = release_url(c->a, &v);
		view_dict *o = view_add_section(d, "OTHER_VERSIONS");
		view_set(o, "URL", url);
		view_set(o, "VERSION_LANG", vs[i].language);
		view_set(o, "READ_IN", read_in(vs[i].language));
		if (public_page) {
			view_dict *alt = view_add_section(c->layout, "ALTERNATES");
			view_set(alt, "HREFLANG", vs[i].language);
			view_set(alt, "URL", page_url(c, url));
		}
		listed++;
	}
	if (listed && public_page) {
		view_dict *self = view_add_section(c->layout, "ALTERNATES");
		view_set(self, "HREFLANG", release_language(r));
		view_set(self, "URL", page_url(c, release_url(c->a, r)));
	}
	return 0;
}

view_dict *
release_page_build(struct ctx *c, const struct release *r, view_dict **banner)
{
	return release_page_build_with(c, r, banner, "/media/");
}

view_dict *
release_page_build_with(struct ctx *c, const struct release *r, view_dict **banner, const char *media_prefix)
{
	struct release_change *changes;
	size_t nchanges;
	if (release_major_changes(c->db, c->a, r->id, &changes, &nchanges) != 0)
		return NULL;
	view_dict *d = page_begin(c, "release.tpl", r->title);
	view_set(d, "TITLE", r->title);
	/* The article is in its own language, dates included; the page around it is the interface's. */
	const char *lang = release_language(r);
	view_set(d, "LANG", lang);
	const char *date = r->published_at ? r->published_at : r->updated_at;
	view_set(d, "DATE", time_long_date_in(c->a, date, lang));
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
		view_set(u, "WHEN", time_long_date_in(c->a, changes[i].at, lang));
		view_set(u, "WHEN_ISO", changes[i].at);
		view_set(u, "NOTE", changes[i].note);
	}
	if (other_versions(c, d, r, banner == NULL) != 0)
		return NULL;
	/* A withdrawn release's page stays, but its files are no longer public. */
	if ((banner || !r->withdrawn) && media_view(c, d, r->id, media_prefix) != 0)
		return NULL;
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
