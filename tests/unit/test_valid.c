/* test_valid: UTF-8, dates, slugs, numbers and the rule tables forms are checked with (cgi/lib/valid.h). */
#include <limits.h>
#include <string.h>

#include "buf.h"
#include "req.h"
#include "unit.h"
#include "valid.h"

static struct arena a;

/* utf8_valid over a string literal's bytes, embedded NULs included. */
#define UTF8(lit) utf8_valid((lit), sizeof(lit) - 1)

static void
test_utf8_valid(void)
{
	CHECK(UTF8("") == 1, "the empty string is valid UTF-8");
	CHECK(UTF8("plain ASCII ~") == 1, "ASCII is valid UTF-8");
	CHECK(UTF8("a\0b") == 1, "NUL is a valid code point (req.c rejects it separately)");
	CHECK(UTF8("caf\xc3\xa9") == 1, "two-byte sequence (e acute)");
	CHECK(UTF8("\xe2\x82\xac 5") == 1, "three-byte sequence (euro sign)");
	CHECK(UTF8("\xf0\x9f\x98\x80") == 1, "four-byte sequence (emoji)");
	CHECK(UTF8("\xe0\xb8\x81\xe0\xb8\xb2 \xe4\xb8\xad \xd9\x85") == 1, "Thai, Chinese and Arabic mixed");
	CHECK(UTF8("\xc2\x80") == 1, "U+0080, the smallest two-byte value");
	CHECK(UTF8("\xe0\xa0\x80") == 1, "U+0800, the smallest three-byte value");
	CHECK(UTF8("\xf0\x90\x80\x80") == 1, "U+10000, the smallest four-byte value");
	CHECK(UTF8("\xf4\x8f\xbf\xbf") == 1, "U+10FFFF, the largest code point");
	CHECK(UTF8("\xed\x9f\xbf") == 1, "U+D7FF, just below the surrogates");
	CHECK(UTF8("\xee\x80\x80") == 1, "U+E000, just above the surrogates");
	CHECK(UTF8("\xef\xbf\xbf") == 1, "U+FFFF is valid");

	CHECK(UTF8("a\xc3") == 0, "a two-byte sequence cut at the end");
	CHECK(UTF8("\xe2\x82") == 0, "a three-byte sequence cut at the end");
	CHECK(UTF8("\xf0\x9f\x98") == 0, "a four-byte sequence cut at the end");
	CHECK(utf8_valid("\xc3\xa9", 1) == 0, "a sequence cut by n is invalid (no read past n)");
	CHECK(utf8_valid("ab\xe2\x82\xac", 4) == 0, "a sequence cut by n after ASCII is invalid");

	CHECK(UTF8("\xed\xa0\x80") == 0, "surrogate U+D800 (ED A0 80)");
	CHECK(UTF8("\xed\xbf\xbf") == 0, "surrogate U+DFFF (ED BF BF)");
	CHECK(UTF8("\xf4\x90\x80\x80") == 0, "U+110000 (F4 90 80 80) is past the last code point");
	CHECK(UTF8("\xf5\x80\x80\x80") == 0, "lead byte F5");
	CHECK(UTF8("\xf8\x88\x80\x80\x80") == 0, "five-byte form F8");
	CHECK(UTF8("\xfe") == 0, "byte FE");
	CHECK(UTF8("\xff") == 0, "byte FF");

	CHECK(UTF8("\xc0\x80") == 0, "overlong NUL C0 80");
	CHECK(UTF8("\xc0\xaf") == 0, "overlong slash C0 AF");
	CHECK(UTF8("\xc1\xbf") == 0, "overlong C1 BF");
	CHECK(UTF8("\xe0\x80\xaf") == 0, "overlong three-byte slash E0 80 AF");
	CHECK(UTF8("\xe0\x9f\xbf") == 0, "overlong three-byte E0 9F BF");
	CHECK(UTF8("\xf0\x80\x80\xaf") == 0, "overlong four-byte slash F0 80 80 AF");
	CHECK(UTF8("\xf0\x8f\xbf\xbf") == 0, "overlong four-byte F0 8F BF BF");

	CHECK(UTF8("\x80") == 0, "a lone continuation byte");
	CHECK(UTF8("a\xbf" "b") == 0, "a continuation byte between ASCII");
	CHECK(UTF8("\xc3\x28") == 0, "C3 28: the second byte is not a continuation");
	CHECK(UTF8("\xe2\x28\xa1") == 0, "E2 28 A1: a bad second byte");
	CHECK(UTF8("\xe2\x82\x28") == 0, "E2 82 28: a bad third byte");
	CHECK(UTF8("\xf0\x9f\x98\x28") == 0, "F0 9F 98 28: a bad fourth byte");
	CHECK(UTF8("ok \xc3\xa9 then \xc3") == 0, "valid text ending in a cut sequence");
}

