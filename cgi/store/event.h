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

/* The events listing (page_events.c): public events (EVENT_PUBLIC_SQL, below) over before `today`,
 * latest first, from offset on: EVENTS_PER_PAGE and one more, which says there is a next page. */
#define EVENTS_PER_PAGE 50
int  event_list_past(struct db *db, struct arena *a, const char *today, long offset,
    struct event **out, size_t *n);

/* Feeds, calendars and the JSON API (feed.c, ical.c, api.c). An event is public when a public
 * release is about it: one known only from a draft may be news not yet announced. */

/* SQL: event e is public now; needs RELEASE_VIEWABLE_SQL (release.h) where it is used. */
#define EVENT_PUBLIC_SQL "EXISTS (SELECT 1 FROM releases r WHERE r.event_id = e.id AND " \
	RELEASE_VIEWABLE_SQL ") "

/* One organisation's part in an event, with the organisation's id. */
struct event_role {
	long  org_id;
	char *slug, *name, *short_name, *role;
};

/* Public events, latest first; -1 on error. */
int  event_pub_list(struct db *db, struct arena *a, long offset, int limit, struct event **out, size_t *n);
long event_pub_count(struct db *db);
/* Public events whose last day is `today` (YYYY-MM-DD) or later, soonest first; -1 on error. */
int  event_pub_upcoming(struct db *db, struct arena *a, const char *today, struct event **out, size_t *n);
/* A public event by slug (key) or, when key is NULL, by id: 1 found, 0 not, -1 error. */
int  event_pub_find(struct db *db, struct arena *a, const char *key, long id, struct event *e);
/* The organisations with a part in the event, organisers first; -1 on error. */
int  event_roles(struct db *db, struct arena *a, long event_id, struct event_role **out, size_t *n);

#endif
