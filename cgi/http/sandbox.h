/* sandbox: the worker's seccomp allow-list; any other system call kills the worker. */
#ifndef PRESSROOM_SANDBOX_H
#define PRESSROOM_SANDBOX_H

#include <stddef.h>

/* Loads the filter into this process (and sets no_new_privs). Call it once everything the
 * process needs beyond its allow-list is open. 0, or -1 with a message in err. */
int sandbox_enter(char *err, size_t errlen);

#endif
