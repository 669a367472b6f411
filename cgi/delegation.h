/* delegation: who the office sent to an event, by role and department. */
#ifndef PRESSROOM_DELEGATION_H
#define PRESSROOM_DELEGATION_H

#include "db.h"

struct member {
	char *role_title;     /* judicial officer */
	char *department;     /* State Judiciary Department; NULL when not told */
	long  count;
	char *names;          /* NULL when not published */
};

/* Every member row of every delegation to the event, in order; -1 on error. */
int  delegation_members(struct db *db, struct arena *a, long event_id, struct member **out, size_t *n);
/* Inside a transaction: a delegation sent by org_id (-1: not told); returns its id or -1. */
long delegation_insert(struct db *db, long event_id, long org_id);
int  delegation_add_member(struct db *db, long delegation_id, const char *role_title,
    long department_id, long count, const char *names, int position);

#endif
