/* test_multipart: multipart/form-data bodies read into fields and files under limits (cgi/http/multipart.h). */
#include <string.h>

#include "buf.h"
#include "multipart.h"
#include "unit.h"
#include "valid.h"

#define CT "multipart/form-data; boundary=XyZ"

static struct arena a;
static const struct limits lim = {
	.max_fields = 10, .max_name = 16, .max_value = 64,
	.max_parts = 8, .max_part_head = 200, .max_file = 100, .max_upload = 2000, .max_form = 1000,
};

/* The body being built, and what the last parse made of it. */
static struct buf body;
static struct fields form;
static struct upload *up;
static size_t nup;

static void
start(void)
{
	buf_reset(&body);
}

static void
text(const char *s)
{
	buf_adds(&body, s);
}

static void
field(const char *name, const char *value)
{
	buf_addf(&body, "--XyZ\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n", name, value);
}

/* A file part; data may hold NULs (n bytes). type NULL: no Content-Type header. */
static void
file(const char *name, const char *filename, const char *type, const char *data, size_t n)
{
	buf_addf(&body, "--XyZ\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n", name, filename);
	if (type)
		buf_addf(&body, "Content-Type: %s\r\n", type);
	buf_adds(&body, "\r\n");
	buf_add(&body, data, n);
	buf_adds(&body, "\r\n");
}

static void
finish(void)
{
	text("--XyZ--\r\n");
}

static int
parse_with(const char *ct, const struct limits *l)
{
	memset(&form, 0, sizeof form);
	up = (struct upload *)&body;   /* anything but NULL: the parser must set it */
	nup = 99;
	return parse_multipart(&a, ct, buf_str(&body), body.len, l, &form, &up, &nup);
}

static int
parse(const char *ct)
{
	return parse_with(ct, &lim);
}

/* The status of a form of one text field. */
static int
one_field(const char *name, const char *value)
{
	start();
	field(name, value);
	finish();
	return parse(CT);
}

static void
test_normal(void)
{
	start();
	field("csrf", "c5cf");
	field("title", "Workshop in Bangkok");
	file("photo", "bangkok.jpg", "image/jpeg", "\xff\xd8\xff\0JFIF", 8);
	field("body", "Line one\r\nLine two\ttabbed");
	finish();
	CHECK_INT(parse(CT), 0, "a form of three fields and a file parses");
	CHECK_INT(form.n, 3, "three text fields");
	CHECK_STR(fields_get(&form, "csrf"), "c5cf", "the csrf field");
	CHECK_STR(fields_get(&form, "title"), "Workshop in Bangkok", "the title field");
	CHECK_STR(fields_get(&form, "body"), "Line one\r\nLine two\ttabbed", "CRLF and tab inside a value are kept");
	CHECK_INT(form.n == 3 ? form.v[2].len : 0, 25, "len is the value's length");
	CHECK_INT(nup, 1, "one file");
	CHECK_STR(nup ? up[0].name : NULL, "photo", "the file's field name");
	CHECK_STR(nup ? up[0].filename : NULL, "bangkok.jpg", "the file's name");
	CHECK_STR(nup ? up[0].content_type : NULL, "image/jpeg", "the file's Content-Type as sent");
	CHECK(nup && up[0].len == 8 && memcmp(up[0].data, "\xff\xd8\xff\0JFIF", 8) == 0,
	    "the file's bytes, NUL included, are exact");
	CHECK(nup && up[0].data > body.data && up[0].data + up[0].len < body.data + body.len,
	    "the file's bytes point into the body, not a copy");

	start();
	text("This is the preamble; --XyZ here is not a delimiter.\r\n");
	field("a", "1");
	text("--XyZ--\r\nThe epilogue, with --XyZ\r\nand more\r\n");
	CHECK_INT(parse(CT), 0, "a preamble and an epilogue are ignored");
	CHECK(form.n == 1 && nup == 0, "only the one field between them is read");
	CHECK_STR(fields_get(&form, "a"), "1", "the field between preamble and epilogue");

	start();
	text("--XyZ \t\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--XyZ--");
	CHECK_INT(parse(CT), 0, "padding after a boundary, and no CRLF after the last one, are fine");
	CHECK_STR(fields_get(&form, "a"), "x", "the field after a padded boundary");

	start();
	text("--XyZ\r\ncontent-disposition:form-data;name=a;filename=b.txt\r\nX-Other: ignored\r\n"
	    "CONTENT-TYPE:  text/plain; charset=utf-8  \r\n\r\nhello\r\n--XyZ--\r\n");
	CHECK_INT(parse(CT), 0, "header names in any case, unquoted values, no spaces, other headers");
	CHECK_STR(nup ? up[0].filename : NULL, "b.txt", "an unquoted filename");
	CHECK_STR(nup ? up[0].content_type : NULL, "text/plain; charset=utf-8", "the Content-Type trimmed");

	start();
	text("--XyZ\r\nContent-Disposition: form-data; name=\"q\\\"uote\"\r\n\r\nv\r\n--XyZ--\r\n");
	CHECK_INT(parse(CT), 0, "a backslash-escaped quote in a name parses");
	CHECK_STR(form.n ? form.v[0].name : NULL, "q\"uote", "the escaped quote is part of the name");

	start();
	text("--XyZ\r\nContent-Disposition: form-data; name=\"t\"\r\nContent-Type: text/plain\r\n\r\nplain\r\n--XyZ--");
	CHECK_INT(parse(CT), 0, "a text part with a Content-Type parses");
	CHECK(form.n == 1 && nup == 0, "a part without filename is a text field, Content-Type or not");
}

