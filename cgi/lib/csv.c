/* csv: quoting cells as RFC 4180 asks, and keeping spreadsheets from running them as formulas. */
#include <string.h>

#include "csv.h"

static void
cell(struct buf *b, const char *s)
{
	/* A spreadsheet runs "=HYPERLINK(...)" or "@SUM(...)" typed by anyone who wrote a release;
	 * OWASP's advice is a leading single quote, which shows the text as text. */
	const char *guard = *s && strchr("=+-@\t\r", *s) ? "'" : "";
	if (strpbrk(s, ",\"\r\n") == NULL) {
		buf_adds(b, guard);
		buf_adds(b, s);
		return;
	}
	buf_adds(b, "\"");
	buf_adds(b, guard);
	for (const char *q; (q = strchr(s, '"')) != NULL; s = q + 1) {
		buf_add(b, s, (size_t)(q - s));
		buf_adds(b, "\"\"");
	}
	buf_adds(b, s);
	buf_adds(b, "\"");
}

void
csv_record(struct buf *b, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_adds(b, ",");
		cell(b, cells[i] ? cells[i] : "");
	}
	buf_adds(b, "\r\n");
}
