/* test_req: query strings, form bodies and cookies decoded under limits (cgi/http/req.h). */
#include <string.h>

#include "buf.h"
#include "req.h"
#include "unit.h"

static struct arena a;
static const struct limits lim = { .max_fields = 10, .max_name = 16, .max_value = 32 };

/* Parses s (all of it) into a fresh field list; the status is the return value. */
static int
parse(const char *s, struct fields *f)
{
	memset(f, 0, sizeof *f);
	return parse_urlencoded(&a, s, strlen(s), &lim, f);
}

static int
cookies(const char *s, struct fields *f)
{
	memset(f, 0, sizeof *f);
	return parse_cookies(&a, s, &lim, f);
}

/* "n=v&n=v..." with count fields. */
static char *
repeat_fields(size_t count)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < count; i++)
		buf_addf(&b, "%sf%zu=%zu", i ? "&" : "", i, i);
	char *s = arena_strdup(&a, buf_str(&b));
	buf_free(&b);
	return s;
}

static void
test_urlencoded_basic(void)
{
	struct fields f;
	CHECK_INT(parse("a=1&b=hello+world&c=%41%42%2b%2F", &f), 0, "three plain fields parse");
	CHECK_INT(f.n, 3, "three fields counted");
	CHECK_STR(fields_get(&f, "a"), "1", "plain value");
	CHECK_STR(fields_get(&f, "b"), "hello world", "plus becomes a space");
	CHECK_INT(f.n == 3 ? f.v[1].len : 0, 11, "len is the decoded length");
	CHECK_STR(fields_get(&f, "c"), "AB+/", "%%XX escapes decode, %%2b stays a plus");
	CHECK(fields_get(&f, "d") == NULL, "a missing field is NULL");

	CHECK_INT(parse("%41%62=x", &f), 0, "an escaped name parses");
	CHECK_STR(fields_get(&f, "Ab"), "x", "the name is decoded too");

	CHECK_INT(parse("t=%c3%a9t%C3%A9", &f), 0, "lower- and upper-case hex both decode");
	CHECK_STR(fields_get(&f, "t"), "\xc3\xa9t\xc3\xa9", "escaped UTF-8 decodes to the bytes");
	CHECK_INT(parse("t=caf\xc3\xa9", &f), 0, "raw valid UTF-8 is accepted");

	CHECK_INT(parse("x=a%09b%0Ac%0D%0A", &f), 0, "tab, newline and CR are allowed");
	CHECK_STR(fields_get(&f, "x"), "a\tb\nc\r\n", "tab and newlines survive decoding");

	memset(&f, 0, sizeof f);
	CHECK_INT(parse_urlencoded(&a, "a=1&b=2", 3, &lim, &f), 0, "a length shorter than the string");
	CHECK(f.n == 1 && fields_get(&f, "b") == NULL, "only len bytes are read");

	memset(&f, 0, sizeof f);
	CHECK_INT(parse_urlencoded(&a, "", 0, &lim, &f), 0, "an empty query string is fine");
	CHECK_INT(f.n, 0, "an empty query string has no fields");
}

static void
test_urlencoded_shapes(void)
{
	struct fields f;
	CHECK_INT(parse("&&a=1&", &f), 0, "empty pairs are skipped without error");
	CHECK_INT(f.n, 1, "empty pairs add no field");
	CHECK_STR(fields_get(&f, "a"), "1", "the one real pair survives empty neighbours");

	CHECK_INT(parse("flag&b=2", &f), 0, "a name without '=' parses");
	CHECK_STR(fields_get(&f, "flag"), "", "a name without '=' has an empty value");
	CHECK_INT(f.n == 2 ? f.v[0].len : 99, 0, "a name without '=' has length 0");
	CHECK_STR(fields_get(&f, "b"), "2", "the field after a bare name is intact");

	CHECK_INT(parse("a=x=y", &f), 0, "a second '=' belongs to the value");
	CHECK_STR(fields_get(&f, "a"), "x=y", "the value keeps the second '='");

	CHECK_INT(parse("row=a&other=1&row=b&row=c", &f), 0, "repeated names parse");
	CHECK_INT(fields_count(&f, "row"), 3, "fields_count counts repeats");
	CHECK_INT(fields_count(&f, "other"), 1, "fields_count of a single field is 1");
	CHECK_INT(fields_count(&f, "none"), 0, "fields_count of a missing field is 0");
	CHECK_STR(fields_get(&f, "row"), "a", "fields_get gives the first repeat");
	CHECK_STR(fields_get_nth(&f, "row", 0), "a", "fields_get_nth 0");
	CHECK_STR(fields_get_nth(&f, "row", 1), "b", "fields_get_nth 1 skips other names");
	CHECK_STR(fields_get_nth(&f, "row", 2), "c", "fields_get_nth 2");
	CHECK(fields_get_nth(&f, "row", 3) == NULL, "fields_get_nth past the end is NULL");
	CHECK(fields_get_nth(&f, "ro", 0) == NULL, "names match exactly, not by prefix");
}