static void
test_content_type(void)
{
	start();
	field("a", "1");
	finish();
	CHECK_INT(parse("multipart/form-data; boundary=\"XyZ\""), 0, "a quoted boundary");
	CHECK_STR(fields_get(&form, "a"), "1", "the field under a quoted boundary");
	CHECK_INT(parse("Multipart/Form-Data; charset=utf-8; BOUNDARY=XyZ"), 0,
	    "type and parameter names in any case, another parameter first");
	CHECK_INT(parse("multipart/form-data ;boundary=XyZ ; x=\"y\""), 0, "spaces around ';' and a parameter after");
	CHECK_INT(parse("multipart/form-data; boundary=XyZ;"), 0, "a trailing ';'");
	CHECK_INT(parse("multipart/form-data; boundary=xyz"), 400, "the boundary is case-sensitive: nothing matches");

	start();
	text("--a b:c?(1)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--a b:c?(1)--\r\n");
	CHECK_INT(parse("multipart/form-data; boundary=\"a b:c?(1)\""), 0,
	    "a quoted boundary with a space and specials RFC 2046 allows");
	CHECK_STR(fields_get(&form, "a"), "1", "the field under that boundary");

	char *b70 = unit_repeat(&a, "b", 70);
	start();
	buf_addf(&body, "--%s\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--%s--\r\n", b70, b70);
	CHECK_INT(parse(arena_printf(&a, "multipart/form-data; boundary=%s", b70)), 0, "a 70-byte boundary");
	start();
	buf_addf(&body, "--%sb\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--%sb--\r\n", b70, b70);
	CHECK_INT(parse(arena_printf(&a, "multipart/form-data; boundary=%sb", b70)), 400,
	    "a 71-byte boundary is 400, though the body uses it");
	CHECK_INT(parse("multipart/form-data; boundary=\"\""), 400, "an empty boundary is 400");
	CHECK_INT(parse("multipart/form-data; boundary=\"a \""), 400, "a boundary ending in a space is 400");
	CHECK_INT(parse("multipart/form-data; boundary=\"a@b\""), 400, "a boundary with '@' is 400");
	CHECK_INT(parse("multipart/form-data; boundary=\"a"), 400, "an unterminated quoted boundary is 400");
	CHECK_INT(parse("multipart/form-data; boundary=XyZ; boundary=XyZ"), 400, "two boundaries are 400");
	CHECK_INT(parse("multipart/form-data; boundary"), 400, "a parameter without '=' is 400");

	CHECK_INT(parse("multipart/form-data"), 415, "no boundary is 415");
	CHECK_INT(parse("multipart/form-data; charset=utf-8"), 415, "parameters but no boundary is 415");
	CHECK_INT(parse("text/plain; boundary=XyZ"), 415, "text/plain is 415");
	CHECK_INT(parse("application/x-www-form-urlencoded"), 415, "an urlencoded type is 415");
	CHECK_INT(parse("multipart/mixed; boundary=XyZ"), 415, "multipart/mixed is 415");
	CHECK_INT(parse("multipart/form-dataX; boundary=XyZ"), 415, "a type that only starts like form-data is 415");
	CHECK_INT(parse(NULL), 415, "no Content-Type at all is 415");
	CHECK(up == NULL && nup == 0, "after a refusal there are no files");

	CHECK(is_multipart("multipart/form-data") && is_multipart("MULTIPART/FORM-DATA; boundary=x") &&
	    is_multipart("multipart/form-data ;boundary=x"), "is_multipart: the type, any case, with parameters");
	CHECK(!is_multipart(NULL) && !is_multipart("multipart/form") && !is_multipart("multipart/form-datas") &&
	    !is_multipart(" multipart/form-data"), "is_multipart: not another type, nor a prefix of one");
}

