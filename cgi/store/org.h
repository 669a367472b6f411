/* org: organisations (UNODC, the European Union, the office's own departments). */
#ifndef PRESSROOM_ORG_H
#define PRESSROOM_ORG_H

#include "db.h"

struct org {
	long  id;
	char *slug, *name, *short_name, *kind, *country;
};

/* The id of the organisation called `label` ("Full Name (ABBR)", a name or an acronym),
 * created if there is none; -1 on a database error. Call inside a transaction. */
long org_find_or_create(struct db *db, struct arena *a, const char *label);
/* "United Nations Office on Drugs and Crime (UNODC)" for the form. */
char *org_label(struct arena *a, const char *name, const char *short_name);

/* Feeds and the JSON API (feed.c, api.c). An organisation is public when it has a part in a
 * public event (event.h). */
struct org_info {
	long  id;
	char *slug, *name, *short_name, *kind, *country, *country_name, *website;  /* NULL when not known */
};

/* One part an organisation had in an event: organiser, sponsor, host, partner, delegation (it
 * sent one) or delegate (its people were in one). */
struct org_part {
	long  event_id;
	char *event_slug, *event_title, *starts_on, *ends_on, *role;
};

/* Public organisations by name; -1 on error. */
int  org_pub_list(struct db *db, struct arena *a, long offset, int limit, struct org_info **out, size_t *n);
long org_pub_count(struct db *db);
/* A public organisation by slug (key) or, when key is NULL, by id: 1 found, 0 not, -1 error. */
int  org_pub_find(struct db *db, struct arena *a, const char *key, long id, struct org_info *o);
/* Its parts in public events, latest event first, one row per part; -1 on error. */
int  org_pub_parts(struct db *db, struct arena *a, long org_id, struct org_part **out, size_t *n);

/* The organisations index (page_orgs.c): a public organisation and the counts of its parts in public
 * events: events by its role in them, delegations it sent, delegations with its people in them
 * and how many people. */
struct org_summary {
	struct org_info o;
	long  organised, sponsored, hosted, partnered, sent, joined, people;
};
/* Every public organisation, by name; -1 on error. */
int  org_list_public(struct db *db, struct arena *a, struct org_summary **out, size_t *n);

#endif
