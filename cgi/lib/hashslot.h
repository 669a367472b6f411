/* hashslot: a bound on how many argon2id hashes run at once across all the workers. */
#ifndef PRESSROOM_HASHSLOT_H
#define PRESSROOM_HASHSLOT_H

#include "config.h"

/* Opens the slot file beside the database (call before the sandbox); 0 or -1. Until it is
 * called (pressroomctl), hashes are not bounded. */
int  hashslot_init(const struct config *cfg);
/* Waits up to hash_wait seconds for a free slot; 0 with one held, -1 when none came free. */
int  hashslot_take(void);
void hashslot_give(void);
/* Whether the last hashslot_take gave up: the caller answers 503, not "wrong password". */
int  hashslot_busy(void);

#endif