static void
test_files(void)
{
	start();
	file("photo", "one.jpg", "image/jpeg", "111", 3);
	field("caption", "Two photos and a PDF");
	file("photo", "two.png", "image/png", "22", 2);
	file("attachment", "three.pdf", NULL, "%PDF-1.7", 8);
	finish();
	CHECK_INT(parse(CT), 0, "several files parse");
	CHECK_INT(nup, 3, "three files");
	CHECK(nup == 3 && strcmp(up[0].filename, "one.jpg") == 0 && strcmp(up[1].filename, "two.png") == 0 &&
	    strcmp(up[2].filename, "three.pdf") == 0, "files come in the order sent");
	CHECK(nup == 3 && up[1].len == 2 && memcmp(up[1].data, "22", 2) == 0, "the second file's bytes");
	CHECK(nup == 3 && strcmp(up[2].name, "attachment") == 0 && strcmp(up[2].content_type, "") == 0,
	    "a file without Content-Type has \"\"");
	CHECK_STR(fields_get(&form, "caption"), "Two photos and a PDF", "the text field between files");
	CHECK(fields_get(&form, "photo") == NULL, "files are not text fields");

	start();
	file("doc", "empty.txt", "text/plain", "", 0);
	file("other", "", "application/octet-stream", "", 0);
	finish();
	CHECK_INT(parse(CT), 0, "an empty file and an empty file input parse");
	CHECK_INT(nup, 1, "an empty file input (no name, no bytes) is skipped");
	CHECK(nup == 1 && up[0].len == 0 && strcmp(up[0].filename, "empty.txt") == 0, "an empty file is kept");

	start();
	file("doc", "", NULL, "bytes", 5);
	finish();
	CHECK_INT(parse(CT), 0, "a file without a name but with bytes parses");
	CHECK(nup == 1 && up[0].len == 5 && strcmp(up[0].filename, "") == 0, "it is kept, its name \"\"");

	start();
	file("doc", "a.bin", NULL, unit_repeat(&a, "x", 100), 100);
	finish();
	CHECK_INT(parse(CT), 0, "a file of exactly max_file bytes is accepted");
	CHECK_INT(nup ? up[0].len : 0, 100, "the whole max_file file is there");
	start();
	file("doc", "a.bin", NULL, unit_repeat(&a, "x", 101), 101);
	finish();
	CHECK_INT(parse(CT), 413, "a file one byte over max_file is 413");

	start();
	file("caf\xc3", "a.txt", NULL, "x", 1);
	finish();
	CHECK_INT(parse(CT), 400, "a file's field name in invalid UTF-8 is 400");
	start();
	file(unit_repeat(&a, "n", 17), "a.txt", NULL, "x", 1);
	finish();
	CHECK_INT(parse(CT), 413, "a file's field name over max_name is 413");
}

