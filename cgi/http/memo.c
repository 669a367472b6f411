/* memo: counts a worker keeps between requests until a write or the clock could change them. */
#include <string.h>
#include <time.h>

#include "cache.h"
#include "memo.h"

#define MEMO_KEY 512

struct kept_count {
	char            key[MEMO_KEY];
	long            n;
	struct db_state state;
	time_t          until;
	unsigned long   used;
};

static struct kept_count kept[MEMO_COUNTS];
static unsigned long uses;
/* The state the last memo_count_get saw, before the count was made: a commit by someone else while
 * it was being made must leave the kept count already out of date. */
static struct db_state asked;
static int asked_ok;

long
memo_count_get(struct db *db, const char *key)
{
	struct db_state now;
	asked_ok = 0;
	if (strlen(key) >= MEMO_KEY || db_state_read(db, &now) != 0)
		return -1;
	asked = now;
	asked_ok = 1;
	for (size_t i = 0; i < MEMO_COUNTS; i++) {
		struct kept_count *k = &kept[i];
		if (k->used && strcmp(k->key, key) == 0) {
			if (!db_state_same(&k->state, &now) || time(NULL) >= k->until) {
				k->used = 0;
				return -1;
			}
			k->used = ++uses;
			return k->n;
		}
	}
	return -1;
}

void
memo_count_put(struct db *db, const char *key, long n)
{
	if (n < 0 || strlen(key) >= MEMO_KEY || !asked_ok)
		return;
	struct kept_count *slot = &kept[0];
	for (size_t i = 0; i < MEMO_COUNTS; i++) {
		if (kept[i].used && strcmp(kept[i].key, key) == 0) {
			slot = &kept[i];
			break;
		}
		if (kept[i].used < slot->used)
			slot = &kept[i];
	}
	strcpy(slot->key, key);
	slot->n = n;
	slot->state = asked;
	slot->until = cache_fresh_until(db);
	slot->used = ++uses;
}
