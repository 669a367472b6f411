/* workflow_panel: the workflow part of a release's edit page, and taking a workflow action with its audit entry. */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "comment.h"
#include "page.h"
#include "workflow_panel.h"
#include "release.h"
#include "timefmt.h"

struct wf_subject
workflow_subject(const struct release *r)
{
	long override_by = r->override_reason && r->override_checked_by == 0 ? r->override_by : 0;
	return (struct wf_subject){ r->wc_status, r->status, r->has_edition, r->author_id,
	    r->submitted_by, override_by, r->last_saved_by };
}

int
workflow_apply(struct ctx *c, struct release *r, enum wf_action action, const struct transition *t)
{
	struct wf_subject s = workflow_subject(r);
	if (wf_refusal(c->me.id, c->me.role, &s, action) != NULL)
		return 403;
	if (release_transition(c->db, r, action, c->me.id, t) != 0)
		return -1;
	char *subject = arena_printf(c->a, "release:%ld", r->id);
	return audit_record(c, arena_printf(c->a, "release_%s", wf_action_name(action)), subject, t->note);
}

static const enum wf_action panel_actions[] = {
	WF_SUBMIT, WF_APPROVE, WF_REQUEST_CHANGES, WF_PUBLISH, WF_OVERRIDE, WF_CONFIRM_OVERRIDE,
	WF_WITHDRAW, WF_UNPUBLISH, WF_DELETE,
};

int
workflow_panel(struct ctx *c, view_dict *d, const struct release *r)
{
	struct wf_subject s = workflow_subject(r);
	view_dict *w = view_add_include(d, "WORKFLOW", "workflow_panel.tpl");
	view_set_int(w, "VERSION", r->version);
	char upper[32];
	for (size_t i = 0; i < sizeof panel_actions / sizeof panel_actions[0]; i++) {
		if (wf_refusal(c->me.id, c->me.role, &s, panel_actions[i]) != NULL)
			continue;
		const char *name = wf_action_name(panel_actions[i]);
		size_t k = 0;
		for (; name[k] && k < sizeof upper - 1; k++)
			upper[k] = (char)(name[k] >= 'a' && name[k] <= 'z' ? name[k] - 32 : name[k]);
		upper[k] = '\0';
		view_set_int(view_add_section(w, arena_printf(c->a, "CAN_%s", upper)), "ID", r->id);
		view_show(w, "HAS_ACTIONS");
	}
	if (r->has_edition)
		view_show(d, "IS_EDITION");
	if (s.override_by)
		view_set(view_add_section(d, "OVERRIDE_FLAG"), "REASON", r->override_reason);
	if (strcmp(r->status, "scheduled") == 0 && !r->public_now)
		view_set(view_add_section(d, "SCHEDULED"), "WHEN", time_long_datetime(c->a, r->published_at));
	if (r->withdraw_at && !r->withdrawn)
		view_set(view_add_section(d, "WITHDRAW_SCHEDULED"), "WHEN", time_long_datetime(c->a, r->withdraw_at));
	/* What was typed into a panel form that came back with a problem. */
	const char *typed = fields_get(&c->form, "note");
	view_set(w, "NOTE_TYPED", typed);
	struct comment *cs;
	size_t n;
	if (comment_list(c->db, c->a, r->id, &cs, &n) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		view_dict *cd = view_add_section(w, "COMMENTS");
		view_set(cd, "AUTHOR", cs[i].author);
		view_set(cd, "AT", time_long_datetime(c->a, cs[i].at));
		view_set(cd, "AT_ISO", cs[i].at);
		view_set(cd, "BODY", cs[i].body);
	}
	view_set_int(w, "RELEASE_ID", r->id);
	return 0;
}
