/* page: the page frame, form redisplay, redirects and the single error path with incident ids. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "cache.h"
#include "page.h"
#include "valid.h"

const char *
http_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 301: return "Moved Permanently";
	case 303: return "See Other";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 410: return "Gone";
	case 411: return "Length Required";
	case 413: return "Content Too Large";
	case 414: return "URI Too Long";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 431: return "Request Header Fields Too Large";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default:  return "Error";
	}
}

/* What a reader is told for each status; the handler may add a detail. */
static const char *
explain(int status)
{
	switch (status) {
	case 400: return "The request was malformed and could not be read.";
	case 403: return "You are not allowed to do that. If you were filling in a form, "
	    "go back, reload the page and try again.";
	case 404: return "There is no page at this address. It may have been moved, or the link may be mistyped.";
	case 405: return "This address does not accept that kind of request.";
	case 411: return "The request did not say how long its body is.";
	case 413: return "What was sent is larger than this site accepts.";
	case 414: return "The address is too long.";
	case 415: return "The form was sent in a format this site does not accept.";
	case 431: return "The request's headers (often its cookies) are too large. Clearing this site's cookies helps.";
	case 503: return "Nothing was saved: the site cannot store anything right now (its disk may be full, "
	    "or it is busy). Everything saved before is safe. Please try again in a few minutes.";
	default:  return "Something went wrong on our side. It has been logged.";
	}
}

/* A 503 says when to try again: its usual causes (a full disk, a busy database) pass in
 * minutes; a handler that knows better has set its own. */
static void
retry_later(struct ctx *c, int status)
{
	if (status == 503 && strstr(buf_str(&c->headers), "\nRetry-After:") == NULL &&
	    strncmp(buf_str(&c->headers), "Retry-After:", 12) != 0)
		ctx_header(c, "Retry-After", "120");
}

/* The static files' newest change versions their URLs, so browsers may cache them for long. */
static long
static_version(const struct ctx *c)
{
	return cache_static_version(c->cfg->static_dir);
}

view_dict *
page_begin(struct ctx *c, const char *tpl, const char *title)
{
	if (c->layout)
		view_dict_free(c->layout);
	c->layout = view_dict_new("layout");
	view_dict *l = c->layout;
	view_set_global(l, "SITE_NAME", c->cfg->site_name);
	view_set_global(l, "CONTACT", c->cfg->contact);
	view_set_global(l, "TITLE", title);
	view_set_global(l, "CSRF", c->me.csrf);
	char v[32];
	snprintf(v, sizeof v, "%ld", static_version(c));
	view_set_global(l, "STATIC_VERSION", v);
	page_meta(c, arena_printf(c->a, "Press releases, events and international engagements of the %s.",
	    c->cfg->site_name), c->path, "website");
	if (c->me.id) {
		view_dict *s = view_add_section(l, "SIGNED_IN");
		view_set(s, "USER_NAME", c->me.display_name);
		if (c->me.role >= ROLE_ADMIN)
			view_show(s, "ADMIN");
	} else {
		view_show(l, "SIGNED_OUT");
	}
	return view_add_include(l, "CONTENT", tpl);
}

/* Search results show about this much; a cut falls between words, or else between characters. */
static const char *
clip(struct arena *a, const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max)
		return s;
	for (n = max; n > 0 && s[n] != ' '; n--)
		;
	for (n = n ? n : max; n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80; n--)
		;
	return arena_printf(a, "%.*s\u2026", (int)n, s);
}

void
page_meta(struct ctx *c, const char *description, const char *path, const char *og_type)
{
	if (description && *description)
		view_set_global(c->layout, "DESCRIPTION", clip(c->a, description, 300));
	if (path)
		view_set_global(c->layout, "CANONICAL", page_url(c, path));
	if (og_type)
		view_set_global(c->layout, "OG_TYPE", og_type);
}

char *
page_url(const struct ctx *c, const char *path)
{
	const char *base = c->cfg->base_url;
	size_t n = strlen(base);
	while (n > 0 && base[n - 1] == '/')
		n--;
	return arena_printf(c->a, "%.*s%s", (int)n, base, path);
}

