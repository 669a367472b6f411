/* revision: reading back release_revisions, the row every save of a release leaves behind. */
#ifndef PRESSROOM_REVISION_H
#define PRESSROOM_REVISION_H

#include "db.h"

struct revision {
	long  version;
	char *title, *status, *saved_by_name, *saved_at;
	char *change_note;               /* NULL when none was given */
	/* Filled by revision_get only: the listing leaves the long texts out. */
	char *summary, *body;
	long  event_id;                  /* -1 for none */
	char *event_title;               /* the event's title now; NULL without an event */
};

#define REVISIONS_LISTED 500

/* A release's revisions, newest first, without summary and body; -1 on error. */
int revision_list(struct db *db, struct arena *a, long release_id, struct revision **out, size_t *n);
/* One revision in full: 1 found, 0 no such version, -1 error. */
int revision_get(struct db *db, struct arena *a, long release_id, long version, struct revision *v);

#endif
