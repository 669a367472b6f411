/* page_year: /engagements/<year>[.csv]: the events the office sent delegations to that year, in sum. */
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "delegation.h"
#include "pages.h"
#include "page.h"
#include "event_box.h"
#include "timefmt.h"
#include "valid.h"

/* What the year adds up to: roles summed across events (spelling case aside), host countries. */
struct tally {
	const char **roles, **codes, **countries;
	long *role_counts;
	size_t nroles, ncountries;
	long events, delegates;
};

static void
count_year(struct arena *a, struct tally *t, const struct engagement *rows, size_t n)
{
	size_t cap = n ? n : 1;
	t->roles = arena_alloc(a, cap * sizeof *t->roles);
	t->role_counts = arena_alloc(a, cap * sizeof *t->role_counts);
	t->codes = arena_alloc(a, cap * sizeof *t->codes);
	t->countries = arena_alloc(a, cap * sizeof *t->countries);
	for (size_t r = 0; r < n; r++) {
		const struct engagement *g = &rows[r];
		size_t i;
		t->events += r == 0 || g->event_id != rows[r - 1].event_id;
		t->delegates += g->count;
		for (i = 0; i < t->nroles && strcasecmp(t->roles[i], g->role_title) != 0; i++)
			;
		if (i == t->nroles) {
			t->roles[t->nroles++] = g->role_title;
			t->role_counts[i] = 0;
		}
		t->role_counts[i] += g->count;
		for (i = 0; g->country && i < t->ncountries && strcmp(t->codes[i], g->country) != 0; i++)
			;
		if (g->country && i == t->ncountries) {
			t->codes[i] = g->country;
			t->countries[t->ncountries++] = g->country_name ? g->country_name : g->country;
		}
	}
}

/* The CSV is the one output of this page that no template writes: ctemplate has no CSV context,
 * so csv.c quotes each cell (RFC 4180) and guards it against spreadsheet formulas. */
static int
year_csv(struct ctx *c, int year, const struct engagement *rows, size_t n)
{
	static const char *const header[] = { "event", "event_url", "starts_on", "ends_on", "kind", "city",
		"country", "country_name", "sent_by", "role", "department", "count" };
	buf_reset(&c->body);
	csv_record(&c->body, header, sizeof header / sizeof *header);
	for (size_t i = 0; i < n; i++) {
		const struct engagement *g = &rows[i];
		const char *cells[] = { g->event_title, page_url(c, arena_printf(c->a, "/events/%s", g->event_slug)),
			g->starts_on, g->ends_on, g->kind, g->city, g->country, g->country_name, g->sender,
			g->role_title, g->department, arena_printf(c->a, "%ld", g->count) };
		csv_record(&c->body, cells, sizeof cells / sizeof *cells);
	}
	ctx_header(c, "Content-Disposition",
	    arena_printf(c->a, "attachment; filename=\"engagements-%04d.csv\"", year));
	c->content_type = "text/csv; charset=utf-8";
	c->status = 200;
	return 200;
}

/* One teaser per event, its delegation rows in a line under it ("2 legal counsels, AGC; ..."). */
static void
list_events(struct ctx *c, view_dict *d, const struct engagement *rows, size_t n)
{
	for (size_t i = 0, j; i < n; i = j) {
		const struct engagement *g = &rows[i];
		char *line = NULL;
		for (j = i; j < n && rows[j].event_id == g->event_id; j++) {
			char *who = people(c->a, rows[j].count, rows[j].role_title);
			if (rows[j].department)
				who = arena_printf(c->a, "%s, %s", who, rows[j].department);
			line = line ? arena_printf(c->a, "%s; %s", line, who) : who;
		}
		view_dict *e = event_teaser(c, d, g->event_slug, g->event_title, g->starts_on, g->ends_on,
		    event_place(c->a, g->city, g->country_name), g->kind);
		view_set(view_add_section(e, "DETAIL"), "TEXT", line);
	}
}