/* The display name a filename="..." (n bytes, NULs allowed) is reduced to. */
static const char *
shown(const char *raw, size_t n)
{
	start();
	text("--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"");
	buf_add(&body, raw, n);
	text("\"\r\n\r\ndata\r\n--XyZ--\r\n");
	struct limits roomy = lim;
	roomy.max_part_head = 2048;   /* for the long names */
	int rc = parse_with(CT, &roomy);
	return rc == 0 && nup == 1 ? up[0].filename : "(refused)";
}

static void
test_filenames(void)
{
	CHECK_STR(shown("../../etc/passwd", 16), "passwd", "../../etc/passwd keeps only passwd");
	CHECK_STR(shown("C:\\Users\\Ana\\photo.jpg", 22), "photo.jpg", "a Windows path keeps its last part");
	CHECK_STR(shown("..\\..\\boot.ini", 14), "boot.ini", "backslashed ../ keeps only the last part");
	CHECK_STR(shown("dir/", 4), "", "a name ending in '/' is empty");
	CHECK_STR(shown("a\0b.txt", 7), "ab.txt", "NUL bytes are dropped");
	CHECK_STR(shown("a\x01\x1b[31mb\x7f.txt", 13), "a[31mb.txt", "control bytes are dropped");
	CHECK_STR(shown("evil\0/../x.sh", 13), "x.sh", "a NUL before a '/' hides nothing");
	CHECK_STR(shown("caf\xc3\xa9 \xe2\x80\x94 notes.pdf", 19), "caf\xc3\xa9 \xe2\x80\x94 notes.pdf",
	    "UTF-8 names are kept");
	CHECK_STR(shown("bad\xff\xc3(.txt", 10), "bad__(.txt", "invalid UTF-8 bytes become '_'");
	CHECK_STR(shown("a\\\"b.txt", 8), "a\"b.txt", "an escaped quote is part of the name");

	char *longname = unit_repeat(&a, "n", 300);
	CHECK_INT(strlen(shown(longname, 300)), LIMIT_FILENAME, "a 300-byte name is cut to LIMIT_FILENAME bytes");
	char *wide = arena_printf(&a, "xx%s", unit_repeat(&a, "\xc3\xa9", 150));   /* 2 + 2k bytes: byte 255 splits a character */
	const char *cut = shown(wide, strlen(wide));
	CHECK(strlen(cut) == LIMIT_FILENAME - 1 && utf8_valid(cut, strlen(cut)),
	    "a long UTF-8 name is cut between characters, not inside one");
}

#define PART_A "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
#define CD_A   "--XyZ\r\nContent-Disposition: form-data; name=\"a\""

/* Bodies under CT and the status each deserves. */
struct body_case {
	const char *body;
	int         want;
	const char *what;
};

static void
run_cases(const struct body_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		start();
		text(cases[i].body);
		CHECK_INT(parse(CT), cases[i].want, "%s", cases[i].what);
	}
}

