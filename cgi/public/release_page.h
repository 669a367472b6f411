/* release_page: rendering one release as the public sees it, for its page and for previews. */
#ifndef PRESSROOM_RELEASE_PAGE_H
#define PRESSROOM_RELEASE_PAGE_H

#include "ctx.h"
#include "release.h"

/* Starts r's page (release.tpl: event box, updates, withdrawal notice) and returns its dictionary,
 * or NULL on a database error. banner NULL: the public page. Otherwise a preview: r's Markdown is
 * rendered afresh (a working copy has no stored HTML), the page carries X-Robots-Tag: noindex, and
 * *banner is the preview banner's dictionary (preview_banner.tpl) for the caller to fill. */
view_dict *release_page_build(struct ctx *c, const struct release *r, view_dict **banner);
/* The same, its photographs and attachments linked under media_prefix: "/media/" for the public,
 * a staff or preview-link address for a release whose files are not public. */
view_dict *release_page_build_with(struct ctx *c, const struct release *r, view_dict **banner,
                                   const char *media_prefix);
/* The public page of r with status 200 (500 on a database error); preview adds the banner. */
int        release_page_render(struct ctx *c, const struct release *r, int preview);

#endif
