/* fuzz_request: the parameters and body of one request (headers, path, query, cookies, form) through the real worker. */
#include <stdio.h>
#include <string.h>

#include "fuzz.h"

/* The input is "NAME=value" lines (FastCGI parameters, so HTTP_COOKIE, HTTP_IF_NONE_MATCH,
 * CONTENT_TYPE, REQUEST_URI...), an empty line, then the body. Encoding them into a correct
 * stream here lets the fuzzer spend its time on what our code reads, not on record framing
 * (fuzz_fcgi covers that). CONTENT_LENGTH is the body's length unless the input gives one. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready++)
		fuzz_site_init();
	if (size > FUZZ_SITE_MAX_INPUT / 2)
		return 0;
	const char *s = (const char *)data, *end = s + size;
	struct buf params = { 0 }, stream = { 0 }, reply = { 0 };
	int has_length = 0;
	while (s < end && *s != '\n') {
		const char *eol = memchr(s, '\n', (size_t)(end - s));
		if (eol == NULL)
			eol = end;
		const char *eq = memchr(s, '=', (size_t)(eol - s));
		const char *name_end = eq ? eq : eol, *value = eq ? eq + 1 : eol;
		fuzz_fcgi_pair(&params, s, (size_t)(name_end - s), value, (size_t)(eol - value));
		has_length |= name_end - s == 14 && memcmp(s, "CONTENT_LENGTH", 14) == 0;
		s = eol < end ? eol + 1 : end;
	}
	if (s < end)
		s++;   /* the empty line */
	size_t body = (size_t)(end - s);
	if (!has_length) {
		char len[24];
		int n = snprintf(len, sizeof len, "%zu", body);
		fuzz_fcgi_pair(&params, "CONTENT_LENGTH", 14, len, (size_t)n);
	}
	fuzz_fcgi_request(&stream, &params, s, body);
	if (!fuzz_site_serve((const uint8_t *)stream.data, stream.len, &reply))
		fuzz_fail("libfcgi accepts every well-formed stream", NULL);
	fuzz_check_reply(&reply);
	buf_free(&params);
	buf_free(&stream);
	buf_free(&reply);
	return 0;
}
