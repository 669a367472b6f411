/* test_markdown: authors' Markdown becomes safe HTML: no raw HTML, no script links (cgi/lib/markdown.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "markdown.h"
#include "unit.h"

static char *
md(const char *s)
{
	return markdown_to_html(s, strlen(s));
}

/* Case-insensitive strstr: browsers read "JaVaScRiPt:" as a scheme too. */
static int
icontains(const char *hay, const char *needle)
{
	if (hay == NULL)
		return 0;
	size_t n = strlen(needle);
	for (; *hay; hay++) {
		size_t i = 0;
		while (i < n && hay[i] && tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return 1;
	}
	return 0;
}

/* Whether any href or src attribute value in html holds scheme, or an entity that could spell one. */
static int
url_attr_has(const char *html, const char *scheme)
{
	static const char *const attrs[] = { "href=\"", "src=\"" };
	for (size_t k = 0; k < 2; k++)
		for (const char *p = html; p && (p = strstr(p, attrs[k])) != NULL; ) {
			p += strlen(attrs[k]);
			size_t n = strcspn(p, "\"");
			char value[512];
			snprintf(value, sizeof value, "%.*s", (int)(n < sizeof value ? n : sizeof value - 1), p);
			if (icontains(value, scheme) || strstr(value, "&#") != NULL)
				return 1;
			p += n;
		}
	return 0;
}

static size_t
count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; p && (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

/* Renders input, checks expect against the output, and frees it. */
#define RENDER_IS(input, want, ...) do { \
	char *out_ = md(input); \
	CHECK_STR(out_, want, __VA_ARGS__); \
	free(out_); \
} while (0)

static void
test_blocks(void)
{
	RENDER_IS("Hello *world* and **all**", "<p>Hello <em>world</em> and <strong>all</strong></p>\n",
	    "a paragraph with emphasis");
	RENDER_IS("one\n\ntwo", "<p>one</p>\n<p>two</p>\n", "a blank line separates paragraphs");
	RENDER_IS("# Title\n\n## Sub", "<h1>Title</h1>\n<h2>Sub</h2>\n", "ATX headings");
	RENDER_IS("Title\n=====", "<h1>Title</h1>\n", "a setext heading");
	RENDER_IS("- a\n- b\n", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n", "a bullet list");
	RENDER_IS("1. one\n2. two\n", "<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n", "a numbered list");
	RENDER_IS("> quoted", "<blockquote>\n<p>quoted</p>\n</blockquote>\n", "a block quote");
	RENDER_IS("a < b & c > d", "<p>a &lt; b &amp; c &gt; d</p>\n", "text special characters are escaped");
	RENDER_IS("\"Quoted\" -- it's", "<p>\xe2\x80\x9cQuoted\xe2\x80\x9d \xe2\x80\x93 it\xe2\x80\x99s</p>\n",
	    "smart punctuation: curly quotes, en dash, apostrophe");
	RENDER_IS("", "", "empty input renders to nothing");

	char *out = markdown_to_html("abc*def*", 3);
	CHECK_STR(out, "<p>abc</p>\n", "only len bytes are rendered");
	free(out);
	out = markdown_to_html("a\0b", 3);
	CHECK(CONTAINS(out, "a\xef\xbf\xbd" "b"), "an embedded NUL becomes U+FFFD, not the end of the text");
	free(out);
}

static void
test_raw_html(void)
{
	char *out = md("<script>alert(1)</script>");
	CHECK(out && !icontains(out, "<script"), "a <script> block is not passed through");
	free(out);
	out = md("text <script>alert(1)</script> more");
	CHECK(out && !icontains(out, "<script") && CONTAINS(out, "text"), "inline <script> is dropped, text kept");
	free(out);
	out = md("<img src=x onerror=alert(1)>");
	CHECK(out && !icontains(out, "<img") && !icontains(out, "onerror"), "a raw <img onerror> block is dropped");
	free(out);
	out = md("see <img src=x onerror=alert(1)> here");
	CHECK(out && !icontains(out, "<img") && !icontains(out, "onerror"), "an inline <img onerror> is dropped");
	free(out);
	out = md("<a href=\"javascript:alert(1)\">x</a>");
	CHECK(out && !icontains(out, "<a ") && !icontains(out, "javascript:"), "a raw <a href=javascript:> is dropped");
	free(out);
	out = md("<div onclick=\"alert(1)\">\n\n*x*\n\n</div>");
	CHECK(out && !icontains(out, "<div") && !icontains(out, "onclick"), "a raw <div onclick> is dropped");
	free(out);
	out = md("<iframe src=\"https://evil.example\"></iframe>");
	CHECK(out && !icontains(out, "<iframe"), "a raw <iframe> is dropped");
	free(out);
	out = md("<!-- x --><style>body{display:none}</style>");
	CHECK(out && !icontains(out, "<style"), "a raw <style> is dropped");
	free(out);
	out = md("`<script>` and\n\n    <b>code</b>");
	CHECK(out && CONTAINS(out, "<code>&lt;script&gt;</code>") && CONTAINS(out, "&lt;b&gt;code&lt;/b&gt;"),
	    "HTML in code is shown escaped");
	free(out);
}

static void
test_links(void)
{
	static const char *const bad[] = {
		"[x](javascript:alert(1))",
		"[x](JaVaScRiPt:alert(1))",
		"[x](jav&#x61;script:alert(1))",
		"[x](<javascript:alert(1)>)",
		"[x](javascript:alert(1) \"title\")",
		"<javascript:alert(1)>",
		"![i](javascript:alert(1))",
		"[x][r]\n\n[r]: javascript:alert(1)",
		"[x](vbscript:msgbox(1))",
		"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
		"[x](file:///etc/passwd)",
	};
	static const char *const scheme[] = {
		"javascript:", "javascript:", "javascript:", "javascript:", "javascript:", "javascript:",
		"javascript:", "javascript:", "vbscript:", "data:", "file:",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *out = md(bad[i]);
		CHECK(out && CONTAINS(out, "<") && !url_attr_has(out, scheme[i]),
		    "no %s URL from %s", scheme[i], bad[i]);
		if (out && url_attr_has(out, scheme[i]))
			fprintf(stderr, "#   got: %s", out);
		free(out);
	}

	RENDER_IS("[x](https://example.org/a?b=1&c=2)", "<p><a href=\"https://example.org/a?b=1&amp;c=2\">x</a></p>\n",
	    "an https link is kept, & escaped");
	RENDER_IS("[mail](mailto:press@example.org)", "<p><a href=\"mailto:press@example.org\">mail</a></p>\n",
	    "a mailto link is kept");
	RENDER_IS("[x](/releases/2025/02/a)", "<p><a href=\"/releases/2025/02/a\">x</a></p>\n",
	    "a site-relative link is kept");
	char *out = md("[x](<https://e.example/\" onmouseover=\"alert(1)>)");
	CHECK(out && CONTAINS(out, "<a href=") && !CONTAINS(out, "\" onmouseover"),
	    "a quote in a link cannot end the href attribute");
	free(out);
	out = md("[x](https://e.example \"t\\\" onmouseover=\\\"alert(1)\")");
	CHECK(out && CONTAINS(out, "title=\"t&quot; onmouseover=&quot;alert(1)\""),
	    "a quote in a link title is escaped");
	free(out);
}

static void
test_large(void)
{
	struct buf b = { 0 };
	size_t n = 0;
	while (b.len < 200 * 1024)
		buf_addf(&b, "Paragraph %zu has *emphasis*, a [link](https://example.org/%zu) and <b>tags</b>.\n\n", n, n), n++;
	char *out = markdown_to_html(b.data, b.len);
	CHECK(out != NULL && strncmp(out, "<p>Paragraph 0 has <em>", 23) == 0, "a 200 KB document renders");
	CHECK_INT(count(out, "<p>"), n, "every paragraph of the 200 KB document is rendered");
	CHECK_INT(count(out, "<a href=\"https://example.org/"), n, "every link of the 200 KB document is kept");
	CHECK(out && !CONTAINS(out, "<b>"), "no raw tag survives in the 200 KB document");
	free(out);
	buf_free(&b);

	/* Inputs that are slow in naive parsers must still be quick and must not crash. */
	buf_reset(&b);
	for (int i = 0; i < 5000; i++)
		buf_adds(&b, "[");
	for (int i = 0; i < 5000; i++)
		buf_adds(&b, "*a");
	for (int i = 0; i < 1000; i++)
		buf_adds(&b, "> ");
	buf_adds(&b, "deep\n");
	out = markdown_to_html(b.data, b.len);
	CHECK(out != NULL && CONTAINS(out, "deep"), "pathological brackets, emphasis and nesting render");
	free(out);
	buf_free(&b);
}

/* Found by tests/fuzz/fuzz_markdown (regress/markdown/invalid-utf8): cmark copied bad bytes into the page. */
static void
test_invalid_utf8(void)
{
	char *out = md("caf\xe9 \x8a \xed\xa0\x80 Bangkok");
	CHECK(out && CONTAINS(out, "caf\xef\xbf\xbd \xef\xbf\xbd") && !CONTAINS(out, "\x8a"),
	    "invalid UTF-8 in a body becomes U+FFFD in the HTML");
	free(out);
}

int
main(int argc, char **argv)
{
	unit_start(argc, argv, "markdown");
	test_blocks();
	test_raw_html();
	test_links();
	test_large();
	test_invalid_utf8();
	return unit_end();
}
