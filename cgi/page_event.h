/* page_event: the event box, shared by release pages and event pages. */
#ifndef PRESSROOM_PAGE_EVENT_H
#define PRESSROOM_PAGE_EVENT_H

#include "ctx.h"
#include "event.h"

/* Fills {{>EVENT_BOX}} of d with the event's details, organisations and delegation; -1 on error. */
int event_box(struct ctx *c, view_dict *d, const struct event *e, int link_title);

#endif
