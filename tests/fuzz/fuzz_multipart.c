/* fuzz_multipart: multipart/form-data bodies (parse_multipart) and what it promises of its fields and files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "fuzz.h"
#include "multipart.h"
#include "valid.h"

#define FIXED_TYPE "multipart/form-data; boundary=XyZ"

/* What parse_urlencoded promises of a field holds here too: no NUL, valid UTF-8, no control byte
 * but tab, CR and LF. */
static void
check_text(const char *what, const char *s, size_t len)
{
	if (strlen(s) != len || !utf8_valid(s, len))
		fuzz_fail("a text field holds no NUL and is valid UTF-8", what);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7f)
			fuzz_fail("a text field holds no control byte but tab, CR and LF", what);
}

static void
check_form(const struct fields *f, const struct limits *lim)
{
	if (f->n > lim->max_fields)
		fuzz_fail("no more fields than the limit", NULL);
	for (size_t i = 0; i < f->n; i++) {
		check_text("name", f->v[i].name, strlen(f->v[i].name));
		check_text("value", f->v[i].value, f->v[i].len);
		if (strlen(f->v[i].name) > lim->max_name || f->v[i].len > lim->max_value || !*f->v[i].name)
			fuzz_fail("every field name is 1 to max_name bytes, every value up to max_value", f->v[i].name);
	}
}

/* A file's name is for display: a last component only, plain UTF-8 text, short. */
static void
check_file(const struct upload *u, const char *body, size_t n, const struct limits *lim)
{
	check_text("file field name", u->name, strlen(u->name));
	size_t fl = strlen(u->filename);
	if (fl > LIMIT_FILENAME || !utf8_valid(u->filename, fl) || strpbrk(u->filename, "/\\"))
		fuzz_fail("a file name is valid UTF-8 of at most LIMIT_FILENAME bytes, without '/' or '\\'", u->filename);
	for (const unsigned char *p = (const unsigned char *)u->filename; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			fuzz_fail("a file name holds no control byte", u->filename);
	for (const unsigned char *p = (const unsigned char *)u->content_type; *p; p++)
		if ((*p < 0x20 && *p != '\t') || *p >= 0x7f)
			fuzz_fail("a file's Content-Type is printable ASCII", u->content_type);
	if (u->len > lim->max_file || u->data < body || u->data + u->len > body + n)
		fuzz_fail("a file is at most max_file bytes, all inside the body", u->name);
}

/* Parses and checks; the status is returned. The files point into body, which must outlive them. */
static int
parse(const char *type, const char *body, size_t n, const struct limits *lim, struct arena *a,
    struct fields *f, struct upload **files, size_t *nfiles)
{
	int rc = parse_multipart(a, type, body, n, lim, f, files, nfiles);
	if (rc != 0 && rc != 400 && rc != 413 && rc != 415)
		fuzz_fail("parse_multipart answers 0, 400, 413 or 415", type);
	if (!is_multipart(type) && rc != 415)
		fuzz_fail("anything but multipart/form-data is 415", type);
	check_form(f, lim);
	if (*nfiles > lim->max_parts || (*nfiles && *files == NULL))
		fuzz_fail("no more files than parts", type);
	for (size_t i = 0; i < *nfiles; i++)
		check_file(&(*files)[i], body, n, lim);
	return rc;
}

static void
add_quoted(struct buf *b, const char *s)
{
	buf_adds(b, "\"");
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_adds(b, "\\");
		buf_add(b, s, 1);
	}
	buf_adds(b, "\"");
}

static int
holds(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(s + i, needle, k) == 0)
			return 1;
	return 0;
}

/* A boundary that none of the values or files holds. */
static void
pick_boundary(char *b, size_t size, const struct fields *f, const struct upload *u, size_t nu)
{
	for (unsigned i = 0;; i++) {
		snprintf(b, size, "rt%u", i);
		int clash = 0;
		for (size_t j = 0; j < f->n && !clash; j++)
			clash = holds(f->v[j].value, f->v[j].len, b);
		for (size_t j = 0; j < nu && !clash; j++)
			clash = holds(u[j].data, u[j].len, b);
		if (!clash)
			return;
	}
}

