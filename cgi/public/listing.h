/* listing: the filters of the release listing and search, read from the URL, offered in a form, written into links. */
#ifndef PRESSROOM_LISTING_H
#define PRESSROOM_LISTING_H

#include "ctx.h"
#include "release.h"
#include "valid.h"

/* What a reader chose, as the URL says it (/?year=2025&kind=workshop&org=unodc&country=TH). */
struct listing {
	long        year;                   /* 0: any */
	const char *kind, *org, *country;   /* NULL: any */
	const char *org_name;               /* the chosen organisation's name */
	struct release_filter f;            /* the same, as the queries take it */
	struct checked ck;                  /* each parameter as checked, for the form to show again */
};

/* Reads year, kind, org and country from the query; an empty value means any. 0, or 400 when a
 * value is bad (an organisation no public event has, or a country nobody has, counts as bad: the
 * form names it), or 500 on a database error. */
int   listing_read(struct ctx *c, struct listing *l);
/* The path with l's filters as its query ("/?year=2025&kind=workshop"), leaving out the
 * parameter `skip` (NULL for none) and adding `extra` ("before=...", or NULL). */
char *listing_url(struct arena *a, const char *path, const struct listing *l, const char *skip,
    const char *extra);
/* The filter form (the FILTERS include of d) with l chosen and any bad value named, sending to
 * `path`, and a link that removes each chosen filter. With q (not NULL) the form is search's: it
 * holds the search field too, and the links keep q. -1 on a database error. */
int   listing_form(struct ctx *c, view_dict *d, const struct listing *l, const char *path, const char *q);

/* A place in the listing as links carry it: "2025-02-24T02:00:00Z.123" (published_at, id). */
char *listing_cursor(struct arena *a, const char *at, long id);
/* Reads one strictly: the stored time shape, a real time, a dot, an id without leading zeros. 0 or -1. */
int   listing_cursor_parse(struct arena *a, const char *s, struct release_cursor *cur);

#endif
