/* admin_media: the photographs and attachments part of the release form: read, checked, stored. */
#ifndef PRESSROOM_ADMIN_MEDIA_H
#define PRESSROOM_ADMIN_MEDIA_H

#include "ctx.h"
#include "imaging.h"
#include "media.h"

#define MEDIA_MAX_PROBLEMS 16

struct media_problem {
	const char *field, *label, *message;
};

/* What the form says about a release's files: the stored ones as edited, and what is added. */
struct media_form {
	struct photo      *photos;       /* stored, with the words and places as posted */
	size_t             nphotos;
	int               *drop_photo;   /* 1 where "Remove" was ticked */
	struct attachment *atts;
	size_t             natts;
	int               *drop_att;
	const char        *new_alt, *new_caption, *new_credit, *new_title;
	const struct upload *new_photo, *new_attachment;   /* NULL when no file was chosen */
	struct media_out   photo_out, att_out;             /* the new files, made by imaging.c */
	int                status;       /* 0, or the status the problems call for (422, 413, 415) */
	struct media_problem problems[MEDIA_MAX_PROBLEMS];
	size_t             nproblems;
	int                changes;      /* anything to store */
};

/* Reads the form's media fields over release_id's stored files (0: a new release). 0 or -1. */
int  media_form_read(struct ctx *c, long release_id, struct media_form *m);
/* The stored files of release_id as they are, for a form shown fresh. 0 or -1. */
int  media_form_load(struct ctx *c, long release_id, struct media_form *m);
/* Sends the chosen files through imaging.c; a refused one becomes a problem. 0, or -1 when the
 * image helper itself failed (the caller answers 503). */
int  media_form_make(struct ctx *c, struct media_form *m);
/* Inside the caller's transaction: writes the new files, then changes the rows and the history.
 * removed gets the hashes no longer used by this release (for media_form_forget). 0 or -1. */
int  media_form_store(struct ctx *c, long release_id, struct media_form *m);
/* After the commit: deletes files nobody uses now and brings the public folder up to date. */
void media_form_forget(struct ctx *c, const struct media_form *m);
/* The form's photographs and attachments part: PHOTOS, ATTACHMENTS and the new-file fields;
 * locked shows them without letting them change (a published release, for an author). */
void media_form_view(struct ctx *c, view_dict *d, const struct media_form *m, long release_id, int locked);
/* After any step that may change what the public sees (publish, withdraw, unpublish, delete). */
void media_public_update(struct ctx *c);

#endif
