/* event_box: the event box, shared by release pages and event pages, and how events are worded. */
#ifndef PRESSROOM_EVENT_BOX_H
#define PRESSROOM_EVENT_BOX_H

#include "ctx.h"
#include "event.h"
#include "org.h"

/* Fills {{>EVENT_BOX}} of d with the event's details, organisations and delegations; -1 on error. */
int event_box(struct ctx *c, view_dict *d, const struct event *e, int link_title);
/* One event in a list: a section EVENT of list whose {{>TEASER}} (event_teaser.tpl) holds the title
 * linked to the event page and the dates in long form; place and kind when not NULL. Returns the
 * teaser's dictionary, for a NOTE after the dates or a DETAIL line under them (each with TEXT). */
view_dict *event_teaser(struct ctx *c, view_dict *list, const char *slug, const char *title,
    const char *starts_on, const char *ends_on, const char *place, const char *kind);
/* "Bangkok, Thailand", or whichever of the two is known; NULL when neither is. */
const char *event_place(struct arena *a, const char *city, const char *country_name);
/* "2 judicial officers" from a role title stored in the singular. */
char *people(struct arena *a, long count, const char *role);
/* "1 event", "2 events". */
char *counted(struct arena *a, long n, const char *one, const char *many);

/* Adds one PART section to d per count that is not 0 ("organiser of 2 events"). */
void org_parts_line(struct ctx *c, view_dict *d, const struct org_summary *s);

#endif
