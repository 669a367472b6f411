/* memo: counts a worker keeps between requests until a write or the clock could change them. */
#ifndef PRESSROOM_MEMO_H
#define PRESSROOM_MEMO_H

#include "db.h"

/* Counting every listed release walks 100,000 index entries (15 ms); a page shows the count on
 * every request. A kept count is used while no connection has written and no schedule or midnight
 * has passed since it was counted. */
#define MEMO_COUNTS 32

/* The count kept for key (the statement and its bindings, spelled out by the caller); -1 if none. */
long memo_count_get(struct db *db, const char *key);
/* Keeps n, counted just after memo_count_get(key) missed, for key (the oldest kept count makes room). */
void memo_count_put(struct db *db, const char *key, long n);

#endif