static void
test_urlencoded_malformed(void)
{
	struct fields f;
	CHECK_INT(parse("%", &f), 400, "a lone %% is 400");
	CHECK_INT(parse("a=%", &f), 400, "a value ending in %% is 400");
	CHECK_INT(parse("a=%4", &f), 400, "a truncated %%4 is 400");
	CHECK_INT(parse("a=%4&b=1", &f), 400, "a truncated escape before '&' is 400");
	CHECK_INT(parse("a=%G1", &f), 400, "a non-hex %%G1 is 400");
	CHECK_INT(parse("a=%1G", &f), 400, "a non-hex %%1G is 400");
	CHECK_INT(parse("a=%%41", &f), 400, "%%%% is 400");
	CHECK_INT(parse("%zz=1", &f), 400, "a bad escape in a name is 400");
	CHECK_INT(parse("a=%00", &f), 400, "NUL via %%00 is 400");
	CHECK_INT(parse("a=x%00y", &f), 400, "NUL in the middle of a value is 400");
	CHECK_INT(parse("a%00=1", &f), 400, "NUL in a name is 400");
	CHECK_INT(parse("a=%01", &f), 400, "control byte %%01 is 400");
	CHECK_INT(parse("a=%1B", &f), 400, "escape character %%1B is 400");
	CHECK_INT(parse("a=%7F", &f), 400, "DEL %%7F is 400");
	CHECK_INT(parse("a=x\x01y", &f), 400, "a raw control byte is 400");
	memset(&f, 0, sizeof f);
	CHECK_INT(parse_urlencoded(&a, "a=x\0y", 5, &lim, &f), 400, "a raw NUL inside a body's length is 400");
	CHECK_INT(parse("a=%C3%28", &f), 400, "invalid UTF-8 %%C3%%28 is 400");
	CHECK_INT(parse("a=%C0%AF", &f), 400, "overlong UTF-8 %%C0%%AF is 400");
	CHECK_INT(parse("a=%ED%A0%80", &f), 400, "a UTF-16 surrogate is 400");
	CHECK_INT(parse("a=%C3", &f), 400, "a truncated UTF-8 sequence is 400");
	CHECK_INT(parse("a=%FF", &f), 400, "byte FF is 400");
	CHECK_INT(parse("a=caf\xc3", &f), 400, "raw truncated UTF-8 is 400");
	CHECK_INT(parse("ok=1&a=%G1", &f), 400, "a bad field after a good one still fails");
}