static int
year_page(struct ctx *c, int year, const struct engagement *rows, size_t n)
{
	struct tally t = { 0 };
	count_year(c->a, &t, rows, n);
	char *title = arena_printf(c->a, "Our engagements in %d", year);
	view_dict *d = page_begin(c, "year.tpl", title);
	page_meta(c, arena_printf(c->a, "The international engagements of the %s in %d: %s in %s, %s, by role.",
	    c->cfg->site_name, year, counted(c->a, t.events, "event", "events"),
	    counted(c->a, (long)t.ncountries, "country", "countries"),
	    counted(c->a, t.delegates, "delegate", "delegates")), arena_printf(c->a, "/engagements/%d", year), NULL);
	view_set(d, "TITLE", title);
	view_set_int(d, "YEAR", year);
	view_set_int(d, "EVENTS", t.events);
	view_set_int(d, "COUNTRIES", (long)t.ncountries);
	view_set_int(d, "DELEGATES", t.delegates);
	if (n == 0) {
		view_show(d, "NONE");
		return page_end(c, 200);
	}
	view_dict *sum = view_add_section(d, "SOME");
	for (size_t i = 0; i < t.nroles; i++)
		view_set(view_add_section(sum, "ROLE"), "WHO", people(c->a, t.role_counts[i], t.roles[i]));
	for (size_t i = 0; i < t.ncountries; i++)
		view_set(view_add_section(sum, "COUNTRY"), "NAME", t.countries[i]);
	list_events(c, sum, rows, n);
	return page_end(c, 200);
}

typedef int (*year_answer)(struct ctx *c, int year, const struct engagement *rows, size_t n);

/* Reads the year of /engagements/<year>[.csv] and its engagements, then answers with them:
 * 404 for anything but a year from 1900 to 2100, 500 on a database error. */
static int
with_year(struct ctx *c, year_answer answer)
{
	long year;
	struct engagement *rows;
	size_t n;
	if (strlen(c->args[0]) != 4 || strspn(c->args[0], "0123456789") != 4 ||
	    parse_long(c->args[0], 1900, 2100, &year) != 0)
		return page_error(c, 404, NULL);
	if (delegation_year(c->db, c->a, (int)year, &rows, &n) != 0)
		return page_error(c, 500, "a year's engagements");
	return answer(c, (int)year, rows, n);
}

/* 200 with the year's page (one without engagements says so); 404 for a bad year; 500 on a
 * database error. */
int
page_year(struct ctx *c)
{
	return with_year(c, year_page);
}

/* 200 with the year's CSV (text/csv, as an attachment; the header alone for a year without
 * engagements); 404 for a bad year; 500 on a database error. */
int
page_year_csv(struct ctx *c)
{
	return with_year(c, year_csv);
}

/* 200 with every year that has engagements, newest first; 500 on a database error. */
int
page_years(struct ctx *c)
{
	struct engagement_year *ys;
	size_t n;
	if (delegation_years(c->db, c->a, &ys, &n) != 0)
		return page_error(c, 500, "years of engagements");
	view_dict *d = page_begin(c, "years.tpl", "Our engagements");
	page_meta(c, arena_printf(c->a, "The international engagements of the %s, year by year: the events "
	    "it sent delegations to, the countries and the delegates.", c->cfg->site_name), "/engagements", NULL);
	view_dict *list = n ? view_add_section(d, "LIST") : NULL;
	for (size_t i = 0; i < n; i++) {
		view_dict *y = view_add_section(list, "YEAR");
		view_set_int(y, "YEAR", ys[i].year);
		view_set(y, "SUMMARY", arena_printf(c->a, "%s, %s", counted(c->a, ys[i].events, "event", "events"),
		    counted(c->a, ys[i].delegates, "delegate", "delegates")));
	}
	if (n == 0)
		view_show(d, "NONE");
	return page_end(c, 200);
}