static void
test_malformed(void)
{
	static const struct body_case cases[] = {
		{ PART_A, 400, "no final boundary is 400" },
		{ PART_A "--XyZ", 400, "a final boundary without its -- is 400" },
		{ PART_A "--XyZ\r\n", 400, "a boundary opening a part that never comes is 400" },
		{ CD_A, 400, "a body cut inside a part's headers is 400" },
		{ CD_A "\r\n", 400, "a body cut before the empty line is 400" },
		{ CD_A "\r\n--XyZ--\r\n", 400, "a boundary inside the headers (no empty line before it) is 400" },
		{ CD_A "\r\n\r\n--XyZ--\r\n", 400, "a part ending without the CRLF before the boundary is 400" },
		{ "--XyZ", 400, "a body that is only the boundary is 400" },
		{ "--XyZ\r\n", 400, "a body that is only an opening boundary line is 400" },
		{ "", 400, "an empty body is 400" },
		{ "no boundary anywhere", 400, "a body without the boundary is 400" },
		{ "--XyZ\r\n\r\nx\r\n--XyZ--\r\n", 400, "a part without headers is 400" },
		{ "--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--\r\n", 400,
		  "a part without Content-Disposition is 400" },
		{ "--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--\r\n", 400,
		  "a Content-Disposition without a name is 400" },
		{ "--XyZ\r\nContent-Disposition: form-data; filename=\"a.txt\"\r\n\r\nx\r\n--XyZ--\r\n", 400,
		  "a file part without a name is 400" },
		{ "--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n--XyZ--\r\n", 400, "an empty name is 400" },
		{ "--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--XyZ--\r\n", 400,
		  "a disposition other than form-data is 400" },
		{ CD_A "\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\nx\r\n--XyZ--\r\n", 400,
		  "two Content-Disposition headers are 400" },
		{ CD_A "; name=\"b\"\r\n\r\nx\r\n--XyZ--\r\n", 400, "two names are 400" },
		{ CD_A "; filename=\"x\"; filename=\"y\"\r\n\r\nx\r\n--XyZ--\r\n", 400, "two filenames are 400" },
		{ "--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--XyZ--\r\n", 400,
		  "an unterminated quoted name is 400" },
		{ CD_A " junk\r\n\r\nx\r\n--XyZ--\r\n", 400, "text after a quoted value is 400" },
		{ CD_A "\r\nno colon here\r\n\r\nx\r\n--XyZ--\r\n", 400, "a header line without a colon is 400" },
		{ "--XyZ\r\nContent-Disposition: form-data;\r\n name=\"a\"\r\n\r\nx\r\n--XyZ--\r\n", 400,
		  "a folded header line is 400" },
		{ CD_A "\r\nContent-Type: text/pl\x01in\r\n\r\nx\r\n--XyZ--\r\n", 400,
		  "a control byte in a part's Content-Type is 400" },
		{ CD_A "\r\nContent-Type: a/b\r\nContent-Type: c/d\r\n\r\nx\r\n--XyZ--\r\n", 400,
		  "two Content-Type headers are 400" },
	};
	run_cases(cases, sizeof cases / sizeof cases[0]);

	start();
	text("--XyZ--\r\n");
	CHECK_INT(parse(CT), 0, "a body that is only the closing boundary is an empty form");
	CHECK(form.n == 0 && nup == 0, "an empty form has no fields and no files");
}

static void
test_line_ends(void)
{
	static const struct body_case cases[] = {
		{ "--XyZ\rContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--XyZ\r", 400,
		  "boundary lines ending in CR without LF are 400" },
		{ CD_A "\rX-Other: y\r\n\r\nx\r\n--XyZ--\r\n", 400, "a CR without LF inside the headers is 400" },
		{ CD_A "\nX-Other: y\r\n\r\nx\r\n--XyZ--\r\n", 400, "an LF without CR inside the headers is 400" },
		{ "--XyZ\r\nX-Note: a\nContent-Disposition: form-data; name=\"evil\"\r\n"
		  "Content-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--XyZ--\r\n", 400,
		  "an LF alone in a header another reader would split there is 400" },
		{ CD_A "\r\nX-Note: a\rb\r\n\r\nx\r\n--XyZ--\r\n", 400, "a CR alone in a header no one reads is 400 still" },
		{ "--XyZ\nContent-Disposition: form-data; name=\"a\"\n\nx\n--XyZ--\n", 400,
		  "LF-only line ends throughout are 400" },
	};
	run_cases(cases, sizeof cases / sizeof cases[0]);

	start();
	text("--XyZ\rContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--XyZ--\r\n");
	CHECK_INT(parse(CT), 0, "a first boundary line ending in CR alone opens no part...");
	CHECK(form.n == 0 && nup == 0, "...so all before the closing boundary is preamble, and the form empty");
	start();
	text(CD_A "\r\n\r\nx\r--XyZ\r\n\r--XyZ--\r\n--XyZ--\r\n");
	CHECK_INT(parse(CT), 0, "a CR without LF before the boundary does not end the part");
	CHECK_STR(fields_get(&form, "a"), "x\r--XyZ\r\n\r--XyZ--", "it stays in the value");
}

