/* pages: every public page handler, by file; each returns the HTTP status it answered with. */
#ifndef PRESSROOM_PAGES_H
#define PRESSROOM_PAGES_H

#include "ctx.h"

/* page_home.c */
int page_home(struct ctx *c);
/* page_search.c */
int page_search(struct ctx *c);
/* page_release.c */
int page_release(struct ctx *c);
/* page_event.c */
int page_event(struct ctx *c);
/* page_events.c */
int page_events(struct ctx *c);
/* page_orgs.c, page_org.c */
int page_orgs(struct ctx *c);
int page_org(struct ctx *c);
/* page_year.c */
int page_years(struct ctx *c);
int page_year(struct ctx *c);
int page_year_csv(struct ctx *c);
/* page_preview.c */
int page_preview(struct ctx *c);
int page_preview_media(struct ctx *c);
/* feed.c */
int feed_atom_all(struct ctx *c);
int feed_atom_event(struct ctx *c);
int feed_atom_org(struct ctx *c);
int feed_sitemap(struct ctx *c);
int feed_robots(struct ctx *c);
/* ical.c */
int ical_event(struct ctx *c);
int ical_upcoming(struct ctx *c);
/* api.c */
int api_index(struct ctx *c);
int api_not_found(struct ctx *c);
int api_releases(struct ctx *c);
int api_release(struct ctx *c);
int api_events(struct ctx *c);
int api_event(struct ctx *c);
int api_orgs(struct ctx *c);
int api_org(struct ctx *c);
int api_delegations(struct ctx *c);

#endif
