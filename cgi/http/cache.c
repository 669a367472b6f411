/* cache: Cache-Control chosen by kind of answer, ETags from the body, an honest Last-Modified, 304s. */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <sodium.h>

#include "auth.h"
#include "cache.h"
#include "timefmt.h"

/* Schedules take effect with no write to mark the moment, so their times are part of the site's
 * clock. Read here rather than in release.c because they are what the clock is made of. */
static const char SQL_DUE[] =
    "SELECT nullif(max(coalesce((SELECT max(published_at) FROM releases WHERE status = 'scheduled' "
    "AND published_at <= ?1), ''), coalesce((SELECT max(withdraw_at) FROM releases "
    "WHERE withdraw_at IS NOT NULL AND withdraw_at <= ?1), '')), ''), "
    "nullif(min(coalesce((SELECT min(published_at) FROM releases WHERE status = 'scheduled' "
    "AND published_at > ?1), '~'), coalesce((SELECT min(withdraw_at) FROM releases "
    "WHERE withdraw_at IS NOT NULL AND withdraw_at > ?1), '~')), '~')";

static const char *const wdays[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

#define STR_(x) #x
#define CACHE_STR(x) STR_(x)

enum kind { PRIVATE, PAGE, DATA, SHORT, NO_STORE };

static const char *const policy[] = {
	[PRIVATE]  = "private, no-store",
	[PAGE]     = "public, max-age=" CACHE_STR(CACHE_PAGE_SECONDS) ", must-revalidate",
	[DATA]     = "public, max-age=" CACHE_STR(CACHE_DATA_SECONDS) ", must-revalidate",
	[SHORT]    = "public, max-age=" CACHE_STR(CACHE_PAGE_SECONDS),
	[NO_STORE] = "no-store",
};

void
cache_clock_init(struct cache_clock *k)
{
	/* Rounded up: whatever the worker loads, it loads after this second has begun. */
	*k = (struct cache_clock){ .started = time(NULL) + 1 };
}

static enum kind
kind_of(const struct ctx *c)
{
	const char *path = c->path ? c->path : "";
	/* A signed-in person's answers (or a browser still holding a session), every non-GET, and the
	 * staff, login and preview pages belong to one person; so does any answer that sets a cookie. */
	if (c->me.id || ctx_cookie(c, SESSION_COOKIE) || c->method == NULL || strcmp(c->method, "GET") != 0 ||
	    strncmp(path, "/admin", 6) == 0 || strncmp(path, "/preview/", 9) == 0 ||
	    strcmp(path, "/login") == 0 || (c->headers.data && strstr(c->headers.data, "Set-Cookie:")))
		return PRIVATE;
	if (c->status == 200)
		return c->content_type && strncmp(c->content_type, "text/html", 9) == 0 ? PAGE : DATA;
	/* A scheduled release's address turns from 404 to 200 on the minute: these live no longer than pages. */
	if (c->status == 301 || c->status == 404 || c->status == 410)
		return SHORT;
	return NO_STORE;
}

int
cache_public(const struct ctx *c)
{
	enum kind kind = kind_of(c);
	return kind == PAGE || kind == DATA || kind == SHORT;
}

static time_t
later(time_t a, time_t b)
{
	return a > b ? a : b;
}

/* A file's change time, rounded up to the second: a change within a second counts as after it. */
static time_t
changed_at(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return 0;
	return st.st_ctim.tv_sec + (st.st_ctim.tv_nsec > 0);
}

long
cache_static_version(const char *static_dir)
{
	DIR *d = opendir(static_dir);
	if (d == NULL)
		return 0;
	time_t newest = 0;
	char path[1024];
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", static_dir, e->d_name);
		newest = later(newest, changed_at(path));
	}
	closedir(d);
	return (long)newest;
}

/* The newest schedule that has come due and the next one to come (0 for none); -1 when unreadable. */
static int
read_schedules(struct db *db, time_t now, time_t *due, time_t *next)
{
	sqlite3_stmt *st = db_stmt(db, SQL_DUE);
	if (st == NULL)
		return -1;
	char iso[24];
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
	db_bind_str(st, 1, iso);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return -1;
	}
	*due = *next = 0;
	time_parse_iso((const char *)sqlite3_column_text(st, 0), due);
	time_parse_iso((const char *)sqlite3_column_text(st, 1), next);
	sqlite3_reset(st);
	return 0;
}

/* Pages that tell upcoming from past change at midnight, office time or UTC, with no write. */
static time_t
midnight(time_t now)
{
	struct tm tm;
	localtime_r(&now, &tm);
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return later(mktime(&tm), now - now % 86400);
}

/* The next midnight, office time or UTC, whichever comes first. */
static time_t
next_midnight(time_t now)
{
	struct tm tm;
	localtime_r(&now, &tm);
	tm.tm_mday += 1;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	time_t local = mktime(&tm), utc = now - now % 86400 + 86400;
	return local < utc ? local : utc;
}

/* What follows from the schedules at `now`: the newest that came due (*due) and until when an
 * answer built now stays right (the next schedule or midnight). Unreadable: both are `now`, so the
 * answer says it changed now and is kept by no one. */
