/* imaging: photographs and PDFs decoded and re-encoded with libvips in a sandboxed child process. */
#ifndef PRESSROOM_IMAGING_H
#define PRESSROOM_IMAGING_H

#include <stddef.h>

#include "buf.h"
#include "config.h"
#include "sniff.h"

struct media_file {
	char   suffix[16];      /* names the file after its hash: "480.jpg", "480.webp", ..., "thumb.jpg", "thumb.webp" */
	int    width, height;
	unsigned char *data;    /* allocated in the arena */
	size_t len;
};

/* A photograph gives a JPEG and a WebP at each of the widths 480, 960 and 1600 narrower than
 * itself, and at its own width when that is below 1600: a 1200-pixel-wide photograph gives 480,
 * 960 and 1200. A PDF gives "thumb.jpg" and "thumb.webp", its first page 480 pixels wide.
 * Every file is re-encoded without metadata (no EXIF, GPS, XMP, IPTC or ICC profile). */
struct media_out {
	int    status;          /* 0 when made; else 413, 415 or 422 */
	const char *why;        /* for a refusal: one sentence for the person who uploaded */
	enum sniffed kind;      /* what the bytes are (SNIFF_NONE when sniff.c refused them) */
	const char *media_type; /* "image/jpeg", ..., "application/pdf" of the original upload; NULL if none */
	int    width, height;   /* photo: of the widest variant made, after rotation; PDF: of its thumbnail */
	int    pages;           /* PDF: its page count; 0 for photos */
	size_t nfiles;
	struct media_file files[8];
};

/* In each worker, before its own seccomp sandbox (and best before the database is opened): forks
 * the helper process that runs each job in a fresh sandboxed child. 0, or -1 with errno set.
 * The caller ignores SIGPIPE, as the worker does, so a dead helper is an error, not a signal. */
int  imaging_start(const struct config *cfg);

/* Sends one upload to the helper and waits for the answer (at most LIMIT_IMAGING_SECONDS and a
 * little). Returns 0 with out filled (out->status says made or refused: 413 too large, 415 not a
 * kind `want` accepts, 422 damaged), or -1 when the helper failed (gone, timed out, answered
 * nonsense): the caller answers 503. After a -1 every later call is -1 too, until imaging_start
 * runs again (a worker may end itself so that the master starts a fresh one). Uses only read,
 * write, poll, clock_gettime and close: the worker's seccomp allow-list. */
int  imaging_process(struct arena *a, const unsigned char *data, size_t len, enum media_want want,
    struct media_out *out);
/* 1 while the helper can take jobs; after a failure 0, and the worker should end after its answer so
 * that the master starts a fresh worker with a fresh helper. */
int  imaging_ready(void);

#endif
