/* admin_release: what the release screens share: loading a release for staff, the workflow panel. */
#ifndef PRESSROOM_ADMIN_RELEASE_H
#define PRESSROOM_ADMIN_RELEASE_H

#include "ctx.h"
#include "release.h"
#include "release_flow.h"

/* The release named by c->args[0], with its next edition over it, if this person may see it:
 * authors only their own. 0, 404 or 500. */
int admin_release_load(struct ctx *c, struct release *r);
/* The edit page for r with a notice above it (a confirmation, or what went wrong). */
int admin_release_page(struct ctx *c, int status, const struct release *r, const char *notice);
/* Takes a workflow action if this person may, inside the caller's transaction, and audits it:
 * 0, 403 (with the reason logged for the page), or -1 on a database error. */
int workflow_apply(struct ctx *c, struct release *r, enum wf_action action, const struct transition *t);
/* Adds the actions this person may take now, the comments and the override flag to the edit page. */
int workflow_panel(struct ctx *c, view_dict *d, const struct release *r);

#endif
