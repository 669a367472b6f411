/* api: the read-only JSON API under /api/v1/: public releases, events, organisations, delegations.
 * Only what the public pages show: no drafts, no staff-only field, no comment. Strings go through
 * ctemplate's json_escape (the JSON context alone writes \x22, which JSON does not allow); the
 * control bytes it would pass through never reach the database (req.c refuses them). */
#include <stdio.h>
#include <string.h>

#include "api.h"
#include "media_view.h"
#include "delegation.h"
#include "event.h"
#include "feed.h"
#include "pages.h"
#include "org.h"
#include "page.h"
#include "release.h"
#include "valid.h"

/* Open data: any site may read it from a script; there are no credentials to protect. */
static int
json(struct ctx *c, int status, const char *tpl, view_dict *d)
{
	ctx_header(c, "Access-Control-Allow-Origin", "*");
	return view_respond(c, status, tpl, d, "application/json; charset=utf-8");
}

/* A 4xx as {"error": {"status": N, "message": "..."}}. A 5xx goes through page_error, the one
 * place incidents are logged. */
static int
api_error(struct ctx *c, int status, const char *message)
{
	view_dict *d = view_dict_new("error");
	view_set_int(d, "STATUS", status);
	view_set(d, "MESSAGE", message);
	return json(c, status, "api_error.tpl", d);
}

/* JSON's null: section KEY when present (returned, to fill), else section KEY_NULL. */
static view_dict *
maybe(view_dict *d, const char *key, int present)
{
	char null_key[64];
	if (present)
		return view_add_section(d, key);
	snprintf(null_key, sizeof null_key, "%s_NULL", key);
	view_show(d, null_key);
	return NULL;
}

static void
opt(view_dict *d, const char *key, const char *value)
{
	view_dict *s = maybe(d, key, value != NULL);
	if (s)
		view_set(s, "V", value);
}

/* One more element of a JSON array: a repetition of section holding the partial tpl. */
static view_dict *
element(view_dict *d, const char *section, const char *tpl)
{
	return view_add_include(view_add_section(d, section), "ITEM", tpl);
}

static char *
api_url(struct ctx *c, const char *kind, long id)
{
	return page_url(c, arena_printf(c->a, "/api/v1/%s/%ld", kind, id));
}

static void
country(view_dict *d, const char *code, const char *name)
{
	view_dict *s = maybe(d, "COUNTRY", code != NULL);
	if (s) {
		view_set(s, "CODE", code);
		view_set(s, "NAME", name ? name : code);
	}
}

static void
org_fields(struct ctx *c, view_dict *d, long id, const char *slug, const char *name, const char *short_name)
{
	view_set_int(d, "ID", id);
	view_set(d, "SLUG", slug);
	view_set(d, "NAME", name);
	opt(d, "SHORT_NAME", short_name);
	view_set(d, "URL", page_url(c, arena_printf(c->a, "/organisations/%s", slug)));
	view_set(d, "API_URL", api_url(c, "organisations", id));
}

/* An organisation named inside something else, in section dictionary s. */
static void
org_ref(struct ctx *c, view_dict *s, long id, const char *slug, const char *name, const char *short_name)
{
	org_fields(c, view_add_include(s, "ITEM", "api_org_ref.tpl"), id, slug, name, short_name);
}

/* An event named inside something else, in section dictionary s; returned to add DATES or PARTS. */
static view_dict *
event_ref(struct ctx *c, view_dict *s, long id, const char *slug, const char *title)
{
	view_dict *e = view_add_include(s, "ITEM", "api_event_ref.tpl");
	view_set_int(e, "ID", id);
	view_set(e, "SLUG", slug);
	view_set(e, "TITLE", title);
	view_set(e, "URL", page_url(c, arena_printf(c->a, "/events/%s", slug)));
	view_set(e, "API_URL", api_url(c, "events", id));
	return e;
}

static void
fill_photo(struct ctx *c, view_dict *d, const struct photo *p)
{
	long w = photo_widest(p);
	view_set(d, "URL", page_url(c, photo_url(c->a, "/media/", p, w, "jpg")));
	view_set_int(d, "WIDTH", p->width);
	view_set_int(d, "HEIGHT", p->height);
	view_set(d, "ALT", p->alt);
	view_set(d, "CAPTION", p->caption);
	view_set(d, "CREDIT", p->credit);
}

/* The release's photographs (the first as "image") and, with detail, its documents; a withdrawn
 * release's files are no longer public, so it lists none. 0 or -1. */
