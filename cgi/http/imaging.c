/* imaging: photographs and PDFs decoded and re-encoded with libvips in a sandboxed child process. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "imaging.h"
#include "imaging_child.h"

/*
 * The process shape, and why. Image and PDF decoders are large C libraries that parse hostile
 * input; a bug in one must not reach the database, the sessions or the FastCGI socket.
 *
 *   worker ──socketpair──> helper ──fork per job──> child ──pipe──> helper ──> worker
 *
 * - The worker (seccomp allow-list without fork, sandbox.c) never decodes: it sniffs the bytes
 *   (sniff.c, plain C over a bounded buffer), checks the announced pixels, and hands the upload
 *   to its helper over a socketpair, waiting with poll() and a deadline. libvips is linked in
 *   but never initialised here.
 * - The helper (imaging_helper.c) is forked by imaging_start before the worker's sandbox, so it
 *   may still fork. It holds no database or socket: it closes every inherited descriptor. It
 *   reads one job, forks a fresh child for it, kills the child at the wall-clock deadline, and
 *   forwards the child's answer only when the child exited 0; a crash is the file's fault, a 422.
 * - The child (imaging_child.c) caps its memory, CPU time and files, initialises libvips with
 *   one thread and only the one loader the sniffed kind needs, then enters a seccomp filter
 *   tighter than the worker's (no opening files for photographs, nothing executable) before it
 *   touches the upload. A fresh process per job means no state survives from one hostile file
 *   to the next upload.
 * The answer is a length-prefixed record of codes and bytes; the worker checks every length and
 * words the refusals itself, so a subverted child can at worst send wrong pictures, not text.
 */

static int  helper_fd = -1;
static long helper_upload_max;

int
imaging_ready(void)
{
	return helper_fd >= 0;
}

int
imaging_precheck(const unsigned char *data, size_t len, enum media_want want, long upload_max,
    enum sniffed *kind, int *reason)
{
	*kind = sniff_media(data, len, NULL);
	*reason = REASON_NONE;
	long w = 0, h = 0;
	if (upload_max > 0 && len > (size_t)upload_max)
		*reason = REASON_UPLOAD_SIZE;
	else if (want == WANT_DOCUMENT && *kind != SNIFF_PDF)
		*reason = REASON_NOT_PDF;
	else if (want != WANT_DOCUMENT && (*kind == SNIFF_NONE || *kind == SNIFF_PDF))
		*reason = REASON_NOT_PHOTO;
	else if (*kind == SNIFF_PDF)
		return 0;
	else if (sniff_dimensions(data, len, *kind, &w, &h) != 0)
		*reason = REASON_DAMAGED;
	else if (w > LIMIT_PIXELS / h)
		*reason = REASON_PIXELS;
	switch (*reason) {
	case REASON_NONE:     return 0;
	case REASON_NOT_PHOTO:
	case REASON_NOT_PDF:  return 415;
	case REASON_DAMAGED:  return 422;
	default:              return 413;
	}
}

/* The sentence for the person who uploaded; the kind and the sniffer's reason make it exact. */
static const char *
reason_text(struct arena *a, int reason, enum media_want want, const unsigned char *data, size_t len)
{
	const char *sniffed = NULL;
	enum sniffed kind = sniff_media(data, len, &sniffed);
	switch (reason) {
	case REASON_NOT_PHOTO:
		if (kind == SNIFF_PDF)
			return "Photographs must be JPEG, PNG or WebP images; this file is a PDF.";
		return arena_printf(a, "Photographs must be JPEG, PNG or WebP images; this file is not one "
		    "of them (it %s).", sniffed ? sniffed : "is not a photograph");
	case REASON_NOT_PDF:
		if (kind != SNIFF_NONE)
			return "Attachments must be PDF files; this file is an image. Add photographs as photographs.";
		return arena_printf(a, "Attachments must be PDF files; this file is not one (it %s).",
		    sniffed ? sniffed : "is not a PDF");
	case REASON_UPLOAD_SIZE:
		return arena_printf(a, "The file is larger than the %ld KB an upload may have.", helper_upload_max >> 10);
	case REASON_PIXELS:
		return arena_printf(a, "The photograph has more than %ld megapixels; please send a smaller "
		    "one (8000 by 5000 pixels at most, or the same area).", LIMIT_PIXELS / 1000000);
	case REASON_PAGES:
		return arena_printf(a, "The PDF has more than %d pages; please send a shorter one.", LIMIT_PDF_PAGES);
	case REASON_SLOW:
		return "The file took too long to process; it may be damaged or far too complex.";
	default:
		return want == WANT_DOCUMENT ? "The file is damaged or not a complete PDF."
		    : "The file is damaged or not a complete image.";
	}
}

