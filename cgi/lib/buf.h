/* buf: a growable byte buffer and a per-request arena, the program's two allocators. */
#ifndef PRESSROOM_BUF_H
#define PRESSROOM_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char   *data;   /* always NUL-terminated when len > 0 or after buf_add* */
	size_t  len;
	size_t  cap;
};

void  buf_add(struct buf *b, const char *s, size_t n);
void  buf_adds(struct buf *b, const char *s);
void  buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void  buf_reset(struct buf *b);
void  buf_free(struct buf *b);
const char *buf_str(struct buf *b);

/* Allocations live until arena_reset: one request's strings and rows. */
struct arena_chunk;
struct arena {
	struct arena_chunk *head;
};

void *arena_alloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends a zeroed element to an arena array (*arr holding *n of `size` bytes each) and returns it. */
void *arena_push(struct arena *a, void *arr, size_t *n, size_t *cap, size_t size);
void  arena_reset(struct arena *a);  /* keeps one chunk for reuse */
void  arena_free(struct arena *a);

/* Out of memory is not recoverable in a worker: log and exit so the master respawns it. */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);

#endif
