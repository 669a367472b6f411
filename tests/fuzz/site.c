/* site: the demo site behind a real FastCGI socket, for the targets that feed worker_handle whole streams. */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <fastcgi.h>
#include <fcgiapp.h>

#include "auth.h"
#include "config.h"
#include "db.h"
#include "fuzz.h"
#include "timefmt.h"
#include "view.h"
#include "worker.h"

extern const char *const demo_sql[];

static struct config cfg;
static struct db db;
static struct arena arena;
static struct buf headers, body;
static FCGX_Request rq;
static struct sockaddr_un addr;
static char dir[200];
static char pristine[256];

char *
fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

_Noreturn void
fuzz_fail(const char *property, const char *detail)
{
	fprintf(stderr, "fuzz: property broken: %s\n  detail: %.400s\n", property, detail ? detail : "");
	abort();
}

static void
die(const char *what, const char *why)
{
	fprintf(stderr, "fuzz: site: %s: %s\n", what, why);
	exit(1);
}

static void
exec_or_die(const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db.h, sql, NULL, NULL, &msg) != SQLITE_OK)
		die(sql, msg ? msg : db_errmsg(&db));
}

/* The demo content, and an admin signed in with a known cookie so the fuzzer reaches the staff
 * screens; the session was seen "in the future", so no request ever writes to touch it. */
static void
make_pristine(void)
{
	char err[512];
	if (db_open(&db, pristine, 1, err, sizeof err) != 0 || db_migrate(&db, err, sizeof err) < 0)
		die(pristine, err);
	exec_or_die(demo_sql[0]);
	exec_or_die("INSERT INTO users(name, display_name, role, password_hash) "
	    "VALUES ('fuzz', 'Fuzz Admin', 'admin', '!')");
	sqlite3_stmt *st = db_stmt(&db, "INSERT INTO sessions(token_hash, user_id, csrf, created_at, "
	    "seen_at, expires_at) SELECT ?1, id, ?2, '2025-02-18T00:00:00Z', '2999-01-01T00:00:00Z', "
	    "'2999-12-31T00:00:00Z' FROM users WHERE name = 'fuzz'");
	if (st == NULL)
		die("the fuzz session", db_errmsg(&db));
	struct arena a = { 0 };
	db_bind_str(st, 1, token_hash(&a, FUZZ_SESSION));
	db_bind_str(st, 2, FUZZ_CSRF);
	if (sqlite3_step(st) != SQLITE_DONE)
		die("the fuzz session", db_errmsg(&db));
	sqlite3_reset(st);
	arena_free(&a);
	db_close(&db);
}

/* The live database back to the pristine one, and the connection reopened on it. */
static void
fresh_db(void)
{
	char live[300], side[310], err[512];
	snprintf(live, sizeof live, "%s/live.db", dir);
	if (db.h)
		db_close(&db);
	for (const char *ext = "-wal\0-shm\0"; *ext; ext += strlen(ext) + 1) {
		snprintf(side, sizeof side, "%s%s", live, ext);
		unlink(side);
	}
	FILE *in = fopen(pristine, "rb"), *out = fopen(live, "wb");
	if (in == NULL || out == NULL)
		die(live, "cannot copy the pristine database");
	char chunk[65536];
	for (size_t n; (n = fread(chunk, 1, sizeof chunk, in)) > 0;)
		fwrite(chunk, 1, n, out);
	fclose(in);
	if (fclose(out) != 0)
		die(live, "cannot write");
	snprintf(cfg.db_path, sizeof cfg.db_path, "%s", live);
	if (db_open(&db, live, 0, err, sizeof err) != 0 || db_check_schema(&db, err, sizeof err) != 0)
		die(live, err);
}

static void
remove_dir(void)
{
	char path[300];
	const char *names[] = { "live.db", "live.db-wal", "live.db-shm", "pristine.db", "sock" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
}

void
fuzz_site_init(void)
{
	char err[512];
	/* TMPDIR: run.sh points it into tests/out, so a crash (no atexit then) leaves nothing in /tmp. */
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/pressroom-fuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		die(dir, "mkdtemp failed");
	atexit(remove_dir);
	snprintf(pristine, sizeof pristine, "%s/pristine.db", dir);
	config_defaults(&cfg);
	if (config_load_env(&cfg, err, sizeof err) != 0)
		die("environment", err);
	if (secret_init() != 0)
		die("libsodium", "cannot start");
	signal(SIGPIPE, SIG_IGN);
	/* libFuzzer's -timeout alarm must not cut a read short: libfcgi would take EINTR for a broken
	 * stream and drop the request. Its handler stays; only the interrupted calls now restart. */
	struct sigaction alarm;
	if (sigaction(SIGALRM, NULL, &alarm) == 0 && alarm.sa_handler != SIG_DFL) {
		alarm.sa_flags |= SA_RESTART;
		sigaction(SIGALRM, &alarm, NULL);
	}
	time_zone_set(cfg.time_zone);
	view_init(cfg.templates_dir);
	make_pristine();
	fresh_db();

	/* Non-blocking, so that libfcgi's accept loop returns instead of waiting for the next
	 * connection when it drops one it could not read a request from. */
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	addr.sun_family = AF_UNIX;
	snprintf(addr.sun_path, sizeof addr.sun_path, "%s/sock", dir);
	if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(fd, 8) != 0 ||
	    fcntl(fd, F_SETFL, O_NONBLOCK) != 0)
		die(addr.sun_path, "cannot listen");
	FCGX_Init();
	FCGX_InitRequest(&rq, fd, 0);
}

