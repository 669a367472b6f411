/* route: the one route table. Reading it top to bottom is reading the site map. */
#include <string.h>

#include "auth.h"
#include "pages.h"
#include "screens.h"
#include "page.h"
#include "parked.h"
#include "route.h"

struct route {
	const char *method;
	const char *pattern;     /* '*' matches one path segment and becomes an argument */
	handler_fn  handler;
	enum role   role;        /* the least role allowed; ROLE_PUBLIC for everyone */
};

static const struct route routes[] = {
	{ "GET",  "/",                      page_home,            ROLE_PUBLIC },   /* filters and keyset pages (page_home.c) */
	{ "GET",  "/search",                page_search,          ROLE_PUBLIC },   /* full-text search (page_search.c) */
	{ "GET",  "/news/*/*/*",            page_release,         ROLE_PUBLIC },
	{ "GET",  "/events/*.ics",          ical_event,           ROLE_PUBLIC },   /* <slug>.ics, before the event page */
	{ "GET",  "/events/*",              page_event,           ROLE_PUBLIC },
	/* Events, organisations and the yearly engagements (page_events.c, page_org*.c, page_year.c). */
	{ "GET",  "/events",                page_events,          ROLE_PUBLIC },
	{ "GET",  "/organisations",         page_orgs,            ROLE_PUBLIC },
	{ "GET",  "/organisations/*",       page_org,             ROLE_PUBLIC },
	{ "GET",  "/engagements",           page_years,           ROLE_PUBLIC },
	{ "GET",  "/engagements/*.csv",     page_year_csv,        ROLE_PUBLIC },
	{ "GET",  "/engagements/*",         page_year,            ROLE_PUBLIC },
	{ "GET",  "/login",                 admin_login_form,     ROLE_PUBLIC },
	{ "POST", "/login",                 admin_login,          ROLE_PUBLIC },
	{ "POST", "/logout",                admin_logout,         ROLE_AUTHOR },
	{ "GET",  "/admin",                 admin_dashboard,      ROLE_AUTHOR },
	{ "GET",  "/admin/review",          admin_review,         ROLE_EDITOR },
	{ "POST", "/admin/review/feed-token", admin_review_feed_token, ROLE_EDITOR },
	{ "GET",  "/admin/review.atom",     admin_review_feed,    ROLE_PUBLIC },   /* the token is the login */
	{ "GET",  "/admin/counts",          admin_counts,         ROLE_AUTHOR },
	{ "GET",  "/admin/releases/new",    admin_release_new,    ROLE_AUTHOR },
	{ "POST", "/admin/releases",        admin_release_create, ROLE_AUTHOR },
	{ "GET",  "/admin/releases/*",      admin_release_edit,   ROLE_AUTHOR },
	{ "POST", "/admin/releases/*",      admin_release_update, ROLE_AUTHOR },
	{ "POST", "/admin/releases/*/workflow", admin_release_workflow, ROLE_AUTHOR },
	{ "POST", "/admin/releases/*/comments", admin_release_comment,  ROLE_AUTHOR },
	{ "POST", "/admin/releases/*/still-current", admin_release_still_current, ROLE_AUTHOR },
	/* History, diff, restore and previews (admin_history.c, admin_diff.c, admin_preview.c, page_preview.c). */
	{ "GET",  "/admin/releases/*/history",  admin_history,  ROLE_AUTHOR },
	{ "GET",  "/admin/releases/*/diff",     admin_diff,     ROLE_AUTHOR },
	{ "POST", "/admin/releases/*/restore",  admin_restore,  ROLE_AUTHOR },
	{ "GET",  "/admin/releases/*/restored", admin_restored, ROLE_AUTHOR },
	{ "GET",  "/admin/releases/*/preview",  admin_preview,  ROLE_AUTHOR },
	{ "POST", "/admin/releases/*/preview-links",          admin_preview_link_create, ROLE_AUTHOR },
	{ "POST", "/admin/releases/*/preview-links/*/revoke", admin_preview_link_revoke, ROLE_AUTHOR },
	{ "GET",  "/preview/*",                 page_preview,   ROLE_PUBLIC },   /* the token is the key */
	/* A release's files before they are public: for staff, and for a preview link's holder
	 * (admin_preview.c, page_preview.c). Public files are the web server's, under /media/. */
	{ "GET",  "/admin/releases/*/media/*",  admin_release_media, ROLE_AUTHOR },
	{ "GET",  "/preview/*/media/*",         page_preview_media,  ROLE_PUBLIC },
	/* Accounts, one's own password and sessions, the audit log (admin_account.c, admin_users.c, admin_audit.c). */
	{ "GET",  "/admin/account",                     admin_account,             ROLE_AUTHOR },
	{ "POST", "/admin/account/password",            admin_account_password,    ROLE_AUTHOR },
	{ "POST", "/admin/account/sessions/end-others", admin_account_end_others,  ROLE_AUTHOR },
	{ "POST", "/admin/account/sessions/*/end",      admin_account_end_session, ROLE_AUTHOR },
	{ "GET",  "/admin/users",                       admin_users,               ROLE_ADMIN },
	{ "POST", "/admin/users",                       admin_user_create,         ROLE_ADMIN },
	{ "POST", "/admin/users/*/role",                admin_user_role,           ROLE_ADMIN },
	{ "POST", "/admin/users/*/disable",             admin_user_disable,        ROLE_ADMIN },
	{ "POST", "/admin/users/*/enable",              admin_user_enable,         ROLE_ADMIN },
	{ "POST", "/admin/users/*/password",            admin_user_password,       ROLE_ADMIN },
	{ "GET",  "/admin/audit",                       admin_audit,               ROLE_ADMIN },
	/* Feeds and open data (feed.c, ical.c, api.c); an event's calendar is above, before its page. */
	{ "GET",  "/feed.atom",                   feed_atom_all,   ROLE_PUBLIC },
	{ "GET",  "/events/*/feed.atom",          feed_atom_event, ROLE_PUBLIC },
	{ "GET",  "/organisations/*/feed.atom",   feed_atom_org,   ROLE_PUBLIC },
	{ "GET",  "/sitemap.xml",                 feed_sitemap,    ROLE_PUBLIC },
	{ "GET",  "/robots.txt",                  feed_robots,     ROLE_PUBLIC },
	{ "GET",  "/events.ics",                  ical_upcoming,   ROLE_PUBLIC },
	{ "GET",  "/api/v1",                      api_index,       ROLE_PUBLIC },
	{ "GET",  "/api/v1/releases",             api_releases,    ROLE_PUBLIC },
	{ "GET",  "/api/v1/releases/*",           api_release,     ROLE_PUBLIC },
	{ "GET",  "/api/v1/events",               api_events,      ROLE_PUBLIC },
	{ "GET",  "/api/v1/events/*",             api_event,       ROLE_PUBLIC },
	{ "GET",  "/api/v1/organisations",        api_orgs,        ROLE_PUBLIC },
	{ "GET",  "/api/v1/organisations/*",      api_org,         ROLE_PUBLIC },
	{ "GET",  "/api/v1/delegations",          api_delegations, ROLE_PUBLIC },
	{ "GET",  "/api/v1/*",                    api_not_found,   ROLE_PUBLIC },   /* JSON, not a page */
	{ "GET",  "/api/v1/*/*",                  api_not_found,   ROLE_PUBLIC },
};

