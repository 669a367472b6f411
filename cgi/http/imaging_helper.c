/* imaging_helper: the worker's helper process: runs each imaging job in a fresh child, with a deadline. */
#define _GNU_SOURCE   /* close_range */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "imaging_child.h"

/* Whole reads and writes on the blocking socket; -1 on error or end of file. */
static int
read_full(int fd, void *p, size_t n)
{
	while (n > 0) {
		ssize_t r = read(fd, p, n);
		if (r <= 0) {
			if (r < 0 && errno == EINTR)
				continue;
			return -1;
		}
		p = (char *)p + r;
		n -= (size_t)r;
	}
	return 0;
}

int
imaging_write_full(int fd, const void *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p = (const char *)p + w;
		n -= (size_t)w;
	}
	return 0;
}

long
imaging_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Everything the child writes until it closes the pipe, the deadline passes or the cap is hit:
 * 0 when the pipe reached its end in time. */
static int
collect(int fd, struct buf *b, long deadline)
{
	char chunk[65536];
	for (;;) {
		long left = deadline - imaging_now_ms();
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		if (left <= 0)
			return -1;
		int r = poll(&pfd, 1, (int)left);
		if (r < 0 && errno != EINTR)
			return -1;
		if (r <= 0)
			continue;
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n == 0)
			return 0;
		if (n < 0 && errno != EINTR)
			return -1;
		if (n > 0 && b->len + (size_t)n > IMAGING_ANSWER_MAX)
			return -1;
		if (n > 0)
			buf_add(b, chunk, (size_t)n);
	}
}

/* The child's exit status, killing it at the deadline: 0 only for a clean exit 0. */
static int
reap(pid_t pid, long deadline)
{
	int status = 0;
	pid_t r;
	while ((r = waitpid(pid, &status, WNOHANG)) == 0 && imaging_now_ms() < deadline) {
		struct timespec nap = { 0, 2 * 1000000 };
		nanosleep(&nap, NULL);
	}
	if (r == 0) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		return -1;
	}
	return r == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* The helper's own answer when the child failed: the file is refused, not the server broken. */
static void
refusal(struct buf *b, int reason)
{
	struct imaging_head h = { .status = 422, .reason = reason };
	buf_reset(b);
	buf_add(b, (const char *)&h, sizeof h);
}

static void
run_job(int sock, const unsigned char *data, size_t len, enum media_want want, long upload_max, struct buf *ans)
{
	int p[2];
	buf_reset(ans);
	if (pipe2(p, O_CLOEXEC) != 0) {
		refusal(ans, REASON_DAMAGED);
		return;
	}
	long deadline = imaging_now_ms() + LIMIT_IMAGING_SECONDS * 1000L;
	pid_t pid = fork();
	if (pid == 0) {
		/* The child cannot reach the worker, and dies with the helper. */
		close(sock);
		close(p[0]);
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0)
			_exit(1);
		_exit(imaging_child_run(data, len, want, upload_max, p[1]));
	}
	close(p[1]);
	int got = pid > 0 ? collect(p[0], ans, deadline) : -1;
	close(p[0]);
	if (pid > 0 && got != 0)
		kill(pid, SIGKILL);   /* over time or over size */
	int clean = pid > 0 ? reap(pid, deadline) : -1;
	if (got != 0 || clean != 0 || ans->len == 0)
		refusal(ans, imaging_now_ms() >= deadline ? REASON_SLOW : REASON_DAMAGED);
}

/* Back to a plain process: the worker's handlers, mask and descriptors are not the helper's. */
static void
detach(int sock, pid_t parent)
{
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent)
		_exit(1);
	struct sigaction dfl = { .sa_handler = SIG_DFL }, ign = { .sa_handler = SIG_IGN };
	sigaction(SIGTERM, &dfl, NULL);
	sigaction(SIGINT, &dfl, NULL);
	sigaction(SIGHUP, &dfl, NULL);
	sigaction(SIGALRM, &dfl, NULL);
	sigaction(SIGCHLD, &dfl, NULL);
	sigaction(SIGPIPE, &ign, NULL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	/* The FastCGI socket, the database and the worker's pipes stay with the worker. */
	if (sock > 3)
		close_range(3, (unsigned)sock - 1, 0);
	close_range((unsigned)sock + 1, ~0u, 0);
}

void
imaging_helper_run(int sock, pid_t worker, long upload_max)
{
	detach(sock, worker);
	struct buf ans = { 0 };
	for (;;) {
		struct imaging_job job;
		if (read_full(sock, &job, sizeof job) != 0)
			_exit(0);   /* the worker closed its end, or is gone */
		if ((job.want != WANT_PHOTO && job.want != WANT_DOCUMENT) || job.len == 0 ||
		    (upload_max > 0 && job.len > (uint64_t)upload_max))
			_exit(1);   /* not our worker's framing: the stream cannot be trusted further */
		unsigned char *data = xmalloc(job.len);
		if (read_full(sock, data, job.len) != 0)
			_exit(0);
		run_job(sock, data, job.len, (enum media_want)job.want, upload_max, &ans);
		free(data);
		uint32_t n = (uint32_t)ans.len;
		if (imaging_write_full(sock, &n, sizeof n) != 0 || imaging_write_full(sock, ans.data, ans.len) != 0)
			_exit(0);
	}
}
