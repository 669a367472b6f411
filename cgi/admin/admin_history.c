/* admin_history: /admin/releases/ID/history, every saved version of a release, and restoring one into the form. */
#include <string.h>

#include "admin_history.h"
#include "media.h"
#include "admin_release.h"
#include "screens.h"
#include "page.h"
#include "timefmt.h"
#include "valid.h"
#include "workflow.h"

static const struct rule version_rules[] = {
	{ "version", "Version", V_INT, 1, 1, 1L << 53, NULL },
};

/* The version a form or query names: > 0, or 0 when it is missing or not a version number. */
static long
version_in(struct ctx *c, const struct fields *in)
{
	struct checked ck;
	checked_init(c->a, &ck, 1);
	check_fields(c->a, version_rules, 1, in, 0, &ck);
	return ck.nerrors ? 0 : ck.num[0];
}

static void
version_options(view_dict *d, const char *section, const struct revision *vs, size_t n, long selected)
{
	for (size_t i = 0; i < n; i++) {
		view_dict *o = view_add_section(d, section);
		view_set_int(o, "VERSION", vs[i].version);
		if (vs[i].version == selected)
			view_show(o, "SELECTED");
	}
}

void
history_compare_form(view_dict *d, long release_id, const struct revision *vs, size_t n, long from, long to)
{
	view_dict *f = view_add_include(d, "COMPARE", "compare_form.tpl");
	view_set_int(f, "ID", release_id);
	version_options(f, "FROM_OPTIONS", vs, n, from);
	version_options(f, "TO_OPTIONS", vs, n, to);
}

/* 200 with the versions, newest first; 404 for a release this person may not see (authors see
 * only their own); 500 on a database error. */
int
admin_history(struct ctx *c)
{
	struct release r;
	struct revision *vs;
	size_t n;
	int rc = admin_release_load(c, &r);
	if (rc)
		return page_error(c, rc, NULL);
	struct media_change *ms;
	size_t nms;
	if (revision_list(c->db, c->a, r.id, &vs, &n) != 0 || media_change_list(c->db, c->a, r.id, &ms, &nms) != 0)
		return page_error(c, 500, "listing revisions");
	view_dict *d = page_begin(c, "history.tpl", arena_printf(c->a, "History: %s", r.title));
	view_set(d, "TITLE", r.title);
	view_set_int(d, "ID", r.id);
	if (n == 0)
		view_show(d, "NONE");
	else
		history_compare_form(d, r.id, vs, n, vs[n > 1].version, vs[0].version);
	for (size_t i = 0; i < n; i++) {
		view_dict *row = view_add_section(d, "REVISIONS");
		view_set_int(row, "VERSION", vs[i].version);
		if (i == 0)
			view_show(row, "LATEST");
		view_set(row, "SAVED_BY", vs[i].saved_by_name);
		view_set(row, "SAVED_AT", time_long_datetime(c->a, vs[i].saved_at));
		view_set(row, "SAVED_AT_ISO", vs[i].saved_at);
		view_set(row, "STATUS", vs[i].status);
		view_set(row, "STATUS_LABEL", wf_status_label(vs[i].status));
		view_set(row, "CHANGE_NOTE", vs[i].change_note);
		if (i + 1 < n)
			view_set_int(view_add_section(row, "PREVIOUS"), "FROM", vs[i + 1].version);
		else
			view_show(row, "FIRST");
	}
	/* Photographs and documents change apart from the text: their own list, newest first. */
	view_dict *table = nms ? view_add_section(d, "MEDIA") : NULL;
	for (size_t i = 0; i < nms; i++) {
		view_dict *row = view_add_section(table, "CHANGES");
		view_set(row, "WHAT", strcmp(ms[i].kind, "photo") == 0 ? "Photograph" : "Document");
		view_set(row, "CHANGE", ms[i].change);
		view_set(row, "LABEL", ms[i].label);
		view_set(row, "DETAIL", ms[i].detail);
		view_set(row, "BY", ms[i].by);
		view_set(row, "AT", time_long_datetime(c->a, ms[i].at));
		view_set(row, "AT_ISO", ms[i].at);
	}
	return page_end(c, 200);
}

/* Loads the release and the revision `version` names: 0, or the status to answer with. */
static int
load_revision(struct ctx *c, const struct fields *in, struct release *r, struct revision *v)
{
	int rc = admin_release_load(c, r);
	if (rc)
		return rc;
	long version = version_in(c, in);
	if (version == 0)
		return 400;
	int found = revision_get(c->db, c->a, r->id, version, v);
	return found == 1 ? 0 : (found == 0 ? 404 : 500);
}

/* 303 to the form holding the restored version; 400 when version is not a number; 404 for a
 * release this person may not see or a version it does not have; 500 on a database error.
 * Nothing is written: the restored text becomes a version only when it is saved. */
int
admin_restore(struct ctx *c)
{
	struct release r;
	struct revision v;
	int rc = load_revision(c, &c->form, &r, &v);
	if (rc)
		return page_error(c, rc, rc == 400 ? "Choose a version to restore." : NULL);
	return page_redirect(c, 303, arena_printf(c->a, "/admin/releases/%ld/restored?version=%ld", r.id, v.version));
}

/* 200 with the release form (posting to /admin/releases/ID, with the release's current version,
 * so a save made meanwhile by someone else is still caught) holding the revision's title, summary,
 * body and event; 400, 404 or 500 as admin_restore. */
int
admin_restored(struct ctx *c)
{
	struct release r;
	struct revision v;
	int rc = load_revision(c, &c->query, &r, &v);
	if (rc)
		return page_error(c, rc, rc == 400 ? "The address does not name a version." : NULL);
	r.title = v.title;
	r.summary = v.summary;
	r.body = v.body;
	r.event_id = v.event_id;
	return admin_release_page(c, 200, &r, arena_printf(c->a,
	    "Restored from version %ld; save to make it the new draft.", v.version));
}
