/* admin_release: /admin/releases: the release form, for a new release and for editing one. */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "delegation.h"
#include "event.h"
#include "handlers.h"
#include "org.h"
#include "page.h"
#include "release.h"
#include "valid.h"

static const struct rule release_rules[] = {
	{ "title",   "Title",   V_TEXT,     1, 3, 200,    NULL },
	{ "summary", "Summary", V_LONGTEXT, 0, 0, 600,    NULL },
	{ "body",    "Body",    V_LONGTEXT, 1, 1, 100000, NULL },
};

enum { EV_TITLE, EV_KIND, EV_STARTS, EV_ENDS, EV_VENUE, EV_CITY, EV_COUNTRY, EV_PARTICIPANTS,
       EV_COUNTRIES, EV_ORGANISERS, EV_SPONSORS, EV_FROM, EV_COUNT };
static const struct rule event_rules[EV_COUNT] = {
	{ "event_title",        "Event title",            V_TEXT,     1, 3, 200,  NULL },
	{ "event_kind",         "Kind of event",          V_CHOICE,   1, 0, 0,    event_kinds },
	{ "event_starts_on",    "First day",              V_DATE,     1, 0, 0,    NULL },
	{ "event_ends_on",      "Last day",               V_DATE,     0, 0, 0,    NULL },
	{ "event_venue",        "Venue",                  V_TEXT,     0, 0, 200,  NULL },
	{ "event_city",         "City",                   V_TEXT,     0, 0, 100,  NULL },
	{ "event_country",      "Country",                V_COUNTRY,  0, 0, 0,    NULL },
	{ "event_participants", "Participants in all",    V_INT,      0, 0, 1000000, NULL },
	{ "event_countries",    "Countries represented",  V_INT,      0, 0, 250,  NULL },
	{ "event_organisers",   "Organisers",             V_LONGTEXT, 0, 0, 2000, NULL },
	{ "event_sponsors",     "Sponsors",               V_LONGTEXT, 0, 0, 2000, NULL },
	{ "delegation_from",    "Delegation sent by",     V_TEXT,     0, 0, 200,  NULL },
};

enum { M_ROLE, M_DEPARTMENT, M_COUNT, M_NAMES, M_FIELDS };
static const struct rule member_rules[M_FIELDS] = {
	{ "member_role",       "Role",       V_TEXT, 0, 0, 100, NULL },
	{ "member_department", "Department", V_TEXT, 0, 0, 200, NULL },
	{ "member_count",      "Number",     V_INT,  0, 1, 1000, NULL },
	{ "member_names",      "Names",      V_TEXT, 0, 0, 500, NULL },
};

#define NRULES(r) (sizeof (r) / sizeof (r)[0])
#define MIN_ROWS 4     /* rows the form always offers */
#define MAX_ROWS 20

/* Everything the form holds, checked, whether it came from a POST or from the database. */
struct form {
	struct checked rel, ev, rows[MAX_ROWS];
	size_t         nrows;
	const char    *event_choice;   /* "", "new" or an event id */
	const char    *event_error;
	long           event_id;       /* -1 for none */
	long           version;
	size_t         nerrors;
	const char    *notice;         /* a message above the form */
};

static int
row_empty(const struct checked *row)
{
	for (size_t i = 0; i < M_FIELDS; i++)
		if (*row->value[i])
			return 0;
	return 1;
}

static void
form_blank(struct ctx *c, struct form *f)
{
	memset(f, 0, sizeof *f);
	checked_init(c->a, &f->rel, NRULES(release_rules));
	checked_init(c->a, &f->ev, EV_COUNT);
	f->ev.value[EV_FROM] = c->cfg->site_name;
	for (f->nrows = 0; f->nrows < MIN_ROWS; f->nrows++)
		checked_init(c->a, &f->rows[f->nrows], M_FIELDS);
	f->event_choice = "";
	f->event_id = -1;
}

/* Forgets the problems of the new-event part: it is kept as typed but not used. */
static void
ignore_new_event(struct form *f)
{
	for (size_t i = 0; i < EV_COUNT; i++)
		f->ev.error[i] = NULL;
	f->ev.nerrors = 0;
	for (size_t r = 0; r < f->nrows; r++) {
		for (size_t i = 0; i < M_FIELDS; i++)
			f->rows[r].error[i] = NULL;
		f->rows[r].nerrors = 0;
	}
}

