/* hashslot: argon2id costs 64 MB a hash; N slots, each a lock on one byte of a file beside the database, bound them. */
#include <fcntl.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "hashslot.h"

/* Per worker: the slot file, its settings, the slot held and whether the last wait gave up.
 * A POSIX record lock dies with its process, so a worker ended mid-hash frees its slot. */
static int slot_fd = -1;
static long slots, wait_s, held = -1;
static int gave_up;

int
hashslot_init(const struct config *cfg)
{
	char path[600];
	snprintf(path, sizeof path, "%s.hashslots", cfg->db_path);
	slot_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	slots = cfg->hash_slots;
	wait_s = cfg->hash_wait;
	return slot_fd < 0 ? -1 : 0;
}

static int
lock_byte(long i, short type)
{
	struct flock l = { .l_type = type, .l_whence = SEEK_SET, .l_start = i, .l_len = 1 };
	return fcntl(slot_fd, F_SETLK, &l);
}

int
hashslot_take(void)
{
	gave_up = 0;
	if (slot_fd < 0)
		return 0;
	/* Polled rather than F_SETLKW on one slot: any slot will do, and the wait must end. */
	struct timespec nap = { 0, 20 * 1000 * 1000 };
	for (long tries = wait_s * 50; tries >= 0; tries--) {
		for (long i = 0; i < slots; i++) {
			if (lock_byte(i, F_WRLCK) == 0) {
				held = i;
				return 0;
			}
		}
		nanosleep(&nap, NULL);
	}
	gave_up = 1;
	return -1;
}

void
hashslot_give(void)
{
	if (held >= 0)
		lock_byte(held, F_UNLCK);
	held = -1;
}

int
hashslot_busy(void)
{
	return gave_up;
}
