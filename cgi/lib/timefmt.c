/* timefmt: formatting and parsing of stored times; the zone is set once per process. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "timefmt.h"

static const char *const months_en[] = { "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December" };
/* Malay as the office writes it (Dewan Bahasa dan Pustaka's forms): "18 Februari 2025". */
static const char *const months_ms[] = { "Januari", "Februari", "Mac", "April", "Mei", "Jun",
	"Julai", "Ogos", "September", "Oktober", "November", "Disember" };

/* The month names of a language tag: Malay for "ms", English for anything else. */
static const char *const *
month_names(const char *lang)
{
	return lang && strcmp(lang, "ms") == 0 ? months_ms : months_en;
}

void
time_zone_set(const char *zone)
{
	setenv("TZ", zone, 1);
	tzset();
}

/* Now, broken down in UTC (gmtime_r) or the office's zone (localtime_r), as strftime writes it. */
static char *
now_as(struct arena *a, struct tm *(*zone)(const time_t *, struct tm *), const char *format)
{
	time_t now = time(NULL);
	struct tm tm;
	zone(&now, &tm);
	char *s = arena_alloc(a, 24);
	strftime(s, 24, format, &tm);
	return s;
}

char *
time_now_iso(struct arena *a)
{
	return now_as(a, gmtime_r, "%Y-%m-%dT%H:%M:%SZ");
}

static int
digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* Whether s is exactly shape, where 'd' stands for one ASCII digit. */
static int
has_shape(const char *s, const char *shape)
{
	if (s == NULL || strlen(s) != strlen(shape))
		return 0;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != shape[i])
			return 0;
	return 1;
}

/* Only the one shape we store: a looser parse would read "+08:00" offsets and zone-less
 * local times as UTC, and let timegm quietly move 30 February into March. */
int
time_parse_iso(const char *iso, time_t *out)
{
	if (!has_shape(iso, "dddd-dd-ddTdd:dd:ddZ"))
		return -1;
	struct tm tm = { 0 };
	tm.tm_year = digits(iso, 4) - 1900;
	tm.tm_mon = digits(iso + 5, 2) - 1;
	tm.tm_mday = digits(iso + 8, 2);
	tm.tm_hour = digits(iso + 11, 2);
	tm.tm_min = digits(iso + 14, 2);
	tm.tm_sec = digits(iso + 17, 2);
	struct tm asked = tm;
	time_t t = timegm(&tm);
	/* timegm normalises out-of-range fields; a real time comes back as it went in. */
	if (tm.tm_year != asked.tm_year || tm.tm_mon != asked.tm_mon || tm.tm_mday != asked.tm_mday ||
	    tm.tm_hour != asked.tm_hour || tm.tm_min != asked.tm_min || tm.tm_sec != asked.tm_sec)
		return -1;
	*out = t;
	return 0;
}

static int
local_tm(const char *iso, struct tm *tm)
{
	time_t t;
	if (time_parse_iso(iso, &t) != 0)
		return -1;
	localtime_r(&t, tm);
	return 0;
}

char *
time_long_date(struct arena *a, const char *iso)
{
	return time_long_date_in(a, iso, "en");
}

char *
time_long_date_in(struct arena *a, const char *iso, const char *lang)
{
	struct tm tm;
	if (local_tm(iso, &tm) != 0)
		return arena_strdup(a, "");
	return arena_printf(a, "%d %s %d", tm.tm_mday, month_names(lang)[tm.tm_mon], tm.tm_year + 1900);
}

int
time_year_month(const char *iso, int *year, int *month)
{
	struct tm tm;
	if (local_tm(iso, &tm) != 0)
		return -1;
	*year = tm.tm_year + 1900;
	*month = tm.tm_mon + 1;
	return 0;
}

char *
date_range(struct arena *a, const char *from, const char *to)
{
	return date_range_in(a, from, to, "en");
}

char *
date_range_in(struct arena *a, const char *from, const char *to, const char *lang)
{
	const char *const *months = month_names(lang);
	int y1, m1, d1, y2, m2, d2;
	if (from == NULL || sscanf(from, "%4d-%2d-%2d", &y1, &m1, &d1) != 3 || m1 < 1 || m1 > 12)
		return arena_strdup(a, "");
	if (to == NULL || sscanf(to, "%4d-%2d-%2d", &y2, &m2, &d2) != 3 || m2 < 1 || m2 > 12)
		y2 = y1, m2 = m1, d2 = d1;
	if (y1 == y2 && m1 == m2 && d1 == d2)
		return arena_printf(a, "%d %s %d", d1, months[m1 - 1], y1);
	if (y1 == y2 && m1 == m2)   /* same month: "18-19 February 2025" */
		return arena_printf(a, "%d-%d %s %d", d1, d2, months[m1 - 1], y1);
	if (y1 == y2)
		return arena_printf(a, "%d %s - %d %s %d", d1, months[m1 - 1], d2, months[m2 - 1], y1);
	return arena_printf(a, "%d %s %d - %d %s %d", d1, months[m1 - 1], y1, d2, months[m2 - 1], y2);
}

char *
time_long_datetime(struct arena *a, const char *iso)
{
	struct tm tm;
	if (local_tm(iso, &tm) != 0)
		return arena_strdup(a, "");
	return arena_printf(a, "%d %s %d, %02d:%02d", tm.tm_mday, months_en[tm.tm_mon], tm.tm_year + 1900,
	    tm.tm_hour, tm.tm_min);
}

char *
time_from_local_input(struct arena *a, const char *local)
{
	struct tm tm = { 0 };
	int n = 0;
	/* The shape first: sscanf's %d alone takes "T 9:30", "+9" and "-001" (found by fuzz_valid). */
	if (!has_shape(local, "dddd-dd-ddTdd:dd") ||
	    sscanf(local, "%4d-%2d-%2dT%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
	    &tm.tm_min, &n) != 5 || n != 16)
		return NULL;
	int y = tm.tm_year, m = tm.tm_mon, d = tm.tm_mday, h = tm.tm_hour, mi = tm.tm_min;
	/* valid_date's years: strftime writes year 225 as "225", which no stored time may look like. */
	if (y < 1900 || y > 2200)
		return NULL;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	time_t t = mktime(&tm);
	/* mktime normalises 30 February into March: a value that moved was not a real time. */
	if (t == (time_t)-1 || tm.tm_year + 1900 != y || tm.tm_mon + 1 != m || tm.tm_mday != d ||
	    tm.tm_hour != h || tm.tm_min != mi)
		return NULL;
	struct tm utc;
	gmtime_r(&t, &utc);
	char *s = arena_alloc(a, 24);
	strftime(s, 24, "%Y-%m-%dT%H:%M:%SZ", &utc);
	return s;
}

char *
time_to_local_input(struct arena *a, const char *iso)
{
	struct tm tm;
	if (iso == NULL || local_tm(iso, &tm) != 0)
		return arena_strdup(a, "");
	char *s = arena_alloc(a, 20);
	strftime(s, 20, "%Y-%m-%dT%H:%M", &tm);
	return s;
}

char *
time_office_today(struct arena *a)
{
	return now_as(a, localtime_r, "%Y-%m-%d");
}