/* Checks the new-event part of the form; its problems count only when a new event is chosen. */
static void
check_new_event(struct ctx *c, struct form *f)
{
	const struct fields *in = &c->form;
	checked_init(c->a, &f->ev, EV_COUNT);
	check_fields(c->a, event_rules, EV_COUNT, in, 0, &f->ev);
	const char **v = f->ev.value;
	if (!f->ev.error[EV_ENDS] && !f->ev.error[EV_STARTS] && *v[EV_ENDS] && strcmp(v[EV_ENDS], v[EV_STARTS]) < 0) {
		f->ev.error[EV_ENDS] = "must not be before the first day";
		f->ev.nerrors++;
	}
	if (!f->ev.error[EV_COUNTRY] && *v[EV_COUNTRY] && !country_exists(c->db, v[EV_COUNTRY])) {
		f->ev.error[EV_COUNTRY] = "is not a country code we know";
		f->ev.nerrors++;
	}
	size_t posted = fields_count(in, "member_role");
	f->nrows = posted < MIN_ROWS ? MIN_ROWS : (posted > MAX_ROWS ? MAX_ROWS : posted);
	for (size_t r = 0; r < f->nrows; r++) {
		struct checked *row = &f->rows[r];
		checked_init(c->a, row, M_FIELDS);
		check_fields(c->a, member_rules, M_FIELDS, in, r, row);
		if (!row_empty(row) && *row->value[M_ROLE] == '\0') {
			row->error[M_ROLE] = "is required when the row is used";
			row->nerrors++;
		}
		f->ev.nerrors += row->nerrors;
	}
	if (strcmp(f->event_choice, "new") != 0)
		ignore_new_event(f);
}

static void
form_from_post(struct ctx *c, struct form *f)
{
	memset(f, 0, sizeof *f);
	checked_init(c->a, &f->rel, NRULES(release_rules));
	check_fields(c->a, release_rules, NRULES(release_rules), &c->form, 0, &f->rel);
	const char *choice = fields_get(&c->form, "event_id");
	f->event_choice = trim_copy(c->a, choice ? choice : "");
	f->event_id = -1;
	struct event e;
	if (*f->event_choice && strcmp(f->event_choice, "new") != 0) {
		if (parse_long(f->event_choice, 1, 1L << 53, &f->event_id) != 0 ||
		    event_by_id(c->db, c->a, f->event_id, &e) != 1)
			f->event_error = "is not an event we know";
	}
	check_new_event(c, f);
	const char *version = fields_get(&c->form, "version");
	if (version == NULL || parse_long(version, 1, 1L << 53, &f->version) != 0)
		f->version = 0;
	f->nerrors = f->rel.nerrors + f->ev.nerrors + (f->event_error != NULL);
}

static void
add_options(view_dict *d, const char *section, const char *const *values, const char *selected)
{
	for (const char *const *v = values; *v; v++) {
		view_dict *o = view_add_section(d, section);
		view_set(o, "VALUE", *v);
		if (strcmp(*v, selected) == 0)
			view_show(o, "SELECTED");
	}
}

static const char SQL_COUNTRIES[] = "SELECT code, name FROM countries ORDER BY name";

static int
add_countries(struct ctx *c, view_dict *d, const char *selected)
{
	sqlite3_stmt *st = db_stmt(c->db, SQL_COUNTRIES);
	if (st == NULL)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		view_dict *o = view_add_section(d, "COUNTRY_OPTIONS");
		const char *code = (const char *)sqlite3_column_text(st, 0);
		view_set(o, "VALUE", code);
		view_set(o, "NAME", (const char *)sqlite3_column_text(st, 1));
		if (strcmp(code, selected) == 0)
			view_show(o, "SELECTED");
	}
	return rc == SQLITE_DONE ? 0 : -1;
}

static int
add_events(struct ctx *c, view_dict *d, const struct form *f)
{
	struct event *evs;
	size_t n;
	if (event_list(c->db, c->a, &evs, &n) != 0)
		return -1;
	if (*f->event_choice == '\0')
		view_show(d, "NO_EVENT_SELECTED");
	if (strcmp(f->event_choice, "new") == 0)
		view_show(d, "NEW_EVENT_SELECTED");
	for (size_t i = 0; i < n; i++) {
		view_dict *o = view_add_section(d, "EVENT_OPTIONS");
		view_set_int(o, "ID", evs[i].id);
		view_set(o, "TITLE", evs[i].title);
		view_set(o, "YEAR", arena_strndup(c->a, evs[i].starts_on, 4));
		if (evs[i].id == f->event_id)
			view_show(o, "SELECTED");
	}
	return 0;
}

