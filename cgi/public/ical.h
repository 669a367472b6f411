/* ical: iCalendar (RFC 5545) for one event and for every upcoming public event, and its escaping and folding. */
#ifndef PRESSROOM_ICAL_H
#define PRESSROOM_ICAL_H

#include "buf.h"
#include "event.h"

/* Appends text as a TEXT value: backslash, semicolon, comma and newline escaped with a backslash;
 * CR and the other control characters (which TEXT may not hold) dropped. */
void ical_escape(struct buf *out, const char *text);
/* Appends one content line and its CRLF, folded so that no line exceeds 75 octets: each
 * continuation starts with a space, and no UTF-8 character is split. */
void ical_fold(struct buf *out, const char *line, size_t len);
/* Appends the content line NAME:VALUE, the value escaped as TEXT, folded. */
void ical_text(struct buf *out, const char *name, const char *value);
/* "20250220" from ("2025-02-19", 1): a date days_after the stored one, in the compact form; DTEND
 * of an all-day event is the day after its last (the first day not included). 0, or -1 when ymd
 * is not a real date. */
int  ical_date(const char *ymd, int days_after, char out[9]);
/* Appends the event as an all-day VEVENT: uid is stable across requests, stamp a UTC DATE-TIME
 * (20250224T020000Z), url the event's public page. 0, or -1 when its dates are not real ones. */
int  ical_vevent(struct buf *out, struct arena *a, const struct event *e, const char *uid,
    const char *stamp, const char *url);

#endif
