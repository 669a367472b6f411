/* cache: Cache-Control chosen by kind of answer, ETags from the body, 304s. */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <sodium.h>

#include "auth.h"
#include "cache.h"

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
cache_headers(struct ctx *c, char *out, size_t n)
{
	enum kind kind = kind_of(c);
	int len = snprintf(out, n, "Cache-Control: %s\r\nVary: Cookie\r\n", policy[kind]);
	if (kind != PAGE && kind != DATA)
		return 0;
	char etag[40];
	body_etag(c, etag, sizeof etag);
	snprintf(out + len, n - (size_t)len, "ETag: %s\r\n", etag);
	const char *inm = ctx_param(c, "HTTP_IF_NONE_MATCH");
	return inm && etag_listed(inm, etag);
}
