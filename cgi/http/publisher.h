/* publisher: the master's child that keeps the public media folder in step with the clock. */
#ifndef PRESSROOM_PUBLISHER_H
#define PRESSROOM_PUBLISHER_H

#include "config.h"

/* Runs until SIGTERM; returns the process's exit status. */
int publisher_run(const struct config *cfg);

#endif
