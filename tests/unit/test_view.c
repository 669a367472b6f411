/* test_view: ctemplate through the C API: escaping by context, sections, includes (cgi/lib/view.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "view.h"

static const char evil[] = "<script>alert(1)</script> \"q\" 'a' & b onmouseover=alert(1)";

/* Expands file with d; the caller frees. */
static char *
expand(const char *file, view_dict *d)
{
	size_t len = 0;
	char *s = view_expand(file, d, &len);
	if (s && strlen(s) != len)
		fprintf(stderr, "#   view_expand(%s): len %zu, strlen %zu\n", file, len, strlen(s));
	return s;
}

/* Expands file with a dictionary holding one value. */
static char *
expand1(const char *file, const char *key, const char *value)
{
	view_dict *d = view_dict_new("one");
	view_set(d, key, value);
	char *s = expand(file, d);
	view_dict_free(d);
	return s;
}

static void
test_html_escaping(void)
{
	char *s = expand1("text.tpl", "X", evil);
	CHECK(s != NULL, "text.tpl expands");
	CHECK(s && !CONTAINS(s, "<script") && CONTAINS(s, "&lt;script&gt;alert(1)&lt;/script&gt;"),
	    "<script> in HTML text is escaped");
	CHECK(CONTAINS(s, "&quot;q&quot;") && CONTAINS(s, "&#39;a&#39;") && CONTAINS(s, "&amp; b"),
	    "quotes and ampersands in HTML text are escaped");
	free(s);

	s = expand1("attr.tpl", "X", evil);
	CHECK(s && strncmp(s, "<input value=\"&lt;script", 24) == 0, "a value in a quoted attribute is escaped");
	CHECK(s && !CONTAINS(s, "\"q\"") && !CONTAINS(s, "\" onmouseover"),
	    "a '\"' cannot break out of value=\"{{X}}\"");
	const char *unquoted = s ? strstr(s, "<input title=") : NULL;
	CHECK(unquoted && strcspn(unquoted + 13, " \t\n\"'<>") == strcspn(unquoted + 13, ">"),
	    "no space, quote or '<' in an unquoted title={{X}}, so no new attribute");
	free(s);

	s = expand1("script.tpl", "J", "\"</script><script>alert(1)</script>");
	CHECK(s && !CONTAINS(s, "</script><script>") && CONTAINS(s, "var x = \"\\x22\\x3c/script"),
	    "a value in a <script> string is JavaScript-escaped");
	free(s);

	char value[] = "first";
	view_dict *d = view_dict_new("copy");
	view_set(d, "X", value);
	memcpy(value, "other", 5);
	s = expand("text.tpl", d);
	CHECK_STR(s, "<p>first</p>\n", "view_set copies the value");
	free(s);
	view_set(d, "X", NULL);
	s = expand("text.tpl", d);
	CHECK_STR(s, "<p></p>\n", "a NULL value expands to nothing");
	free(s);
	view_dict_free(d);

	s = expand1("raw.tpl", "RAW", "<b>bold</b>");
	CHECK(s && strncmp(s, "<div><b>bold</b></div>", 22) == 0, "{{RAW:none}} inserts HTML as it is");
	free(s);
}

static void
test_url_escaping(void)
{
	char *s = expand1("url.tpl", "URL", "javascript:alert(1)");
	CHECK_STR(s, "<a href=\"#\">link</a><img src=\"#\">\n", "a javascript: URL in href and src becomes #");
	free(s);
	s = expand1("url.tpl", "URL", " JaVaScRiPt:alert(1)");
	CHECK(s && !CONTAINS(s, "alert"), "a mixed-case javascript: URL with a leading space is neutralised");
	free(s);
	s = expand1("url.tpl", "URL", "data:text/html;base64,PHNjcmlwdD4=");
	CHECK(s && !CONTAINS(s, "data:"), "a data: URL is neutralised");
	free(s);
	s = expand1("url.tpl", "URL", "https://example.org/?a=1&b=2\"x");
	CHECK(s && CONTAINS(s, "href=\"https://example.org/?a=1&amp;b=2&quot;x\""),
	    "an https URL is kept, & and \" escaped");
	free(s);
	s = expand1("url.tpl", "URL", "/releases/2025/02/a-b?page=2");
	CHECK(s && CONTAINS(s, "href=\"/releases/2025/02/a-b?page=2\""), "a site-relative URL is kept");
	free(s);
	s = expand1("url_unquoted.tpl", "URL", "/ok");
	CHECK(s == NULL, "a template with an unquoted URL attribute is refused");
	free(s);
}

