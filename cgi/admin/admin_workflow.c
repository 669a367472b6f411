/* admin_workflow: /admin/releases/ID/workflow and /comments: review, publish, withdraw, comment. */
#include <stdio.h>
#include <string.h>

#include "admin_media.h"
#include "admin_release.h"
#include "workflow_panel.h"
#include "audit.h"
#include "comment.h"
#include "screens.h"
#include "page.h"
#include "release.h"
#include "timefmt.h"
#include "valid.h"

/* Reads the fields an action carries into t; NULL, or the problem to show with its field named. */
static const char *
read_transition(struct ctx *c, const struct release *r, enum wf_action action, struct transition *t)
{
	const char *note = fields_get(&c->form, "note");
	t->note = note ? trim_copy(c->a, note) : NULL;
	if (t->note && *t->note == '\0')
		t->note = NULL;
	if (t->note && utf8_chars(t->note) > 2000)
		return "The comment or reason is too long (2000 characters at most).";
	if ((action == WF_REQUEST_CHANGES || action == WF_OVERRIDE || action == WF_WITHDRAW) && t->note == NULL)
		return action == WF_REQUEST_CHANGES ? "Comment for the author is required."
		    : "Reason is required.";
	if ((action == WF_PUBLISH || action == WF_OVERRIDE) && r->has_edition && (!r->change_note || !*r->change_note))
		return "Change note is required for a new edition: write it in the form, save, then publish.";
	if (action == WF_PUBLISH || action == WF_OVERRIDE) {
		const char *at = fields_get(&c->form, "publish_at");
		const char *until = fields_get(&c->form, "withdraw_at");
		if (at && *at && (t->publish_at = time_from_local_input(c->a, at)) == NULL)
			return "Publish at must be a date and time like 2025-03-01T10:00.";
		if (at && *at && r->has_edition)
			return "Publish at: a new edition is published at once; leave it empty.";
		if (until && *until && (t->withdraw_at = time_from_local_input(c->a, until)) == NULL)
			return "Withdraw at must be a date and time like 2025-03-31T17:00.";
		const char *from = t->publish_at ? t->publish_at : time_now_iso(c->a);
		if (t->withdraw_at && strcmp(t->withdraw_at, from) <= 0)
			return "Withdraw at must be after the time it is published.";
		const char *wnote = fields_get(&c->form, "withdraw_note");
		t->withdraw_note = wnote && *wnote ? trim_copy(c->a, wnote) : NULL;
		if (t->withdraw_at && t->withdraw_note == NULL)
			return "Reason for the scheduled withdrawal is required with Withdraw at.";
	}
	if (action == WF_DELETE)
		t->note = arena_printf(c->a, "deleted \"%s\"", r->title);   /* the log keeps what it was */
	if (action == WF_UNPUBLISH) {
		const char *by = fields_get(&c->form, "replaced_by");
		struct release other;
		long id = 0;
		if (by && *by && (parse_long(by, 1, 1L << 53, &id) != 0 || id == r->id ||
		    release_by_id(c->db, c->a, id, &other) != 1 || !other.public_now))
			return "Replacement must be the number of another published release, or empty.";
		t->replaced_by = id;
	}
	return NULL;
}

/* 303 back to the release with what was done (to the dashboard after a delete); 409 when it changed since the page was loaded;
 * 422 with the edit page and the field named; 400 for a step that does not exist; 403 when this person may not; 404; 503. */
int
admin_release_workflow(struct ctx *c)
{
	struct release r;
	int rc = admin_release_load(c, &r);
	if (rc)
		return page_error(c, rc, NULL);
	enum wf_action action = wf_action_from_name(fields_get(&c->form, "action"));
	/* A page loaded before someone else's step is answered as a conflict first: its buttons
	 * showed a state that is gone. */
	long version;
	const char *v = fields_get(&c->form, "version");
	if (v == NULL || parse_long(v, 1, 1L << 53, &version) != 0 || version != r.version)
		return admin_release_page(c, 409, &r, "This release changed since you opened it: "
		    "here it is as it stands now; check it, then try again.");
	/* A step no button names is a malformed request, not a forbidden one. */
	if (action == WF_SAVE || action == WF_COUNT)
		return page_error(c, 400, "Unknown workflow step: the form named none of the steps this page offers.");
	struct wf_subject s = workflow_subject(&r);
	const char *why = wf_refusal(c->me.id, c->me.role, &s, action);
	if (why)
		return page_error(c, 403, why);
	struct transition t = { 0 };
	const char *problem = read_transition(c, &r, action, &t);
	if (problem)
		return admin_release_page(c, 422, &r, problem);
	if (db_begin(c->db) != SQLITE_OK)
		return page_error(c, 503, NULL);
	rc = workflow_apply(c, &r, action, &t);
	if (rc != 0 || db_commit(c->db) != SQLITE_OK)
		return page_error(c, rc == 403 ? 403 : db_failure(c, "a workflow step"), NULL);
	/* Published, withdrawn, unpublished: the release's files follow at once. */
	media_public_update(c);
	if (action == WF_DELETE)
		return page_redirect(c, 303, "/admin?done=delete");
	return page_redirect(c, 303, arena_printf(c->a, "/admin/releases/%ld?done=%s", r.id,
	    wf_action_name(action)));
}

/* 303 back to the release; 422 when the comment is empty or too long; 404; 503. */
int
admin_release_comment(struct ctx *c)
{
	struct release r;
	int rc = admin_release_load(c, &r);
	if (rc)
		return page_error(c, rc, NULL);
	const char *body = fields_get(&c->form, "comment");
	char *text = trim_copy(c->a, body ? body : "");
	if (*text == '\0' || utf8_chars(text) > 4000)
		return admin_release_page(c, 422, &r, *text ? "Comment is too long (4000 characters at most)."
		    : "Comment is required.");
	if (db_begin(c->db) != SQLITE_OK)
		return page_error(c, 503, NULL);
	if (comment_add(c->db, r.id, c->me.id, text) != 0 ||
	    audit_record(c, "release_comment", arena_printf(c->a, "release:%ld", r.id), NULL) != 0 ||
	    db_commit(c->db) != SQLITE_OK)
		return page_error(c, db_failure(c, "adding a comment"), NULL);
	return page_redirect(c, 303, arena_printf(c->a, "/admin/releases/%ld?done=comment#comments", r.id));
}

/* 303 back to the release, its "may be out of date" mark cleared and audited; 404 for a release
 * this person may not see; 503 or 500 when the database cannot take it. */
int
admin_release_still_current(struct ctx *c)
{
	struct release r;
	int rc = admin_release_load(c, &r);
	if (rc)
		return page_error(c, rc, NULL);
	if (db_begin(c->db) != SQLITE_OK)
		return page_error(c, 503, NULL);
	if (release_mark_current(c->db, r.id) != 0 ||
	    audit_record(c, "release_still_current", arena_printf(c->a, "release:%ld", r.id), NULL) != 0 ||
	    db_commit(c->db) != SQLITE_OK)
		return page_error(c, db_failure(c, "marking a version current"), NULL);
	return page_redirect(c, 303, arena_printf(c->a, "/admin/releases/%ld?done=still_current", r.id));
}
