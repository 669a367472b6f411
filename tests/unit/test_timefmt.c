/* test_timefmt: stored UTC times read back as the long dates and ranges readers see (cgi/lib/timefmt.h). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "timefmt.h"
#include "unit.h"

static struct arena a;

static void
test_date_range(void)
{
	CHECK_STR(date_range(&a, "2025-02-18", "2025-02-19"), "18-19 February 2025", "two days in one month");
	CHECK_STR(date_range(&a, "2025-02-18", "2025-02-18"), "18 February 2025", "a single day");
	CHECK_STR(date_range(&a, "2025-02-01", NULL), "1 February 2025", "no end day: a single day");
	CHECK_STR(date_range(&a, "2025-02-01", ""), "1 February 2025", "an empty end day: a single day");
	CHECK_STR(date_range(&a, "2025-02-01", "junk"), "1 February 2025", "an unreadable end day: a single day");
	CHECK_STR(date_range(&a, "2025-02-28", "2025-03-02"), "28 February - 2 March 2025", "across months");
	CHECK_STR(date_range(&a, "2024-12-30", "2025-01-02"), "30 December 2024 - 2 January 2025", "across years");
	CHECK_STR(date_range(&a, "2025-01-01", "2025-12-31"), "1 January - 31 December 2025", "a whole year");
	CHECK_STR(date_range(&a, "2025-02-18", "2026-02-18"), "18 February 2025 - 18 February 2026",
	    "same day and month, another year");
	CHECK_STR(date_range(&a, "2025-03-18", "2025-04-18"), "18 March - 18 April 2025",
	    "same day, another month");
	CHECK_STR(date_range(&a, NULL, "2025-02-19"), "", "no start day: nothing");
	CHECK_STR(date_range(&a, "junk", "2025-02-19"), "", "an unreadable start day: nothing");
	CHECK_STR(date_range(&a, "2025-13-01", NULL), "", "month 13: nothing");
	CHECK_STR(date_range(&a, "2025-00-01", NULL), "", "month 0: nothing");
}

/* Every month in both languages, from a stored UTC time (noon UTC is 20:00 in Brunei, the same day). */
static void
test_months_in_both_languages(void)
{
	static const char *const en[] = { "January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December" };
	static const char *const ms[] = { "Januari", "Februari", "Mac", "April", "Mei", "Jun", "Julai",
		"Ogos", "September", "Oktober", "November", "Disember" };
	char iso[48], day[48];
	time_zone_set("Asia/Brunei");
	for (int m = 1; m <= 12; m++) {
		snprintf(iso, sizeof iso, "2025-%02d-18T12:00:00Z", m);
		snprintf(day, sizeof day, "2025-%02d-18", m);
		CHECK_STR(time_long_date_in(&a, iso, "en"), arena_printf(&a, "18 %s 2025", en[m - 1]),
		    "month %d in English", m);
		CHECK_STR(time_long_date_in(&a, iso, "ms"), arena_printf(&a, "18 %s 2025", ms[m - 1]),
		    "month %d in Malay", m);
		CHECK_STR(date_range_in(&a, day, arena_printf(&a, "2025-%02d-19", m), "ms"),
		    arena_printf(&a, "18-19 %s 2025", ms[m - 1]), "a two-day event in month %d, in Malay", m);
	}
	CHECK_STR(time_long_date_in(&a, "2025-02-17T16:00:00Z", "ms"), "18 Februari 2025",
	    "the office's zone decides the day in Malay too (16:00 UTC is midnight in Brunei)");
	CHECK_STR(date_range_in(&a, "2024-12-30", "2025-01-02", "ms"), "30 Disember 2024 - 2 Januari 2025",
	    "a Malay range across years");
	CHECK_STR(time_long_date_in(&a, "2025-02-18T12:00:00Z", "fr"), "18 February 2025",
	    "a language with no names of its own falls back to English");
	CHECK_STR(time_long_date(&a, "2025-02-18T12:00:00Z"), "18 February 2025", "time_long_date is English");
}

