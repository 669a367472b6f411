/* release_flow: the SQL that moves a release (or its next edition) through the workflow. */
#ifndef PRESSROOM_RELEASE_FLOW_H
#define PRESSROOM_RELEASE_FLOW_H

#include "release.h"
#include "workflow.h"

/* What an action carries besides who takes it; the handler has checked each value. */
struct transition {
	const char *note;          /* review comment, override reason, withdrawal reason or change note */
	const char *publish_at;    /* UTC; NULL for now */
	const char *withdraw_at;   /* UTC; NULL for never */
	const char *withdraw_note; /* shown once withdraw_at passes */
	long        replaced_by;   /* unpublish: the release that replaces it, 0 for none (410) */
	int         major;         /* an edition's change note is shown to readers */
};

/* Applies an action wf_refusal allowed, inside the caller's transaction; 0 or -1. */
int release_transition(struct db *db, struct release *r, enum wf_action action, long me,
    const struct transition *t);

#endif