static void
test_utf8_chars(void)
{
	CHECK_INT(utf8_chars(""), 0, "utf8_chars of the empty string");
	CHECK_INT(utf8_chars("abc"), 3, "utf8_chars of ASCII");
	CHECK_INT(utf8_chars("caf\xc3\xa9"), 4, "utf8_chars counts e acute once");
	CHECK_INT(utf8_chars("\xe2\x82\xac\xf0\x9f\x98\x80" "a"), 3, "utf8_chars counts euro, emoji and a");
}

static void
test_valid_date(void)
{
	CHECK(valid_date("2025-02-18"), "an ordinary date");
	CHECK(valid_date("2024-02-29"), "29 February in leap year 2024");
	CHECK(!valid_date("2025-02-29"), "29 February in 2025, not a leap year");
	CHECK(!valid_date("2100-02-29"), "29 February 2100: centuries are not leap years");
	CHECK(valid_date("2000-02-29"), "29 February 2000: every 400th year is a leap year");
	CHECK(!valid_date("2024-02-30"), "30 February");
	CHECK(valid_date("2025-01-31") && valid_date("2025-12-31"), "31 January and 31 December");
	CHECK(valid_date("2025-04-30") && !valid_date("2025-04-31"), "April has 30 days");
	CHECK(!valid_date("2025-06-31") && !valid_date("2025-09-31") && !valid_date("2025-11-31"),
	    "June, September and November have 30 days");
	CHECK(!valid_date("2025-13-01"), "month 13");
	CHECK(!valid_date("2025-00-10"), "month 0");
	CHECK(!valid_date("2025-01-00"), "day 0");
	CHECK(!valid_date("2025-01-32"), "day 32");
	CHECK(!valid_date("1899-12-31"), "a year before 1900");
	CHECK(!valid_date("2201-01-01"), "a year after 2200");
	CHECK(!valid_date(""), "the empty string");
	CHECK(!valid_date("2025-2-18"), "a one-digit month");
	CHECK(!valid_date("2025-02-8"), "a one-digit day");
	CHECK(!valid_date("2025/02/18"), "slashes");
	CHECK(!valid_date("18-02-2025"), "day first");
	CHECK(!valid_date("2025-02-18 "), "a trailing space");
	CHECK(!valid_date("2025-02-1x"), "a letter in the day");
	CHECK(!valid_date(" 2025-02-1"), "a leading space");
	CHECK(!valid_date("+025-02-18"), "a sign in the year");
	CHECK(!valid_date("2025-+2-18"), "a sign in the month");
	CHECK(!valid_date("2025-02-18T00:00:00Z"), "a timestamp is not a date");
}