/* Staff pages send strangers to the login form, then back. A form posted after the session
 * ended is parked first, and the form page it came from gets it back after the login. */
static int
login_first(struct ctx *c)
{
	const char *back = c->path;
	if (strcmp(c->method, "POST") == 0) {
		/* Another site's form is no one's lost work: it is never parked for after the login. */
		if (auth_cross_site(c))
			return page_error(c, 403, "The form came from another site.");
		if (parked_keep(c) != 0)
			return page_error(c, 403, "Your session has ended. Log in again, then send the form again.");
		back = strcmp(c->path, "/admin/releases") == 0 ? "/admin/releases/new" : c->path;
		const char *slash = strncmp(back, "/admin/releases/", 16) == 0 ? strchr(back + 16, '/') : NULL;
		if (slash)
			back = arena_strndup(c->a, back, (size_t)(slash - back));
	}
	return page_redirect(c, 303, arena_printf(c->a, "/login?next=%s", url_encode(c->a, back)));
}

/* Matches path against pattern, filling args with the segments '*' stood for. */
static int
match(struct ctx *c, const char *pattern, const char *path)
{
	size_t nargs = 0;
	while (*pattern && *path) {
		if (*pattern == '*') {
			const char *end = strchr(path, '/');
			size_t n = end ? (size_t)(end - path) : strlen(path);
			/* "*.ics", "*.csv": what follows the star up to the next '/' must end the segment,
			 * and is not part of the argument. */
			size_t tail = strcspn(pattern + 1, "/");
			if (tail && (n <= tail || strncmp(path + n - tail, pattern + 1, tail) != 0))
				return 0;
			n -= tail;
			if (n == 0 || nargs == CTX_MAX_ARGS)
				return 0;
			c->args[nargs++] = arena_strndup(c->a, path, n);
			path += n;
			pattern++;
		} else if (*pattern++ != *path++) {
			return 0;
		}
	}
	return *pattern == '\0' && *path == '\0';
}

int
route_dispatch(struct ctx *c)
{
	int path_matched = 0;
	char allow[32] = "";
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		const struct route *r = &routes[i];
		if (!match(c, r->pattern, c->path))
			continue;
		if (strcmp(r->method, c->method) != 0) {
			path_matched = 1;
			if (strlen(allow) + strlen(r->method) + 3 < sizeof allow) {
				if (*allow)
					strcat(allow, ", ");
				strcat(allow, r->method);
			}
			continue;
		}
		if (r->role > ROLE_PUBLIC && c->me.id == 0)
			return login_first(c);
		if (c->me.role < r->role)
			return page_error(c, 403, NULL);
		if (strcmp(c->method, "POST") == 0 && !auth_csrf_ok(c))
			return page_error(c, 403, "The form's security token was missing or out of date.");
		return r->handler(c);
	}
	if (path_matched) {
		if (strstr(allow, "GET"))
			strcat(allow, ", HEAD");
		ctx_header(c, "Allow", allow);
		return page_error(c, 405, NULL);
	}
	return page_error(c, 404, NULL);
}
