/* media: the SQL of photographs, attachments and their history (the bytes are files.c's). */
#ifndef PRESSROOM_MEDIA_H
#define PRESSROOM_MEDIA_H

#include "db.h"

#define MEDIA_HASH_LEN 32   /* hex digits of a file's SHA-256 kept to name it: 128 bits */

struct photo {
	long  id, release_id;
	long  position;         /* 1 is the lead image */
	char *hash;
	char *widths;           /* "480 960 1600" */
	long  width, height;    /* of the widest file */
	char *alt, *caption, *credit;
};

struct attachment {
	long  id, release_id;
	long  position;
	char *hash;
	char *title, *file_name, *media_type;
	long  bytes, pages;
	long  thumb_width, thumb_height;
};

struct media_change {
	char *kind, *change, *label, *detail, *by, *at;
};

int  photo_list(struct db *db, struct arena *a, long release_id, struct photo **out, size_t *n);
int  attachment_list(struct db *db, struct arena *a, long release_id, struct attachment **out, size_t *n);
/* New rows go last; each returns the id or -1. */
long photo_insert(struct db *db, const struct photo *p, long user_id);
long attachment_insert(struct db *db, const struct attachment *t, long user_id);
/* Changes the words and place of one of release_id's rows; 1 when it was there, 0 not, -1 error. */
int  photo_update(struct db *db, const struct photo *p);
int  attachment_update(struct db *db, const struct attachment *t);
int  photo_delete(struct db *db, long release_id, long id);
int  attachment_delete(struct db *db, long release_id, long id);
/* Numbers release_id's photographs and attachments 1, 2, ... in their current order. */
int  media_renumber(struct db *db, long release_id);

/* 1 when name ("<hash>-960.webp") is one of release_id's files, 0 when not, -1 on error. */
int  media_in_release(struct db *db, struct arena *a, long release_id, const char *name);
/* 1 when no row uses hash any more (its files may go), 0 when one does, -1 on error. */
int  media_hash_unused(struct db *db, const char *hash);

/* The name of every file of every photograph and attachment (listed_only: of listed releases only,
 * those the public may fetch). Names may repeat when two releases share a file. 0 or -1. */
int  media_all_names(struct db *db, struct arena *a, int listed_only, const char ***out, size_t *n);

int  media_change_record(struct db *db, long release_id, const char *kind, const char *change,
                         const char *label, const char *detail, long user_id);
int  media_change_list(struct db *db, struct arena *a, long release_id, struct media_change **out, size_t *n);

/* Every name a photograph's files are served under, NULL-terminated: "<hash>-<w>.jpg" and .webp
 * for each width. An attachment's: "<hash>-<file_name>", "<hash>-thumb.jpg", "<hash>-thumb.webp". */
const char **photo_file_names(struct arena *a, const struct photo *p);
const char **attachment_file_names(struct arena *a, const struct attachment *t);

#endif