int
page_end(struct ctx *c, int status)
{
	/* Error pages and staff pages are nothing to share or index. */
	if (status == 200 && strncmp(c->path ? c->path : "", "/admin", 6) != 0)
		view_show(c->layout, "META");
	size_t len = 0;
	char *html = view_expand("layout.tpl", c->layout, &len);
	view_dict_free(c->layout);
	c->layout = NULL;
	if (html == NULL) {
		fprintf(stderr, "pressroom: template failed to expand for %s\n", c->path);
		return page_error(c, 500, "a page template could not be expanded");
	}
	buf_reset(&c->body);
	buf_add(&c->body, html, len);
	free(html);
	retry_later(c, status);
	c->status = status;
	c->content_type = "text/html; charset=utf-8";
	return status;
}

int
page_error(struct ctx *c, int status, const char *detail)
{
	char incident[17] = "";
	if (status >= 500) {
		unsigned char raw[8];
		randombytes_buf(raw, sizeof raw);
		sodium_bin2hex(incident, sizeof incident, raw, sizeof raw);
		fprintf(stderr, "pressroom: incident %s: %d %s %s: %s\n", incident, status,
		    c->method ? c->method : "-", c->path ? c->path : "-", detail ? detail : "");
		detail = NULL;   /* the reader gets the id, not the internals */
	}
	char title[64];
	snprintf(title, sizeof title, "%s", http_reason(status));
	view_dict *d = page_begin(c, "error.tpl", title);
	view_set_int(d, "STATUS", status);
	view_set(d, "EXPLANATION", explain(status));
	if (detail)
		view_set(view_add_section(d, "DETAIL"), "TEXT", detail);
	if (*incident)
		view_set(view_add_section(d, "INCIDENT"), "ID", incident);
	if (status == 404 || status == 410)
		view_show(d, "HOME_LINK");
	size_t len = 0;
	char *html = view_expand("layout.tpl", c->layout, &len);
	view_dict_free(c->layout);
	c->layout = NULL;
	buf_reset(&c->body);
	if (html) {
		buf_add(&c->body, html, len);
		free(html);
		c->content_type = "text/html; charset=utf-8";
	} else {
		/* Even the templates are gone: plain text is the last honest answer. */
		buf_addf(&c->body, "%d %s\n%s\n", status, http_reason(status), *incident ? incident : "");
		c->content_type = "text/plain; charset=utf-8";
	}
	retry_later(c, status);
	c->status = status;
	return status;
}

int
page_redirect(struct ctx *c, int status, const char *location)
{
	ctx_header(c, "Location", location);
	buf_reset(&c->body);
	c->status = status;
	c->content_type = "text/plain; charset=utf-8";
	buf_addf(&c->body, "%s: %s\n", http_reason(status), location);
	return status;
}

void
page_form_values(view_dict *d, view_dict *summary, const struct rule *rules, size_t n,
    const struct checked *ck, const char *row)
{
	char key[96];
	for (size_t i = 0; i < n; i++) {
		view_set(d, rules[i].name, ck->value[i]);
		if (ck->error[i] == NULL)
			continue;
		snprintf(key, sizeof key, "%s_error", rules[i].name);
		view_set(d, key, ck->error[i]);
		snprintf(key, sizeof key, "%s_invalid", rules[i].name);
		view_show(d, key);
		view_dict *e = view_add_section(summary, "ERRORS");
		snprintf(key, sizeof key, "%s%s", rules[i].name, row ? row : "");
		view_set(e, "FIELD_ID", key);
		snprintf(key, sizeof key, "%s%s", row ? "Delegation row " : "", row ? row + 1 : "");
		view_set(e, "ROW", key);
		view_set(e, "LABEL", rules[i].label);
		view_set(e, "MESSAGE", ck->error[i]);
	}
}

int
db_failure(struct ctx *c, const char *what)
{
	int err = sqlite3_extended_errcode(c->db->h) & 0xff;
	fprintf(stderr, "pressroom: %s: %s\n", what, db_errmsg(c->db));
	db_rollback(c->db);
	return err == SQLITE_FULL || err == SQLITE_BUSY || err == SQLITE_IOERR ? 503 : 500;
}

const char *
page_done_notice(const struct ctx *c, const char *const *notices)
{
	const char *done = fields_get(&c->query, "done");
	for (const char *const *n = notices; done && *n; n += 2)
		if (strcmp(*n, done) == 0)
			return n[1];
	return NULL;
}
