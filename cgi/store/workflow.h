/* workflow: who may move a release from one state to another; the rules alone, without SQL. */
#ifndef PRESSROOM_WORKFLOW_H
#define PRESSROOM_WORKFLOW_H

#include "user.h"

enum wf_action {
	WF_SAVE,              /* save the working copy (a draft, or the next edition of a live release) */
	WF_SUBMIT,            /* ask for review */
	WF_APPROVE,           /* a second person agrees it may go out */
	WF_REQUEST_CHANGES,   /* a reviewer sends it back with a comment */
	WF_PUBLISH,           /* publish (or schedule) an approved release or edition */
	WF_OVERRIDE,          /* an admin publishes without review, giving a reason */
	WF_CONFIRM_OVERRIDE,  /* another editor has looked at an override */
	WF_WITHDRAW,          /* keep the page online with a notice */
	WF_UNPUBLISH,         /* take the page down (410, or a redirect to a replacement) */
	WF_DELETE,            /* remove a release that was never public, with its history */
	WF_COUNT
};

/* What the rules need to know of a release. */
struct wf_subject {
	const char *status;        /* of the working copy: the pending edition's, else the release's */
	const char *live_status;   /* the release row's own status */
	int         has_edition;   /* a next edition is being written */
	long        author_id;
	long        submitted_by;  /* 0 when never submitted */
	long        override_by;   /* the admin who published without review, 0 if none pending */
	long        last_editor;   /* who saved the text under review: a reviewer must not have written it */
};

enum wf_action wf_action_from_name(const char *name);   /* WF_COUNT when unknown */
const char    *wf_action_name(enum wf_action a);
/* NULL when the person may take the action now; otherwise why not, in words for them. */
const char    *wf_refusal(long me_id, enum role role, const struct wf_subject *s, enum wf_action a);
/* The state a release or edition is in after the action (publish: "published"). */
const char    *wf_next_status(enum wf_action a);
/* A human label for a status ("Awaiting review"). */
const char    *wf_status_label(const char *status);

#endif
