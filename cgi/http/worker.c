/* worker: accepts FastCGI requests, reads them under limits, dispatches, and writes the response. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcgiapp.h>

#include "auth.h"
#include "bounds.h"
#include "cache.h"
#include "hashslot.h"
#include "page.h"
#include "route.h"
#include "imaging.h"
#include "sandbox.h"
#include "timefmt.h"
#include "valid.h"
#include "worker.h"

static volatile sig_atomic_t stopping;

static void
on_term(int sig)
{
	(void)sig;
	stopping = 1;
	FCGX_ShutdownPending();
}

const char *
ctx_param(const struct ctx *c, const char *name)
{
	size_t n = strlen(name);
	for (char **e = c->env; e && *e; e++)
		if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}

const char *
ctx_cookie(const struct ctx *c, const char *name)
{
	return fields_get(&c->cookies, name);
}

void
ctx_header(struct ctx *c, const char *name, const char *value)
{
	buf_addf(&c->headers, "%s: %s\r\n", name, value);
}

/* The path, decoded; 0 or the status a bad one deserves. */
static int
read_path(struct ctx *c)
{
	const char *uri = ctx_param(c, "REQUEST_URI");
	if (uri == NULL || *uri != '/')
		return 400;
	const char *q = strchr(uri, '?');
	size_t n = q ? (size_t)(q - uri) : strlen(uri);
	if (n > LIMIT_PATH_BYTES)
		return 414;
	char *path = arena_alloc(c->a, n + 1);
	long len = percent_decode(path, uri, n, 0);
	if (len < 0 || (size_t)len != strlen(path) || !utf8_valid(path, (size_t)len))
		return 400;
	c->path = path;
	return 0;
}

/* The n bytes of the body into the arena, NUL-terminated; NULL when it ended before them. */
static char *
read_stdin(struct ctx *c, FCGX_Request *rq, long n)
{
	char *body = arena_alloc(c->a, (size_t)n + 1);
	long got = 0;
	while (got < n) {
		int r = FCGX_GetStr(body + got, (int)(n - got), rq->in);
		if (r <= 0)
			break;
		got += r;
	}
	if (got != n)
		return NULL;
	body[n] = '\0';
	return body;
}

static int
read_body(struct ctx *c, FCGX_Request *rq, const struct limits *lim)
{
	const char *type = ctx_param(c, "CONTENT_TYPE");
	const char *length = ctx_param(c, "CONTENT_LENGTH");
	int multipart = is_multipart(type);
	long n;
	if (length == NULL || *length == '\0')
		return 411;
	if (parse_long(length, 0, 1L << 40, &n) != 0)
		return 400;
	/* A form with files may be larger; its parts are held to their own limits. */
	if (n > (multipart ? (long)lim->max_upload : c->cfg->max_body))
		return 413;
	/* The type itself, then nothing or its parameters: "...urlencodedXYZ" is another type. */
	if (!multipart && (type == NULL || strncmp(type, "application/x-www-form-urlencoded", 33) != 0 ||
	    (type[33] != '\0' && type[33] != ';' && type[33] != ' ')))
		return 415;
	char *body = read_stdin(c, rq, n);
	if (body == NULL)
		return 400;   /* the body ended before its Content-Length */
	if (multipart)
		return parse_multipart(c->a, type, body, (size_t)n, lim, &c->form, &c->files, &c->nfiles);
	return parse_urlencoded(c->a, body, (size_t)n, lim, &c->form);
}

/* Reads everything the handlers may look at; 0 or the status to answer with. */
static int
read_request(struct ctx *c, FCGX_Request *rq)
{
	struct limits lim = form_limits(c->cfg);
	const char *method = ctx_param(c, "REQUEST_METHOD");
	c->method = method ? method : "";
	c->client = ctx_param(c, "REMOTE_ADDR");
	const char *https = ctx_param(c, "HTTPS");
	c->https = (https && strcmp(https, "on") == 0) || strncmp(c->cfg->base_url, "https:", 6) == 0;
	if (strcmp(c->method, "HEAD") == 0) {
		c->method = "GET";
		c->head = 1;
	}
	int rc = read_path(c);
	if (rc)
		return rc;
	const char *cookie = ctx_param(c, "HTTP_COOKIE");
	if (cookie && strlen(cookie) > LIMIT_COOKIE_BYTES)
		return 431;
	if (cookie) {
		struct limits clim = { .max_fields = 50, .max_name = LIMIT_FIELD_NAME,
		    .max_value = LIMIT_COOKIE_BYTES };
		parse_cookies(c->a, cookie, &clim, &c->cookies);
	}
	const char *qs = ctx_param(c, "QUERY_STRING");
	if (qs && (rc = parse_urlencoded(c->a, qs, strlen(qs), &lim, &c->query)))
		return rc;
	/* Other methods reach the route table, which answers 405 with the right Allow. */
	if (strcmp(c->method, "POST") == 0)
		return read_body(c, rq, &lim);
	return 0;
}

