/* multipart: splits a multipart/form-data body at its boundary and reads each part's headers, under limits. */
#include <string.h>
#include <strings.h>

#include "multipart.h"
#include "valid.h"

#define FORM_DATA    "multipart/form-data"
#define BOUNDARY_MAX 70   /* RFC 2046 */

/* One body being read: its delimiter ("\r\n--" and the boundary) and what it has given so far. */
struct mp {
	struct arena        *a;
	const struct limits *lim;
	const char          *body;
	size_t               len;
	char                 delim[4 + BOUNDARY_MAX];
	size_t               dlen;
	size_t               parts;
	size_t               text;    /* bytes of text fields so far: the form itself stays within max_body */
	struct fields       *form;
	struct upload       *files;
	size_t               nfiles, cap;
};

/* What a part's headers say, as far as a form needs: strings are NUL-terminated arena copies. */
struct head {
	const char *name, *filename, *type;
	size_t      nlen, flen;
};

/* A stretch of header text being read: p moves towards end. */
struct cursor {
	const char *p, *end;
};

int
is_multipart(const char *ct)
{
	size_t n = sizeof FORM_DATA - 1;
	return ct != NULL && strncasecmp(ct, FORM_DATA, n) == 0 &&
	    (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ' || ct[n] == '\t');
}

/* Offset of the first needle (k bytes) in hay[0..n), or n. memchr finds each candidate; the
 * needles here are short and hold their first byte once or twice, so the scan stays linear. */
static size_t
find(const char *hay, size_t n, const char *needle, size_t k)
{
	for (size_t i = 0; i + k <= n; i++) {
		const char *p = memchr(hay + i, needle[0], n - k - i + 1);
		if (p == NULL)
			break;
		i = (size_t)(p - hay);
		if (memcmp(p, needle, k) == 0)
			return i;
	}
	return n;
}

/* RFC 9110's token characters: header and parameter names, unquoted values. */
static int
is_tchar(char ch)
{
	return ch > 0x20 && ch < 0x7f && strchr("\"(),/:;<=>?@[\\]{}", ch) == NULL;
}

static int
is_name(const struct cursor *n, const char *want)
{
	size_t len = strlen(want);
	return (size_t)(n->end - n->p) == len && strncasecmp(n->p, want, len) == 0;
}

static void
skip_ows(struct cursor *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
		c->p++;
}

/* A quoted string into the arena. A backslash escapes only a quote or a backslash: old browsers
 * send a whole Windows path (C:\Users\...), and its backslashes must survive to be cut off. */
static int
read_quoted(struct arena *a, struct cursor *c, char **value, size_t *vlen)
{
	char *out = arena_alloc(a, (size_t)(c->end - c->p));
	size_t n = 0;
	for (c->p++; c->p < c->end; c->p++) {
		char ch = *c->p;
		if (ch == '"') {
			c->p++;
			out[n] = '\0';
			*value = out;
			*vlen = n;
			return 1;
		}
		if (ch == '\\' && c->p + 1 < c->end && (c->p[1] == '"' || c->p[1] == '\\'))
			ch = *++c->p;
		out[n++] = ch;
	}
	return -1;   /* no closing quote */
}

/* The next "; name=value" of a header value: 1 for one, 0 at the end, -1 when malformed. */
static int
next_param(struct arena *a, struct cursor *c, struct cursor *name, char **value, size_t *vlen)
{
	skip_ows(c);
	if (c->p == c->end)
		return 0;
	if (*c->p++ != ';')
		return -1;
	skip_ows(c);
	if (c->p == c->end)
		return 0;   /* a trailing ';' */
	for (name->p = c->p; c->p < c->end && is_tchar(*c->p); c->p++)
		;
	name->end = c->p;
	if (name->p == name->end || c->p == c->end || *c->p++ != '=')
		return -1;
	if (c->p < c->end && *c->p == '"')
		return read_quoted(a, c, value, vlen);
	const char *start = c->p;
	while (c->p < c->end && is_tchar(*c->p))
		c->p++;
	if (c->p == start)
		return -1;
	*vlen = (size_t)(c->p - start);
	*value = arena_strndup(a, start, *vlen);
	return 1;
}

/* RFC 2046: 1 to 70 of its characters, the last not a space. */
static int
boundary_ok(const char *b, size_t n)
{
	if (n < 1 || n > BOUNDARY_MAX || b[n - 1] == ' ')
		return 0;
	for (size_t i = 0; i < n; i++) {
		char ch = b[i];
		if (!(ch >= 'a' && ch <= 'z') && !(ch >= 'A' && ch <= 'Z') && !(ch >= '0' && ch <= '9') &&
		    (ch == '\0' || strchr("'()+_,-./:=? ", ch) == NULL))
			return 0;
	}
	return 1;
}

/* The boundary parameter of a multipart Content-Type: 0, 415 when there is none, 400 when it is
 * malformed, repeated or not a boundary RFC 2046 allows. */
static int
read_boundary(struct mp *m, const char *ct)
{
	struct cursor c = { ct + sizeof FORM_DATA - 1, ct + strlen(ct) }, name;
	char *v, *boundary = NULL;
	size_t n, blen = 0;
	int rc;
	while ((rc = next_param(m->a, &c, &name, &v, &n)) == 1) {
		if (!is_name(&name, "boundary"))
			continue;
		if (boundary)
			return 400;
		boundary = v;
		blen = n;
	}
	if (rc < 0)
		return 400;
	if (boundary == NULL)
		return 415;
	if (!boundary_ok(boundary, blen))
		return 400;
	memcpy(m->delim, "\r\n--", 4);
	memcpy(m->delim + 4, boundary, blen);
	m->dlen = 4 + blen;
	return 0;
}

/* Whether "--boundary" at i ends a delimiter line: "--" after it for the last (what follows is
 * the epilogue), else optional padding and CRLF. *next: where the next part's headers begin. */
static int
delimiter_at(const struct mp *m, size_t i, int *last, size_t *next)
{
	size_t n = m->dlen - 2;
	if (i > m->len || m->len - i < n || memcmp(m->body + i, m->delim + 2, n) != 0)
		return 0;
	i += n;
	if (m->len - i >= 2 && m->body[i] == '-' && m->body[i + 1] == '-') {
		*last = 1;
		*next = m->len;
		return 1;
	}
	while (i < m->len && (m->body[i] == ' ' || m->body[i] == '\t'))
		i++;
	if (m->len - i < 2 || m->body[i] != '\r' || m->body[i + 1] != '\n')
		return 0;
	*last = 0;
	*next = i + 2;
	return 1;
}

/* The offset of the next delimiter at or after from (its CRLF), or m->len when there is none.
 * "--boundary" inside content without a CRLF before it, or with more after it on its line, is
 * content. */
static size_t
find_delimiter(const struct mp *m, size_t from, int *last, size_t *next)
{
	while (from < m->len) {
		size_t at = from + find(m->body + from, m->len - from, m->delim, m->dlen);
		if (at == m->len || delimiter_at(m, at + 2, last, next))
			return at;
		from = at + 1;
	}
	return m->len;
}

static int
read_disposition(struct mp *m, struct cursor *v, struct head *h)
{
	if (h->name)
		return 400;   /* two of them: which one would a handler's reader believe? */
	struct cursor type = { v->p, v->p }, name;
	while (type.end < v->end && is_tchar(*type.end))
		type.end++;
	if (!is_name(&type, "form-data"))
		return 400;
	v->p = type.end;
	char *value, *field = NULL;
	size_t vlen, flen = 0;
	int rc;
	while ((rc = next_param(m->a, v, &name, &value, &vlen)) == 1) {
		int is_field = is_name(&name, "name"), is_file = is_name(&name, "filename");
		if ((is_field && field) || (is_file && h->filename))
			return 400;
		if (is_field) {
			field = value;
			flen = vlen;
		} else if (is_file) {
			h->filename = value;
			h->flen = vlen;
		}
	}
	if (rc < 0 || field == NULL || flen == 0)
		return 400;
	h->name = field;
	h->nlen = flen;
	return 0;
}

/* Kept for logging only, so it must be plain text: printable ASCII, as browsers send. */
static int
read_type(struct mp *m, const struct cursor *v, struct head *h)
{
	if (h->type)
		return 400;
	for (const unsigned char *p = (const unsigned char *)v->p; p < (const unsigned char *)v->end; p++)
		if ((*p < 0x20 && *p != '\t') || *p >= 0x7f)
			return 400;
	h->type = arena_strndup(m->a, v->p, (size_t)(v->end - v->p));
	return 0;
}

/* One header line (without its CRLF); those other than the two a form uses are ignored. */
static int
read_header(struct mp *m, const char *line, size_t n, struct head *h)
{
	const char *colon = memchr(line, ':', n);
	/* A CR or LF alone or a folded line could end or join headers differently elsewhere. */
	if (colon == NULL || colon == line || memchr(line, '\r', n) || memchr(line, '\n', n))
		return 400;
	struct cursor name = { line, colon }, v = { colon + 1, line + n };
	for (const char *p = line; p < colon; p++)
		if (!is_tchar(*p))
			return 400;
	skip_ows(&v);
	while (v.end > v.p && (v.end[-1] == ' ' || v.end[-1] == '\t'))
		v.end--;
	if (is_name(&name, "content-disposition"))
		return read_disposition(m, &v, h);
	if (is_name(&name, "content-type"))
		return read_type(m, &v, h);
	return 0;
}

static int
read_head(struct mp *m, const char *s, size_t n, struct head *h)
{
	for (size_t i = 0; i < n;) {
		size_t eol = i + find(s + i, n - i, "\r\n", 2);
		int rc = read_header(m, s + i, eol - i, h);
		if (rc)
			return rc;
		i = eol + 2;
	}
	return h->name ? 0 : 400;   /* no Content-Disposition: form-data with a name */
}

static int
add_text(struct mp *m, const struct head *h, const char *data, size_t n)
{
	int rc = form_text_check(h->name, h->nlen, data, n, m->lim);
	if (rc)
		return rc;
	m->text += h->nlen + n;   /* each at most the body's length: no overflow */
	if (m->text > m->lim->max_form)
		return 413;
	return form_field_add(m->a, h->name, arena_strndup(m->a, data, n), n, m->lim, m->form);
}

/* The bytes of a valid UTF-8 character at s (n bytes left), or 0. */
static size_t
utf8_char(const char *s, size_t n)
{
	unsigned char c = (unsigned char)*s;
	size_t k = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 :
	    c >= 0xf0 && c <= 0xf4 ? 4 : 0;
	return k && k <= n && utf8_valid(s, k) ? k : 0;
}

/* A client's file name made fit to show and nothing else: its last component (after any '/' or
 * '\'), without control bytes, invalid UTF-8 as '_', at most LIMIT_FILENAME bytes. */
static const char *
display_name(struct arena *a, const char *s, size_t n)
{
	for (size_t i = n; i > 0; i--) {
		if (s[i - 1] == '/' || s[i - 1] == '\\') {
			s += i;
			n -= i;
			break;
		}
	}
	char *out = arena_alloc(a, n + 1);
	size_t o = 0;
	for (size_t i = 0, k; i < n; i += k) {
		k = utf8_char(s + i, n - i);
		int bad = k == 0;   /* a byte that is not UTF-8 shows as one '_' */
		if (bad)
			k = 1;
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			continue;
		if (o + k > LIMIT_FILENAME)
			break;
		if (bad)
			out[o] = '_';
		else
			memcpy(out + o, s + i, k);
		o += k;
	}
	out[o] = '\0';
	return out;
}

static int
add_file(struct mp *m, const struct head *h, const char *data, size_t n)
{
	int rc = form_text_check(h->name, h->nlen, "", 0, m->lim);
	if (rc)
		return rc;
	if (n > m->lim->max_file)
		return 413;
	if (h->flen == 0 && n == 0)
		return 0;   /* a file input left empty: browsers send it so */
	struct upload *u = arena_push(m->a, &m->files, &m->nfiles, &m->cap, sizeof *u);
	u->name = h->name;
	u->filename = display_name(m->a, h->filename, h->flen);
	u->content_type = h->type ? h->type : "";
	u->data = data;
	u->len = n;
	return 0;
}

/* The part between pos (after its delimiter line) and end (the next delimiter's CRLF). */
static int
read_part(struct mp *m, size_t pos, size_t end)
{
	if (++m->parts > m->lim->max_parts)
		return 413;
	/* Headers end at an empty line; with none, that is the CRLF ending the delimiter line. */
	size_t from = pos - 2;
	size_t blank = from + find(m->body + from, end - from, "\r\n\r\n", 4);
	if (blank == end)
		return 400;   /* the next boundary came inside the headers, or the body ended there */
	size_t hlen = blank > pos ? blank - pos : 0;
	if (hlen > m->lim->max_part_head)
		return 413;
	struct head h = { 0 };
	int rc = read_head(m, m->body + pos, hlen, &h);
	if (rc)
		return rc;
	const char *data = m->body + blank + 4;
	size_t n = end - (blank + 4);
	return h.filename ? add_file(m, &h, data, n) : add_text(m, &h, data, n);
}

static int
read_parts(struct mp *m)
{
	int last;
	size_t pos;
	/* The first delimiter may open the body without a CRLF; anything before it is a preamble. */
	if (!delimiter_at(m, 0, &last, &pos) && find_delimiter(m, 0, &last, &pos) == m->len)
		return 400;
	while (!last) {
		size_t next, end = find_delimiter(m, pos, &last, &next);
		if (end == m->len)
			return 400;   /* no closing boundary: the body was cut short */
		int rc = read_part(m, pos, end);
		if (rc)
			return rc;
		pos = next;
	}
	return 0;
}

int
parse_multipart(struct arena *a, const char *content_type, const char *body, size_t len,
    const struct limits *lim, struct fields *form, struct upload **files, size_t *nfiles)
{
	*files = NULL;
	*nfiles = 0;
	if (!is_multipart(content_type))
		return 415;
	struct mp m = { .a = a, .lim = lim, .body = body, .len = len, .form = form };
	int rc = read_boundary(&m, content_type);
	if (rc)
		return rc;
	if (len > lim->max_upload)
		return 413;
	rc = read_parts(&m);
	*files = m.files;
	*nfiles = m.nfiles;
	return rc;
}