static int
fill_media(struct ctx *c, view_dict *d, view_dict *detail, const struct release_pub *r)
{
	struct photo *ps = NULL;
	struct attachment *ts = NULL;
	size_t np = 0, nt = 0;
	if (!r->withdrawn && (photo_list(c->db, c->a, r->id, &ps, &np) != 0 ||
	    (detail && attachment_list(c->db, c->a, r->id, &ts, &nt) != 0)))
		return -1;
	view_dict *im = maybe(d, "IMAGE", np > 0);
	if (im)
		fill_photo(c, im, &ps[0]);
	for (size_t i = 0; detail && i < np; i++)
		fill_photo(c, view_add_section(detail, "PHOTOS"), &ps[i]);
	for (size_t i = 0; i < nt; i++) {
		view_dict *t = view_add_section(detail, "ATTACHMENTS");
		view_set(t, "TITLE", ts[i].title);
		view_set(t, "URL", page_url(c, arena_printf(c->a, "/media/%s-%s", ts[i].hash, ts[i].file_name)));
		view_set(t, "TYPE", ts[i].media_type);
		view_set_int(t, "BYTES", ts[i].bytes);
		view_set_int(t, "PAGES", ts[i].pages);
		view_set(t, "THUMB", page_url(c, arena_printf(c->a, "/media/%s-thumb.jpg", ts[i].hash)));
	}
	return 0;
}

/* The release's other versions the public may read: its original or translations. 0 or -1. */
static int
fill_translations(struct ctx *c, view_dict *detail, long id)
{
	struct release r;
	struct release_version *vs;
	size_t n;
	if (release_by_id(c->db, c->a, id, &r) != 1 || release_versions(c->db, c->a, &r, &vs, &n) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!vs[i].listed)
			continue;
		const struct release v = { .slug = vs[i].slug, .published_at = vs[i].published_at };
		view_dict *t = view_add_section(detail, "TRANSLATIONS");
		view_set(t, "LANGUAGE", vs[i].language);
		view_set_int(t, "ID", vs[i].id);
		view_set(t, "URL", page_url(c, release_url(c->a, &v)));
		view_set(t, "API_URL", api_url(c, "releases", vs[i].id));
	}
	return 0;
}

/* A release in a list, or with detail (the DETAIL section) its body's companions too. 0 or -1. */
static int
fill_release(struct ctx *c, view_dict *d, view_dict *detail, const struct release_pub *r)
{
	view_set_int(d, "ID", r->id);
	view_set(d, "TITLE", r->title);
	view_set(d, "SUMMARY", r->summary);
	view_set(d, "LANGUAGE", r->language);
	view_set(d, "PUBLISHED", r->published_at);
	view_set(d, "UPDATED", r->updated_at);
	view_set(d, "URL", page_url(c, release_pub_url(c->a, r)));
	view_set(d, "API_URL", api_url(c, "releases", r->id));
	view_dict *e = maybe(d, "EVENT", r->event_id > 0 && r->event_slug);
	if (e)
		opt(event_ref(c, e, r->event_id, r->event_slug, r->event_title), "KIND", r->event_kind);
	return fill_media(c, d, detail, r);
}

static void
fill_event(struct ctx *c, view_dict *d, const struct event *e)
{
	const char *page = arena_printf(c->a, "/events/%s", e->slug);
	view_set_int(d, "ID", e->id);
	view_set(d, "SLUG", e->slug);
	view_set(d, "TITLE", e->title);
	view_set(d, "KIND", e->kind);
	view_set(d, "STARTS_ON", e->starts_on);
	view_set(d, "ENDS_ON", e->ends_on);
	opt(d, "VENUE", e->venue);
	opt(d, "CITY", e->city);
	country(d, e->country, e->country_name);
	view_dict *s;
	if ((s = maybe(d, "PARTICIPANTS", e->participants >= 0)))
		view_set_int(s, "V", e->participants);
	if ((s = maybe(d, "COUNTRIES", e->countries >= 0)))
		view_set_int(s, "V", e->countries);
	opt(d, "SUMMARY", e->summary);
	view_set(d, "URL", page_url(c, page));
	view_set(d, "API_URL", api_url(c, "events", e->id));
	view_set(d, "ICAL_URL", page_url(c, arena_printf(c->a, "%s.ics", page)));
	view_set(d, "FEED_URL", page_url(c, arena_printf(c->a, "%s/feed.atom", page)));
}

static void
fill_org(struct ctx *c, view_dict *d, const struct org_info *o)
{
	org_fields(c, d, o->id, o->slug, o->name, o->short_name);
	view_set(d, "KIND", o->kind);
	country(d, o->country, o->country_name);
	opt(d, "WEBSITE", o->website);
	view_set(d, "FEED_URL", page_url(c, arena_printf(c->a, "/organisations/%s/feed.atom", o->slug)));
}