/* Renders the form with what it holds; status 200, or 409/422 with the problems named. */
static int
form_page(struct ctx *c, int status, const struct release *r, const struct form *f)
{
	view_dict *d = page_begin(c, "release_form.tpl", r ? "Edit release" : "New release");
	view_set(d, "HEADING", r ? "Edit release" : "New release");
	view_set(d, "ACTION", r ? arena_printf(c->a, "/admin/releases/%ld", r->id) : "/admin/releases");
	if (r) {
		view_dict *e = view_add_section(d, "EXISTING");
		view_set_int(e, "VERSION", f->version ? f->version : r->version);
		view_set(e, "STATUS", r->status);
		if (strcmp(r->status, "published") == 0)
			view_set(view_add_section(d, "PUBLIC"), "URL", release_url(c->a, r));
	}
	if (f->notice)
		view_set(view_add_section(d, "NOTICE"), "TEXT", f->notice);
	if (f->nerrors)
		view_set_int(view_add_section(d, "HAS_ERRORS"), "COUNT", (long)f->nerrors);
	page_form_values(d, d, release_rules, NRULES(release_rules), &f->rel, NULL);
	page_form_values(d, d, event_rules, EV_COUNT, &f->ev, NULL);
	if (f->event_error) {
		view_set(d, "event_id_error", f->event_error);
		view_show(d, "event_id_invalid");
		view_dict *e = view_add_section(d, "ERRORS");
		view_set(e, "FIELD_ID", "event_id");
		view_set(e, "LABEL", "Event");
		view_set(e, "MESSAGE", f->event_error);
	}
	add_options(d, "KIND_OPTIONS", event_kinds, f->ev.value[EV_KIND]);
	if (add_countries(c, d, f->ev.value[EV_COUNTRY]) != 0 || add_events(c, d, f) != 0)
		return page_error(c, 500, "filling the release form");
	for (size_t i = 0; i < f->nrows; i++) {
		view_dict *row = view_add_section(d, "MEMBERS");
		char suffix[24];
		snprintf(suffix, sizeof suffix, "-%zu", i + 1);
		view_set(row, "ROW", suffix + 1);
		page_form_values(row, d, member_rules, M_FIELDS, &f->rows[i], suffix);
	}
	if (c->me.role >= ROLE_EDITOR)
		view_show(d, "CAN_PUBLISH");
	return page_end(c, status);
}

/* Splits one organisation per line and records each with its role. */
static int
save_orgs(struct ctx *c, long event_id, const char *lines, const char *role)
{
	int position = 0;
	const char *p = lines;
	while (*p) {
		size_t n = strcspn(p, "\r\n");
		char *name = trim_copy(c->a, arena_strndup(c->a, p, n));
		if (*name) {
			long org = org_find_or_create(c->db, c->a, name);
			if (org < 0 || event_add_org(c->db, event_id, org, role, position++) != 0)
				return -1;
		}
		p += n;
		p += strspn(p, "\r\n");
	}
	return 0;
}

static long
save_new_event(struct ctx *c, const struct form *f)
{
	const char **v = f->ev.value;
	const long *num = f->ev.num;
	struct event e = {
		.title = (char *)v[EV_TITLE], .kind = (char *)v[EV_KIND],
		.starts_on = (char *)v[EV_STARTS], .ends_on = (char *)(*v[EV_ENDS] ? v[EV_ENDS] : v[EV_STARTS]),
		.venue = (char *)v[EV_VENUE], .city = (char *)v[EV_CITY], .country = (char *)v[EV_COUNTRY],
		.participants = num[EV_PARTICIPANTS], .countries = num[EV_COUNTRIES],
	};
	long id = event_insert(c->db, c->a, &e, c->me.id);
	if (id < 0 || save_orgs(c, id, v[EV_ORGANISERS], "organiser") != 0 ||
	    save_orgs(c, id, v[EV_SPONSORS], "sponsor") != 0)
		return -1;
	long delegation = -1;
	for (size_t r = 0; r < f->nrows; r++) {
		const char **m = f->rows[r].value;
		if (row_empty(&f->rows[r]))
			continue;
		if (delegation < 0) {
			long from = *v[EV_FROM] ? org_find_or_create(c->db, c->a, v[EV_FROM]) : -1;
			if ((*v[EV_FROM] && from < 0) || (delegation = delegation_insert(c->db, id, from)) < 0)
				return -1;
		}
		long dept = *m[M_DEPARTMENT] ? org_find_or_create(c->db, c->a, m[M_DEPARTMENT]) : -1;
		long count = f->rows[r].num[M_COUNT] > 0 ? f->rows[r].num[M_COUNT] : 1;
		if ((*m[M_DEPARTMENT] && dept < 0) ||
		    delegation_add_member(c->db, delegation, m[M_ROLE], dept, count, m[M_NAMES], (int)r) != 0)
			return -1;
	}
	return id;
}

