/* event: events, with the organisations that organised, sponsored or hosted them. */
#ifndef PRESSROOM_EVENT_H
#define PRESSROOM_EVENT_H

#include "db.h"

struct event {
	long  id;
	char *slug, *title, *kind, *starts_on, *ends_on, *venue, *city, *country, *country_name, *summary;
	long  participants, countries;    /* -1 when unknown */
};

/* One organisation's part in an event. */
struct event_org {
	char *name, *short_name, *slug, *role;
};

extern const char *const event_kinds[];       /* NULL-terminated */
extern const char *const event_org_roles[];   /* organiser, sponsor, host, partner */

/* 1 found, 0 not found, -1 database error. */
int  event_by_slug(struct db *db, struct arena *a, const char *slug, struct event *e);
int  event_by_id(struct db *db, struct arena *a, long id, struct event *e);
/* Every event, newest first (for the form's picker); -1 on error. */
int  event_list(struct db *db, struct arena *a, struct event **out, size_t *n);
int  event_orgs(struct db *db, struct arena *a, long event_id, struct event_org **out, size_t *n);
/* Inside a transaction: inserts e (its slug made from title and year), returns the id or -1. */
long event_insert(struct db *db, struct arena *a, struct event *e, long user_id);
int  event_add_org(struct db *db, long event_id, long org_id, const char *role, int position);
int  country_exists(struct db *db, const char *code);

#endif
