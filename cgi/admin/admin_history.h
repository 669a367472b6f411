/* admin_history: what the history and diff pages share. */
#ifndef PRESSROOM_ADMIN_HISTORY_H
#define PRESSROOM_ADMIN_HISTORY_H

#include "ctx.h"
#include "revision.h"

/* Fills {{>COMPARE}} of d with the form that picks two of the n versions vs (from and to selected). */
void history_compare_form(view_dict *d, long release_id, const struct revision *vs, size_t n, long from, long to);

#endif
