/* feed: Atom feeds, the sitemap and robots.txt, and what the open-data formats share (ical.c, api.c). */
#ifndef PRESSROOM_FEED_H
#define PRESSROOM_FEED_H

#include "ctx.h"
#include "event.h"
#include "org.h"

#define FEED_ENTRIES      50      /* newest releases in a feed */
#define SITEMAP_MAX_URLS  50000   /* the sitemap protocol's limit for one file */

/* The host of base_url without scheme, port or path; tag: URIs and iCalendar UIDs are made of it. */
char *site_host(struct ctx *c);
/* Expands tpl with d, frees d, and makes the result the response; returns status (500 if it fails). */
int   view_respond(struct ctx *c, int status, const char *tpl, view_dict *d, const char *content_type);
/* Name the event's or the organisation's feed in the page head (<link rel="alternate"
 * type="application/atom+xml">, layout.tpl): call between page_begin and page_end. Every page
 * names the feed of all releases already. */
void  feed_autodiscover_event(struct ctx *c, const struct event *e);
void  feed_autodiscover_org(struct ctx *c, const struct org_info *o);

#endif