static void
test_sections(void)
{
	view_dict *d = view_dict_new("sections");
	char *s = expand("sections.tpl", d);
	CHECK_STR(s, "<ul></ul>\n", "sections are hidden unless shown or added");
	free(s);

	view_set(d, "OUTER", "o");
	for (long i = 1; i <= 3; i++)
		view_set_int(view_add_section(d, "ROW"), "N", i * 10);
	view_show(d, "SHOWN");
	s = expand("sections.tpl", d);
	CHECK(CONTAINS(s, "<ul><li>10:o</li><li>20:o</li><li>30:o</li></ul>"),
	    "an added section repeats once per dictionary, in order, and sees its parent's values");
	CHECK(CONTAINS(s, "<p>shown o</p>"), "view_show shows a section once");
	CHECK(s && !CONTAINS(s, "hidden"), "a section never shown stays hidden");
	free(s);
	view_dict_free(d);

	d = view_dict_new("number");
	view_set_int(d, "N", -9223372036854775807L);
	s = expand("number.tpl", d);
	CHECK_STR(s, "<p>-9223372036854775807</p>\n", "view_set_int writes a negative long");
	free(s);
	view_set_int(d, "N", 0);
	s = expand("number.tpl", d);
	CHECK_STR(s, "<p>0</p>\n", "view_set_int replaces the value, 0 included");
	free(s);
	view_dict_free(d);
}

static void
test_includes(void)
{
	view_dict *d = view_dict_new("layout");
	view_set_global(d, "G", "<global>");
	view_set(d, "P", "parent");
	view_dict *c = view_add_include(d, "CONTENT", "child.tpl");
	view_set(c, "C", "child");
	view_show(c, "GSECTION");
	char *s = expand("layout.tpl", d);
	CHECK(CONTAINS(s, "<title>&lt;global&gt;</title>"), "a global value shows, escaped, in its own template");
	CHECK(CONTAINS(s, "g=\"&lt;global&gt;\""), "view_set_global reaches an included template");
	CHECK(CONTAINS(s, "in a section &lt;global&gt;"), "view_set_global reaches a section of an included template");
	CHECK(CONTAINS(s, "p=\"\""), "an ordinary value of the parent does not reach an included template");
	CHECK(CONTAINS(s, "<footer>parent</footer>"), "the parent's ordinary value shows in the parent");
	CHECK(CONTAINS(s, "c=\"child\""), "the include's own dictionary fills the included template");
	free(s);
	view_dict_free(d);

	d = view_dict_new("layout");
	view_set(d, "P", "parent");
	s = expand("layout.tpl", d);
	CHECK(s && CONTAINS(s, "<footer>parent</footer>") && !CONTAINS(s, "<main"),
	    "an include without a dictionary expands to nothing");
	free(s);
	view_add_include(d, "CONTENT", "missing.tpl");
	s = expand("layout.tpl", d);
	CHECK(s == NULL, "an include of a missing file makes view_expand fail");
	free(s);
	view_dict_free(d);

	char file[] = "child.tpl";
	d = view_dict_new("layout");
	view_set(view_add_include(d, "CONTENT", file), "C", "kept");
	memcpy(file, "gone.tpl", sizeof "gone.tpl");
	s = expand("layout.tpl", d);
	CHECK(CONTAINS(s, "c=\"kept\""), "view_add_include copies the file name");
	free(s);
	view_dict_free(d);

	/* Two independent dictionaries: a global of one must not leak into the other. */
	view_dict *a = view_dict_new("a"), *b = view_dict_new("b");
	view_set_global(a, "G", "from-a");
	view_add_include(b, "CONTENT", "child.tpl");
	s = expand("layout.tpl", b);
	CHECK(s && !CONTAINS(s, "from-a"), "a template-global value stays in its own dictionary tree");
	free(s);
	view_dict_free(a);
	view_dict_free(b);
}

static void
test_failures(void)
{
	view_dict *d = view_dict_new("x");
	size_t len = 12345;
	char *s = view_expand("missing.tpl", d, &len);
	CHECK(s == NULL, "view_expand of a missing template returns NULL");
	CHECK_INT(len, 12345, "a failed expansion leaves len alone");
	s = view_expand("broken.tpl", d, NULL);
	CHECK(s == NULL, "view_expand of a template that does not parse returns NULL");
	s = view_expand("text.tpl", d, NULL);
	CHECK_STR(s, "<p></p>\n", "view_expand accepts a NULL len");
	free(s);
	view_dict_free(d);
}

int
main(int argc, char **argv)
{
	unit_start(argc, argv, "view");
	view_init("tests/unit/templates");
	test_html_escaping();
	test_url_escaping();
	test_sections();
	test_includes();
	test_failures();
	view_shutdown();
	return unit_end();
}
