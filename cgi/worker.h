/* worker: one FastCGI worker process: its own database connection and the accept loop. */
#ifndef PRESSROOM_WORKER_H
#define PRESSROOM_WORKER_H

#include "config.h"

/* Serves requests on listen_fd until SIGTERM; returns the process's exit status. */
int worker_run(const struct config *cfg, int listen_fd);

#endif
