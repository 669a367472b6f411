/* workflow: the second-pair-of-eyes rules: submit, review, publish, withdraw, with who may do each. */
#include <string.h>

#include "workflow.h"

static const char *const action_names[WF_COUNT] = {
	"save", "submit", "approve", "request_changes", "publish", "override",
	"confirm_override", "withdraw", "unpublish", "delete",
};

enum wf_action
wf_action_from_name(const char *name)
{
	for (int a = 0; a < WF_COUNT; a++)
		if (name && strcmp(action_names[a], name) == 0)
			return (enum wf_action)a;
	return WF_COUNT;
}

const char *
wf_action_name(enum wf_action a)
{
	return a < WF_COUNT ? action_names[a] : "unknown";
}

static int
is(const char *status, const char *want)
{
	return status && strcmp(status, want) == 0;
}

static int
is_live(const char *live_status)
{
	return is(live_status, "published") || is(live_status, "scheduled");
}

static const char *
refuse_save(long me, enum role role, const struct wf_subject *s)
{
	if (is(s->live_status, "withdrawn") || is(s->live_status, "unpublished"))
		return "A withdrawn or unpublished release can no longer be edited.";
	if (role >= ROLE_EDITOR)
		return NULL;
	if (s->author_id != me)
		return "Only the author or an editor may edit this release.";
	if (is(s->status, "submitted") || is(s->status, "approved"))
		return "It is with an editor for review; it can be edited again if it is sent back.";
	return NULL;
}

const char *
wf_refusal(long me, enum role role, const struct wf_subject *s, enum wf_action a)
{
	int editor = role >= ROLE_EDITOR;
	int own_work = s->author_id == me || s->submitted_by == me || s->last_editor == me;
	switch (a) {
	case WF_SAVE:
		return refuse_save(me, role, s);
	case WF_SUBMIT:
		if (!is(s->status, "draft") && !is(s->status, "changes_requested"))
			return "Only a draft, or one sent back for changes, can be submitted.";
		return editor || s->author_id == me ? NULL : "Only the author or an editor may submit it.";
	case WF_APPROVE:
	case WF_REQUEST_CHANGES:
		if (!editor)
			return "Only editors review releases.";
		if (!is(s->status, "submitted") && !(a == WF_REQUEST_CHANGES && is(s->status, "approved")))
			return "It is not waiting for review.";
		return own_work ? "Nobody may review their own work: another editor must." : NULL;
	case WF_PUBLISH:
		if (!editor)
			return "Only editors publish releases.";
		return is(s->status, "approved") ? NULL : "It must be approved by a second person first.";
	case WF_OVERRIDE:
		if (role != ROLE_ADMIN)
			return "Only an admin may publish without review.";
		if (is(s->live_status, "withdrawn") || is(s->live_status, "unpublished"))
			return "A withdrawn or unpublished release is not published again; write a new one.";
		if (is(s->status, "approved"))
			return "It is approved: publish it the ordinary way.";
		return is(s->status, "published") || is(s->status, "scheduled") ? "It is already published." : NULL;
	case WF_CONFIRM_OVERRIDE:
		if (!editor)
			return "Only editors review releases.";
		if (s->override_by == 0)
			return "There is no publication without review to look at.";
		return s->override_by == me ? "Another editor must look at it, not the admin who published it." : NULL;
	case WF_WITHDRAW:
		if (!editor)
			return "Only editors withdraw releases.";
		return is_live(s->live_status) ? NULL : "Only a published release can be withdrawn.";
	case WF_UNPUBLISH:
		if (!editor)
			return "Only editors unpublish releases.";
		return is_live(s->live_status) || is(s->live_status, "withdrawn") ? NULL
		    : "Only a published or withdrawn release can be unpublished.";
	case WF_DELETE:
		if (is_live(s->live_status) || is(s->live_status, "withdrawn") || is(s->live_status, "unpublished"))
			return "A release that has been public is withdrawn or unpublished, never deleted.";
		if (editor)
			return NULL;
		if (s->author_id != me)
			return "Only the author or an editor may delete it.";
		return is(s->status, "draft") || is(s->status, "changes_requested") ? NULL
		    : "It is with an editor for review.";
	case WF_COUNT:
		break;
	}
	return "Unknown action.";
}

const char *
wf_next_status(enum wf_action a)
{
	switch (a) {
	case WF_SAVE:             return "draft";
	case WF_SUBMIT:           return "submitted";
	case WF_APPROVE:          return "approved";
	case WF_REQUEST_CHANGES:  return "changes_requested";
	case WF_PUBLISH:
	case WF_OVERRIDE:         return "published";
	case WF_WITHDRAW:         return "withdrawn";
	case WF_UNPUBLISH:        return "unpublished";
	default:                  return NULL;
	}
}

const char *
wf_status_label(const char *status)
{
	static const char *const labels[][2] = {
		{ "draft", "Draft" }, { "submitted", "Awaiting review" },
		{ "changes_requested", "Changes requested" }, { "approved", "Approved" },
		{ "scheduled", "Scheduled" }, { "published", "Published" },
		{ "withdrawn", "Withdrawn" }, { "unpublished", "Unpublished" },
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (is(status, labels[i][0]))
			return labels[i][1];
	return status ? status : "";
}
