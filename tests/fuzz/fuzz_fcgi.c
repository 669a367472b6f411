/* fuzz_fcgi: raw bytes as the FastCGI record stream libfcgi receives, then the worker's whole request handling. */
#include <stdlib.h>

#include <fastcgi.h>

#include "fuzz.h"

/* The largest name or value length a stream may announce. Debian's libfcgi 2.4.2 mallocs
 * whatever length a PARAMS pair announces and aborts on a pair near 2^31 (upstream 7c47639,
 * not in Debian): those are libfcgi's own gaps, defended at process level (respawn, rlimits)
 * and proven by tests/trust, so streams announcing more than a request may carry are skipped.
 * Every other stream, and everything our code does with any request, is fuzzed. */
#define ANNOUNCED_MAX (1L << 20)

/* Whether a run of name-value pairs announces a length over ANNOUNCED_MAX. */
static int
pairs_too_big(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n;) {
		long len[2] = { 0, 0 };
		for (int k = 0; k < 2 && i < n; k++) {
			if (p[i] < 0x80) {
				len[k] = p[i++];
			} else if (i + 4 <= n) {
				len[k] = (long)(p[i] & 0x7f) << 24 | (long)p[i + 1] << 16 | (long)p[i + 2] << 8 | p[i + 3];
				i += 4;
			} else {
				return 0;   /* libfcgi reads the missing bytes as the end of the stream */
			}
		}
		if (len[0] > ANNOUNCED_MAX || len[1] > ANNOUNCED_MAX)
			return 1;
		i += (size_t)len[0] + (size_t)len[1];
	}
	return 0;
}

/* libfcgi reads pairs from the PARAMS records joined, and from management records (request id
 * 0, FCGI_GET_VALUES). Where a record starts depends on how libfcgi treats padding and broken
 * records, so every place a PARAMS, GET_VALUES or management header could start is walked on its
 * own as well, to miss none. */
static int
announces_too_much(const uint8_t *s, size_t n)
{
	struct buf params = { 0 };
	for (size_t i = 0; i + 8 <= n;) {
		size_t clen = (size_t)s[i + 4] << 8 | s[i + 5], plen = s[i + 6];
		if (s[i + 1] == FCGI_PARAMS)
			buf_add(&params, (const char *)s + i + 8, i + 8 + clen <= n ? clen : n - i - 8);
		i += 8 + clen + plen;
	}
	int big = pairs_too_big((const unsigned char *)params.data, params.len);
	buf_free(&params);
	for (size_t i = 0; i + 8 <= n && !big; i++) {
		if (s[i] != FCGI_VERSION_1 || !(s[i + 1] == FCGI_PARAMS || s[i + 1] == FCGI_GET_VALUES ||
		    (s[i + 2] == 0 && s[i + 3] == 0)))
			continue;
		size_t clen = (size_t)s[i + 4] << 8 | s[i + 5];
		big = pairs_too_big(s + i + 8, i + 8 + clen <= n ? clen : n - i - 8);
	}
	return big;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready++)
		fuzz_site_init();
	if (size > FUZZ_SITE_MAX_INPUT || announces_too_much(data, size))
		return 0;
	struct buf reply = { 0 };
	if (fuzz_site_serve(data, size, &reply))
		fuzz_check_reply(&reply);
	buf_free(&reply);
	return 0;
}
