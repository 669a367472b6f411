/* page_org: what the organisation pages share: the line that counts an organisation's parts. */
#ifndef PRESSROOM_PAGE_ORG_H
#define PRESSROOM_PAGE_ORG_H

#include "ctx.h"
#include "org.h"

/* Adds one PART section to d per count that is not 0 ("organiser of 2 events"). */
void org_parts_line(struct ctx *c, view_dict *d, const struct org_summary *s);

#endif
