/* sandbox: the worker's seccomp allow-list; any other system call kills the worker. */
#ifndef PRESSROOM_SANDBOX_H
#define PRESSROOM_SANDBOX_H

#include <stddef.h>

#include <seccomp.h>

/* Loads the filter into this process (and sets no_new_privs). Call it once everything the
 * process needs beyond its allow-list is open. 0, or -1 with a message in err. */
int sandbox_enter(char *err, size_t errlen);
/* Adds an allow rule for each named system call this architecture has (the image child's filter
 * uses it too). 0 or -1. */
int sandbox_allow_names(scmp_filter_ctx ctx, const char *const *names, size_t n);

#endif
