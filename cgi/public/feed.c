/* feed: Atom feeds (RFC 4287) of listed releases, the sitemap and robots.txt, all from templates. */
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "feed.h"
#include "media_view.h"
#include "pages.h"
#include "org.h"
#include "page.h"
#include "release.h"
#include "timefmt.h"

char *
site_host(struct ctx *c)
{
	const char *h = strstr(c->cfg->base_url, "://");
	h = h ? h + 3 : c->cfg->base_url;
	size_t n = *h == '[' ? strcspn(h, "]") + 1 : strcspn(h, ":/?#");
	return n ? arena_strndup(c->a, h, n) : arena_strdup(c->a, "localhost");
}

int
view_respond(struct ctx *c, int status, const char *tpl, view_dict *d, const char *content_type)
{
	size_t len = 0;
	char *out = view_expand(tpl, d, &len);
	view_dict_free(d);
	if (out == NULL)
		return page_error(c, 500, arena_printf(c->a, "expanding %s", tpl));
	buf_reset(&c->body);
	buf_add(&c->body, out, len);
	free(out);
	c->status = status;
	c->content_type = content_type;
	return status;
}

/* The feeds' titles: "<site name>: <event or organisation>". */
static char *
feed_title(struct ctx *c, const char *of)
{
	return arena_printf(c->a, "%s: %s", c->cfg->site_name, of);
}

/* The feed of the page at path: path + "/feed.atom" ("/feed.atom" for the home page's). */
static char *
feed_path(struct ctx *c, const char *page)
{
	return arena_printf(c->a, "%s/feed.atom", strcmp(page, "/") == 0 ? "" : page);
}

static void
autodiscover(struct ctx *c, const char *page, const char *of)
{
	view_dict *f = view_add_section(c->layout, "FEED");
	view_set(f, "FEED_URL", feed_path(c, page));
	view_set(f, "FEED_TITLE", feed_title(c, of));
}

void
feed_autodiscover_event(struct ctx *c, const struct event *e)
{
	autodiscover(c, arena_printf(c->a, "/events/%s", e->slug), e->title);
}

void
feed_autodiscover_org(struct ctx *c, const struct org_info *o)
{
	autodiscover(c, arena_printf(c->a, "/organisations/%s", o->slug), o->name);
}

/* The lead photograph (a mid-size JPEG that any reader shows) and the documents, as enclosures. */
static int
media_enclosures(struct ctx *c, view_dict *e, long release_id)
{
	struct photo *ps;
	struct attachment *ts;
	size_t np, nt;
	if (photo_list(c->db, c->a, release_id, &ps, &np) != 0 || attachment_list(c->db, c->a, release_id, &ts, &nt) != 0)
		return -1;
	if (np > 0) {
		long w = strstr(ps[0].widths, "960") ? 960 : photo_widest(&ps[0]);
		view_dict *im = view_add_section(e, "IMAGE");
		view_set(im, "URL", page_url(c, photo_url(c->a, "/media/", &ps[0], w, "jpg")));
		view_set(im, "ALT", ps[0].alt);
		view_set_int(im, "WIDTH", w);
		view_set_int(im, "HEIGHT", ps[0].height * w / (ps[0].width ? ps[0].width : 1));
	}
	for (size_t i = 0; i < nt; i++) {
		view_dict *doc = view_add_section(e, "DOCUMENT");
		view_set(doc, "URL", page_url(c, arena_printf(c->a, "/media/%s-%s", ts[i].hash, ts[i].file_name)));
		view_set(doc, "TYPE", ts[i].media_type);
		view_set(doc, "TITLE", ts[i].title);
		view_set_int(doc, "BYTES", ts[i].bytes);
	}
	return 0;
}

/* One entry. Its id is a tag: URI (RFC 4151) of the host and the day of first publication, so a
 * move from http to https or to a new path does not make readers see every release again. */
static int
entry(struct ctx *c, view_dict *d, const char *host, const struct release_pub *r)
{
	view_dict *e = view_add_section(d, "ENTRY");
	view_set(e, "ID", arena_printf(c->a, "tag:%s,%.10s:release-%ld", host, r->published_at, r->id));
	view_set(e, "TITLE", r->title);
	view_set(e, "LANG", r->language);
	view_set(e, "URL", page_url(c, release_pub_url(c->a, r)));
	view_set(e, "PUBLISHED", r->published_at);
	view_set(e, "UPDATED", r->updated_at);
	view_set(e, "SUMMARY", r->summary);
	/* cmark's safe-mode HTML, stored when the release was saved; the XML context escapes it as
	 * text, which is what type="html" asks for. */
	view_set(e, "CONTENT", r->body_html);
	if (media_enclosures(c, e, r->id) != 0)
		return -1;
	if (r->event_kind) {
		view_dict *k = view_add_section(e, "CATEGORY");
		view_set(k, "TERM", r->event_kind);
		view_set(k, "SCHEME", page_url(c, "/events"));
	}
	return 0;
}

/* 200 with the newest listed releases in the scope as the feed about `of` of the page at `page`;
 * 500 on a database error. */
