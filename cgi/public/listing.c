/* listing: the filters of the release listing and search: the URL's parameters checked, the form, the links. */
#include <ctype.h>
#include <string.h>

#include "event.h"
#include "listing.h"
#include "org.h"
#include "timefmt.h"
#include "valid.h"

enum { F_YEAR, F_KIND, F_ORG, F_COUNTRY, F_COUNT };

static const struct rule rules[F_COUNT] = {
	{ "year",    "Year",         V_INT,     0, 1900, 2999, NULL },
	{ "kind",    "Event kind",   V_CHOICE,  0, 0, 0, event_kinds },
	{ "org",     "Organisation", V_SLUG,    0, 0, 0, NULL },
	{ "country", "Country",      V_COUNTRY, 0, 0, 0, NULL },
};

/* Organisations with a part in a public event (the one with slug ?1, or all when ?1 is NULL): one
 * EXISTS per kind of part, each an index walk that stops at the first public event. */
#define PUBLIC_EVENT(col) "EXISTS (SELECT 1 FROM releases r WHERE r.event_id = " col " AND " RELEASE_VIEWABLE_SQL ")"
static const char SQL_ORGS[] =
    "SELECT o.id, o.slug, o.name, o.short_name FROM organizations o WHERE (?1 IS NULL OR o.slug = ?1) AND ("
    "EXISTS (SELECT 1 FROM sponsors s WHERE s.organization_id = o.id AND " PUBLIC_EVENT("s.event_id") ") "
    "OR EXISTS (SELECT 1 FROM delegations d WHERE d.organization_id = o.id AND " PUBLIC_EVENT("d.event_id") ") "
    "OR EXISTS (SELECT 1 FROM delegation_members m JOIN delegations d ON d.id = m.delegation_id "
    "WHERE m.organization_id = o.id AND " PUBLIC_EVENT("d.event_id") ")) ORDER BY o.name COLLATE NOCASE";
/* The countries public events took place in, and the one asked for (so the form can show it). */
static const char SQL_COUNTRIES[] =
    "SELECT c.code, c.name FROM countries c WHERE c.code = ?1 OR EXISTS (SELECT 1 FROM events e "
    "WHERE e.country = c.code AND " EVENT_PUBLIC_SQL ") ORDER BY c.name";

/* The office-time year as UTC bounds: a release dated 1 January in the office is in that year. */
static void
year_bounds(struct arena *a, long year, struct release_filter *f)
{
	f->from = time_from_local_input(a, arena_printf(a, "%04ld-01-01T00:00", year));
	f->until = time_from_local_input(a, arena_printf(a, "%04ld-01-01T00:00", year + 1));
}

/* An organisation as the form offers it. */
struct choice {
	long        id;
	const char *slug, *label;
};

static void
read_org(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct choice *o = row;
	o->id = sqlite3_column_int64(st, 0);
	o->slug = db_col_str(a, st, 1);
	o->label = org_label(a, db_col_str(a, st, 2), db_col(a, st, 3));
}

/* The organisation with this slug (or, slug NULL, every one) that has a part in a public event. */
static int
orgs(struct ctx *c, const char *slug, struct choice **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(c->db, SQL_ORGS);
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	return db_collect(st, c->a, read_org, out, n, sizeof **out);
}

static void
refuse(struct checked *ck, int field, const char *why)
{
	ck->error[field] = why;
	ck->nerrors++;
}

int
listing_read(struct ctx *c, struct listing *l)
{
	memset(l, 0, sizeof *l);
	struct checked *ck = &l->ck;
	checked_init(c->a, ck, F_COUNT);
	check_fields(c->a, rules, F_COUNT, &c->query, 0, ck);
	if (!ck->error[F_YEAR] && ck->num[F_YEAR] > 0) {
		l->year = ck->num[F_YEAR];
		year_bounds(c->a, l->year, &l->f);
	}
	if (!ck->error[F_KIND] && *ck->value[F_KIND])
		l->kind = l->f.kind = ck->value[F_KIND];
	if (!ck->error[F_ORG] && *ck->value[F_ORG]) {
		struct choice *o;
		size_t found;
		if (orgs(c, ck->value[F_ORG], &o, &found) != 0)
			return 500;
		if (found == 0)
			refuse(ck, F_ORG, "is not one that took part in a published event");
		l->org = ck->value[F_ORG];
		l->org_name = found ? o->label : NULL;
		l->f.org_id = found ? o->id : 0;
	}
	if (!ck->error[F_COUNTRY] && *ck->value[F_COUNTRY]) {
		if (!country_exists(c->db, ck->value[F_COUNTRY]))
			refuse(ck, F_COUNTRY, "is not a country code like TH");
		l->country = l->f.country = ck->value[F_COUNTRY];
	}
	return ck->nerrors ? 400 : 0;
}

char *
listing_url(struct arena *a, const char *path, const struct listing *l, const char *skip, const char *extra)
{
	const char *values[F_COUNT] = { l->year ? arena_printf(a, "%ld", l->year) : NULL, l->kind, l->org,
		l->country };
	struct buf b = { 0 };
	buf_adds(&b, path);
	char sep = '?';
	for (int i = 0; i < F_COUNT; i++) {
		if (values[i] == NULL || (skip && strcmp(skip, rules[i].name) == 0))
			continue;
		buf_addf(&b, "%c%s=%s", sep, rules[i].name, url_encode(a, values[i]));
		sep = '&';
	}
	if (extra)
		buf_addf(&b, "%c%s", sep, extra);
	char *url = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return url;
}