/* The web server's side of one connection, once the whole stream is sent: the reply. */
struct peer {
	int        fd;
	struct buf out;
};

static void *
peer_run(void *arg)
{
	struct peer *p = arg;
	char chunk[16384];
	for (ssize_t r; (r = read(p->fd, chunk, sizeof chunk)) > 0;)
		buf_add(&p->out, chunk, (size_t)r);
	return NULL;
}

/* The STDOUT records of a FastCGI reply, joined: the HTTP response as the web server reads it. */
static void
stdout_of(const struct buf *raw, struct buf *reply)
{
	const unsigned char *s = (const unsigned char *)raw->data;
	for (size_t i = 0; s && i + 8 <= raw->len;) {
		size_t clen = (size_t)s[i + 4] << 8 | s[i + 5], plen = s[i + 6];
		if (i + 8 + clen > raw->len)
			break;
		if (s[i + 1] == FCGI_STDOUT)
			buf_add(reply, (const char *)s + i + 8, clen);
		i += 8 + clen + plen;
	}
}

int
fuzz_site_serve(const uint8_t *stream, size_t n, struct buf *reply)
{
	struct peer p = { 0 };
	p.fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (p.fd < 0 || connect(p.fd, (struct sockaddr *)&addr, sizeof addr) != 0)
		die(addr.sun_path, "cannot connect");
	/* The whole stream is in the socket before libfcgi reads a byte (it fits: see
	 * FUZZ_SITE_MAX_INPUT), so no read of libfcgi's ever waits on the harness. */
	for (size_t off = 0; off < n;) {
		ssize_t w = write(p.fd, stream + off, n - off);
		if (w <= 0)
			die(addr.sun_path, "cannot write the stream");
		off += (size_t)w;
	}
	shutdown(p.fd, SHUT_WR);
	pthread_t t;
	if (pthread_create(&t, NULL, peer_run, &p) != 0)
		die("pthread_create", "failed");
	int served = 0, changes = sqlite3_total_changes(db.h);
	int accepted = FCGX_Accept_r(&rq);
	if (accepted < 0 && getenv("FUZZ_SHOW"))
		fprintf(stderr, "fuzz: libfcgi refused the stream: %d\n", accepted);
	if (accepted >= 0) {
		worker_handle(&cfg, &db, &arena, &rq, &headers, &body);
		FCGX_Finish_r(&rq);
		arena_reset(&arena);
		served = 1;
	}
	/* A request may ask to keep the connection (FCGI_KEEP_CONN): close it all the same. */
	FCGX_Free(&rq, 1);
	pthread_join(t, NULL);
	close(p.fd);
	stdout_of(&p.out, reply);
	buf_free(&p.out);
	/* FUZZ_SHOW=1 with reproducers or seeds as arguments: what each one got back. */
	if (getenv("FUZZ_SHOW"))
		fprintf(stderr, "fuzz: reply: %.*s\n", (int)strcspn(buf_str(reply), "\r\n"), buf_str(reply));
	if (sqlite3_total_changes(db.h) != changes)
		fresh_db();
	return served;
}

void
fuzz_fcgi_record(struct buf *b, int type, const void *content, size_t len)
{
	const char *s = content;
	/* A record holds at most 65535 bytes: longer content goes in several. */
	do {
		size_t n = len > 65535 ? 65535 : len;
		char head[8] = { FCGI_VERSION_1, (char)type, 0, 1, (char)(n >> 8), (char)(n & 255), 0, 0 };
		buf_add(b, head, sizeof head);
		if (n)
			buf_add(b, s, n);
		s += n;
		len -= n;
	} while (len > 0);
}

static void
pair_length(struct buf *b, size_t n)
{
	if (n < 128) {
		char c = (char)n;
		buf_add(b, &c, 1);
	} else {
		char l[4] = { (char)(0x80 | (n >> 24 & 0x7f)), (char)(n >> 16), (char)(n >> 8), (char)n };
		buf_add(b, l, sizeof l);
	}
}

void
fuzz_fcgi_pair(struct buf *b, const char *name, size_t nlen, const char *value, size_t vlen)
{
	pair_length(b, nlen);
	pair_length(b, vlen);
	buf_add(b, name, nlen);
	buf_add(b, value, vlen);
}

void
fuzz_fcgi_request(struct buf *b, const struct buf *params, const char *body_, size_t len)
{
	static const char begin[8] = { 0, FCGI_RESPONDER, 0, 0, 0, 0, 0, 0 };
	fuzz_fcgi_record(b, FCGI_BEGIN_REQUEST, begin, sizeof begin);
	if (params->len)
		fuzz_fcgi_record(b, FCGI_PARAMS, params->data, params->len);
	fuzz_fcgi_record(b, FCGI_PARAMS, "", 0);
	if (len)
		fuzz_fcgi_record(b, FCGI_STDIN, body_, len);
	fuzz_fcgi_record(b, FCGI_STDIN, "", 0);
}

void
fuzz_check_reply(const struct buf *reply)
{
	int status = -1;
	if (reply->len < 11 || strncmp(reply->data, "Status: ", 8) != 0 ||
	    sscanf(reply->data + 8, "%3d", &status) != 1 || status < 100 || status > 599)
		fuzz_fail("every request served gets a status line", reply->data);
	if (status >= 500)
		fuzz_fail("no request makes the program fail (a 5xx)", reply->data);
}