static int
atom(struct ctx *c, enum release_scope scope, long key, const char *of, const char *page)
{
	struct release_pub *rs;
	size_t n;
	if (release_pub_list(c->db, c->a, scope, key, 0, FEED_ENTRIES, &rs, &n) != 0)
		return page_error(c, 500, "the releases of a feed");
	view_dict *d = view_dict_new("atom");
	view_set(d, "SITE_NAME", c->cfg->site_name);
	view_set(d, "TITLE", feed_title(c, of));
	view_set(d, "BASE_URL", page_url(c, "/"));
	view_set(d, "SELF_URL", page_url(c, feed_path(c, page)));
	view_set(d, "HTML_URL", page_url(c, page));
	const char *host = site_host(c), *updated = NULL;
	for (size_t i = 0; i < n; i++) {
		if (entry(c, d, host, &rs[i]) != 0) {
			view_dict_free(d);
			return page_error(c, 500, "the files of a feed's releases");
		}
		if (updated == NULL || strcmp(rs[i].updated_at, updated) > 0)
			updated = rs[i].updated_at;
	}
	view_set(d, "UPDATED", updated ? updated : time_now_iso(c->a));
	return view_respond(c, 200, "feed_atom.tpl", d, "application/atom+xml; charset=utf-8");
}

/* 200 with the newest listed releases; 500 on a database error. */
int
feed_atom_all(struct ctx *c)
{
	return atom(c, RELEASES_ALL, 0, "press releases", "/");
}

/* 200 with the newest listed releases about the event; 404 for an event that is unknown or not
 * public (no public release is about it); 500 on a database error. */
int
feed_atom_event(struct ctx *c)
{
	struct event e;
	int found = event_pub_find(c->db, c->a, c->args[0], 0, &e);
	if (found <= 0)
		return page_error(c, found == 0 ? 404 : 500, "the event of a feed");
	return atom(c, RELEASES_OF_EVENT, e.id, e.title, arena_printf(c->a, "/events/%s", e.slug));
}

/* 200 with the newest listed releases about events the organisation organised, sponsored or
 * hosted, or sent a delegation to or had people in; 404 for an organisation that is unknown or
 * has no part in a public event; 500 on a database error. */
int
feed_atom_org(struct ctx *c)
{
	struct org_info o;
	int found = org_pub_find(c->db, c->a, c->args[0], 0, &o);
	if (found <= 0)
		return page_error(c, found == 0 ? 404 : 500, "the organisation of a feed");
	return atom(c, RELEASES_OF_ORG, o.id, o.name, arena_printf(c->a, "/organisations/%s", o.slug));
}

static view_dict *
url(struct ctx *c, view_dict *d, const char *path, const char *lastmod)
{
	view_dict *u = view_add_section(d, "URL");
	view_set(u, "LOC", page_url(c, path));
	if (lastmod)
		view_set(view_add_section(u, "LASTMOD"), "AT", lastmod);
	return u;
}

/* A release with a listed version in another language names every version of its family,
 * itself included, as xhtml:link alternates (what search engines ask of a sitemap). */
static void
alternates(struct ctx *c, view_dict *u, long id, const struct release_version *fs, size_t n)
{
	long family = 0;
	for (size_t i = 0; i < n && family == 0; i++)
		if (fs[i].id == id)
			family = fs[i].family;
	for (size_t i = 0; family && i < n; i++) {
		if (fs[i].family != family)
			continue;
		const struct release v = { .slug = fs[i].slug, .published_at = fs[i].published_at };
		view_dict *alt = view_add_section(u, "ALTERNATE");
		view_set(alt, "HREFLANG", fs[i].language);
		view_set(alt, "HREF", page_url(c, release_url(c->a, &v)));
	}
}

/* 200 with the home page, every public event and organisation page and every listed release,
 * up to the protocol's 50,000 addresses (the oldest releases give way); 500 on a database error. */
int
feed_sitemap(struct ctx *c)
{
	struct event *es;
	struct org_info *os;
	struct release_pub *rs;
	struct release_version *fs;
	size_t ne, no, nr, nf;
	if (release_listed_families(c->db, c->a, &fs, &nf) != 0 ||
	    event_pub_list(c->db, c->a, 0, SITEMAP_MAX_URLS / 10, &es, &ne) != 0 ||
	    org_pub_list(c->db, c->a, 0, SITEMAP_MAX_URLS / 10, &os, &no) != 0 ||
	    release_pub_urls(c->db, c->a, SITEMAP_MAX_URLS - 1 - (int)(ne + no), &rs, &nr) != 0)
		return page_error(c, 500, "the sitemap");
	const char *latest = NULL;
	for (size_t i = 0; i < nr; i++)
		if (latest == NULL || strcmp(rs[i].updated_at, latest) > 0)
			latest = rs[i].updated_at;
	view_dict *d = view_dict_new("sitemap");
	url(c, d, "/", latest);
	for (size_t i = 0; i < nr; i++)
		alternates(c, url(c, d, release_pub_url(c->a, &rs[i]), rs[i].updated_at), rs[i].id, fs, nf);
	for (size_t i = 0; i < ne; i++)
		url(c, d, arena_printf(c->a, "/events/%s", es[i].slug), NULL);
	for (size_t i = 0; i < no; i++)
		url(c, d, arena_printf(c->a, "/organisations/%s", os[i].slug), NULL);
	return view_respond(c, 200, "feed_sitemap.tpl", d, "application/xml; charset=utf-8");
}

/* 200 with robots.txt: everything public may be crawled, staff pages and previews not. It is
 * plain text, a context ctemplate lacks; its template is XML's, since its one value (base_url and
 * a path) holds nothing XML escaping would change. */
int
feed_robots(struct ctx *c)
{
	view_dict *d = view_dict_new("robots");
	view_set(d, "SITEMAP_URL", page_url(c, "/sitemap.xml"));
	return view_respond(c, 200, "feed_robots.tpl", d, "text/plain; charset=utf-8");
}
