/* throttle: a growing wait after failed logins, per account name and per client address. */
#ifndef PRESSROOM_THROTTLE_H
#define PRESSROOM_THROTTLE_H

#include "db.h"

#define THROTTLE_NAME_AFTER  5      /* failures in a row a name is allowed before it must wait */
/* An office sends many people through one address: it takes many more failures to slow it. */
#define THROTTLE_ADDR_AFTER  20
#define THROTTLE_MAX_WAIT_S  900
#define THROTTLE_FORGET_S    3600   /* failures this old no longer count (more than the longest wait) */

/* The wait, in seconds, after `failures` in a row when `after` are free: 0 below the
 * threshold, then 1, 2, 4 ... up to THROTTLE_MAX_WAIT_S. */
long throttle_delay(long failures, long after);

/* A name as it is counted (and audited): lower case, its first 64 bytes, cut between characters. */
char *throttle_name(struct arena *a, const char *name);

/* Seconds until a login for this name from this address may be checked; 0 for now, -1 on error. */
long throttle_wait(struct db *db, struct arena *a, const char *name, const char *client);

/* What one more failure did to each counter. */
struct throttle_state {
	long name_failures, name_wait;
	long addr_failures, addr_wait;
};
/* Counts a failure against the name and the address; call it inside a write transaction. 0 or -1. */
int  throttle_fail(struct db *db, struct arena *a, const char *name, const char *client,
    struct throttle_state *out);
/* A success forgets the name's failures; the address keeps its own, or one good account
 * would let its owner go on guessing at others. 0 or -1. */
int  throttle_clear(struct db *db, struct arena *a, const char *name);

#endif
