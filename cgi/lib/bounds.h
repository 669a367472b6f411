/* bounds: what one request may cost a worker: a wall-clock deadline and a cap on its address space. */
#ifndef PRESSROOM_BOUNDS_H
#define PRESSROOM_BOUNDS_H

#include <signal.h>

#include "config.h"

/* Caps the worker's address space (worker_memory, not under AddressSanitizer) and readies the
 * deadline; makes listen_fd non-blocking, so that bounds_wait decides when a worker accepts.
 * 0, or -1 when the socket cannot be set up. */
int  bounds_init(const struct config *cfg, int listen_fd);
/* Sleeps until listen_fd has a connection waiting, with `open` as the signal mask meanwhile
 * (SIGTERM ends the wait); 0 when one is waiting, -1 when interrupted. */
int  bounds_wait(int listen_fd, const sigset_t *open);
/* From accepting a connection to finishing its response: a worker still busy after the
 * deadline is ended (the master starts a fresh one), whatever it was stuck on. */
void bounds_arm(void);
void bounds_disarm(void);

#endif