static void
test_valid_slug(void)
{
	CHECK(valid_slug("minister-visits-2025"), "an ordinary slug");
	CHECK(valid_slug("a"), "a one-letter slug");
	CHECK(!valid_slug(""), "the empty slug");
	CHECK(!valid_slug("-a"), "a leading hyphen");
	CHECK(!valid_slug("a-"), "a trailing hyphen");
	CHECK(!valid_slug("-"), "a lone hyphen");
	CHECK(!valid_slug("a--b"), "a double hyphen");
	CHECK(!valid_slug("Abc"), "upper case");
	CHECK(!valid_slug("a_b"), "an underscore");
	CHECK(!valid_slug("a b"), "a space");
	CHECK(!valid_slug("a/b"), "a slash");
	CHECK(!valid_slug("caf\xc3\xa9"), "non-ASCII");
	char s[130];
	memset(s, 'a', sizeof s);
	s[120] = '\0';
	CHECK(valid_slug(s), "120 bytes is the longest slug");
	s[120] = 'a';
	s[121] = '\0';
	CHECK(!valid_slug(s), "121 bytes is too long");
}

static void
test_parse_long(void)
{
	long v = 12345;
	CHECK(parse_long("42", 0, 100, &v) == 0 && v == 42, "42 in [0, 100]");
	CHECK(parse_long("-5", -10, 10, &v) == 0 && v == -5, "a negative number in range");
	CHECK(parse_long("0", 0, 0, &v) == 0 && v == 0, "zero in [0, 0]");
	CHECK(parse_long("100", 0, 100, &v) == 0 && v == 100, "the maximum is inclusive");
	v = 777;
	CHECK(parse_long("101", 0, 100, &v) == -1, "one above the maximum");
	CHECK_INT(v, 777, "a failed parse leaves *out alone");
	CHECK(parse_long("-1", 0, 100, &v) == -1, "one below the minimum");
	CHECK(parse_long("", 0, 100, &v) == -1, "the empty string");
	CHECK(parse_long(NULL, 0, 100, &v) == -1, "NULL");
	CHECK(parse_long("-", -10, 10, &v) == -1, "a lone minus sign");
	CHECK(parse_long("--1", -10, 10, &v) == -1, "two minus signs");
	CHECK(parse_long("+1", 0, 10, &v) == -1, "a plus sign");
	CHECK(parse_long("12a", 0, 100, &v) == -1, "trailing junk");
	CHECK(parse_long(" 12", 0, 100, &v) == -1, "leading space");
	CHECK(parse_long("12 ", 0, 100, &v) == -1, "trailing space");
	CHECK(parse_long("1-2", 0, 100, &v) == -1, "a minus sign inside");
	CHECK(parse_long("0x10", 0, 100, &v) == -1, "hexadecimal");
	CHECK(parse_long("1.5", 0, 100, &v) == -1, "a decimal point");
	CHECK(parse_long("9223372036854775807", LONG_MIN, LONG_MAX, &v) == 0 && v == LONG_MAX,
	    "LONG_MAX parses");
	CHECK(parse_long("9223372036854775808", LONG_MIN, LONG_MAX, &v) == -1, "LONG_MAX + 1 overflows");
	CHECK(parse_long("-9223372036854775809", LONG_MIN, LONG_MAX, &v) == -1, "LONG_MIN - 1 overflows");
	CHECK(parse_long("99999999999999999999999", LONG_MIN, LONG_MAX, &v) == -1, "a huge number overflows");
}

