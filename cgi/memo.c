/* memo: counts a worker keeps between requests until a write or the clock could change them. */
#include <string.h>
#include <time.h>

#include "cache.h"
#include "memo.h"

#define MEMO_KEY 512

/* The state of the database a count was made in: other connections' commits move data_version,
 * this connection's own writes move its total changes. */
struct db_state {
	sqlite3_int64 others;
	sqlite3_int64 own;
};

struct kept_count {
	char            key[MEMO_KEY];
	long            n;
	struct db_state state;
	time_t          until;
	unsigned long   used;
};

static struct kept_count kept[MEMO_COUNTS];
static unsigned long uses;

static int
read_state(struct db *db, struct db_state *s)
{
	sqlite3_stmt *st = db_stmt(db, "PRAGMA data_version");
	if (st == NULL)
		return -1;
	int rc = sqlite3_step(st);
	s->others = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	s->own = sqlite3_total_changes64(db->h);
	return rc == SQLITE_ROW ? 0 : -1;
}

long
memo_count_get(struct db *db, const char *key)
{
	struct db_state now;
	if (strlen(key) >= MEMO_KEY || read_state(db, &now) != 0)
		return -1;
	for (size_t i = 0; i < MEMO_COUNTS; i++) {
		struct kept_count *k = &kept[i];
		if (k->used && strcmp(k->key, key) == 0) {
			if (k->state.others != now.others || k->state.own != now.own || time(NULL) >= k->until) {
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
	struct db_state now;
	if (n < 0 || strlen(key) >= MEMO_KEY || read_state(db, &now) != 0)
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
	slot->state = now;
	slot->until = cache_fresh_until(db);
	slot->used = ++uses;
}