static void
test_urlencoded_limits(void)
{
	struct fields f;
	CHECK_INT(parse(repeat_fields(10), &f), 0, "exactly max_fields fields are accepted");
	CHECK_INT(f.n, 10, "all max_fields fields are kept");
	CHECK_STR(fields_get(&f, "f9"), "9", "the last allowed field is there");
	CHECK_INT(parse(repeat_fields(11), &f), 413, "one field over max_fields is 413");
	CHECK_INT(parse(repeat_fields(500), &f), 413, "many fields over max_fields are 413");

	char *s = arena_printf(&a, "v=%s", unit_repeat(&a, "x", 32));
	CHECK_INT(parse(s, &f), 0, "a value of exactly max_value bytes is accepted");
	CHECK_INT(f.n == 1 ? f.v[0].len : 0, 32, "the max_value value is whole");
	s = arena_printf(&a, "v=%s", unit_repeat(&a, "x", 33));
	CHECK_INT(parse(s, &f), 413, "a value one byte over max_value is 413");
	s = arena_printf(&a, "v=%s", unit_repeat(&a, "%41", 32));
	CHECK_INT(parse(s, &f), 0, "an escaped value decoding to max_value bytes is accepted");
	CHECK_STR(fields_get(&f, "v"), unit_repeat(&a, "A", 32), "the escaped max_value value decodes");
	s = arena_printf(&a, "v=%s", unit_repeat(&a, "%41", 33));
	CHECK_INT(parse(s, &f), 413, "an escaped value decoding past max_value is 413");
	s = arena_printf(&a, "v=%s", unit_repeat(&a, "x", 100000));
	CHECK_INT(parse(s, &f), 413, "a 100 KB value is 413");

	s = arena_printf(&a, "%s=1", unit_repeat(&a, "n", 16));
	CHECK_INT(parse(s, &f), 0, "a name of exactly max_name bytes is accepted");
	s = arena_printf(&a, "%s=1", unit_repeat(&a, "n", 17));
	CHECK_INT(parse(s, &f), 413, "a name one byte over max_name is 413");
	s = unit_repeat(&a, "n", 17);
	CHECK_INT(parse(s, &f), 413, "an over-long bare name is 413");
}

static void
test_cookies(void)
{
	struct fields f;
	CHECK_INT(cookies("session=abc; theme=dark", &f), 0, "a normal Cookie header parses");
	CHECK_INT(f.n, 2, "two cookies found");
	CHECK_STR(fields_get(&f, "session"), "abc", "first cookie value");
	CHECK_STR(fields_get(&f, "theme"), "dark", "second cookie value");

	CHECK_INT(cookies("   a=1;b=2;   c=3;;", &f), 0, "odd spacing and empty parts parse");
	CHECK_INT(f.n, 3, "odd spacing still finds three cookies");
	CHECK_STR(fields_get(&f, "a"), "1", "leading spaces are not part of a name");
	CHECK_STR(fields_get(&f, "b"), "2", "no space after ';' is fine");
	CHECK_STR(fields_get(&f, "c"), "3", "several spaces after ';' are skipped");

	CHECK_INT(cookies("a=1+2%20", &f), 0, "a cookie with plus and an escape parses");
	CHECK_STR(fields_get(&f, "a"), "1+2 ", "plus stays a plus in cookies, %%20 decodes");

	CHECK_INT(cookies("justaname; s=1; other", &f), 0, "cookies without '=' are not fatal");
	CHECK_INT(f.n, 1, "cookies without '=' are skipped");
	CHECK_STR(fields_get(&f, "s"), "1", "the real cookie between bare names is kept");

	CHECK_INT(cookies("other=%zz; session=abc; bad=%C3%28; nul=%00", &f), 0,
	    "another site's badly escaped cookies are not fatal");
	CHECK_STR(fields_get(&f, "session"), "abc", "our cookie survives others' bad ones");
	CHECK(fields_get(&f, "other") == NULL && fields_get(&f, "bad") == NULL &&
	    fields_get(&f, "nul") == NULL, "the badly escaped cookies are skipped");

	CHECK_INT(cookies("", &f), 0, "an empty Cookie header is fine");
	CHECK_INT(f.n, 0, "an empty Cookie header has no cookies");

	CHECK_INT(cookies("a=1; a=2", &f), 0, "a repeated cookie parses");
	CHECK_INT(fields_count(&f, "a"), 2, "both copies of a repeated cookie are kept");

	struct buf b = { 0 };
	for (int i = 0; i < 11; i++)
		buf_addf(&b, "c%d=%d; ", i, i);
	CHECK_INT(cookies(buf_str(&b), &f), 0, "more cookies than max_fields are not fatal");
	CHECK_INT(f.n, 10, "reading stops at max_fields cookies");
	CHECK_STR(fields_get(&f, "c9"), "9", "the cookies before the limit are kept");
	buf_free(&b);
	char *s = arena_printf(&a, "big=%s; ours=1", unit_repeat(&a, "x", 33));
	CHECK_INT(cookies(s, &f), 0, "a cookie value over max_value is not fatal");
	CHECK(fields_get(&f, "big") == NULL && fields_get(&f, "ours") != NULL,
	    "a cookie value over max_value is skipped, the next one kept");
	s = arena_printf(&a, "%s=1; ours=2", unit_repeat(&a, "n", 17));
	CHECK_INT(cookies(s, &f), 0, "a cookie name over max_name is not fatal");
	CHECK(f.n == 1 && fields_get(&f, "ours") != NULL, "a cookie name over max_name is skipped");
}