static void
test_slugify(void)
{
	CHECK_STR(slugify(&a, "Hello, World!", 80), "hello-world", "punctuation becomes one hyphen");
	CHECK_STR(slugify(&a, "Minister's visit", 80), "ministers-visit", "an apostrophe is dropped");
	CHECK_STR(slugify(&a, "Minister\xe2\x80\x99s visit", 80), "ministers-visit",
	    "a typographic apostrophe (U+2019) is dropped too");
	CHECK_STR(slugify(&a, "  --Leading and trailing--  ", 80), "leading-and-trailing",
	    "no hyphen at either end");
	CHECK_STR(slugify(&a, "A  &  B", 80), "a-b", "a run of separators is one hyphen");
	CHECK_STR(slugify(&a, "ASEAN 2025: Day 1", 80), "asean-2025-day-1", "digits are kept");
	CHECK_STR(slugify(&a, "Brunei\xe2\x80\x93Malaysia talks", 80), "brunei-malaysia-talks",
	    "an en dash separates words");
	char *s = slugify(&a, "Caf\xc3\xa9 na\xc3\xafve", 80);
	CHECK(valid_slug(s) && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen(s),
	    "non-ASCII letters are dropped (got \"%s\")", s);
	CHECK_STR(slugify(&a, "", 80), "release", "an empty title gives \"release\"");
	CHECK_STR(slugify(&a, "!!! ???", 80), "release", "a title of punctuation gives \"release\"");
	CHECK_STR(slugify(&a, "\xe4\xb8\xad\xe6\x96\x87", 80), "release", "an all non-ASCII title gives \"release\"");
	CHECK_STR(slugify(&a, "''", 80), "release", "a title of apostrophes gives \"release\"");

	CHECK_STR(slugify(&a, "abcdef", 3), "abc", "cut at maxlen");
	CHECK_STR(slugify(&a, "hello world", 6), "hello", "no room for a hyphen and a letter: stop");
	CHECK_STR(slugify(&a, "hello world", 5), "hello", "a word exactly maxlen long");
	CHECK_STR(slugify(&a, "hello world", 7), "hello-w", "room for a hyphen and a letter");
	CHECK_STR(slugify(&a, "a b c", 2), "a", "words never run together at the limit");

	/* Whatever the title, the slug passes valid_slug and fits maxlen. */
	static const char *const titles[] = { "x y", "x  y  z", "--a--b--", "a's b's", "1 2 3 4 5 6 7 8 9",
		"The Attorney General's Chambers hosts the 12th ASEAN Senior Law Officials' Meeting (ASLOM)",
		"\xc3\xa9t\xc3\xa9 2025 \xe2\x80\x94 r\xc3\xa9sum\xc3\xa9" };
	int all_ok = 1;
	for (size_t t = 0; t < sizeof titles / sizeof titles[0]; t++)
		for (size_t max = 1; max <= 90; max++) {
			char *slug = slugify(&a, titles[t], max);
			if (!valid_slug(slug) || (strlen(slug) > max && strcmp(slug, "release") != 0)) {
				fprintf(stderr, "#   slugify(\"%s\", %zu) = \"%s\"\n", titles[t], max, slug);
				all_ok = 0;
			}
		}
	CHECK(all_ok, "every slug of every length from 1 to 90 is valid and fits");
}

static const char *const kinds[] = { "speech", "statement", NULL };

