/* admin_release: /admin/releases: the release form, for a new release and for editing one. */
#include <stdio.h>
#include <string.h>

#include "admin_media.h"
#include "admin_release.h"
#include "admin_translation.h"
#include "workflow_panel.h"
#include "audit.h"
#include "auth.h"
#include "delegation.h"
#include "event.h"
#include "screens.h"
#include "org.h"
#include "parked.h"
#include "page.h"
#include "release.h"
#include "valid.h"
#include "workflow.h"

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
	const char    *change_note;    /* for the next edition of a live release */
	const char    *change_note_error;
	const char    *form_key;       /* a new form's key: a second submit of it finds the first */
	const struct release *theirs;  /* on a conflict: what the other person saved */
	int            major;          /* its change note is shown to readers */
	const char    *language;       /* as chosen; NULL when the form sent none (a live release's is fixed) */
	long           translation_of; /* a new translation's original (its family), 0 otherwise */
	const struct release *original;   /* that original, to show its text beside the form */
	const char    *language_error;
	struct media_form media;       /* photographs and attachments (admin_media.c) */
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
	f->change_note = "";
	f->form_key = random_hex(c->a, 32);
	media_form_load(c, 0, &f->media);
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

/* The language chosen, one of release_languages; a form without the field keeps what is stored. */
static void
read_language(struct ctx *c, struct form *f)
{
	const char *posted = fields_get(&c->form, "language");
	f->language = NULL;
	if (posted == NULL || *posted == '\0')
		return;
	for (const char *const *l = release_languages; *l; l++)
		if (strcmp(posted, *l) == 0)
			f->language = *l;
	if (f->language == NULL) {
		f->language_error = "is not one of the languages offered (English or Bahasa Melayu)";
		f->language = posted;
	}
}

