/* markdown: renders an author's Markdown with cmark in safe mode; the output is the only raw HTML served. */
#include <cmark.h>

#include "markdown.h"

char *
markdown_to_html(const char *md, size_t len)
{
	/* SAFE drops raw HTML and javascript:/vbscript:/file:/data: links; SMART makes typographic quotes.
	 * VALIDATE_UTF8 puts U+FFFD for bad bytes, which cmark otherwise copies into the page: bodies
	 * also arrive by the CLI and imports, which the request parser's UTF-8 check never saw. */
	return cmark_markdown_to_html(md, len, CMARK_OPT_SAFE | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8);
}