/* Saves the checked form into r inside one transaction; returns 0, 409, 503 or 500. */
static int
save(struct ctx *c, struct release *r, const struct form *f, int publish)
{
	if (db_begin(c->db) != SQLITE_OK)
		return 503;
	r->title = (char *)f->rel.value[0];
	r->summary = (char *)f->rel.value[1];
	r->body = (char *)f->rel.value[2];
	r->event_id = f->event_id;
	if (strcmp(f->event_choice, "new") == 0 && (r->event_id = save_new_event(c, f)) < 0)
		goto fail;
	int rc = release_save(c->db, c->a, r, c->me.id, publish);
	if (rc == 409) {
		db_rollback(c->db);
		return 409;
	}
	if (rc != 0 || db_commit(c->db) != SQLITE_OK)
		goto fail;
	return 0;
fail:;
	int err = sqlite3_extended_errcode(c->db->h);
	fprintf(stderr, "pressroom: saving a release: %s\n", db_errmsg(c->db));
	db_rollback(c->db);
	return (err & 0xff) == SQLITE_FULL || (err & 0xff) == SQLITE_BUSY ? 503 : 500;
}

/* Which button was pressed; 0 save, 1 publish, -1 publish by someone who may not. */
static int
wants_publish(const struct ctx *c)
{
	const char *action = fields_get(&c->form, "action");
	if (action == NULL || strcmp(action, "publish") != 0)
		return 0;
	return c->me.role >= ROLE_EDITOR ? 1 : -1;
}

static int
after_save(struct ctx *c, const struct release *r, int publish)
{
	return page_redirect(c, 303, arena_printf(c->a, "/admin/releases/%ld?saved=%s", r->id,
	    publish ? "published" : "draft"));
}

/* 200 with an empty form. */
int
admin_release_new(struct ctx *c)
{
	struct form f;
	form_blank(c, &f);
	return form_page(c, 200, NULL, &f);
}

/* 303 to the saved release; 422 with the form and every problem named; 403 when an author
 * tries to publish; 503 when the database cannot take the write. */
int
admin_release_create(struct ctx *c)
{
	struct form f;
	form_from_post(c, &f);
	int publish = wants_publish(c);
	if (publish < 0)
		return page_error(c, 403, "Only editors may publish.");
	if (f.nerrors)
		return form_page(c, 422, NULL, &f);
	struct release r = { .author_id = c->me.id, .status = "draft" };
	int rc = save(c, &r, &f, publish);
	if (rc == 0)
		return after_save(c, &r, publish);
	return page_error(c, rc, "saving a new release");
}

/* Loads the release named by the URL if this person may edit it: 0, or the status to answer. */
static int
load_editable(struct ctx *c, struct release *r)
{
	long id;
	if (parse_long(c->args[0], 1, 1L << 53, &id) != 0)
		return 404;
	int found = release_by_id(c->db, c->a, id, r);
	if (found < 0)
		return 500;
	/* Another author's release is not there for an author, not even by id. */
	if (found == 0 || (c->me.role < ROLE_EDITOR && r->author_id != c->me.id))
		return 404;
	if (c->me.role < ROLE_EDITOR && strcmp(r->status, "draft") != 0)
		return 403;
	return 0;
}

/* 200 with the release in the form; 403/404 as load_editable says. */
int
admin_release_edit(struct ctx *c)
{
	struct release r;
	int rc = load_editable(c, &r);
	if (rc)
		return page_error(c, rc, rc == 403 ? "Authors may edit their releases while they are drafts." : NULL);
	struct form f;
	form_blank(c, &f);
	f.rel.value[0] = r.title;
	f.rel.value[1] = r.summary;
	f.rel.value[2] = r.body;
	f.event_id = r.event_id;
	f.event_choice = r.event_id > 0 ? arena_printf(c->a, "%ld", r.event_id) : "";
	f.version = r.version;
	const char *saved = fields_get(&c->query, "saved");
	if (saved && strcmp(saved, "published") == 0)
		f.notice = "Published.";
	else if (saved)
		f.notice = "Saved as a draft.";
	return form_page(c, 200, &r, &f);
}

/* 303 after saving; 409 with the form kept when someone else saved first; 422 with the
 * problems named; 403/404 as load_editable says. */
int
admin_release_update(struct ctx *c)
{
	struct release r;
	int rc = load_editable(c, &r);
	if (rc)
		return page_error(c, rc, NULL);
	struct form f;
	form_from_post(c, &f);
	int publish = wants_publish(c);
	if (publish < 0)
		return page_error(c, 403, "Only editors may publish.");
	if (f.nerrors)
		return form_page(c, 422, &r, &f);
	if (f.version == 0)
		f.version = r.version;
	struct release saved = r;
	saved.version = f.version;
	rc = save(c, &saved, &f, publish);
	if (rc == 0)
		return after_save(c, &saved, publish);
	if (rc == 409) {
		f.notice = "Someone else saved this release while you were editing. Your text is below; "
		    "copy what you need, then reload to see their version.";
		return form_page(c, 409, &r, &f);
	}
	return page_error(c, rc, "saving a release");
}