/* A delegation with its members (one query); -1 on a database error. */
static int
fill_delegation(struct ctx *c, view_dict *d, const struct delegation_info *dl)
{
	struct member_info *m;
	size_t n;
	if (delegation_pub_members(c->db, c->a, dl->id, &m, &n) != 0)
		return -1;
	view_set_int(d, "ID", dl->id);
	view_dict *dates = view_add_section(event_ref(c, view_add_section(d, "EVENT"), dl->event_id,
	    dl->event_slug, dl->event_title), "DATES");
	view_set(dates, "STARTS_ON", dl->starts_on);
	view_set(dates, "ENDS_ON", dl->ends_on);
	view_dict *s = maybe(d, "SENT_BY", dl->org_id > 0);
	if (s)
		org_ref(c, s, dl->org_id, dl->org_slug, dl->org_name, dl->org_short_name);
	long people = 0;
	for (size_t i = 0; i < n; i++) {
		view_dict *r = view_add_section(d, "MEMBERS");
		view_set(r, "ROLE", m[i].role_title);
		if ((s = maybe(r, "DEPARTMENT", m[i].org_id > 0)))
			org_ref(c, s, m[i].org_id, m[i].org_slug, m[i].org_name, m[i].org_short_name);
		view_set_int(r, "COUNT", m[i].count);
		opt(r, "NAMES", m[i].names);
		people += m[i].count;
	}
	view_set_int(d, "PEOPLE", people);
	return 0;
}

/* --- Lists: ?page=N, API_PER_PAGE a page. --- */

struct pager {
	long page, pages, total;
};

/* Reads ?page= for a list of total items: 0, or the status answered: 400 for a page that is not
 * a whole number from 1, 404 for one past the last (page 1 always exists), 500 when total < 0. */
static int
paginate(struct ctx *c, long total, struct pager *p)
{
	if (total < 0)
		return page_error(c, 500, "counting a list of the API");
	const char *s = fields_get(&c->query, "page");
	p->page = 1;
	p->total = total;
	p->pages = (total + API_PER_PAGE - 1) / API_PER_PAGE;
	if (s && parse_long(s, 1, 1000000000L, &p->page) != 0)
		return api_error(c, 400, "page must be a whole number from 1");
	if (p->page > 1 && p->page > p->pages)
		return api_error(c, 404, "there is no such page");
	return 0;
}

static long
offset(const struct pager *p)
{
	return (p->page - 1) * API_PER_PAGE;
}

/* The address of page n of a list at path, whose other query parameters are in query ("" for none). */
static char *
page_link(struct ctx *c, const char *path, const char *query, long n)
{
	return page_url(c, arena_printf(c->a, "%s?%s%spage=%ld", path, query, *query ? "&" : "", n));
}

/* The envelope of a list: its items go in section ITEMS (element). */
static view_dict *
list_begin(struct ctx *c, const char *kind, const char *path, const char *query, const struct pager *p)
{
	view_dict *d = view_dict_new("list");
	view_set(d, "KIND", kind);
	view_set_int(d, "PAGE", p->page);
	view_set_int(d, "PER_PAGE", API_PER_PAGE);
	view_set_int(d, "PAGES", p->pages);
	view_set_int(d, "TOTAL", p->total);
	view_set(d, "SELF", page_link(c, path, query, p->page));
	view_set(d, "FIRST", page_link(c, path, query, 1));
	view_set(d, "LAST", page_link(c, path, query, p->pages > 1 ? p->pages : 1));
	opt(d, "PREV", p->page > 1 ? page_link(c, path, query, p->page - 1) : NULL);
	opt(d, "NEXT", p->page < p->pages ? page_link(c, path, query, p->page + 1) : NULL);
	return d;
}

/* The id in the path: 1, or 0 when it is not a positive whole number (no such thing). */
static int
path_id(struct ctx *c, long *id)
{
	return parse_long(c->args[0], 1, 1L << 53, id) == 0;
}

/* --- Handlers. --- */

/* 200 with the addresses of the lists. */
int
api_index(struct ctx *c)
{
	view_dict *d = view_dict_new("index");
	view_set(d, "BASE", page_url(c, ""));
	return json(c, 200, "api_index.tpl", d);
}

/* 404 as JSON for any other address under /api/v1/. */
int
api_not_found(struct ctx *c)
{
	return api_error(c, 404, "there is nothing at this address of the API");
}

/* 200 with a page of listed releases, newest first; 400 for a bad page number, 404 past the last
 * page; 500 on a database error. */