static void
test_boundary_in_content(void)
{
	static const char content[] = "--XyZ at the start\r\nxx--XyZ\r\n\n--XyZ\r\n--XyZX\r\n--XyZ-\r\n--XyZ \tx\r\nend";
	start();
	file("f", "f.bin", NULL, content, sizeof content - 1);
	finish();
	CHECK_INT(parse(CT), 0, "a file holding the boundary in every non-delimiting way parses");
	CHECK(nup == 1 && up[0].len == sizeof content - 1 && memcmp(up[0].data, content, up[0].len) == 0,
	    "the boundary ends the part only after CRLF and before padding and CRLF or --");
	CHECK_INT(form.n, 0, "nothing inside the file became a field");

	start();
	file("f", "f.bin", NULL, "abc\r\n--XyZ", 10);
	finish();
	CHECK_INT(parse(CT), 400, "CRLF and the boundary inside content does end the part (then a bad part is 400)");
}

static void
test_text_fields(void)
{
	CHECK_INT(one_field("t", "caf\xc3"), 400, "a text value in invalid UTF-8 is 400");
	CHECK_INT(one_field("t", "a\xed\xa0\x80z"), 400, "a UTF-16 surrogate in a text value is 400");
	CHECK_INT(one_field("t", "a\x1b[0mb"), 400, "an escape control byte in a text value is 400");
	start();
	text("--XyZ\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\na");
	buf_add(&body, "\0", 1);
	text("b\r\n--XyZ--\r\n");
	CHECK_INT(parse(CT), 400, "a NUL in a text value is 400");
	CHECK_INT(one_field("t\x7f", "x"), 400, "DEL in a field name is 400");
	CHECK_INT(one_field("caf\xc3\xa9", "\xc3\xa9l\xc3\xa8ve\t\r\n"), 0, "UTF-8, tab and newlines are text");
	CHECK_STR(fields_get(&form, "caf\xc3\xa9"), "\xc3\xa9l\xc3\xa8ve\t\r\n", "the UTF-8 value is exact");

	CHECK_INT(one_field("v", unit_repeat(&a, "x", 64)), 0, "a value of exactly max_value bytes is accepted");
	CHECK_INT(one_field("v", unit_repeat(&a, "x", 65)), 413, "a value one byte over max_value is 413");
	CHECK_INT(one_field(unit_repeat(&a, "n", 16), "x"), 0, "a name of exactly max_name bytes is accepted");
	CHECK_INT(one_field(unit_repeat(&a, "n", 17), "x"), 413, "a name one byte over max_name is 413");

	start();
	field("row", "a");
	field("row", "b");
	finish();
	CHECK_INT(parse(CT), 0, "repeated names parse");
	CHECK_STR(fields_get_nth(&form, "row", 1), "b", "the second of a repeated name");
}

