/* publisher: the master's child that keeps the public media folder in step with the clock. */
#include <signal.h>
#include <stdio.h>
#include <time.h>

#include "files.h"
#include "publisher.h"
#include "sandbox.h"

#define REPAIR_EVERY 60   /* seconds between full passes, which also sweep unused stored files */

static volatile sig_atomic_t stopping;

static void
on_term(int sig)
{
	(void)sig;
	stopping = 1;
}

/* Sleeps to just past the next whole second: schedules are kept to the second, so a release due
 * at 09:00:00 has its photographs public a few milliseconds after, never before. */
static void
sleep_to_next_second(void)
{
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	struct timespec nap = { 0, 1000000000L - now.tv_nsec + 2000000L };
	if (nap.tv_nsec >= 1000000000L) {
		nap.tv_sec = 1;
		nap.tv_nsec -= 1000000000L;
	}
	nanosleep(&nap, NULL);
}

/* Workers sync the folder themselves after each change they make; what no request causes is the
 * clock (a scheduled publication or withdrawal coming due), a crash mid-change, and files whose
 * rows are gone. This process covers those: once at start, at each due time, and every minute. */
int
publisher_run(const struct config *cfg)
{
	struct sigaction sa = { .sa_handler = on_term };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGHUP, SIG_IGN);
	struct db db;
	char err[512];
	if (db_open(&db, cfg->db_path, 0, err, sizeof err) != 0) {
		fprintf(stderr, "pressroom: publisher: %s\n", err);
		return 1;
	}
	if (cfg->sandbox && sandbox_enter(err, sizeof err) != 0) {
		fprintf(stderr, "pressroom: publisher: %s\n", err);
		db_close(&db);
		return 1;
	}
	struct arena a = { 0 };
	char since[32] = "";
	time_t last_full = 0;
	while (!stopping) {
		int due = files_due(&db, since);
		time_t now = time(NULL);
		int full = now - last_full >= REPAIR_EVERY;
		if ((due != 0 || full) && files_sync(&db, cfg, &a, full) != 0)
			fprintf(stderr, "pressroom: publisher: the media folder %s could not be brought up to date\n",
			    cfg->media_dir);
		if (full)
			last_full = now;
		arena_reset(&a);
		db_reset_all(&db);
		sleep_to_next_second();
	}
	arena_free(&a);
	db_close(&db);
	return 0;
}
