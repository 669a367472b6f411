/* fuzz: what the libFuzzer targets share: input as a C string, a broken property, the demo site. */
#ifndef PRESSROOM_FUZZ_H
#define PRESSROOM_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* The input as a malloc'd NUL-terminated string (an embedded NUL ends it early, as in C). */
char *fuzz_cstr(const uint8_t *data, size_t size);
/* A property the code promises did not hold: says which on stderr and aborts, so libFuzzer
 * keeps the input as a crash reproducer. */
_Noreturn void fuzz_fail(const char *property, const char *detail);

/* The biggest stream the site targets send: more could fill the socket's buffer before the
 * worker reads, and the harness (not the program) would then deadlock. */
#define FUZZ_SITE_MAX_INPUT 65536

/* Once per process: a temporary database with the demo content, an admin with a session
 * (cookie FUZZ_SESSION, CSRF token FUZZ_CSRF), the real templates, and a listening unix socket. */
void fuzz_site_init(void);
/* Writes stream to a fresh connection, lets libfcgi accept it and worker_handle serve it, and
 * appends what came back to *reply. 1 when a request was served, 0 when libfcgi refused the
 * stream. A request that changed the database is followed by a fresh copy of it, so every
 * input meets the same site and a reproducer replays alike. */
int  fuzz_site_serve(const uint8_t *stream, size_t n, struct buf *reply);
/* Appends one FastCGI record (request id 1) to b. */
void fuzz_fcgi_record(struct buf *b, int type, const void *content, size_t len);
/* Appends one name-value pair in FastCGI's length encoding to b. */
void fuzz_fcgi_pair(struct buf *b, const char *name, size_t nlen, const char *value, size_t vlen);
/* The stream FastCGI gives a request: BEGIN_REQUEST (responder), params, the body as STDIN. */
void fuzz_fcgi_request(struct buf *b, const struct buf *params, const char *body, size_t len);
/* Fails unless the reply starts with a status line, and one below 500: whatever a request
 * holds, the program answers it, and a 5xx means a failure of ours. */
void fuzz_check_reply(const struct buf *reply);

#define FUZZ_SESSION "5e5510f05e5510f05e5510f05e5510f05e5510f05e5510f05e5510f05e5510f0"
#define FUZZ_CSRF    "c5cfc5cfc5cfc5cfc5cfc5cfc5cfc5cfc5cfc5cfc5cfc5cfc5cfc5cfc5cfc5cf"

#endif