static void
test_parse_iso(void)
{
	time_t t = 0;
	CHECK(time_parse_iso("2025-02-28T20:00:00Z", &t) == 0 && t == 1740772800,
	    "a stored time parses to its epoch second");
	CHECK(time_parse_iso("1970-01-01T00:00:00Z", &t) == 0 && t == 0, "the epoch parses to 0");
	CHECK(time_parse_iso("2024-02-29T23:59:59Z", &t) == 0 && t == 1709251199, "a leap day's last second");

	static const char *const junk[] = {
		"", "hello", "2025-02-28", "20:00:00", "2025-02-28 20:00:00Z", "2025-02-28T20:00Z",
		"2025-02-28T20:00:00Zjunk", "2025-02-28T20:00:00+08:00", "2025-02-28T20:00:00",
		"2025-2-28T20:00:00Z", "2025-02-28T2:00:00Z", " 2025-02-28T20:00:00Z", "+2025-02-28T20:00:00Z",
		"2025-13-01T00:00:00Z", "2025-00-01T00:00:00Z", "2025-02-30T00:00:00Z", "2025-02-00T00:00:00Z",
		"2025-02-28T24:00:00Z", "2025-02-28T20:60:00Z", "2025-02-28T20:00:61Z", "2025-02-28T-1:00:00Z",
		"abcd-ef-ghTij:kl:mnZ",
	};
	for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++) {
		t = 12345;
		CHECK(time_parse_iso(junk[i], &t) == -1 && t == 12345, "time_parse_iso rejects \"%s\"", junk[i]);
	}
	CHECK(time_parse_iso(NULL, &t) == -1, "time_parse_iso rejects NULL");

	char *now = time_now_iso(&a);
	time_t before = time(NULL);
	CHECK(strlen(now) == 20 && time_parse_iso(now, &t) == 0 && t >= before - 2 && t <= before,
	    "time_now_iso writes what time_parse_iso reads (%s)", now);
}

static void
test_local_dates(void)
{
	time_zone_set("Asia/Brunei");
	int y = 0, m = 0;
	CHECK_STR(time_long_date(&a, "2025-02-28T20:00:00Z"), "1 March 2025",
	    "20:00 UTC on 28 February is 1 March in Brunei (UTC+8)");
	CHECK(time_year_month("2025-02-28T20:00:00Z", &y, &m) == 0 && y == 2025 && m == 3,
	    "year and month follow Brunei's day, not UTC's");
	CHECK_STR(time_long_date(&a, "2025-02-28T15:59:59Z"), "28 February 2025",
	    "15:59:59 UTC is still 28 February in Brunei");
	CHECK_STR(time_long_date(&a, "2025-02-28T16:00:00Z"), "1 March 2025",
	    "16:00:00 UTC is midnight, 1 March, in Brunei");
	CHECK_STR(time_long_date(&a, "2024-12-31T16:30:00Z"), "1 January 2025", "the new year comes 8 hours early");
	CHECK(time_year_month("2024-12-31T16:30:00Z", &y, &m) == 0 && y == 2025 && m == 1,
	    "the release URL's year turns over in Brunei's time");
	CHECK_STR(time_long_date(&a, "2025-02-24T02:00:00Z"), "24 February 2025", "a morning release");
	CHECK_STR(time_long_date(&a, "not a time"), "", "junk gives an empty date");
	CHECK_STR(time_long_date(&a, NULL), "", "NULL gives an empty date");
	y = m = 77;
	CHECK(time_year_month("junk", &y, &m) == -1 && y == 77 && m == 77, "time_year_month rejects junk");

	time_zone_set("UTC");
	CHECK_STR(time_long_date(&a, "2025-02-28T20:00:00Z"), "28 February 2025", "in UTC it is still 28 February");
	time_zone_set("America/New_York");
	CHECK_STR(time_long_date(&a, "2025-03-01T03:00:00Z"), "28 February 2025", "zones west of UTC go back a day");
}

/* Found by tests/fuzz/fuzz_valid (regress/valid/local-time-space): sscanf's %d let spaces and signs in. */
static void
test_local_input(void)
{
	time_zone_set("Asia/Brunei");
	CHECK_STR(time_from_local_input(&a, "2025-02-18T09:30"), "2025-02-18T01:30:00Z",
	    "a datetime-local value in Brunei becomes UTC");
	CHECK(time_from_local_input(&a, "2025-02-18T 9:30") == NULL, "a space for a digit is refused");
	CHECK(time_from_local_input(&a, "2025-02-18T+9:30") == NULL, "a sign for a digit is refused");
	CHECK(time_from_local_input(&a, "-001-02-18T09:30") == NULL, "a negative year is refused");
	CHECK(time_from_local_input(&a, "2025-02-30T09:30") == NULL, "30 February is refused");
	/* regress/valid/local-time-year-225: the stored time came out as "225-02-18T01:50:20Z". */
	CHECK(time_from_local_input(&a, "0225-02-18T09:30") == NULL, "a year before 1900 is refused");
	CHECK(time_from_local_input(&a, "2201-01-01T00:00") == NULL, "a year after 2200 is refused");
}

int
main(int argc, char **argv)
{
	unit_start(argc, argv, "timefmt");
	test_date_range();
	test_months_in_both_languages();
	test_parse_iso();
	test_local_dates();
	test_local_input();
	arena_free(&a);
	return unit_end();
}