static void
form_from_post(struct ctx *c, struct form *f)
{
	memset(f, 0, sizeof *f);
	media_form_load(c, 0, &f->media);
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
	const char *key = fields_get(&c->form, "form_key");
	f->form_key = key && strlen(key) == 64 && strspn(key, "0123456789abcdef") == 64 ? key : NULL;
	const char *note = fields_get(&c->form, "change_note");
	f->change_note = trim_copy(c->a, note ? note : "");
	const char *major = fields_get(&c->form, "major");
	f->major = major && strcmp(major, "1") == 0;
	if (utf8_chars(f->change_note) > 500)
		f->change_note_error = "is too long (500 characters at most)";
	const char *version = fields_get(&c->form, "version");
	if (version == NULL || parse_long(version, 1, 1L << 53, &f->version) != 0)
		f->version = 0;
	read_language(c, f);
	f->nerrors = f->rel.nerrors + f->ev.nerrors + (f->event_error != NULL) + (f->change_note_error != NULL) +
	    (f->language_error != NULL);
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
/* A problem found outside the rule tables, named like the others. */
static void
form_error(view_dict *d, const char *field, const char *label, const char *message)
{
	char key[64];
	snprintf(key, sizeof key, "%s_error", field);
	view_set(d, key, message);
	snprintf(key, sizeof key, "%s_invalid", field);
	view_show(d, key);
	view_dict *e = view_add_section(d, "ERRORS");
	view_set(e, "FIELD_ID", field);
	view_set(e, "LABEL", label);
	view_set(e, "MESSAGE", message);
}

/* The part of the edit page about where the release stands. */
static int
existing_parts(struct ctx *c, view_dict *d, const struct release *r, const struct form *f)
{
	view_dict *e = view_add_section(d, "EXISTING");
	view_set_int(e, "ID", r->id);
	view_set_int(e, "VERSION", f->version ? f->version : r->version);
	view_set(d, "STATUS", r->wc_status);
	view_set(d, "STATUS_LABEL", wf_status_label(r->wc_status));
	if (r->public_now)
		view_set(view_add_section(d, "PUBLIC"), "URL", release_url(c->a, r));
	if (r->has_edition || strcmp(r->status, "published") == 0 || strcmp(r->status, "scheduled") == 0) {
		view_dict *ed = view_add_section(d, "EDITION");
		view_set_int(ed, "NEXT_EDITION", r->edition + 1);
		view_set(ed, "change_note", f->change_note);
		if (f->major)
			view_show(ed, "MAJOR_CHECKED");
	}
	if (r->review_note && strcmp(r->wc_status, "changes_requested") == 0)
		view_set(view_add_section(d, "REVIEW_NOTE"), "TEXT", r->review_note);
	if (translation_panel(c, d, r) != 0)
		return -1;
	if (wf_refusal(c->me.id, c->me.role, &(struct wf_subject){ r->wc_status, r->status,
	    r->has_edition, r->author_id, r->submitted_by, 0, 0 }, WF_SAVE) != NULL)
		view_show(d, "READ_ONLY");
	else
		view_show(d, "CAN_SAVE");
	return workflow_panel(c, d, r);
}

/* The language choice, its own name in each language; fixed once the release is live. */
static void
language_options(view_dict *d, const char *selected, int fixed)
{
	for (size_t i = 0; release_languages[i]; i++) {
		view_dict *o = view_add_section(d, "LANGUAGE_OPTIONS");
		view_set(o, "VALUE", release_languages[i]);
		view_set(o, "NAME", release_language_name(release_languages[i]));
		if (strcmp(release_languages[i], selected) == 0)
			view_show(o, "SELECTED");
	}
	if (fixed)
		view_show(d, "LANGUAGE_FIXED");
}

/* The photographs of a live release change what readers see at once: an editor's call. */
static int
media_locked(const struct ctx *c, const struct release *r)
{
	return c->me.role < ROLE_EDITOR && (strcmp(r->status, "published") == 0 || strcmp(r->status, "scheduled") == 0);
}

/* Renders the form with what it holds; status 200, or 409/422 with the problems named. */
static int
form_page(struct ctx *c, int status, const struct release *r, const struct form *f)
{
	view_dict *d = page_begin(c, "release_form.tpl", r ? "Edit release" : "New release");
	view_set(d, "HEADING", r ? "Edit release" : "New release");
	view_set(d, "ACTION", r ? arena_printf(c->a, "/admin/releases/%ld", r->id) : "/admin/releases");
	if (r && existing_parts(c, d, r, f) != 0)
		return page_error(c, 500, "the workflow panel");
	if (!r) {
		view_show(d, "CAN_SAVE");
		view_set(view_add_section(d, "NEW"), "FORM_KEY", f->form_key);
	}
	if (f->notice)
		view_set(view_add_section(d, "NOTICE"), "TEXT", f->notice);
	if (f->theirs) {
		view_dict *t = view_add_section(d, "THEIRS");
		view_set(t, "TITLE", f->theirs->title);
		view_set(t, "SUMMARY", f->theirs->summary);
		view_set(t, "BODY", f->theirs->body);
		view_set_int(t, "VERSION", f->theirs->version);
	}
	if (f->nerrors + f->media.nproblems)
		view_set_int(view_add_section(d, "HAS_ERRORS"), "COUNT", (long)(f->nerrors + f->media.nproblems));
	page_form_values(d, d, release_rules, NRULES(release_rules), &f->rel, NULL);
	page_form_values(d, d, event_rules, EV_COUNT, &f->ev, NULL);
	if (f->event_error)
		form_error(d, "event_id", "Event", f->event_error);
	if (f->change_note_error)
		form_error(d, "change_note", "Change note", f->change_note_error);
	if (f->language_error)
		form_error(d, "language", "Language", f->language_error);
	/* A translation's language is the one its family lacked, and it shares the original's event. */
	language_options(d, f->language ? f->language : (r ? release_language(r) : release_languages[0]),
	    f->original || (r && (r->translation_of > 0 || strcmp(r->status, "published") == 0 ||
	    strcmp(r->status, "scheduled") == 0)));
	const struct release *original = f->original;
	if (!original && r && r->translation_of > 0) {
		struct release *o = arena_alloc(c->a, sizeof *o);
		if (release_by_id(c->db, c->a, r->translation_of, o) == 1)
			original = o;
	}
	if (original) {
		view_dict *t = view_add_section(d, "TRANSLATION");
		view_set_int(t, "ID", original->id);
		view_set(t, "ORIGINAL_TITLE", original->title);
		view_set(t, "ORIGINAL_SUMMARY", original->summary);
		view_set(t, "ORIGINAL_BODY", original->body);
		view_set(t, "ORIGINAL_LANG", release_language(original));
		view_set(t, "ORIGINAL_LANG_NAME", release_language_name(release_language(original)));
		if (!r)
			view_show(t, "NEW_TRANSLATION");
	} else {
		view_show(d, "EVENT_PART");
	}
	for (size_t i = 0; i < f->media.nproblems; i++)
		form_error(d, f->media.problems[i].field, f->media.problems[i].label, f->media.problems[i].message);
	media_form_view(c, d, &f->media, r ? r->id : 0, r && media_locked(c, r));
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

/* Saves the checked form into r inside one transaction, then submits it when asked;
 * returns 0, 403 (may not submit), 409, 503 or 500. */
static int
save(struct ctx *c, struct release *r, const struct form *f, int submit)
{
	int rc;
	if (db_begin(c->db) != SQLITE_OK)
		return 503;
	/* The same form sent twice (a double click, a browser retry) finds the first save. */
	long first = r->id == 0 && f->form_key ? release_by_form_key(c->db, f->form_key) : 0;
	if (first != 0) {
		db_rollback(c->db);
		r->id = first;
		return first > 0 ? 0 : 500;
	}
	r->form_key = (char *)f->form_key;
	if (f->language)
		r->language = (char *)f->language;
	r->title = (char *)f->rel.value[0];
	r->summary = (char *)f->rel.value[1];
	r->body = (char *)f->rel.value[2];
	r->event_id = f->event_id;
	r->change_note = (char *)f->change_note;
	if (r->translation_of > 0 && (rc = translation_save(c, r)) != 0) {
		db_rollback(c->db);
		return rc;
	}
	r->major = f->major;
	if (strcmp(f->event_choice, "new") == 0 && (r->event_id = save_new_event(c, f)) < 0)
		goto fail;
	rc = release_save(c->db, c->a, r, c->me.id);
	if (rc == 0 && media_form_store(c, r->id, (struct media_form *)&f->media) != 0)
		goto fail;
	if (rc == 0 && submit)
		rc = workflow_apply(c, r, WF_SUBMIT, &(struct transition){ 0 });
	if (rc == 409 || rc == 403) {
		db_rollback(c->db);
		return rc;
	}
	if (rc != 0 || audit_record(c, "release_saved", arena_printf(c->a, "release:%ld", r->id),
	    arena_printf(c->a, "%s%s", r->has_edition ? "next edition" : "",
	    f->media.changes ? (r->has_edition ? "; files changed" : "files changed") : "")) != 0 ||
	    db_commit(c->db) != SQLITE_OK)
		goto fail;
	media_form_forget(c, &f->media);
	return 0;
fail:
	return db_failure(c, "saving a release");
}

/* Which button was pressed: 1 for "Save and submit for review". */
static int
wants_submit(const struct ctx *c)
{
	const char *action = fields_get(&c->form, "action");
	return action && strcmp(action, "submit") == 0;
}

static int
after_save(struct ctx *c, const struct release *r, int submit)
{
	return page_redirect(c, 303, arena_printf(c->a, "/admin/releases/%ld?done=%s", r->id,
	    submit ? "submit" : "save"));
}

/* 503 with the form as it was sent: a full disk or a busy database refused the save, and
 * nothing typed should be lost to that (the same form key makes a retry save it once). */
static int
unsaved_page(struct ctx *c, const struct release *r, struct form *f)
{
	f->notice = "Nothing was saved: the site cannot store anything right now (its disk may be full, "
	    "or it is busy). Everything you typed is still in this form: keep this page open and save "
	    "again in a few minutes. Everything saved before is safe.";
	return form_page(c, 503, r, f);
}

/* Reads the photographs and attachments part of a posted form and makes its new files. Returns the
 * status to answer with the form (422, 413, 415), 0 when all is well, 503 when the image helper
 * failed, 500 on a database error. */
static int
media_from_post(struct ctx *c, long release_id, struct form *f)
{
	if (media_form_read(c, release_id, &f->media) != 0)
		return 500;
	if (f->nerrors || f->media.nproblems)
		return f->media.status && !f->nerrors ? f->media.status : 422;
	if (media_form_make(c, &f->media) != 0)
		return 503;
	return f->media.nproblems ? f->media.status : 0;
}

static int
media_failure(struct ctx *c, int status)
{
	return page_error(c, status, status == 503 ? "The photograph or document could not be processed "
	    "just now; nothing was saved. Go back and send the form again." : "reading the release's files");
}

static const char PARKED_NOTICE[] = "Your session had ended before the form was saved. Here is "
    "everything you typed: check it, then save.";

/* A new release asked to be the translation of another (param: that release's id): the form takes
 * the language its family lacks and the original's event, and shows the original's text. 0 (also
 * when none is asked), or the status to answer (404, 409, 500: translation_start). */
static int
as_translation(struct ctx *c, struct form *f, const char *param, struct release *original)
{
	const char *language;
	int rc = translation_start(c, param, original, &language);
	if (rc != 1)
		return rc;
	f->translation_of = original->id;
	f->original = original;
	f->language = language;
	if (f->language_error) {
		f->language_error = NULL;
		f->nerrors--;
	}
	f->event_id = original->event_id;
	f->event_choice = original->event_id > 0 ? arena_printf(c->a, "%ld", original->event_id) : "";
	return 0;
}

/* 200 with an empty form, or with the form this browser posted when its session had ended. */
int
admin_release_new(struct ctx *c)
{
	struct form f;
	struct release original;
	int parked = parked_take(c, "/admin/releases");
	if (parked == 1) {
		form_from_post(c, &f);
		f.notice = PARKED_NOTICE;
	} else {
		form_blank(c, &f);
	}
	int rc = as_translation(c, &f, parked == 1 ? fields_get(&c->form, "translation_of") :
	    fields_get(&c->query, "translation_of"), &original);
	if (rc)
		return page_error(c, rc, rc == 409 ? "This release already has a version in every language offered." : NULL);
	return form_page(c, 200, NULL, &f);
}

/* 303 to the saved release; 422 with the form and every problem named; 503 when the
 * database cannot take the write. */
int
admin_release_create(struct ctx *c)
{
	struct form f;
	struct release original;
	form_from_post(c, &f);
	int rc = as_translation(c, &f, fields_get(&c->form, "translation_of"), &original);
	if (rc)
		return page_error(c, rc, rc == 409 ? "This release already has a version in every language offered." : NULL);
	int media = media_from_post(c, 0, &f);
	if (media == 500 || media == 503)
		return media_failure(c, media);
	if (media)
		return form_page(c, media, NULL, &f);
	struct release r = { .author_id = c->me.id, .status = "draft", .wc_status = "draft",
		.translation_of = f.translation_of };
	int submit = wants_submit(c);
	rc = save(c, &r, &f, submit);
	if (rc == 0)
		return after_save(c, &r, submit);
	if (rc == 503)
		return unsaved_page(c, NULL, &f);
	return page_error(c, rc, rc == 409 ? "Someone added a version in this language meanwhile." : "saving a new release");
}

int
admin_release_load(struct ctx *c, struct release *r)
{
	long id;
	if (parse_long(c->args[0], 1, 1L << 53, &id) != 0)
		return 404;
	int found = release_by_id(c->db, c->a, id, r);
	/* Another author's release is not there for an author, not even by id. */
	if (found == 1 && c->me.role < ROLE_EDITOR && r->author_id != c->me.id)
		found = 0;
	if (found == 1 && release_load_edition(c->db, c->a, r) < 0)
		found = -1;
	return found == 1 ? 0 : (found == 0 ? 404 : 500);
}

static const char *const done_notices[] = {
	"save", "Saved as a draft.", "submit", "Saved and submitted for review.",
	"approve", "Approved.", "request_changes", "Sent back to the author with your comment.",
	"publish", "Published.", "override", "Published without review; it is flagged for an editor.",
	"confirm_override", "Marked as looked at.", "withdraw", "Withdrawn.",
	"unpublish", "Unpublished.", "comment", "Comment added.",
	"still_current", "Marked as still holding after the other version's change.", NULL,
};

int
admin_release_page(struct ctx *c, int status, const struct release *r, const char *notice)
{
	struct form f;
	form_blank(c, &f);
	f.rel.value[0] = r->title;
	f.rel.value[1] = r->summary;
	f.rel.value[2] = r->body;
	f.event_id = r->event_id;
	f.event_choice = r->event_id > 0 ? arena_printf(c->a, "%ld", r->event_id) : "";
	f.version = r->version;
	f.change_note = r->change_note ? r->change_note : "";
	f.major = r->major;
	f.language = release_language(r);
	f.notice = notice;
	if (media_form_load(c, r->id, &f.media) != 0)
		return page_error(c, 500, "reading the release's files");
	return form_page(c, status, r, &f);
}

/* 200 with the release's working copy in the form, its workflow and comments; 404 for a
 * release this person may not see; 500 on a database error. */
int
admin_release_edit(struct ctx *c)
{
	struct release r;
	int rc = admin_release_load(c, &r);
	if (rc)
		return page_error(c, rc, NULL);
	if (parked_take(c, c->path) == 1) {
		struct form f;
		form_from_post(c, &f);
		if (media_form_read(c, r.id, &f.media) != 0)
			return page_error(c, 500, "reading the release's files");
		f.notice = PARKED_NOTICE;   /* its version is the one it was typed against: a conflict still shows */
		return form_page(c, 200, &r, &f);
	}
	return admin_release_page(c, 200, &r, page_done_notice(c, done_notices));
}

/* 303 after saving; 409 with the form kept when someone else saved first; 422 with the
 * problems named; 403 when this person may not edit it now; 404 as admin_release_load says. */
int
admin_release_update(struct ctx *c)
{
	struct release r;
	int rc = admin_release_load(c, &r);
	if (rc)
		return page_error(c, rc, NULL);
	const char *why = wf_refusal(c->me.id, c->me.role, &(struct wf_subject){ r.wc_status, r.status,
	    r.has_edition, r.author_id, r.submitted_by, 0, 0 }, WF_SAVE);
	if (why)
		return page_error(c, 403, why);
	struct form f;
	form_from_post(c, &f);
	int media = media_from_post(c, r.id, &f);
	if (media == 500 || media == 503)
		return media_failure(c, media);
	if (f.media.changes && media_locked(c, &r))
		return page_error(c, 403, "Only an editor can change the photographs and attachments of a "
		    "published release.");
	if (media)
		return form_page(c, media, &r, &f);
	if (f.version == 0)
		f.version = r.version;
	struct release saved = r;
	saved.version = f.version;
	int submit = wants_submit(c);
	rc = save(c, &saved, &f, submit);
	if (rc == 0)
		return after_save(c, &saved, submit);
	if (rc == 409) {
		/* Both versions on one page: theirs as saved, ours in the form, ready to save over it. */
		f.notice = "Someone else saved this release while you were editing. Their version is shown "
		    "first; your text is in the form below. Merge what you need, then save again.";
		f.theirs = &r;
		f.version = r.version;
		return form_page(c, 409, &r, &f);
	}
	if (rc == 503)
		return unsaved_page(c, &r, &f);
	return page_error(c, rc, "saving a release");
}