/* One <select> of the form: its label, its "any" choice, and the problem with its value. */
static view_dict *
select_field(view_dict *form, const struct checked *ck, int field, const char *any)
{
	view_dict *s = view_add_section(form, "SELECTS");
	view_set(s, "NAME", rules[field].name);
	view_set(s, "LABEL", rules[field].label);
	view_set(s, "ANY", any);
	if (ck->error[field]) {
		view_dict *e = view_add_section(s, "INVALID");
		view_set(e, "LABEL", rules[field].label);
		view_set(e, "ERROR", ck->error[field]);
	}
	return s;
}

static void
option(view_dict *s, const char *value, const char *label, const char *chosen)
{
	view_dict *o = view_add_section(s, "OPTIONS");
	view_set(o, "VALUE", value);
	view_set(o, "LABEL", label);
	if (chosen && strcmp(value, chosen) == 0)
		view_show(o, "SELECTED");
}

/* Every year from the newest listed release back to the oldest (and the chosen one, if apart). */
static int
year_options(struct ctx *c, view_dict *s, const struct listing *l)
{
	char *oldest, *newest;
	if (release_listed_span(c->db, c->a, &oldest, &newest) != 0)
		return -1;
	int first = (int)l->year, last = (int)l->year, m;
	if (oldest && time_year_month(oldest, &first, &m) == 0 && l->year && l->year < first)
		first = (int)l->year;
	if (newest && time_year_month(newest, &last, &m) == 0 && l->year > last)
		last = (int)l->year;
	const char *chosen = l->year ? arena_printf(c->a, "%ld", l->year) : NULL;
	for (int y = last; y >= first && y > 0; y--) {
		const char *v = arena_printf(c->a, "%d", y);
		option(s, v, v, chosen);
	}
	return 0;
}

static int
org_options(struct ctx *c, view_dict *s, const struct listing *l)
{
	struct choice *o;
	size_t n;
	if (orgs(c, NULL, &o, &n) != 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		option(s, o[i].slug, o[i].label, l->org);
	return 0;
}

/* Adds the country options; *name is set to the chosen country's name. */
static int
country_options(struct ctx *c, view_dict *s, const struct listing *l, const char **name)
{
	sqlite3_stmt *st = db_stmt(c->db, SQL_COUNTRIES);
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, l->country);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = db_col_str(c->a, st, 0), *label = db_col_str(c->a, st, 1);
		option(s, code, label, l->country);
		if (l->country && strcmp(code, l->country) == 0)
			*name = label;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* "Workshop" for workshop. */
static char *
capitalised(struct arena *a, const char *s)
{
	char *t = arena_strdup(a, s);
	t[0] = (char)toupper((unsigned char)t[0]);
	return t;
}

/* One chosen filter, with the link that drops it. */
static void
chosen(struct ctx *c, view_dict *list, const char *path, const struct listing *l, const char *extra,
    int field, const char *value)
{
	view_dict *f = view_add_section(list, "FILTER");
	view_set(f, "WHAT", rules[field].label);
	view_set(f, "VALUE", value);
	view_set(f, "REMOVE_URL", listing_url(c->a, path, l, rules[field].name, extra));
}

int
listing_form(struct ctx *c, view_dict *d, const struct listing *l, const char *path, const char *q)
{
	view_dict *form = view_add_include(d, "FILTERS", "filters.tpl");
	view_set(form, "ACTION", path);
	const char *extra = q ? arena_printf(c->a, "q=%s", url_encode(c->a, q)) : NULL;
	if (q)
		view_set(view_add_section(form, "SEARCH"), "Q", q);
	else
		view_show(form, "LISTING");
	const char *country_name = l->country;
	if (year_options(c, select_field(form, &l->ck, F_YEAR, "Any year"), l) != 0)
		return -1;
	view_dict *kinds = select_field(form, &l->ck, F_KIND, "Any kind");
	for (const char *const *k = event_kinds; *k; k++)
		option(kinds, *k, capitalised(c->a, *k), l->kind);
	if (org_options(c, select_field(form, &l->ck, F_ORG, "Any organisation"), l) != 0 ||
	    country_options(c, select_field(form, &l->ck, F_COUNTRY, "Any country"), l, &country_name) != 0)
		return -1;
	if (l->ck.nerrors)
		view_show(form, "HAS_ERRORS");
	if (!l->year && !l->kind && !l->org && !l->country)
		return 0;
	view_dict *list = view_add_section(form, "CHOSEN");
	if (l->year)
		chosen(c, list, path, l, extra, F_YEAR, arena_printf(c->a, "%ld", l->year));
	if (l->kind)
		chosen(c, list, path, l, extra, F_KIND, capitalised(c->a, l->kind));
	if (l->org)
		chosen(c, list, path, l, extra, F_ORG, l->org_name ? l->org_name : l->org);
	if (l->country)
		chosen(c, list, path, l, extra, F_COUNTRY, country_name);
	struct listing none = { 0 };
	view_set(list, "CLEAR_URL", listing_url(c->a, path, &none, NULL, extra));
	return 0;
}

char *
listing_cursor(struct arena *a, const char *at, long id)
{
	return arena_printf(a, "%s.%ld", at, id);
}

int
listing_cursor_parse(struct arena *a, const char *s, struct release_cursor *cur)
{
	time_t t;
	const char *dot = strchr(s, '.');
	if (dot == NULL || dot - s != 20 || dot[1] < '1' || dot[1] > '9')
		return -1;
	cur->at = arena_strndup(a, s, 20);
	if (time_parse_iso(cur->at, &t) != 0 || parse_long(dot + 1, 1, 1L << 53, &cur->id) != 0)
		return -1;
	return 0;
}
