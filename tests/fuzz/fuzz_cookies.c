/* fuzz_cookies: the Cookie header as the worker reads it (parse_cookies), and what it promises. */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "fuzz.h"
#include "req.h"
#include "valid.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *header = fuzz_cstr(data, size);
	struct arena a = { 0 };
	struct fields f = { 0 };
	/* The worker's limits for cookies (worker.c read_request). */
	const struct limits lim = { 50, LIMIT_FIELD_NAME, LIMIT_COOKIE_BYTES };
	if (parse_cookies(&a, header, &lim, &f) != 0)
		fuzz_fail("parse_cookies skips bad cookies rather than refusing the header", header);
	if (f.n > lim.max_fields)
		fuzz_fail("no more cookies than the limit", header);
	for (size_t i = 0; i < f.n; i++) {
		const char *name = f.v[i].name, *value = f.v[i].value;
		if (!utf8_valid(name, strlen(name)) || !utf8_valid(value, f.v[i].len) || strlen(value) != f.v[i].len)
			fuzz_fail("every cookie kept is valid UTF-8 without NUL", name);
		if (strlen(name) > lim.max_name || f.v[i].len > lim.max_value)
			fuzz_fail("no cookie over the limits", name);
	}
	arena_free(&a);
	free(header);
	return 0;
}