int
imaging_start(const struct config *cfg)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
		return -1;
	pid_t worker = getpid();
	pid_t pid = fork();
	if (pid == 0) {
		close(sv[0]);
		imaging_helper_run(sv[1], worker, cfg->upload_max);
	}
	close(sv[1]);
	/* Non-blocking, so that poll() bounds every wait of the worker's, writes included. */
	int fl = fcntl(sv[0], F_GETFL);
	if (pid < 0 || fl < 0 || fcntl(sv[0], F_SETFL, fl | O_NONBLOCK) != 0) {
		int e = errno;
		close(sv[0]);
		errno = e;
		return -1;
	}
	if (helper_fd >= 0)
		close(helper_fd);   /* an old helper sees end of file and exits */
	helper_fd = sv[0];
	helper_upload_max = cfg->upload_max;
	return 0;
}

/* Moves n bytes to or from the helper before the deadline; -1 on end of file, error or time. */
static int
transfer(int writing, unsigned char *p, size_t n, long deadline)
{
	while (n > 0) {
		ssize_t r = writing ? write(helper_fd, p, n) : read(helper_fd, p, n);
		if (r > 0) {
			p += r;
			n -= (size_t)r;
			continue;
		}
		if (r == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
			return -1;
		long left = deadline - imaging_now_ms();
		struct pollfd pfd = { .fd = helper_fd, .events = writing ? POLLOUT : POLLIN };
		if (left <= 0 || (poll(&pfd, 1, (int)left) < 0 && errno != EINTR))
			return -1;
	}
	return 0;
}

static int
suffix_ok(const char *s)
{
	size_t n = strnlen(s, 16);
	if (n == 0 || n == 16)
		return 0;
	return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789.") == n;
}

/* Reads the child's record, trusting no length in it: -1 when anything is out of place. */
static int
parse_answer(unsigned char *p, size_t n, struct media_out *out, int *reason)
{
	struct imaging_head h;
	if (n < sizeof h)
		return -1;
	memcpy(&h, p, sizeof h);
	size_t at = sizeof h;
	int made = h.status == 0;
	if ((!made && h.status != 413 && h.status != 415 && h.status != 422) ||
	    h.reason < 0 || h.reason >= REASON_COUNT || made != (h.reason == REASON_NONE) ||
	    h.nfiles > 8 || made != (h.nfiles > 0) || h.pages < 0 || h.pages > LIMIT_PDF_PAGES ||
	    h.width < 0 || h.height < 0)
		return -1;
	for (uint32_t i = 0; i < h.nfiles; i++) {
		struct imaging_file_head f;
		if (n - at < sizeof f)
			return -1;
		memcpy(&f, p + at, sizeof f);
		at += sizeof f;
		if (!suffix_ok(f.suffix) || f.width <= 0 || f.height <= 0 || f.len == 0 || f.len > n - at)
			return -1;
		struct media_file *m = &out->files[i];
		memcpy(m->suffix, f.suffix, sizeof m->suffix);
		m->width = f.width;
		m->height = f.height;
		m->data = p + at;
		m->len = f.len;
		at += f.len;
	}
	if (at != n)
		return -1;
	out->status = h.status;
	out->width = h.width;
	out->height = h.height;
	out->pages = h.pages;
	out->nfiles = h.nfiles;
	*reason = h.reason;
	return 0;
}

/* One job out and its answer back, in the caller's arena. -1 leaves the stream unusable. */
static int
exchange(struct arena *a, const unsigned char *data, size_t len, enum media_want want,
    struct media_out *out, int *reason)
{
	long deadline = imaging_now_ms() + (LIMIT_IMAGING_SECONDS + 5) * 1000L;
	struct imaging_job job = { (uint32_t)want, (uint32_t)len };
	uint32_t n = 0;
	if (transfer(1, (unsigned char *)&job, sizeof job, deadline) != 0 ||
	    transfer(1, (unsigned char *)data, len, deadline) != 0 ||
	    transfer(0, (unsigned char *)&n, sizeof n, deadline) != 0 || n > IMAGING_ANSWER_MAX)
		return -1;
	unsigned char *body = arena_alloc(a, n ? n : 1);
	if (transfer(0, body, n, deadline) != 0)
		return -1;
	return parse_answer(body, n, out, reason);
}

int
imaging_process(struct arena *a, const unsigned char *data, size_t len, enum media_want want,
    struct media_out *out)
{
	memset(out, 0, sizeof *out);
	int reason;
	out->status = imaging_precheck(data, len, want, helper_upload_max, &out->kind, &reason);
	out->media_type = sniff_media_type(out->kind);
	if (out->status == 0) {
		if (helper_fd < 0)
			return -1;
		if (exchange(a, data, len, want, out, &reason) != 0) {
			/* Whatever the helper sends late would be read as the next job's answer. */
			close(helper_fd);
			helper_fd = -1;
			memset(out->files, 0, sizeof out->files);
			return -1;
		}
	}
	if (out->status != 0)
		out->why = reason_text(a, reason, want, data, len);
	return 0;
}