static void
write_response(struct ctx *c, FCGX_Request *rq)
{
	char cache[320];
	/* A 304 carries the 200's ETag and Cache-Control, and nothing to describe a body. */
	int not_modified = cache_headers(c, cache, sizeof cache);
	/* libfcgi's own printf lacks %zu, so the status block is formatted here. */
	char head[256];
	int n = not_modified ? snprintf(head, sizeof head, "Status: 304 Not Modified\r\n")
	    : snprintf(head, sizeof head, "Status: %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n",
	    c->status, http_reason(c->status),
	    c->content_type ? c->content_type : "text/plain; charset=utf-8", c->body.len);
	FCGX_PutStr(head, n, rq->out);
	FCGX_PutS("X-Content-Type-Options: nosniff\r\n"
	    "Referrer-Policy: strict-origin-when-cross-origin\r\n"
	    "X-Frame-Options: DENY\r\n", rq->out);
	/* A PDF is shown by the browser's own viewer, which a page's policy would leave blank. */
	if (c->content_type && strcmp(c->content_type, "application/pdf") == 0)
		FCGX_PutS("Content-Security-Policy: frame-ancestors 'none'\r\n", rq->out);
	else
		FCGX_PutS("Content-Security-Policy: default-src 'self'; img-src 'self' data:; "
		    "frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'\r\n", rq->out);
	if (c->https)
		FCGX_PutS("Strict-Transport-Security: max-age=31536000\r\n", rq->out);
	FCGX_PutS(cache, rq->out);
	FCGX_PutStr(c->headers.data ? c->headers.data : "", (int)c->headers.len, rq->out);
	FCGX_PutS("\r\n", rq->out);
	if (!c->head && !not_modified)
		FCGX_PutStr(c->body.data ? c->body.data : "", (int)c->body.len, rq->out);
}

void
worker_handle(const struct config *cfg, struct db *db, struct arena *a, FCGX_Request *rq,
    struct buf *headers, struct buf *body)
{
	struct ctx c = { .cfg = cfg, .db = db, .a = a, .env = rq->envp };
	buf_reset(headers);
	buf_reset(body);
	c.headers = *headers;
	c.body = *body;
	int rc = read_request(&c, rq);
	if (rc) {
		page_error(&c, rc, NULL);
	} else {
		auth_load_session(&c);
		route_dispatch(&c);
	}
	if (c.layout) {
		view_dict_free(c.layout);
		c.layout = NULL;
	}
	db_rollback(db);     /* a handler that failed half-way must not leave a transaction open */
	db_reset_all(db);
	write_response(&c, rq);
	/* Keep the buffers' memory for the next request. */
	*headers = c.headers;
	*body = c.body;
}

int
worker_run(const struct config *cfg, int listen_fd)
{
	struct sigaction sa = { .sa_handler = on_term };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);   /* no SA_RESTART: a blocked accept returns */
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGHUP, SIG_IGN);

	if (secret_init() != 0) {
		fprintf(stderr, "pressroom: worker: libsodium failed to start\n");
		return 1;
	}
	/* The image helper is forked first: before the database is open, and before the sandbox,
	 * which allows no fork. Uploads are decoded there, never in the worker (imaging.c). */
	if (imaging_start(cfg) != 0) {
		fprintf(stderr, "pressroom: worker: cannot start the image helper\n");
		return 1;
	}
	time_zone_set(cfg->time_zone);
	view_init(cfg->templates_dir);
	struct db db;
	char err[512];
	if (db_open(&db, cfg->db_path, 0, err, sizeof err) != 0 ||
	    db_check_schema(&db, err, sizeof err) != 0) {
		fprintf(stderr, "pressroom: worker: %s\n", err);
		if (db.h)
			db_close(&db);
		return 1;
	}
	FCGX_Init();
	FCGX_Request rq;
	FCGX_InitRequest(&rq, listen_fd, 0);
	if (bounds_init(cfg, listen_fd) != 0) {
		fprintf(stderr, "pressroom: worker: cannot make the socket non-blocking\n");
		db_close(&db);
		return 1;
	}
	if (hashslot_init(cfg) != 0) {
		fprintf(stderr, "pressroom: worker: cannot open %s.hashslots\n", cfg->db_path);
		db_close(&db);
		return 1;
	}
	/* Everything is open: from here on only the allow-list's system calls (sandbox.c). */
	if (cfg->sandbox && sandbox_enter(err, sizeof err) != 0) {
		fprintf(stderr, "pressroom: worker: %s (sandbox = off runs without it)\n", err);
		db_close(&db);
		return 1;
	}
	struct arena arena = { 0 };
	struct buf headers = { 0 }, body = { 0 };
	/* SIGTERM interrupts a wait for the next request, never a request in flight: it is
	 * held while one is read and handled and acted on before the next accept. */
	sigset_t term;
	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	sigaddset(&term, SIGINT);
	/* SIGTERM stays held but for the wait for a connection (bounds_wait), which it ends. */
	sigset_t open;
	sigprocmask(SIG_BLOCK, &term, &open);
	while (!stopping) {
		if (bounds_wait(listen_fd, &open) != 0)
			continue;
		/* The deadline runs from accept, so a peer stalling mid-record inside libfcgi is
		 * covered as well as a slow body or a response nobody reads. */
		bounds_arm();
		int rc = FCGX_Accept_r(&rq);
		if (rc == -EAGAIN || rc == -EWOULDBLOCK) {
			bounds_disarm();   /* another worker took the connection, or it was malformed */
			continue;
		}
		if (rc < 0)
			break;
		worker_handle(cfg, &db, &arena, &rq, &headers, &body);
		FCGX_Finish_r(&rq);
		bounds_disarm();
		arena_reset(&arena);
		/* A failed image helper cannot be forked again under the sandbox: a fresh worker can. */
		if (!imaging_ready())
			break;
	}
	FCGX_Free(&rq, 0);
	arena_free(&arena);
	buf_free(&headers);
	buf_free(&body);
	db_close(&db);
	view_shutdown();
	return 0;
}
