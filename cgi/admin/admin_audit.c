/* admin_audit: /admin/audit: the audit log, newest first, filtered by a bookmarkable GET form. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "screens.h"
#include "page.h"
#include "timefmt.h"
#include "valid.h"

#define ENTRIES_PER_PAGE 50

enum { F_ACTION, F_ACCOUNT, F_SUBJECT, F_FROM, F_TO, F_FIELDS };
static const struct rule filter_rules[F_FIELDS] = {
	{ "action",  "Action",  V_TEXT, 0, 0, 40,  NULL },
	{ "account", "Account", V_TEXT, 0, 0, 64,  NULL },
	{ "subject", "Subject", V_TEXT, 0, 0, 200, NULL },
	{ "from",    "From",    V_DATE, 0, 0, 0,   NULL },
	{ "to",      "To",      V_DATE, 0, 0, 0,   NULL },
};

/* When the day `plus` days after date (checked YYYY-MM-DD) starts in the office's zone, as a
 * stored UTC time; "" (no bound) in the rare zone where that midnight does not exist. */
static const char *
day_start(struct arena *a, const char *date, int plus)
{
	struct tm tm = { 0 };
	char local[24];
	if (sscanf(date, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
		return "";
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_mday += plus;
	timegm(&tm);   /* only to carry the 32nd into the next month */
	strftime(local, sizeof local, "%Y-%m-%dT00:00", &tm);
	const char *utc = time_from_local_input(a, local);
	return utc ? utc : "";
}

/* "2025-02-24 10:00:05" in the office's zone: a log is read to the second. */
static const char *
when(struct arena *a, const char *iso)
{
	time_t t;
	struct tm tm;
	char s[32];
	if (time_parse_iso(iso, &t) != 0)
		return iso;
	localtime_r(&t, &tm);
	strftime(s, sizeof s, "%Y-%m-%d %H:%M:%S", &tm);
	return arena_strdup(a, s);
}

static int
add_actions(struct ctx *c, view_dict *d, const char *selected)
{
	const char **actions;
	size_t n;
	if (audit_actions(c->db, c->a, &actions, &n) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		view_dict *o = view_add_section(d, "ACTIONS");
		view_set(o, "VALUE", actions[i]);
		if (strcmp(actions[i], selected) == 0)
			view_show(o, "SELECTED");
	}
	return 0;
}

static void
add_entries(struct ctx *c, view_dict *d, const struct audit_entry *es, size_t n)
{
	view_dict *t = view_add_section(d, "TABLE");
	for (size_t i = 0; i < n; i++) {
		view_dict *r = view_add_section(t, "ENTRIES");
		view_set_int(r, "ID", es[i].id);
		view_set(r, "AT", es[i].at);
		view_set(r, "WHEN", when(c->a, es[i].at));
		view_set(r, "ACCOUNT", es[i].user_name);
		view_set(r, "CLIENT", es[i].client);
		view_set(r, "ACTION", es[i].action);
		view_set(r, "SUBJECT", es[i].subject);
		view_set(r, "DETAIL", es[i].detail);
	}
}

/* The filter as a query string, for the links to other pages of the same entries. */
static const char *
filter_query(struct arena *a, const struct checked *ck)
{
	const char **v = ck->value;
	return arena_printf(a, "action=%s&account=%s&subject=%s&from=%s&to=%s", url_encode(a, v[F_ACTION]),
	    url_encode(a, v[F_ACCOUNT]), url_encode(a, v[F_SUBJECT]), url_encode(a, v[F_FROM]), url_encode(a, v[F_TO]));
}

static void
pager_link(view_dict *p, long page, const char *rel, const char *label)
{
	view_dict *l = view_add_section(p, "LINKS");
	view_set_int(l, "N", page);
	view_set(l, "REL", rel);
	view_set(l, "LABEL", label);
}

/* The page: the filter as asked (problems named), then n entries; more says an older page exists. */
static int
audit_page(struct ctx *c, int status, const struct checked *ck, const struct audit_entry *es, size_t n,
    long page, int more)
{
	view_dict *d = page_begin(c, "audit.tpl", "Audit log");
	view_set(d, "ZONE", c->cfg->time_zone);
	page_form_values(d, d, filter_rules, F_FIELDS, ck, NULL);
	if (ck->nerrors)
		view_set_int(view_add_section(d, "HAS_ERRORS"), "COUNT", (long)ck->nerrors);
	if (add_actions(c, d, ck->value[F_ACTION]) != 0)
		return page_error(c, 500, "listing audit actions");
	if (n)
		add_entries(c, d, es, n);
	else if (ck->nerrors == 0)
		view_show(d, "NONE");
	if (page > 1 || more) {
		view_dict *p = view_add_section(d, "PAGER");
		view_set_int(p, "PAGE", page);
		view_set(p, "FILTER", filter_query(c->a, ck));
		if (page > 1)
			pager_link(p, page - 1, "prev", "Newer entries");
		if (more)
			pager_link(p, page + 1, "next", "Older entries");
	}
	return page_end(c, status);
}

/* 200 with a page of entries that match the filter, newest first; 422 with the filter and
 * its problems named (no entries); 404 for a page number that is not one or is past the end. */
int
admin_audit(struct ctx *c)
{
	long page = 1;
	const char *p = fields_get(&c->query, "page");
	if (p && *p && parse_long(p, 1, 1000000, &page) != 0)
		return page_error(c, 404, NULL);
	struct checked ck;
	checked_init(c->a, &ck, F_FIELDS);
	check_fields(c->a, filter_rules, F_FIELDS, &c->query, 0, &ck);
	const char **v = ck.value;
	if (!ck.error[F_FROM] && !ck.error[F_TO] && *v[F_FROM] && *v[F_TO] && strcmp(v[F_TO], v[F_FROM]) < 0) {
		ck.error[F_TO] = "must not be before From";
		ck.nerrors++;
	}
	if (ck.nerrors)
		return audit_page(c, 422, &ck, NULL, 0, 1, 0);
	struct audit_filter f = { v[F_ACTION], v[F_ACCOUNT], v[F_SUBJECT],
		*v[F_FROM] ? day_start(c->a, v[F_FROM], 0) : "", *v[F_TO] ? day_start(c->a, v[F_TO], 1) : "" };
	struct audit_entry *es;
	size_t n;
	/* One entry more than a page says whether there is an older page. */
	if (audit_list(c->db, c->a, &f, (page - 1) * ENTRIES_PER_PAGE, ENTRIES_PER_PAGE + 1, &es, &n) != 0)
		return page_error(c, 500, "listing the audit log");
	if (n == 0 && page > 1)
		return page_error(c, 404, NULL);
	int more = n > ENTRIES_PER_PAGE;
	return audit_page(c, 200, &ck, es, more ? ENTRIES_PER_PAGE : n, page, more);
}
