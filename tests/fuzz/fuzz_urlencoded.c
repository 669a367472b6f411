/* fuzz_urlencoded: query strings and form bodies (parse_urlencoded, percent_decode, url_encode) and what they promise. */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "fuzz.h"
#include "req.h"
#include "valid.h"

/* Text the parser hands on: valid UTF-8 with no control byte but tab, CR and LF. */
static void
check_text(const char *what, const char *s, size_t len)
{
	if (strlen(s) != len)
		fuzz_fail("a decoded field holds no NUL and its length is its string's", what);
	if (!utf8_valid(s, len))
		fuzz_fail("a decoded field is valid UTF-8", what);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7f)
			fuzz_fail("a decoded field holds no control byte but tab, CR and LF", what);
}

static void
parse(const char *s, size_t n, const struct limits *lim)
{
	struct arena a = { 0 };
	struct fields f = { 0 };
	int rc = parse_urlencoded(&a, s, n, lim, &f);
	if (rc != 0 && rc != 400 && rc != 413)
		fuzz_fail("parse_urlencoded answers 0, 400 or 413", s);
	if (f.n > lim->max_fields)
		fuzz_fail("no more fields than the limit", s);
	size_t total = 0;
	for (size_t i = 0; i < f.n; i++) {
		check_text("name", f.v[i].name, strlen(f.v[i].name));
		check_text("value", f.v[i].value, f.v[i].len);
		if (strlen(f.v[i].name) > lim->max_name || f.v[i].len > lim->max_value)
			fuzz_fail("no field name or value over its limit", f.v[i].name);
		if (fields_get(&f, f.v[i].name) == NULL || fields_count(&f, f.v[i].name) == 0)
			fuzz_fail("every parsed field can be looked up by name", f.v[i].name);
		total += strlen(f.v[i].name) + f.v[i].len;
	}
	if (total > n)
		fuzz_fail("decoding never makes the input longer", s);
	arena_free(&a);
}

/* %-encoding then decoding gives back the string, and the encoding is safe in a URL. */
static void
round_trip(const char *s)
{
	struct arena a = { 0 };
	char *enc = url_encode(&a, s);
	size_t n = strlen(enc);
	if (strspn(enc, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~/%") != n)
		fuzz_fail("url_encode leaves only unreserved characters, '/' and escapes", enc);
	char *dec = arena_alloc(&a, n + 1);
	if (percent_decode(dec, enc, n, 0) < 0 || strcmp(dec, s) != 0)
		fuzz_fail("percent_decode(url_encode(s)) == s", s);
	arena_free(&a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	/* The first byte picks the worker's limits or tiny ones that the input can break. */
	static const struct limits worker = { LIMIT_FIELDS, LIMIT_FIELD_NAME, 256 * 1024 };
	static const struct limits tiny = { 3, 4, 8 };
	const struct limits *lim = data[0] & 1 ? &tiny : &worker;
	const char *s = (const char *)data + 1;
	size_t n = size - 1;
	parse(s, n, lim);

	char *dst = fuzz_cstr(data + 1, n);
	for (int plus = 0; plus <= 1; plus++) {
		long got = percent_decode(dst, s, n, plus);
		if (got > (long)n)
			fuzz_fail("percent_decode never writes more than it reads", s);
	}
	free(dst);
	char *str = fuzz_cstr(data + 1, n);
	round_trip(str);
	free(str);
	return 0;
}
