/* delegation: who the office sent to an event, by role and department. */
#ifndef PRESSROOM_DELEGATION_H
#define PRESSROOM_DELEGATION_H

#include "db.h"

struct member {
	char *role_title;     /* judicial officer */
	char *department;     /* State Judiciary Department; NULL when not told */
	long  count;
	char *names;          /* NULL when not published */
	long  delegation_id;  /* rows of one delegation come together */
	char *sender;         /* who sent that delegation; NULL when not told */
};

/* Every member row of every delegation to the event, in order; -1 on error. */
int  delegation_members(struct db *db, struct arena *a, long event_id, struct member **out, size_t *n);
/* Inside a transaction: a delegation sent by org_id (-1: not told); returns its id or -1. */
long delegation_insert(struct db *db, long event_id, long org_id);
int  delegation_add_member(struct db *db, long delegation_id, const char *role_title,
    long department_id, long count, const char *names, int position);

/* One member row of a delegation to a public event (event.h's EVENT_PUBLIC_SQL), with its event:
 * the yearly engagements page and its CSV are made of these. */
struct engagement {
	char *event_slug, *event_title, *kind, *starts_on, *ends_on, *city, *country, *country_name;
	long  event_id;
	char *sender, *role_title, *department;   /* sender and department NULL when not told */
	long  count;
};
/* Every member row of every delegation to a public event starting in `year`, by event date,
 * then as each event lists them; -1 on error. */
int  delegation_year(struct db *db, struct arena *a, int year, struct engagement **out, size_t *n);

/* A year with delegations to public events, and how many events and people. */
struct engagement_year {
	int  year;
	long events, delegates;
};
/* Newest year first; -1 on error. */
int  delegation_years(struct db *db, struct arena *a, struct engagement_year **out, size_t *n);

/* A delegation to a public event that an organisation sent, or that had its people in it. */
struct org_delegation {
	char *event_slug, *event_title, *starts_on, *ends_on, *sender;
	int   sent;        /* the organisation sent it */
	long  from_org;    /* members whose department is the organisation */
	long  delegates;   /* members in all */
};
/* Latest event first; -1 on error. */
int  delegation_list_for_org(struct db *db, struct arena *a, long org_id, struct org_delegation **out, size_t *n);

/* The JSON API (api.c): delegations to public events (event.h), with the ids of what they name. */
struct delegation_info {
	long  id, event_id;
	char *event_slug, *event_title, *starts_on, *ends_on;
	long  org_id;                 /* who sent it; -1 when not told */
	char *org_slug, *org_name, *org_short_name;
};
struct member_info {
	char *role_title;
	long  org_id;                 /* their department; -1 when not told */
	char *org_slug, *org_name, *org_short_name;
	long  count;
	char *names;                  /* NULL when not published */
};

/* Delegations to public events (to event_id only, unless it is 0), latest event first; -1 on error. */
int  delegation_pub_list(struct db *db, struct arena *a, long event_id, long offset, int limit,
    struct delegation_info **out, size_t *n);
long delegation_pub_count(struct db *db, long event_id);
/* A delegation's member rows, in order; -1 on error. */
int  delegation_pub_members(struct db *db, struct arena *a, long delegation_id, struct member_info **out,
    size_t *n);

#endif