int
api_releases(struct ctx *c)
{
	struct pager p;
	struct release_pub *rs;
	size_t n;
	int rc = paginate(c, release_pub_count(c->db), &p);
	if (rc)
		return rc;
	if (release_pub_list(c->db, c->a, RELEASES_ALL, 0, offset(&p), API_PER_PAGE, &rs, &n) != 0)
		return page_error(c, 500, "a page of releases");
	view_dict *d = list_begin(c, "releases", "/api/v1/releases", "", &p);
	for (size_t i = 0; i < n; i++)
		if (fill_release(c, element(d, "ITEMS", "api_release.tpl"), NULL, &rs[i]) != 0) {
			view_dict_free(d);
			return page_error(c, 500, "the photographs of a page of releases");
		}
	return json(c, 200, "api_list.tpl", d);
}

/* 200 with one release public at its address (a withdrawn one says when and why), its body and
 * its public change notes; 404 for any other id; 500 on a database error. */
int
api_release(struct ctx *c)
{
	long id;
	struct release_pub r;
	struct release_change *ch;
	size_t nch;
	int found = path_id(c, &id) ? release_pub_by_id(c->db, c->a, id, &r) : 0;
	if (found == 0)
		return api_error(c, 404, "there is no public release with this id");
	if (found < 0 || release_major_changes(c->db, c->a, id, &ch, &nch) != 0)
		return page_error(c, 500, "a release for the API");
	view_dict *d = view_dict_new("release");
	view_dict *x = view_add_section(d, "DETAIL");
	if (fill_release(c, d, x, &r) != 0) {
		view_dict_free(d);
		return page_error(c, 500, "the files of a release for the API");
	}
	view_dict *w = maybe(x, "WITHDRAWN", r.withdrawn);
	if (w) {
		opt(w, "AT", r.withdrawn_at);
		opt(w, "REASON", r.withdrawal_note);
	}
	for (size_t i = 0; i < nch; i++) {
		view_dict *u = view_add_section(x, "UPDATES");
		view_set(u, "AT", ch[i].at);
		view_set(u, "NOTE", ch[i].note);
	}
	/* cmark's safe-mode HTML as stored, a JSON string like any other. */
	view_set(x, "BODY_HTML", r.body_html);
	if (fill_translations(c, x, id) != 0) {
		view_dict_free(d);
		return page_error(c, 500, "the translations of a release for the API");
	}
	return json(c, 200, "api_release.tpl", d);
}

/* 200 with a page of public events, latest first; 400, 404 and 500 as for releases. */
int
api_events(struct ctx *c)
{
	struct pager p;
	struct event *es;
	size_t n;
	int rc = paginate(c, event_pub_count(c->db), &p);
	if (rc)
		return rc;
	if (event_pub_list(c->db, c->a, offset(&p), API_PER_PAGE, &es, &n) != 0)
		return page_error(c, 500, "a page of events");
	view_dict *d = list_begin(c, "events", "/api/v1/events", "", &p);
	for (size_t i = 0; i < n; i++)
		fill_event(c, element(d, "ITEMS", "api_event.tpl"), &es[i]);
	return json(c, 200, "api_list.tpl", d);
}

/* The organisations of an event under their roles, every role named even when empty. */
static void
fill_roles(struct ctx *c, view_dict *x, const struct event_role *o, size_t n)
{
	for (const char *const *role = event_org_roles; *role; role++) {
		view_dict *r = view_add_section(x, "ROLES");
		view_set(r, "ROLE", *role);
		for (size_t i = 0; i < n; i++)
			if (strcmp(o[i].role, *role) == 0)
				org_ref(c, view_add_section(r, "ORGS"), o[i].org_id, o[i].slug, o[i].name, o[i].short_name);
	}
}

/* 200 with a public event, its organisations by role, its delegations and their members, and its
 * listed releases; 404 for any other id; 500 on a database error. */
int
api_event(struct ctx *c)
{
	long id;
	struct event e;
	struct event_role *orgs;
	struct delegation_info *dls;
	struct release_pub *rs;
	size_t norgs, ndls, nrs;
	int found = path_id(c, &id) ? event_pub_find(c->db, c->a, NULL, id, &e) : 0;
	if (found == 0)
		return api_error(c, 404, "there is no public event with this id");
	if (found < 0 || event_roles(c->db, c->a, id, &orgs, &norgs) != 0 ||
	    delegation_pub_list(c->db, c->a, id, 0, 1000, &dls, &ndls) != 0 ||
	    release_pub_list(c->db, c->a, RELEASES_OF_EVENT, id, 0, 1000, &rs, &nrs) != 0)
		return page_error(c, 500, "an event for the API");
	view_dict *d = view_dict_new("event");
	fill_event(c, d, &e);
	view_dict *x = view_add_section(d, "DETAIL");
	fill_roles(c, x, orgs, norgs);
	for (size_t i = 0; i < ndls; i++)
		if (fill_delegation(c, element(x, "DELEGATIONS", "api_delegation.tpl"), &dls[i]) != 0) {
			view_dict_free(d);
			return page_error(c, 500, "the delegations of an event for the API");
		}
	for (size_t i = 0; i < nrs; i++)
		if (fill_release(c, element(x, "RELEASES", "api_release.tpl"), NULL, &rs[i]) != 0) {
			view_dict_free(d);
			return page_error(c, 500, "the releases of an event for the API");
		}
	return json(c, 200, "api_event.tpl", d);
}

