/* admin_release: what the release screens share: loading a release for staff, its edit page. */
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
#endif
