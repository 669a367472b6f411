/* media_view: a release's photographs and attachments on its page, and served to staff and previews. */
#ifndef PRESSROOM_MEDIA_VIEW_H
#define PRESSROOM_MEDIA_VIEW_H

#include "ctx.h"
#include "media.h"

/* "245 KB", "1.2 MB": a size as readers are used to seeing it. */
const char *media_size_text(struct arena *a, long bytes);
/* The URL of a photograph's file of width w under prefix ("/media/"), format "jpg" or "webp". */
const char *photo_url(struct arena *a, const char *prefix, const struct photo *p, long w, const char *format);
/* The widest width a photograph was made in. */
long        photo_widest(const struct photo *p);

/* The release's files in d: PHOTOS (srcset, sizes, width and height) and ATTACHMENTS (title,
 * type, size, pages, thumbnail), their URLs under prefix. 0, or -1 on a database error. */
int media_view(struct ctx *c, view_dict *d, long release_id, const char *prefix);

/* Answers with one of release_id's stored files, for staff and preview links only (private, never
 * cached): 200, or 404 when name is not one of its files. */
int media_serve(struct ctx *c, long release_id, const char *name);

#endif
