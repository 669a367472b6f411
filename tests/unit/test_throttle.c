/* test_throttle: the growing wait after failed logins, and the shared counters behind it (cgi/store/throttle.h). */
#include <string.h>

#include "throttle.h"
#include "unit.h"

static struct arena a;

static void
test_delay(void)
{
	CHECK_INT(throttle_delay(0, 5), 0, "no failure, no wait");
	CHECK_INT(throttle_delay(4, 5), 0, "four failures are free when five are allowed");
	CHECK_INT(throttle_delay(5, 5), 1, "the fifth makes the next attempt wait 1 s");
	CHECK_INT(throttle_delay(6, 5), 2, "each failure after that doubles the wait: 2 s");
	CHECK_INT(throttle_delay(9, 5), 16, "... 16 s after nine");
	CHECK_INT(throttle_delay(14, 5), 512, "... 512 s after fourteen");
	CHECK_INT(throttle_delay(15, 5), THROTTLE_MAX_WAIT_S, "... then it stops at 15 minutes");
	CHECK_INT(throttle_delay(1000000, 5), THROTTLE_MAX_WAIT_S, "a million failures wait 15 minutes, no overflow");
	CHECK_INT(throttle_delay(19, THROTTLE_ADDR_AFTER), 0, "an address has 19 failures free");
	CHECK(THROTTLE_ADDR_AFTER > THROTTLE_NAME_AFTER,
	    "an address (an office's) is allowed more failures than a name");
	CHECK(THROTTLE_FORGET_S > THROTTLE_MAX_WAIT_S, "failures are remembered longer than the longest wait");
}

static void
test_name(void)
{
	CHECK_STR(throttle_name(&a, "JDoe"), "jdoe", "names are counted without case, like logins");
	char long_name[200];
	memset(long_name, 'x', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	CHECK_INT(strlen(throttle_name(&a, long_name)), 64, "a long guess counts as its first 64 bytes");
	char accented[80];
	memset(accented, 'x', 63);
	strcpy(accented + 63, "\xc3\xa9tail");
	CHECK_STR(throttle_name(&a, accented) + 60, "xxx", "a cut never splits a character");
}

static void
test_counters(void)
{
	struct db db;
	char err[256];
	struct throttle_state t;
	if (!CHECK(db_open(&db, ":memory:", 1, err, sizeof err) == 0 && db_migrate(&db, err, sizeof err) > 0,
	    "an in-memory database takes every migration"))
		return;
	for (int i = 0; i < 4; i++)
		throttle_fail(&db, &a, "jdoe", "10.0.0.1", &t);
	CHECK(t.name_failures == 4 && t.name_wait == 0 && t.addr_failures == 4,
	    "four failures counted for the name and the address");
	CHECK_INT(throttle_wait(&db, &a, "jdoe", "10.0.0.2"), 0, "... and no wait yet");
	CHECK_INT(throttle_fail(&db, &a, "JDOE", "10.0.0.2", &t), 0, "a fifth, in capitals, from elsewhere");
	CHECK(t.name_failures == 5 && t.name_wait == 1 && t.addr_failures == 1,
	    "... counts for the name, not the first address");
	long w = throttle_wait(&db, &a, "jdoe", "10.0.0.3");
	CHECK(w >= 1 && w <= 2, "the name now waits a second or two, from any address (%ld)", w);
	CHECK_INT(throttle_wait(&db, &a, "other", "10.0.0.1"), 0, "another name from the first address does not");
	CHECK_INT(throttle_clear(&db, &a, "jdoe"), 0, "a success clears the name");
	CHECK_INT(throttle_wait(&db, &a, "jdoe", "10.0.0.1"), 0, "... and the wait is gone");
	db_close(&db);
}

int
main(int argc, char **argv)
{
	unit_start(argc, argv, "throttle");
	test_delay();
	test_name();
	test_counters();
	arena_free(&a);
	return unit_end();
}
