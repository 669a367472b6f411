/* test_ical: iCalendar TEXT escaping, line folding, all-day dates and a whole VEVENT (cgi/public/ical.h). */
#include <string.h>

#include "buf.h"
#include "ical.h"
#include "unit.h"

static struct arena a;

/* ical_escape of s, as a string in the arena. */
static const char *
escaped(const char *s)
{
	struct buf b = { 0 };
	ical_escape(&b, s);
	char *out = arena_strndup(&a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return out;
}

/* ical_fold of s, as a string in the arena. */
static const char *
folded(const char *s)
{
	struct buf b = { 0 };
	ical_fold(&b, s, strlen(s));
	char *out = arena_strndup(&a, b.data, b.len);
	buf_free(&b);
	return out;
}

/* Whether every line of s ends in CRLF and holds at most 75 octets, and unfolding it (removing each
 * CRLF followed by a space) gives back want and a final CRLF. */
static int
folds_back(const char *s, const char *want)
{
	struct buf un = { 0 };
	const char *p = s;
	int ok = 1;
	while (*p) {
		const char *crlf = strstr(p, "\r\n");
		if (crlf == NULL || crlf - p > 75 || memchr(p, '\n', (size_t)(crlf - p)) != NULL) {
			ok = 0;
			break;
		}
		buf_add(&un, p, (size_t)(crlf - p));
		p = crlf + 2;
		if (*p == ' ')
			p++;
		else if (*p)
			ok = 0;
	}
	ok = ok && un.len == strlen(want) && memcmp(un.data, want, un.len) == 0;
	buf_free(&un);
	return ok;
}

/* Whether no line of s starts inside a UTF-8 character (after a continuation's space). */
static int
utf8_whole(const char *s)
{
	for (const char *p = strstr(s, "\r\n "); p; p = strstr(p + 1, "\r\n "))
		if (((unsigned char)p[3] & 0xc0) == 0x80)
			return 0;
	return 1;
}

static void
test_escape(void)
{
	CHECK_STR(escaped("Workshop, Bangkok; day 1"), "Workshop\\, Bangkok\\; day 1", "commas and semicolons are escaped");
	CHECK_STR(escaped("C:\\path"), "C:\\\\path", "a backslash is doubled");
	CHECK_STR(escaped("one\ntwo"), "one\\ntwo", "a newline becomes \\n");
	CHECK_STR(escaped("one\r\ntwo\rthree"), "one\\ntwothree", "CR is dropped, CRLF becomes \\n");
	CHECK_STR(escaped("a\tb"), "a b", "a tab becomes a space");
	CHECK_STR(escaped("a\x01" "b\x1f" "c\x7f" "d"), "abcd", "other control characters are dropped");
	CHECK_STR(escaped("Brunei Darussalam: \xc3\xa9t\xc3\xa9 \xe2\x80\x94 \xe6\x9d\xb1\xe4\xba\xac"),
	    "Brunei Darussalam: \xc3\xa9t\xc3\xa9 \xe2\x80\x94 \xe6\x9d\xb1\xe4\xba\xac", "UTF-8 and colons pass unchanged");
	CHECK_STR(escaped("\"quoted\" 'single' <tag> &amp"), "\"quoted\" 'single' <tag> &amp",
	    "quotes, angle brackets and ampersands need no escape in TEXT");
	CHECK_STR(escaped(""), "", "an empty value stays empty");
	CHECK_STR(escaped(NULL), "", "NULL is an empty value");
	CHECK_STR(escaped(",;\\\n"), "\\,\\;\\\\\\n", "only specials, each escaped");
}

static void
test_fold(void)
{
	char l75[76], l76[77], l200[201];
	memset(l75, 'x', 75);
	l75[75] = '\0';
	memset(l76, 'y', 76);
	l76[76] = '\0';
	memset(l200, 'z', 200);
	l200[200] = '\0';
	CHECK_STR(folded("BEGIN:VEVENT"), "BEGIN:VEVENT\r\n", "a short line ends in CRLF");
	CHECK_STR(folded(""), "\r\n", "an empty line is just CRLF");
	CHECK(strcmp(folded(l75), arena_printf(&a, "%s\r\n", l75)) == 0, "75 octets: one line, not folded");
	CHECK(strcmp(folded(l76), arena_printf(&a, "%.75s\r\n y\r\n", l76)) == 0,
	    "76 octets: 75, then CRLF, a space and the last octet");
	CHECK(folds_back(folded(l76), l76), "76 octets unfold to the same line");
	const char *f200 = folded(l200);
	CHECK(folds_back(f200, l200), "200 octets: no line over 75 octets, and they unfold to the same line");
	CHECK(strncmp(f200 + 77, " ", 1) == 0 && f200[77 + 75] == '\r',
	    "a continuation line is a space and 74 octets (75 with the space)");

	/* 60 two-octet characters after "SUMMARY:": a fold at 75 would fall inside one. */
	struct buf b = { 0 };
	buf_adds(&b, "SUMMARY:");
	for (int i = 0; i < 60; i++)
		buf_adds(&b, "\xc3\xa9");
	const char *wide = arena_strdup(&a, b.data);
	const char *fw = folded(wide);
	CHECK(folds_back(fw, wide), "two-octet characters: every line at most 75 octets and they unfold back");
	CHECK(utf8_whole(fw), "two-octet characters: no fold splits one");
	buf_reset(&b);
	buf_adds(&b, "DESCRIPTION:");
	for (int i = 0; i < 40; i++)
		buf_adds(&b, "\xe6\x9d\xb1\xf0\x9f\x8c\x8f");   /* three and four octets */
	const char *mixed = arena_strdup(&a, b.data);
	const char *fm = folded(mixed);
	CHECK(folds_back(fm, mixed), "three- and four-octet characters: lines at most 75 octets, unfold back");
	CHECK(utf8_whole(fm), "three- and four-octet characters: no fold splits one");
	buf_free(&b);
}

static void
test_text(void)
{
	struct buf b = { 0 };
	ical_text(&b, "SUMMARY", "Meeting, Treaty; \"MLA\"\nSecond line");
	CHECK_STR(b.data, "SUMMARY:Meeting\\, Treaty\\; \"MLA\"\\nSecond line\r\n", "ical_text escapes, then ends the line");
	buf_reset(&b);
	char long_title[301];
	memset(long_title, ',', 300);
	long_title[300] = '\0';
	ical_text(&b, "SUMMARY", long_title);
	/* Escaping comes before folding, and readers unfold before they unescape (RFC 5545 3.1), so a
	 * fold may fall between a backslash and its comma. */
	struct buf want = { 0 };
	buf_adds(&want, "SUMMARY:");
	for (int i = 0; i < 300; i++)
		buf_adds(&want, "\\,");
	CHECK(folds_back(arena_strndup(&a, b.data, b.len), want.data),
	    "300 commas: escaped, folded to lines of at most 75 octets, unfolding back to the escaped text");
	buf_free(&want);
	buf_free(&b);
}

static void
test_dates(void)
{
	char d[9];
	CHECK(ical_date("2025-02-18", 0, d) == 0 && strcmp(d, "20250218") == 0, "DTSTART: 2025-02-18 is 20250218");
	CHECK(ical_date("2025-02-19", 1, d) == 0 && strcmp(d, "20250220") == 0, "DTEND: the day after 2025-02-19");
	CHECK(ical_date("2025-02-28", 1, d) == 0 && strcmp(d, "20250301") == 0, "the day after 28 February 2025 is 1 March");
	CHECK(ical_date("2024-02-28", 1, d) == 0 && strcmp(d, "20240229") == 0, "the day after 28 February 2024 is the 29th");
	CHECK(ical_date("2024-12-31", 1, d) == 0 && strcmp(d, "20250101") == 0, "the day after 31 December is 1 January");
	CHECK(ical_date("2025-02-29", 1, d) == -1, "29 February 2025 is not a date");
	CHECK(ical_date("2025-13-01", 0, d) == -1, "month 13 is not a date");
	CHECK(ical_date("2025-2-1", 0, d) == -1, "a date not in YYYY-MM-DD is refused");
	CHECK(ical_date("2025-02-18x", 0, d) == -1, "trailing text is refused");
	CHECK(ical_date(NULL, 0, d) == -1, "NULL is refused");
}

static void
test_vevent(void)
{
	struct event e = {
		.id = 7, .slug = "mla-conference-2025", .title = "Conference on MLA, extradition; and asset recovery",
		.kind = "conference", .starts_on = "2025-03-10", .ends_on = "2025-03-12", .venue = "Maxwell Chambers",
		.city = "Singapore", .country = "SG", .country_name = "Singapore",
		.summary = "Three days.\nTwo lines.", .participants = -1, .countries = -1,
	};
	struct buf b = { 0 };
	int rc = ical_vevent(&b, &a, &e, "event-7@agc.example", "20250224T020000Z",
	    "https://agc.example/events/mla-conference-2025");
	const char *s = arena_strndup(&a, b.data, b.len);
	CHECK(rc == 0, "a VEVENT is written for real dates");
	CHECK(strncmp(s, "BEGIN:VEVENT\r\n", 14) == 0 && strstr(s, "END:VEVENT\r\n") == s + strlen(s) - 12,
	    "it begins with BEGIN:VEVENT and ends with END:VEVENT");
	CHECK(CONTAINS(s, "\r\nUID:event-7@agc.example\r\n"), "UID as given");
	CHECK(CONTAINS(s, "\r\nDTSTAMP:20250224T020000Z\r\n"), "DTSTAMP as given");
	CHECK(CONTAINS(s, "\r\nDTSTART;VALUE=DATE:20250310\r\n"), "DTSTART is the first day, a DATE");
	CHECK(CONTAINS(s, "\r\nDTEND;VALUE=DATE:20250313\r\n"), "DTEND is the day after the last day");
	CHECK(CONTAINS(s, "\r\nSUMMARY:Conference on MLA\\, extradition\\; and asset recovery\r\n"),
	    "SUMMARY is the title with its comma and semicolon escaped");
	CHECK(CONTAINS(s, "\r\nLOCATION:Maxwell Chambers\\, Singapore\\, Singapore\r\n"), "LOCATION: venue, city, country");
	CHECK(CONTAINS(s, "\r\nDESCRIPTION:Three days.\\nTwo lines.\r\n"), "DESCRIPTION is the summary, newline escaped");
	CHECK(CONTAINS(s, "\r\nURL:https://agc.example/events/mla-conference-2025\r\n"), "URL is not escaped");
	CHECK(CONTAINS(s, "\r\nCATEGORIES:conference\r\n"), "CATEGORIES is the kind");
	buf_reset(&b);
	e.venue = e.city = NULL;
	e.summary = NULL;
	ical_vevent(&b, &a, &e, "u", "20250224T020000Z", "https://agc.example/");
	s = arena_strndup(&a, b.data, b.len);
	CHECK(CONTAINS(s, "\r\nLOCATION:Singapore\r\n") && !CONTAINS(s, "DESCRIPTION"),
	    "only the country known: LOCATION is the country; no summary: no DESCRIPTION");
	buf_reset(&b);
	e.ends_on = "2025-02-30";
	CHECK(ical_vevent(&b, &a, &e, "u", "20250224T020000Z", "https://agc.example/") == -1 && b.len == 0,
	    "a last day that is not a date: -1 and nothing written");
	buf_free(&b);
}

int
main(int argc, char **argv)
{
	unit_start(argc, argv, "ical");
	test_escape();
	test_fold();
	test_text();
	test_dates();
	test_vevent();
	arena_free(&a);
	return unit_end();
}
