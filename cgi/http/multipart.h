/* multipart: multipart/form-data bodies (RFC 7578) read under hard limits into text fields and files. */
#ifndef PRESSROOM_MULTIPART_H
#define PRESSROOM_MULTIPART_H

#include <stddef.h>

#include "buf.h"
#include "fields.h"
#include "req.h"

/* One file a form carried. Nothing in it is to be trusted: filename is for display only, and
 * content_type for logging only (what the bytes are is for whoever stores them to sniff). */
struct upload {
	const char *name;           /* the form field's name, checked as a text field's is */
	const char *filename;       /* the client's name for it, cut to a display name (may be "") */
	const char *content_type;   /* the part's Content-Type as sent, "" when it had none */
	const char *data;           /* points into the body, which must outlive it */
	size_t      len;
};

/* 1 when a Content-Type is multipart/form-data, with or without parameters. */
int is_multipart(const char *content_type);

/* Reads body (len bytes) as multipart/form-data: text parts are appended to form, under the same
 * checks as parse_urlencoded's fields; file parts become *files, an arena array of *nfiles. A file
 * input left empty (no file name, no bytes) is skipped. Returns 0, or 415 (not multipart/form-data,
 * or no boundary), 400 (malformed) or 413 (over a limit of lim). */
int parse_multipart(struct arena *a, const char *content_type, const char *body, size_t len,
    const struct limits *lim, struct fields *form, struct upload **files, size_t *nfiles);

#endif
