/* ical: iCalendar (RFC 5545) for events. The one response not made from a template: ctemplate has
 * no iCalendar context, so the TEXT escaping and line folding the format needs are done here, in
 * ical_escape and ical_fold, and unit-tested (tests/unit/test_ical.c). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "feed.h"
#include "pages.h"
#include "ical.h"
#include "page.h"

#define ICAL_LINE_MAX 75   /* octets in a content line, CRLF not counted */

void
ical_escape(struct buf *out, const char *text)
{
	for (const unsigned char *p = (const unsigned char *)text; p && *p; p++) {
		if (*p == '\\' || *p == ';' || *p == ',') {
			char esc[2] = { '\\', (char)*p };
			buf_add(out, esc, 2);
		} else if (*p == '\n') {
			buf_add(out, "\\n", 2);
		} else if (*p >= 0x20 && *p != 0x7f) {
			buf_add(out, (const char *)p, 1);
		} else if (*p == '\t') {
			buf_add(out, " ", 1);
		}
	}
}

/* Octets of the UTF-8 character that starts with byte b (1 for a stray continuation byte). */
static size_t
utf8_len(unsigned char b)
{
	return b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
}

void
ical_fold(struct buf *out, const char *line, size_t len)
{
	size_t room = ICAL_LINE_MAX, i = 0;
	while (i < len) {
		size_t ch = utf8_len((unsigned char)line[i]);
		if (ch > len - i)
			ch = len - i;
		if (ch > room) {
			buf_add(out, "\r\n ", 3);
			room = ICAL_LINE_MAX - 1;   /* the leading space counts */
		}
		buf_add(out, line + i, ch);
		room -= ch;
		i += ch;
	}
	buf_add(out, "\r\n", 2);
}

void
ical_text(struct buf *out, const char *name, const char *value)
{
	struct buf line = { 0 };
	buf_adds(&line, name);
	buf_add(&line, ":", 1);
	ical_escape(&line, value);
	ical_fold(out, line.data, line.len);
	buf_free(&line);
}

/* A content line whose value is not TEXT (dates, URIs): folded, not escaped. */
static void
raw(struct buf *out, const char *line)
{
	ical_fold(out, line, strlen(line));
}

int
ical_date(const char *ymd, int days_after, char out[9])
{
	int y, m, d, n = 0;
	if (ymd == NULL || strlen(ymd) != 10 || sscanf(ymd, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
		return -1;
	struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d };
	time_t t = timegm(&tm);
	/* timegm moves 30 February into March: a date that moved was not a real one. */
	if (tm.tm_year != y - 1900 || tm.tm_mon != m - 1 || tm.tm_mday != d)
		return -1;
	t += (time_t)days_after * 24 * 60 * 60;
	gmtime_r(&t, &tm);
	return strftime(out, 9, "%Y%m%d", &tm) == 8 ? 0 : -1;
}

/* "Venue, City, Country", leaving out what is not known; NULL when nothing is. */
static char *
location(struct arena *a, const struct event *e)
{
	const char *parts[] = { e->venue, e->city, e->country_name ? e->country_name : e->country };
	char *s = NULL;
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (parts[i] && *parts[i])
			s = s ? arena_printf(a, "%s, %s", s, parts[i]) : arena_strdup(a, parts[i]);
	return s;
}

int
ical_vevent(struct buf *out, struct arena *a, const struct event *e, const char *uid, const char *stamp,
    const char *url)
{
	char start[9], end[9];
	if (ical_date(e->starts_on, 0, start) != 0 || ical_date(e->ends_on, 1, end) != 0)
		return -1;
	raw(out, "BEGIN:VEVENT");
	ical_text(out, "UID", uid);
	raw(out, arena_printf(a, "DTSTAMP:%s", stamp));
	raw(out, arena_printf(a, "DTSTART;VALUE=DATE:%s", start));
	raw(out, arena_printf(a, "DTEND;VALUE=DATE:%s", end));
	ical_text(out, "SUMMARY", e->title);
	const char *where = location(a, e);
	if (where)
		ical_text(out, "LOCATION", where);
	if (e->summary && *e->summary)
		ical_text(out, "DESCRIPTION", e->summary);
	ical_text(out, "CATEGORIES", e->kind);
	raw(out, arena_printf(a, "URL:%s", url));
	raw(out, "END:VEVENT");
	return 0;
}

/* The calendar around events es as the response: 200, or 500 for stored dates that are not real. */
static int
calendar(struct ctx *c, const char *name, const struct event *es, size_t n)
{
	char stamp[17];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	const char *host = site_host(c);
	buf_reset(&c->body);
	raw(&c->body, "BEGIN:VCALENDAR");
	raw(&c->body, "VERSION:2.0");
	raw(&c->body, "PRODID:-//pressroom//Press releases//EN");
	raw(&c->body, "CALSCALE:GREGORIAN");
	raw(&c->body, "METHOD:PUBLISH");
	ical_text(&c->body, "X-WR-CALNAME", name);
	for (size_t i = 0; i < n; i++)
		if (ical_vevent(&c->body, c->a, &es[i], arena_printf(c->a, "event-%ld@%s", es[i].id, host), stamp,
		    page_url(c, arena_printf(c->a, "/events/%s", es[i].slug))) != 0)
			return page_error(c, 500, arena_printf(c->a, "event %ld has no real dates", es[i].id));
	raw(&c->body, "END:VCALENDAR");
	c->status = 200;
	c->content_type = "text/calendar; charset=utf-8";
	return 200;
}

/* 200 with the event as iCalendar; 404 for an event that is unknown or not public; 500 on a
 * database error. The route gives the slug without its ".ics". */
int
ical_event(struct ctx *c)
{
	struct event e;
	int found = event_pub_find(c->db, c->a, c->args[0], 0, &e);
	if (found <= 0)
		return page_error(c, found == 0 ? 404 : 500, "the event of a calendar");
	return calendar(c, arena_printf(c->a, "%s: %s", c->cfg->site_name, e.title), &e, 1);
}

/* 200 with every public event whose last day is today or later in the office's zone, soonest
 * first; 500 on a database error. */
int
ical_upcoming(struct ctx *c)
{
	char today[11];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	struct event *es;
	size_t n;
	if (event_pub_upcoming(c->db, c->a, today, &es, &n) != 0)
		return page_error(c, 500, "upcoming events");
	return calendar(c, arena_printf(c->a, "%s: events", c->cfg->site_name), es, n);
}