static void
encode(struct buf *b, const char *bnd, const struct fields *f, const struct upload *u, size_t nu)
{
	for (size_t i = 0; i < f->n; i++) {
		buf_addf(b, "--%s\r\nContent-Disposition: form-data; name=", bnd);
		add_quoted(b, f->v[i].name);
		buf_adds(b, "\r\n\r\n");
		buf_add(b, f->v[i].value, f->v[i].len);
		buf_adds(b, "\r\n");
	}
	for (size_t i = 0; i < nu; i++) {
		buf_addf(b, "--%s\r\nContent-Disposition: form-data; name=", bnd);
		add_quoted(b, u[i].name);
		buf_adds(b, "; filename=");
		add_quoted(b, u[i].filename);
		if (*u[i].content_type)
			buf_addf(b, "\r\nContent-Type: %s", u[i].content_type);
		buf_adds(b, "\r\n\r\n");
		buf_add(b, u[i].data, u[i].len);
		buf_adds(b, "\r\n");
	}
	buf_addf(b, "--%s--\r\n", bnd);
}

static int
same(const struct fields *f, const struct upload *u, size_t nu, const struct fields *g,
    const struct upload *v, size_t nv)
{
	if (f->n != g->n || nu != nv)
		return 0;
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->v[i].name, g->v[i].name) != 0 || f->v[i].len != g->v[i].len ||
		    memcmp(f->v[i].value, g->v[i].value, f->v[i].len) != 0)
			return 0;
	for (size_t i = 0; i < nu; i++)
		if (strcmp(u[i].name, v[i].name) != 0 || strcmp(u[i].filename, v[i].filename) != 0 ||
		    strcmp(u[i].content_type, v[i].content_type) != 0 || u[i].len != v[i].len ||
		    memcmp(u[i].data, v[i].data, u[i].len) != 0)
			return 0;
	return 1;
}

/* What a parse gave, written out again as a browser would (fields first, then files), parses to
 * the same: nothing is lost, added or reinterpreted. Names with CR or LF cannot be written in a
 * header, and a file whose name was cut to nothing with no bytes would read as an empty input. */
static void
round_trip(const struct fields *f, const struct upload *u, size_t nu, const struct limits *lim)
{
	for (size_t i = 0; i < f->n; i++)
		if (strpbrk(f->v[i].name, "\r\n"))
			return;
	for (size_t i = 0; i < nu; i++)
		if (strpbrk(u[i].name, "\r\n") || (!*u[i].filename && u[i].len == 0))
			return;
	char bnd[32];
	pick_boundary(bnd, sizeof bnd, f, u, nu);
	struct buf b = { 0 };
	encode(&b, bnd, f, u, nu);
	/* Escaping may lengthen the headers, and the files' order changes the body's length. */
	struct limits roomy = *lim;
	roomy.max_parts = f->n + nu;
	roomy.max_part_head = 1 << 20;
	roomy.max_upload = b.len;
	char type[64];
	snprintf(type, sizeof type, "multipart/form-data; boundary=%s", bnd);
	struct arena a = { 0 };
	struct fields g = { 0 };
	struct upload *v;
	size_t nv;
	if (parse(type, buf_str(&b), b.len, &roomy, &a, &g, &v, &nv) != 0)
		fuzz_fail("a parsed form written out again parses", buf_str(&b));
	if (!same(f, u, nu, &g, v, nv))
		fuzz_fail("a parsed form written out again gives the same fields and files", buf_str(&b));
	arena_free(&a);
	buf_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	/* First byte: bit 0 picks the worker's limits or tiny ones the input can break; bit 1 says
	 * the input's first line is the Content-Type (else a fixed one with the boundary XyZ). */
	struct config cfg;
	config_defaults(&cfg);
	const struct limits worker = form_limits(&cfg);
	const struct limits tiny = { .max_fields = 3, .max_name = 4, .max_value = 8, .max_parts = 4,
	    .max_part_head = 64, .max_file = 16, .max_upload = 512, .max_form = 256 };
	const struct limits *lim = data[0] & 1 ? &tiny : &worker;
	const uint8_t *p = data + 1, *end = data + size;
	char *type = NULL;
	if (data[0] & 2) {
		const uint8_t *eol = memchr(p, '\n', (size_t)(end - p));
		type = fuzz_cstr(p, (size_t)((eol ? eol : end) - p));
		p = eol ? eol + 1 : end;
	}
	struct arena a = { 0 };
	struct fields f = { 0 };
	struct upload *files;
	size_t nfiles;
	/* Exactly the body's bytes, so that AddressSanitizer sees any read past them. */
	size_t n = (size_t)(end - p);
	char *body = malloc(n ? n : 1);
	memcpy(body, p, n);
	if (parse(type ? type : FIXED_TYPE, body, n, lim, &a, &f, &files, &nfiles) == 0)
		round_trip(&f, files, nfiles, lim);
	free(body);
	arena_free(&a);
	free(type);
	return 0;
}
