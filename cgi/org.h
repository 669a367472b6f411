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

#endif
