/* files: the bytes of photographs and attachments on disk, and the public folder kept to match. */
#ifndef PRESSROOM_FILES_H
#define PRESSROOM_FILES_H

#include "config.h"
#include "db.h"

/* Makes the files and media folders when missing (0755: the web server reads media/). 0 or -1. */
int files_prepare(const struct config *cfg);
/* Writes name into the files folder whole or not at all (a temporary file, fsync, rename). 0 or -1. */
int files_write(const struct config *cfg, const char *name, const void *data, size_t len);
/* Reads name from the files folder into the arena. 1 found, 0 missing, -1 error. */
int files_read(const struct config *cfg, struct arena *a, const char *name, char **data, size_t *len);
/* Deletes hash's files, stored and public, when no row uses the hash any more. 0 or -1. */
int files_forget(struct db *db, const struct config *cfg, const char *hash);

/* Makes the media folder hold exactly the files of listed releases: links what is due, deletes
 * what is not (removed, withdrawn, unpublished, not yet due). One process at a time (a lock file).
 * With sweep, also deletes stored files no row has used for ten minutes. 0 or -1. */
int files_sync(struct db *db, const struct config *cfg, struct arena *a, int sweep);
/* 1 when a release with files became listed or stopped being listed after *since (UTC ISO
 * text, updated to now), 0 when none did, -1 on error: the publisher's cue to sync. */
int files_due(struct db *db, char since[32]);

/* Calls report for each problem: a stored file no row uses ("orphan"), a row's file missing
 * ("missing"), a public file that should not be public ("exposed") or should be but is not
 * ("unpublished"). Returns the number of problems, or -1. */
typedef void (*files_report_fn)(const char *problem, const char *name, void *arg);
int files_check(struct db *db, const struct config *cfg, struct arena *a, files_report_fn report, void *arg);

#endif
