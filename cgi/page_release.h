/* page_release: rendering one release as the public sees it, for its page and for previews. */
#ifndef PRESSROOM_PAGE_RELEASE_H
#define PRESSROOM_PAGE_RELEASE_H

#include "ctx.h"
#include "release.h"

/* The public page of r with status 200; preview adds the banner and keeps it out of search engines. */
int release_page_render(struct ctx *c, const struct release *r, int preview);

#endif
