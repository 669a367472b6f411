/* imaging_child: the helper process and its per-job children behind imaging.c, and their wire format. */
#ifndef PRESSROOM_IMAGING_CHILD_H
#define PRESSROOM_IMAGING_CHILD_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "buf.h"
#include "config.h"
#include "sanitizer.h"
#include "sniff.h"


/* The largest answer a worker takes: eight files of a 40-megapixel photograph fit with room. */
#define IMAGING_ANSWER_MAX  (64u << 20)

/* Why a file was refused: the child sends the code, the worker words it (imaging.c). */
enum imaging_reason {
	REASON_NONE, REASON_NOT_PHOTO, REASON_NOT_PDF, REASON_UPLOAD_SIZE, REASON_PIXELS,
	REASON_PAGES, REASON_DAMAGED, REASON_SLOW, REASON_COUNT
};

/* Worker to helper: this header, then len bytes of the upload. */
struct imaging_job {
	uint32_t want;
	uint32_t len;
};

/* Helper to worker: a uint32_t length, then this header, then nfiles of (file header, bytes).
 * The child writes everything after the length; the helper adds it, or writes its own 422. */
struct imaging_head {
	int32_t  status, reason, width, height, pages;
	uint32_t nfiles;
};
struct imaging_file_head {
	char     suffix[16];
	int32_t  width, height;
	uint32_t len;
};

/* The checks made before anything is decoded, by the worker and again by the child: the kind,
 * the size, the pixels the header announces. 0, or 413, 415 or 422 with *reason set. */
int  imaging_precheck(const unsigned char *data, size_t len, enum media_want want, long upload_max,
    enum sniffed *kind, int *reason);

/* The monotonic clock in milliseconds, for deadlines. */
long imaging_now_ms(void);

/* Writes all n bytes to a blocking descriptor: 0, or -1 on error. */
int  imaging_write_full(int fd, const void *p, size_t n);

/* The helper's loop (imaging_helper.c): one job at a time from sock, each in a fresh child. */
void imaging_helper_run(int sock, pid_t worker, long upload_max) __attribute__((noreturn));

/* One job in the per-job child (imaging_child.c): writes the answer to out_fd; the exit status. */
int  imaging_child_run(const unsigned char *data, size_t len, enum media_want want, long upload_max, int out_fd);

/* The child's seccomp filter for a job of this kind (exposed for its test). 0 or -1. */
int  imaging_child_confine(enum sniffed kind);

#endif