/* The same form sent both ways gives the same fields, in the same order. */
static void
test_like_urlencoded(void)
{
	start();
	field("csrf", "c5cf");
	field("title", "Caf\xc3\xa9 + tea & co = 100%");
	field("body", "One\r\n\r\nTwo");
	field("empty", "");
	finish();
	CHECK_INT(parse(CT), 0, "the multipart form parses");
	struct fields mp = form, ue = { 0 };
	const char *enc = "csrf=c5cf&title=Caf%C3%A9+%2B+tea+%26+co+%3D+100%25&body=One%0D%0A%0D%0ATwo&empty=";
	CHECK_INT(parse_urlencoded(&a, enc, strlen(enc), &lim, &ue), 0, "the urlencoded form parses");
	int same = mp.n == ue.n;
	for (size_t i = 0; same && i < mp.n; i++)
		same = strcmp(mp.v[i].name, ue.v[i].name) == 0 && mp.v[i].len == ue.v[i].len &&
		    memcmp(mp.v[i].value, ue.v[i].value, mp.v[i].len + 1) == 0;
	CHECK(same, "multipart and urlencoded give the same names, values and lengths");
}

static void
test_limits(void)
{
	start();
	for (int i = 0; i < 8; i++)
		field(arena_printf(&a, "f%d", i), "v");
	finish();
	CHECK_INT(parse(CT), 0, "exactly max_parts parts are accepted");
	CHECK_INT(form.n, 8, "all max_parts fields are kept");
	start();
	for (int i = 0; i < 9; i++)
		field(arena_printf(&a, "f%d", i), "v");
	finish();
	CHECK_INT(parse(CT), 413, "one part over max_parts is 413");
	/* The text of a form stays within max_form (max_body) however many parts share it. */
	struct limits text_cap = lim;
	text_cap.max_form = 124;
	start();
	field("f0", unit_repeat(&a, "x", 60));
	field("f1", unit_repeat(&a, "x", 60));
	finish();
	CHECK_INT(parse_with(CT, &text_cap), 0, "text fields of exactly max_form bytes, names and values, are accepted");
	text_cap.max_form = 123;
	CHECK_INT(parse_with(CT, &text_cap), 413, "text fields one byte over max_form together are 413");
	start();
	for (int i = 0; i < 9; i++)
		file("f", "", NULL, "", 0);
	finish();
	CHECK_INT(parse(CT), 413, "skipped empty file inputs still count as parts");

	struct limits few = lim;
	few.max_fields = 2;
	start();
	field("a", "1");
	file("f", "f.txt", NULL, "x", 1);
	field("b", "2");
	finish();
	CHECK_INT(parse_with(CT, &few), 0, "max_fields text fields and a file are accepted");
	start();
	field("a", "1");
	field("b", "2");
	field("c", "3");
	finish();
	CHECK_INT(parse_with(CT, &few), 413, "one text field over max_fields is 413");

	/* A header block of exactly n bytes: the Content-Disposition line, CRLF, a padded header. */
	const char *cd = "Content-Disposition: form-data; name=\"a\"\r\nX-Pad: ";
	for (size_t n = 200; n <= 201; n++) {
		start();
		buf_addf(&body, "--XyZ\r\n%s%s\r\n\r\nx\r\n--XyZ--\r\n", cd, unit_repeat(&a, "p", n - strlen(cd)));
		CHECK_INT(parse(CT), n == 200 ? 0 : 413, "a header block of %zu bytes against max_part_head 200", n);
	}

	start();
	file("f", "big.bin", NULL, unit_repeat(&a, "x", 100), 100);
	field("a", "1");
	finish();
	struct limits small = lim;
	small.max_upload = body.len;
	CHECK_INT(parse_with(CT, &small), 0, "a body of exactly max_upload bytes is accepted");
	small.max_upload = body.len - 1;
	CHECK_INT(parse_with(CT, &small), 413, "a body one byte over max_upload is 413");
}

int
main(int argc, char **argv)
{
	unit_start(argc, argv, "multipart");
	test_normal();
	test_content_type();
	test_files();
	test_filenames();
	test_malformed();
	test_line_ends();
	test_boundary_in_content();
	test_text_fields();
	test_like_urlencoded();
	test_limits();
	buf_free(&body);
	arena_free(&a);
	return unit_end();
}
