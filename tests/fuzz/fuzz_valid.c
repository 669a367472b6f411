/* fuzz_valid: the validators (UTF-8, dates, numbers, slugs, times) and a rule table run over a parsed form. */
#include <ctype.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "config.h"
#include "fuzz.h"
#include "req.h"
#include "timefmt.h"
#include "valid.h"

/* What trim_copy takes off; other control bytes never pass the request parser. */
#define TRIMMED " \t\r\n"

static const char *const kinds[] = { "workshop", "conference", "meeting", "training", "visit", NULL };

/* One rule of every type, shaped like the release and event forms' tables. */
static const struct rule rules[] = {
	{ "title",    "Title",    V_TEXT,     1, 3, 200, NULL },
	{ "body",     "Body",     V_LONGTEXT, 0, 0, 20000, NULL },
	{ "starts",   "Starts",   V_DATE,     1, 0, 0, NULL },
	{ "people",   "People",   V_INT,      0, 0, 100000, NULL },
	{ "kind",     "Kind",     V_CHOICE,   1, 0, 0, kinds },
	{ "country",  "Country",  V_COUNTRY,  0, 0, 0, NULL },
	{ "slug",     "Slug",     V_SLUG,     0, 0, 0, NULL },
	{ "event",    "Event",    V_ID,       0, 0, 0, NULL },
};
#define NRULES (sizeof rules / sizeof *rules)

/* What an accepted value of each type must be. */
static void
check_accepted(const struct rule *r, const char *v, long num)
{
	if (*v == '\0')
		return;
	switch (r->type) {
	case V_TEXT:
		if (strpbrk(v, "\r\n"))
			fuzz_fail("a one-line field holds no line break", v);
		/* fall through */
	case V_LONGTEXT:
		if (utf8_chars(v) < (size_t)r->min || utf8_chars(v) > (size_t)r->max)
			fuzz_fail("accepted text is within its length in characters", v);
		break;
	case V_DATE:
		if (!valid_date(v))
			fuzz_fail("an accepted date is a valid date", v);
		break;
	case V_INT:
		if (num < r->min || num > r->max)
			fuzz_fail("an accepted number is in its range", v);
		break;
	case V_ID:
		if (num < 1)
			fuzz_fail("an accepted id is positive", v);
		break;
	case V_CHOICE:
		break;
	case V_COUNTRY:
		if (strlen(v) != 2 || !isupper((unsigned char)v[0]) || !isupper((unsigned char)v[1]))
			fuzz_fail("an accepted country is two capitals", v);
		break;
	case V_SLUG:
		if (!valid_slug(v))
			fuzz_fail("an accepted slug is a valid slug", v);
		break;
	}
}

static void
form(struct arena *a, const char *s, size_t n)
{
	const struct limits lim = { LIMIT_FIELDS, LIMIT_FIELD_NAME, 256 * 1024 };
	struct fields in = { 0 };
	if (parse_urlencoded(a, s, n, &lim, &in) != 0)
		return;
	struct checked ck;
	checked_init(a, &ck, NRULES);
	check_fields(a, rules, NRULES, &in, 0, &ck);
	size_t errors = 0;
	for (size_t i = 0; i < NRULES; i++) {
		const char *v = ck.value[i];
		if (!utf8_valid(v, strlen(v)))
			fuzz_fail("a checked value is valid UTF-8", v);
		if (*v && (strchr(TRIMMED, v[0]) || strchr(TRIMMED, v[strlen(v) - 1])))
			fuzz_fail("a checked value is trimmed", v);
		if (ck.error[i])
			errors++;
		else
			check_accepted(&rules[i], v, ck.num[i]);
	}
	if (errors != ck.nerrors)
		fuzz_fail("nerrors counts the errors", s);
}

/* valid_date against the C library's calendar. */
static void
date(const char *s)
{
	int ok = valid_date(s);
	int real = 0;
	if (strlen(s) == 10 && strspn(s, "0123456789") == 4 && s[4] == '-' && strspn(s + 5, "0123456789") == 2 &&
	    s[7] == '-' && strspn(s + 8, "0123456789") == 2) {
		struct tm tm = { .tm_year = atoi(s) - 1900, .tm_mon = atoi(s + 5) - 1, .tm_mday = atoi(s + 8),
			.tm_hour = 12 };
		struct tm asked = tm;
		timegm(&tm);
		real = tm.tm_year == asked.tm_year && tm.tm_mon == asked.tm_mon && tm.tm_mday == asked.tm_mday &&
		    asked.tm_year + 1900 >= 1900 && asked.tm_year + 1900 <= 2200;
	}
	if (ok != real)
		fuzz_fail(ok ? "valid_date accepts only real days 1900-2200" : "valid_date accepts every real day",
		    s);
}

static void
strings(struct arena *a, const char *s, unsigned char pick)
{
	size_t n = strlen(s);
	if (utf8_chars(s) > n)
		fuzz_fail("utf8_chars counts no more characters than bytes", s);
	date(s);
	if (valid_slug(s) && (n > 120 || strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") != n ||
	    strstr(s, "--") || s[0] == '-' || s[n - 1] == '-'))
		fuzz_fail("valid_slug accepts only a-z, 0-9 and single inner hyphens", s);
	size_t maxlen = 7 + pick % 114;   /* callers ask for 60 or 80; "release" must fit */
	char *slug = slugify(a, s, maxlen);
	if (!valid_slug(slug) || strlen(slug) > maxlen)
		fuzz_fail("slugify always makes a valid slug within its length", slug);
	long v, lo = -(long)(pick % 7) * 1000, hi = (long)pick * 1000;
	if (parse_long(s, lo, hi, &v) == 0 && (v < lo || v > hi || strspn(s, "-0123456789") != n))
		fuzz_fail("parse_long accepts only digits, in range", s);
	char *t = trim_copy(a, s);
	if (*t && (strchr(TRIMMED, t[0]) || strchr(TRIMMED, t[strlen(t) - 1])))
		fuzz_fail("trim_copy trims", t);
	time_t when;
	char *iso = time_from_local_input(a, s);
	if (iso && time_parse_iso(iso, &when) != 0)
		fuzz_fail("a datetime-local value accepted is stored as a UTC time the program reads back", iso);
	if (iso && strcmp(time_to_local_input(a, iso), s) != 0)
		fuzz_fail("a datetime-local value accepted is shown again as typed", s);
}

/* The oracle: glibc's decoder, which refuses overlong forms and surrogates but not code points
 * past U+10FFFF, so those are refused here. */
static int
utf8_libc(const char *s, size_t n)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	for (size_t i = 0; i < n;) {
		wchar_t w;
		size_t r = mbrtowc(&w, s + i, n - i, &st);
		if (r == (size_t)-1 || r == (size_t)-2 || (unsigned long)w > 0x10ffff)
			return 0;
		i += r ? r : 1;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	static int once;
	if (!once++) {
		time_zone_set("Asia/Brunei");
		setlocale(LC_CTYPE, "C.UTF-8");
	}
	struct arena a = { 0 };
	char *s = fuzz_cstr(data + 1, size - 1);
	form(&a, (const char *)data + 1, size - 1);
	strings(&a, s, data[0]);
	if (utf8_valid((const char *)data + 1, size - 1) != utf8_libc((const char *)data + 1, size - 1))
		fuzz_fail("utf8_valid agrees with the C library's UTF-8 decoder", s);
	free(s);
	arena_free(&a);
	return 0;
}
