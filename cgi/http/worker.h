/* worker: one FastCGI worker process: its own database connection and the accept loop. */
#ifndef PRESSROOM_WORKER_H
#define PRESSROOM_WORKER_H

#include <fcgiapp.h>

#include "buf.h"
#include "config.h"

/* Serves requests on listen_fd until SIGTERM; returns the process's exit status. */
int worker_run(const struct config *cfg, int listen_fd);

/* Serves one accepted request: reads it under the limits, dispatches, writes the response.
 * Apart from worker_run so that tests/fuzz can feed it streams of its own. */
void worker_handle(const struct config *cfg, struct db *db, struct arena *a, FCGX_Request *rq,
    struct buf *headers, struct buf *body);

#endif