static void
test_percent_decode(void)
{
	char dst[64];
	CHECK_INT(percent_decode(dst, "a%20b+c", 7, 1), 5, "decoded length with plus as space");
	CHECK_STR(dst, "a b c", "plus as space when asked");
	CHECK_INT(percent_decode(dst, "a%20b+c", 7, 0), 5, "decoded length with plus kept");
	CHECK_STR(dst, "a b+c", "plus kept when not asked");
	CHECK_INT(percent_decode(dst, "%41", 3, 0), 1, "an escape at the very end decodes");
	CHECK_STR(dst, "A", "%%41 is A");
	CHECK_INT(percent_decode(dst, "%41", 2, 0), -1, "an escape cut by n is malformed");
	CHECK_INT(percent_decode(dst, "abc%", 4, 0), -1, "a trailing %% is malformed");
	CHECK_INT(percent_decode(dst, "%zz", 3, 0), -1, "non-hex digits are malformed");
	CHECK_INT(percent_decode(dst, "%-1", 3, 0), -1, "a sign is not a hex digit");
	CHECK_INT(percent_decode(dst, "", 0, 0), 0, "an empty input decodes to nothing");
	CHECK_STR(dst, "", "an empty input is NUL-terminated");
	CHECK_INT(percent_decode(dst, "abcdef", 3, 0), 3, "only n bytes are decoded");
	CHECK_STR(dst, "abc", "the output stops at n");
	CHECK_INT(percent_decode(dst, "%e2%82%AC", 9, 0), 3, "three escapes give three bytes");
	CHECK_STR(dst, "\xe2\x82\xac", "the euro sign decodes");
}

static void
test_url_encode(void)
{
	CHECK_STR(url_encode(&a, "a b&c=d/e~f_g-h.i"), "a%20b%26c%3Dd/e~f_g-h.i",
	    "reserved characters are escaped, unreserved and '/' kept");
	CHECK_STR(url_encode(&a, "caf\xc3\xa9"), "caf%C3%A9", "UTF-8 bytes are escaped in upper-case hex");
	CHECK_STR(url_encode(&a, "\"<>'?#%+"), "%22%3C%3E%27%3F%23%25%2B", "quotes, brackets, ?, #, %% and + are escaped");
	CHECK_STR(url_encode(&a, ""), "", "the empty string encodes to itself");
	CHECK_STR(url_encode(&a, "\x7f\x01"), "%7F%01", "control bytes are escaped");

	/* What url_encode writes, percent_decode reads back. */
	const char *orig = "x y/z?\xc3\xa9&=+%";
	char *enc = url_encode(&a, orig), back[64];
	long n = percent_decode(back, enc, strlen(enc), 0);
	CHECK(n == (long)strlen(orig) && strcmp(back, orig) == 0, "url_encode round-trips through percent_decode");
}

static void
test_form_limits(void)
{
	struct config cfg;
	config_defaults(&cfg);
	cfg.max_body = 5000;
	cfg.max_field = 300;
	cfg.upload_max = 7000;
	struct limits l = form_limits(&cfg);
	CHECK(l.max_fields == LIMIT_FIELDS && l.max_name == LIMIT_FIELD_NAME && l.max_value == 300,
	    "form_limits: fields as configured and as config.h says");
	CHECK(l.max_file == 7000 && l.max_upload == 12000, "form_limits: a file up to upload_max, "
	    "a multipart body up to max_body + upload_max");
	CHECK(l.max_parts == LIMIT_PARTS && l.max_part_head == LIMIT_PART_HEAD, "form_limits: parts as config.h says");
}

int
main(int argc, char **argv)
{
	unit_start(argc, argv, "req");
	test_urlencoded_basic();
	test_urlencoded_shapes();
	test_urlencoded_malformed();
	test_urlencoded_limits();
	test_cookies();
	test_percent_decode();
	test_url_encode();
	test_form_limits();
	arena_free(&a);
	return unit_end();
}