static void
clock_at(struct db *db, time_t now, time_t *due, time_t *fresh_until)
{
	time_t next;
	if (read_schedules(db, now, due, &next) != 0) {
		*due = *fresh_until = now;
		return;
	}
	time_t midnight_next = next_midnight(now);
	*fresh_until = next && next < midnight_next ? next : midnight_next;
}

time_t
cache_fresh_until(struct db *db)
{
	time_t due, until;
	clock_at(db, time(NULL), &due, &until);
	return until;
}

/* When the public site last changed, as far as can be known cheaply; never earlier than the truth,
 * so If-Modified-Since never keeps a stale copy: the database's last write, the newest schedule
 * that came due, the last midnight, the static files, and the worker's start. */
static time_t
last_change(const struct ctx *c, const struct cache_clock *k, time_t due, time_t now)
{
	char wal[sizeof c->cfg->db_path + 8];
	snprintf(wal, sizeof wal, "%s-wal", c->cfg->db_path);
	time_t db = later(changed_at(c->cfg->db_path), changed_at(wal));
	time_t t = later(k->started, later(db, due));
	return later(t, later(midnight(now), cache_static_version(c->cfg->static_dir)));
}

static void
http_date(time_t t, char *out, size_t n)
{
	struct tm tm;
	gmtime_r(&t, &tm);
	snprintf(out, n, "%s, %02d %s %04d %02d:%02d:%02d GMT", wdays[tm.tm_wday], tm.tm_mday,
	    months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* An IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), what HTTP/1.1 clients send; -1 for anything else. */
static time_t
parse_http_date(const char *s)
{
	char wd[4], mon[4];
	int day, year, h, m, sec, end = -1;
	if (sscanf(s, "%3[A-Za-z], %2d %3[A-Za-z] %4d %2d:%2d:%2d GMT%n", wd, &day, mon, &year, &h, &m, &sec,
	    &end) != 7 || end < 0 || s[end] != '\0')
		return -1;
	for (int i = 0; i < 12; i++) {
		if (strcmp(mon, months[i]) != 0)
			continue;
		struct tm tm = { .tm_year = year - 1900, .tm_mon = i, .tm_mday = day, .tm_hour = h,
			.tm_min = m, .tm_sec = sec };
		time_t t = timegm(&tm);
		return tm.tm_mday == day && tm.tm_hour == h && tm.tm_min == m && tm.tm_sec == sec ? t : -1;
	}
	return -1;
}

/* If-None-Match: "*" or entity tags, compared weakly (a W/ prefix is ignored), as a GET allows. */
static int
etag_listed(const char *list, const char *etag)
{
	size_t n = strlen(etag);
	for (const char *p = list;;) {
		p += strspn(p, " \t,");
		if (*p == '*')
			return 1;
		if (strncmp(p, "W/", 2) == 0)
			p += 2;
		const char *end = *p == '"' ? strchr(p + 1, '"') : NULL;
		if (end == NULL)
			return 0;
		if ((size_t)(end + 1 - p) == n && memcmp(p, etag, n) == 0)
			return 1;
		p = end + 1;
	}
}

/* The body is built anyway, so its hash is the one validator that is always right. */
static void
body_etag(const struct ctx *c, char *out, size_t n)
{
	unsigned char hash[16];
	char hex[2 * sizeof hash + 1];
	crypto_generichash(hash, sizeof hash, (const unsigned char *)(c->body.data ? c->body.data : ""),
	    c->body.len, NULL, 0);
	sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
	snprintf(out, n, "\"%s\"", hex);
}

int
cache_headers(struct ctx *c, const struct cache_clock *k, char *out, size_t n)
{
	enum kind kind = kind_of(c);
	int len = snprintf(out, n, "Cache-Control: %s\r\nVary: Cookie\r\n", policy[kind]);
	time_t now = time(NULL);
	/* Worked out once per answer built, from one read of the schedules; a reused answer has them. */
	if (!c->valid.set && (kind == PAGE || kind == DATA || kind == SHORT)) {
		time_t due;
		clock_at(c->db, now, &due, &c->valid.fresh_until);
		body_etag(c, c->valid.etag, sizeof c->valid.etag);
		c->valid.changed = last_change(c, k, due, now);
		c->valid.set = 1;
	}
	if (kind != PAGE && kind != DATA)
		return 0;
	char date[40];
	time_t changed = c->valid.changed;
	/* Never a date in the future; the comparison below uses the true one. */
	http_date(changed < now ? changed : now, date, sizeof date);
	snprintf(out + len, n - (size_t)len, "ETag: %s\r\nLast-Modified: %s\r\n", c->valid.etag, date);
	const char *inm = ctx_param(c, "HTTP_IF_NONE_MATCH");
	if (inm)
		return etag_listed(inm, c->valid.etag);
	const char *ims = ctx_param(c, "HTTP_IF_MODIFIED_SINCE");
	time_t since = ims ? parse_http_date(ims) : -1;
	return since >= 0 && changed <= since;
}