static void
test_check_value(void)
{
	long n = 0;
	struct rule text = { "title", "Title", V_TEXT, 1, 2, 5, NULL };
	CHECK(check_value(&text, "abc", &n) == NULL, "V_TEXT within bounds");
	CHECK_INT(n, -1, "num is -1 for text");
	CHECK_STR(check_value(&text, "", &n), "is required", "V_TEXT required and empty");
	CHECK_STR(check_value(&text, "a", &n), "is too short", "V_TEXT under min characters");
	CHECK_STR(check_value(&text, "abcdef", &n), "is too long", "V_TEXT over max characters");
	CHECK(check_value(&text, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", &n) == NULL,
	    "V_TEXT counts characters, not bytes (5 e-acutes, 10 bytes)");
	CHECK_STR(check_value(&text, "a\nb", &n), "must be one line", "V_TEXT rejects a newline");
	CHECK_STR(check_value(&text, "a\rb", &n), "must be one line", "V_TEXT rejects a CR");
	struct rule optional = { "note", "Note", V_TEXT, 0, 0, 0, NULL };
	CHECK(check_value(&optional, "", &n) == NULL, "an optional empty field is fine");
	CHECK(check_value(&optional, "anything at all, any length", &n) == NULL, "min and max 0 mean no bound");

	struct rule longtext = { "body", "Body", V_LONGTEXT, 1, 0, 10, NULL };
	CHECK(check_value(&longtext, "a\nb\r\nc", &n) == NULL, "V_LONGTEXT allows newlines");
	CHECK_STR(check_value(&longtext, "0123456789x", &n), "is too long", "V_LONGTEXT over max");

	struct rule date = { "on", "Date", V_DATE, 1, 0, 0, NULL };
	CHECK(check_value(&date, "2024-02-29", &n) == NULL, "V_DATE a leap day");
	CHECK(check_value(&date, "2025-02-29", &n) != NULL, "V_DATE not a real day");
	CHECK(check_value(&date, "tomorrow", &n) != NULL, "V_DATE words");

	struct rule count = { "n", "Count", V_INT, 0, 1, 10, NULL };
	CHECK(check_value(&count, "7", &n) == NULL && n == 7, "V_INT in range sets num");
	CHECK(check_value(&count, "11", &n) != NULL && n == -1, "V_INT out of range, num -1");
	CHECK(check_value(&count, "0", &n) != NULL, "V_INT below min");
	CHECK(check_value(&count, "seven", &n) != NULL, "V_INT words");
	CHECK(check_value(&count, "", &n) == NULL && n == -1, "V_INT optional and empty: num -1");

	struct rule id = { "id", "Item", V_ID, 1, 0, 0, NULL };
	CHECK(check_value(&id, "42", &n) == NULL && n == 42, "V_ID a row id");
	CHECK(check_value(&id, "0", &n) != NULL, "V_ID zero");
	CHECK(check_value(&id, "-3", &n) != NULL, "V_ID negative");
	CHECK(check_value(&id, "9007199254740992", &n) == NULL, "V_ID 2^53 is the largest");
	CHECK(check_value(&id, "9007199254740993", &n) != NULL, "V_ID 2^53 + 1 is too large");
	CHECK(check_value(&id, "4x", &n) != NULL, "V_ID junk");

	struct rule kind = { "kind", "Kind", V_CHOICE, 1, 0, 0, kinds };
	CHECK(check_value(&kind, "speech", &n) == NULL, "V_CHOICE the first choice");
	CHECK(check_value(&kind, "statement", &n) == NULL, "V_CHOICE the last choice");
	CHECK(check_value(&kind, "Speech", &n) != NULL, "V_CHOICE is case-sensitive");
	CHECK(check_value(&kind, "speec", &n) != NULL, "V_CHOICE no prefixes");
	CHECK(check_value(&kind, "poem", &n) != NULL, "V_CHOICE not a choice");

	struct rule country = { "cc", "Country", V_COUNTRY, 1, 0, 0, NULL };
	CHECK(check_value(&country, "TH", &n) == NULL, "V_COUNTRY TH");
	CHECK(check_value(&country, "th", &n) != NULL, "V_COUNTRY lower case (check_fields upper-cases)");
	CHECK(check_value(&country, "THA", &n) != NULL, "V_COUNTRY three letters");
	CHECK(check_value(&country, "T", &n) != NULL, "V_COUNTRY one letter");
	CHECK(check_value(&country, "T1", &n) != NULL, "V_COUNTRY a digit");

	struct rule slug = { "slug", "Slug", V_SLUG, 1, 0, 0, NULL };
	CHECK(check_value(&slug, "a-b-1", &n) == NULL, "V_SLUG a slug");
	CHECK(check_value(&slug, "A b", &n) != NULL, "V_SLUG not a slug");

	struct rule odd = { "x", "X", (enum vtype)99, 1, 0, 0, NULL };
	CHECK_STR(check_value(&odd, "x", &n), "is not valid", "an unknown type fails closed");
}

enum { R_TITLE, R_DATE, R_COUNTRY, R_COUNT, R_KIND, NRULES };
static const struct rule form[NRULES] = {
	[R_TITLE]   = { "title", "Title", V_TEXT, 1, 1, 20, NULL },
	[R_DATE]    = { "date", "Date", V_DATE, 1, 0, 0, NULL },
	[R_COUNTRY] = { "country", "Country", V_COUNTRY, 0, 0, 0, NULL },
	[R_COUNT]   = { "count", "Count", V_INT, 0, 0, 100, NULL },
	[R_KIND]    = { "kind", "Kind", V_CHOICE, 1, 0, 0, kinds },
};

static void
parse_form(const char *s, struct fields *f)
{
	static const struct limits lim = { .max_fields = 50, .max_name = 32, .max_value = 256 };
	memset(f, 0, sizeof *f);
	if (parse_urlencoded(&a, s, strlen(s), &lim, f) != 0)
		fprintf(stderr, "#   test form did not parse: %s\n", s);
}

static void
test_check_fields(void)
{
	struct checked c;
	checked_init(&a, &c, NRULES);
	int blank = c.nerrors == 0;
	for (size_t i = 0; i < NRULES; i++)
		blank = blank && strcmp(c.value[i], "") == 0 && c.num[i] == -1 && c.error[i] == NULL;
	CHECK(blank, "checked_init gives empty values, num -1 and no errors");

	struct fields f;
	parse_form("title=+Hello+world++&date=2025-02-18&country=+th%09&count=+7&kind=speech", &f);
	checked_init(&a, &c, NRULES);
	check_fields(&a, form, NRULES, &f, 0, &c);
	CHECK_INT(c.nerrors, 0, "a good form has no errors");
	CHECK_STR(c.value[R_TITLE], "Hello world", "values are trimmed");
	CHECK_STR(c.value[R_COUNTRY], "TH", "V_COUNTRY is trimmed and upper-cased");
	CHECK_INT(c.num[R_COUNT], 7, "V_INT's number is kept");
	CHECK_INT(c.num[R_TITLE], -1, "a text field's number is -1");
	CHECK(c.error[R_TITLE] == NULL && c.error[R_KIND] == NULL, "no error messages on a good form");

	parse_form("title=+++&date=2025-02-30&country=xyz&count=500", &f);
	checked_init(&a, &c, NRULES);
	check_fields(&a, form, NRULES, &f, 0, &c);
	CHECK_INT(c.nerrors, 5, "a bad form counts every error");
	CHECK_STR(c.error[R_TITLE], "is required", "a title of spaces is empty after trimming");
	CHECK(c.error[R_DATE] != NULL, "a bad date is an error");
	CHECK_STR(c.value[R_DATE], "2025-02-30", "an invalid value is kept as typed");
	CHECK(c.error[R_COUNTRY] != NULL, "a three-letter country is an error");
	CHECK_STR(c.value[R_COUNTRY], "XYZ", "the bad country is shown upper-cased");
	CHECK(c.error[R_COUNT] != NULL && c.num[R_COUNT] == -1, "a count out of range: error, num -1");
	CHECK_STR(c.error[R_KIND], "is required", "a missing required field is required");

	/* Rows of a table: the nth value of each repeated field. */
	static const struct rule row[] = {
		{ "name", "Name", V_TEXT, 1, 0, 10, NULL },
		{ "qty", "Quantity", V_INT, 1, 1, 9, NULL },
	};
	parse_form("name=apple&qty=1&name=+pear+&qty=2&name=fig&qty=12", &f);
	checked_init(&a, &c, 2);
	check_fields(&a, row, 2, &f, 1, &c);
	CHECK_INT(c.nerrors, 0, "row 1 is good");
	CHECK_STR(c.value[0], "pear", "row 1 takes the second name, trimmed");
	CHECK_INT(c.num[1], 2, "row 1 takes the second quantity");
	checked_init(&a, &c, 2);
	check_fields(&a, row, 2, &f, 2, &c);
	CHECK(c.nerrors == 1 && c.error[1] != NULL && strcmp(c.value[0], "fig") == 0,
	    "row 2's quantity 12 is out of range, its name is fine");
	checked_init(&a, &c, 2);
	check_fields(&a, row, 2, &f, 3, &c);
	CHECK(c.nerrors == 2 && strcmp(c.value[0], "") == 0, "row 3 does not exist: both required fields missing");
}

int
main(int argc, char **argv)
{
	unit_start(argc, argv, "valid");
	test_utf8_valid();
	test_utf8_chars();
	test_valid_date();
	test_valid_slug();
	test_parse_long();
	test_slugify();
	test_check_value();
	test_check_fields();
	arena_free(&a);
	return unit_end();
}
