/* sniff: what an upload is, judged from its bytes alone; polyglots and hostile files are refused. */
#ifndef PRESSROOM_SNIFF_H
#define PRESSROOM_SNIFF_H

#include <stddef.h>

enum sniffed { SNIFF_NONE = 0, SNIFF_JPEG, SNIFF_PNG, SNIFF_WEBP, SNIFF_PDF };
/* What a form's file field takes: a photograph (JPEG, PNG, WebP) or a document (PDF). */
enum media_want { WANT_PHOTO = 1, WANT_DOCUMENT = 2 };

/* The kind of data, never from a file name or a browser's type. SNIFF_NONE for anything else,
 * for a file that does not end where its format says, and for one that carries HTML, SVG, XML
 * or a ZIP archive as well (a polyglot); *why (when why is not NULL) then gets a short reason
 * that follows "it": "is not a complete JPEG, PNG, WebP or PDF file", "carries a ZIP archive". */
enum sniffed sniff_media(const unsigned char *data, size_t len, const char **why);

/* The pixel size an image's header announces, read without decoding, so that a small file
 * announcing a huge image can be refused first. 0, or -1 when the header has none (a PDF). */
int sniff_dimensions(const unsigned char *data, size_t len, enum sniffed kind, long *width, long *height);

/* "image/jpeg", "image/png", "image/webp", "application/pdf"; NULL for SNIFF_NONE. */
const char *sniff_media_type(enum sniffed kind);

#endif
