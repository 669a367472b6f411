/* meta: what a page tells search engines and link previews: its metadata and schema.org JSON-LD. */
#ifndef PRESSROOM_META_H
#define PRESSROOM_META_H

#include "ctx.h"
#include "event.h"
#include "org.h"
#include "release.h"

/* Each sets the page's canonical path, description and OpenGraph type (page_meta) and adds its
 * JSON-LD (jsonld.tpl) to the page begun with page_begin; -1 on a database error. */

/* A public release: NewsArticle, about its event e (NULL for none). */
int  meta_release(struct ctx *c, const struct release *r, const struct event *e);
/* An event page: Event, with its organisers and sponsors. */
int  meta_event(struct ctx *c, const struct event *e);
/* An organisation page: Organization. */
void meta_org(struct ctx *c, const struct org_info *o, const char *description);

#endif
