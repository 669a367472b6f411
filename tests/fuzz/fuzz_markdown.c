/* fuzz_markdown: an author's Markdown through cmark in safe mode: only cmark's own tags and attributes come out. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fuzz.h"
#include "markdown.h"
#include "valid.h"

static int
listed(const char *word, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && strncmp(*list, word, n) == 0)
			return 1;
	return 0;
}

/* Every tag is one cmark writes for Markdown, with only the attributes cmark gives it: the raw
 * HTML an author typed (a script, an onerror) is omitted, never passed through. */
static void
only_cmark_tags(const char *html)
{
	static const char *const tags[] = { "p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "a", "img",
		"code", "pre", "blockquote", "ul", "ol", "li", "hr", "br", NULL };
	static const char *const attrs[] = { "href", "src", "alt", "title", "start", "class", NULL };
	for (const char *p = strchr(html, '<'); p; p = strchr(p + 1, '<')) {
		if (strncmp(p, "<!-- raw HTML omitted -->", 25) == 0)
			continue;
		const char *name = p + 1 + (p[1] == '/');
		size_t n = strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789");
		if (!listed(name, n, tags))
			fuzz_fail("cmark writes only its own tags", p);
		const char *end = strchr(name, '>');
		if (end == NULL)
			fuzz_fail("every tag is closed", p);
		for (const char *a = name + n; a < end;) {
			a += strspn(a, " /");
			if (a >= end)
				break;
			size_t an = strcspn(a, "=> ");
			if (!listed(a, an, attrs))
				fuzz_fail("cmark writes only its own attributes", p);
			if (a[an] != '=' || a[an + 1] != '"')
				fuzz_fail("every attribute value is quoted", p);
			const char *close = strchr(a + an + 2, '"');
			if (close == NULL || close > end)
				fuzz_fail("an attribute value holds no quote or '>'", p);
			if ((strncmp(a, "href", an) == 0 || strncmp(a, "src", an) == 0) &&
			    (strncasecmp(a + an + 2, "javascript:", 11) == 0 || strncasecmp(a + an + 2, "vbscript:", 9) == 0 ||
			    strncasecmp(a + an + 2, "data:text", 9) == 0 || strncasecmp(a + an + 2, "file:", 5) == 0))
				fuzz_fail("safe mode blanks dangerous link targets", p);
			a = close + 1;
		}
		p = end;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *html = markdown_to_html((const char *)data, size);
	if (html == NULL)
		fuzz_fail("cmark renders every input", NULL);
	/* cmark puts U+FFFD in place of invalid bytes and NUL: the page is valid UTF-8 whatever was typed. */
	if (!utf8_valid(html, strlen(html)))
		fuzz_fail("the rendered HTML is valid UTF-8", html);
	only_cmark_tags(html);
	free(html);
	return 0;
}
