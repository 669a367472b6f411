/* bounds: a per-request deadline (SIGALRM ends a stuck worker) and the worker's address-space cap. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <unistd.h>

#include "bounds.h"
#include "sanitizer.h"


/* Formatted once at start: a signal handler may only write(2) what is ready. */
static char deadline_msg[160];
static size_t deadline_len;
static unsigned deadline_s;

/* libfcgi has no read timeout: a peer that stalls inside a record would hold this process
 * forever. Ending it is the one safe way out of any blocking call; the master respawns it. */
static void
on_deadline(int sig)
{
	(void)sig;
	ssize_t w = write(STDERR_FILENO, deadline_msg, deadline_len);
	(void)w;
	_exit(3);
}

/* An announced 1 GB parameter then makes libfcgi's malloc fail at once (the worker aborts and
 * is respawned) instead of growing as fast as the peer sends. ASan reserves terabytes of shadow
 * memory, so a sanitizer build goes without. */
static void
cap_memory(const struct config *cfg)
{
#ifndef UNDER_ASAN
	if (cfg->worker_memory > 0) {
		rlim_t bytes = (rlim_t)cfg->worker_memory << 20;
		struct rlimit rl = { bytes, bytes };
		if (setrlimit(RLIMIT_AS, &rl) != 0)
			fprintf(stderr, "pressroom: worker: cannot cap memory at %ld MB: %s\n",
			    cfg->worker_memory, strerror(errno));
	}
#else
	(void)cfg;
#endif
}

int
bounds_init(const struct config *cfg, int listen_fd)
{
	cap_memory(cfg);
	deadline_s = (unsigned)cfg->deadline;
	int n = snprintf(deadline_msg, sizeof deadline_msg,
	    "pressroom: worker %d: a request passed the %u s deadline; ending this worker\n",
	    (int)getpid(), deadline_s);
	deadline_len = n > 0 && (size_t)n < sizeof deadline_msg ? (size_t)n : 0;
	struct sigaction sa = { .sa_handler = on_deadline };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	/* Non-blocking, so that a worker that loses the race for a connection gets EAGAIN from
	 * libfcgi's accept and comes back to bounds_wait instead of sleeping in accept unarmed. */
	int fl = fcntl(listen_fd, F_GETFL);
	return fl < 0 || fcntl(listen_fd, F_SETFL, fl | O_NONBLOCK) < 0 ? -1 : 0;
}

int
bounds_wait(int listen_fd, const sigset_t *open)
{
	/* pselect swaps the mask in atomically: a SIGTERM that came just before is not missed. */
	fd_set ready;
	FD_ZERO(&ready);
	FD_SET(listen_fd, &ready);
	return pselect(listen_fd + 1, &ready, NULL, NULL, NULL, open) > 0 ? 0 : -1;
}

void
bounds_arm(void)
{
	alarm(deadline_s);
}

void
bounds_disarm(void)
{
	alarm(0);
}
