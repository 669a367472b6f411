/* test_opendata: the open-data templates' escaping: JSON strings (api_*.tpl) and XML (feed_*.tpl). */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "view.h"

/* What a person can type into a title: req.c lets through tabs and newlines, no other control byte. */
static const char hostile[] = "\"Q\" \\ / </script> & 'a' <b> \xc3\xa9 \xe2\x80\xa8 line\nnext\ttab\r";

static char *
expand(const char *file, view_dict *d)
{
	char *s = view_expand(file, d, NULL);
	view_dict_free(d);
	return s;
}

static void
test_json(void)
{
	view_dict *d = view_dict_new("error");
	view_set_int(d, "STATUS", 404);
	view_set(d, "MESSAGE", hostile);
	char *s = expand("api_error.tpl", d);
	CHECK_STR(s, "{\"error\": {\"status\": 404, \"message\": \"\\\"Q\\\" \\\\ \\/ \\u003C\\/script\\u003E "
	    "\\u0026 'a' \\u003Cb\\u003E \xc3\xa9 \xe2\x80\xa8 line\\nnext\\ttab\\r\"}}\n",
	    "a JSON string: quotes, backslash, <, >, & and newlines escaped as JSON allows (no \\x escapes)");
	CHECK(s && !strstr(s, "\\x"), "no \\x escape, which JSON does not have");
	free(s);

	d = view_dict_new("org");
	view_set_int(d, "ID", 3);
	view_set(d, "SLUG", "agc");
	view_set(d, "NAME", hostile);
	view_show(d, "SHORT_NAME_NULL");
	view_set(d, "URL", "https://agc.example/organisations/agc");
	view_set(d, "API_URL", "https://agc.example/api/v1/organisations/3");
	s = expand("api_org_ref.tpl", d);
	CHECK(s && strstr(s, "\"short_name\": null,"), "a missing value is JSON null, not a string");
	CHECK(s && strstr(s, "\"name\": \"\\\"Q\\\" \\\\"), "a name is escaped in the partials too");
	CHECK(s && strstr(s, "\"url\": \"https:\\/\\/agc.example\\/organisations\\/agc\""), "a URL is a JSON string");
	free(s);
}

static void
test_xml(void)
{
	view_dict *d = view_dict_new("sitemap");
	view_dict *u = view_add_section(d, "URL");
	view_set(u, "LOC", "https://agc.example/news/2025/02/a?x=1&y=<2>");
	char *s = expand("feed_sitemap.tpl", d);
	CHECK(s && strncmp(s, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n", 39) == 0,
	    "the sitemap starts with the XML declaration, nothing before it");
	CHECK(s && strstr(s, "<loc>https://agc.example/news/2025/02/a?x=1&amp;y=&lt;2&gt;</loc>"),
	    "& and < in a <loc> are escaped");
	free(s);

	d = view_dict_new("atom");
	view_set(d, "TITLE", hostile);
	view_set(d, "SELF_URL", "https://agc.example/feed.atom?a=\"1\"");
	view_dict *e = view_add_section(d, "ENTRY");
	view_set(e, "CONTENT", "<p>Body &amp; <a href=\"https://x.example/?a=1&b=2\">link</a></p>");
	s = expand("feed_atom.tpl", d);
	CHECK(s && strncmp(s, "<?xml ", 6) == 0, "the feed starts with the XML declaration");
	CHECK(s && strstr(s, "<title>&quot;Q&quot; \\ / &lt;/script&gt; &amp; &#39;a&#39; &lt;b&gt;"),
	    "a title is XML text: quotes, <, > and & escaped");
	CHECK(s && strstr(s, "href=\"https://agc.example/feed.atom?a=&quot;1&quot;\""), "a quote cannot leave an attribute");
	CHECK(s && strstr(s, "<content type=\"html\">&lt;p&gt;Body &amp;amp; &lt;a href=&quot;https://x.example/?a=1&amp;b=2&quot;&gt;"),
	    "type=\"html\" content is the HTML escaped once as text");
	free(s);
}

int
main(int argc, char **argv)
{
	unit_start(argc, argv, "opendata");
	view_init("templates");
	test_json();
	test_xml();
	view_shutdown();
	return unit_end();
}
