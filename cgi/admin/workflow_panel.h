/* workflow_panel: the workflow part of a release's edit page, and taking a workflow action with its audit entry. */
#ifndef PRESSROOM_WORKFLOW_PANEL_H
#define PRESSROOM_WORKFLOW_PANEL_H

#include "ctx.h"
#include "release.h"
#include "release_flow.h"

/* Takes a workflow action if this person may, inside the caller's transaction, and audits it:
 * 0, 403 (with the reason logged for the page), or -1 on a database error. */
int workflow_apply(struct ctx *c, struct release *r, enum wf_action action, const struct transition *t);
/* Adds the actions this person may take now, the comments and the override flag to the edit page. */
int workflow_panel(struct ctx *c, view_dict *d, const struct release *r);

/* What the workflow rules need to know of r (its author, status, whose edition it is). */
struct wf_subject workflow_subject(const struct release *r);

#endif