/* 200 with a page of public organisations by name; 400, 404 and 500 as for releases. */
int
api_orgs(struct ctx *c)
{
	struct pager p;
	struct org_info *os;
	size_t n;
	int rc = paginate(c, org_pub_count(c->db), &p);
	if (rc)
		return rc;
	if (org_pub_list(c->db, c->a, offset(&p), API_PER_PAGE, &os, &n) != 0)
		return page_error(c, 500, "a page of organisations");
	view_dict *d = list_begin(c, "organisations", "/api/v1/organisations", "", &p);
	for (size_t i = 0; i < n; i++)
		fill_org(c, element(d, "ITEMS", "api_org.tpl"), &os[i]);
	return json(c, 200, "api_list.tpl", d);
}

/* 200 with a public organisation and every public event it had a part in, with its parts;
 * 404 for any other id; 500 on a database error. */
int
api_org(struct ctx *c)
{
	long id;
	struct org_info o;
	struct org_part *parts;
	size_t n;
	int found = path_id(c, &id) ? org_pub_find(c->db, c->a, NULL, id, &o) : 0;
	if (found == 0)
		return api_error(c, 404, "there is no public organisation with this id");
	if (found < 0 || org_pub_parts(c->db, c->a, id, &parts, &n) != 0)
		return page_error(c, 500, "an organisation for the API");
	view_dict *d = view_dict_new("organisation");
	fill_org(c, d, &o);
	view_dict *x = view_add_section(d, "DETAIL"), *list = NULL;
	for (size_t i = 0; i < n; i++) {
		/* The parts come one row each, grouped by event. */
		if (i == 0 || parts[i].event_id != parts[i - 1].event_id) {
			view_dict *e = event_ref(c, view_add_section(x, "EVENTS"), parts[i].event_id,
			    parts[i].event_slug, parts[i].event_title);
			view_dict *dates = view_add_section(e, "DATES");
			view_set(dates, "STARTS_ON", parts[i].starts_on);
			view_set(dates, "ENDS_ON", parts[i].ends_on);
			list = view_add_section(e, "PARTS_LIST");
		}
		view_set(view_add_section(list, "PARTS"), "ROLE", parts[i].role);
	}
	return json(c, 200, "api_org.tpl", d);
}

/* 200 with a page of the delegations to public events, latest event first, or with ?event=ID
 * those to one event; 400 for a bad page or event number, 404 for an event that is not public
 * or a page past the last; 500 on a database error. */
int
api_delegations(struct ctx *c)
{
	long event_id = 0;
	struct event e;
	const char *ev = fields_get(&c->query, "event");
	if (ev && parse_long(ev, 1, 1L << 53, &event_id) != 0)
		return api_error(c, 400, "event must be the id of an event");
	int found = event_id ? event_pub_find(c->db, c->a, NULL, event_id, &e) : 1;
	if (found <= 0)
		return found == 0 ? api_error(c, 404, "there is no public event with this id")
		    : page_error(c, 500, "the event of a list of delegations");
	struct pager p;
	struct delegation_info *dls;
	size_t n;
	int rc = paginate(c, delegation_pub_count(c->db, event_id), &p);
	if (rc)
		return rc;
	if (delegation_pub_list(c->db, c->a, event_id, offset(&p), API_PER_PAGE, &dls, &n) != 0)
		return page_error(c, 500, "a page of delegations");
	view_dict *d = list_begin(c, "delegations", "/api/v1/delegations",
	    event_id ? arena_printf(c->a, "event=%ld", event_id) : "", &p);
	for (size_t i = 0; i < n; i++)
		if (fill_delegation(c, element(d, "ITEMS", "api_delegation.tpl"), &dls[i]) != 0) {
			view_dict_free(d);
			return page_error(c, 500, "the members of a delegation");
		}
	return json(c, 200, "api_list.tpl", d);
}
