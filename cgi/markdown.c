/* markdown: renders an author's Markdown with cmark in safe mode; the output is the only raw HTML served. */
#include <cmark.h>

#include "markdown.h"

char *
markdown_to_html(const char *md, size_t len)
{
	/* SAFE drops raw HTML and javascript:/vbscript:/file:/data: links; SMART makes typographic quotes. */
	return cmark_markdown_to_html(md, len, CMARK_OPT_SAFE | CMARK_OPT_SMART);
}
