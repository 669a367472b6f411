/* req: query strings, urlencoded bodies and cookies, decoded into arena strings with limits. */
#include <string.h>

#include "req.h"
#include "valid.h"

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

long
percent_decode(char *dst, const char *src, size_t n, int plus_is_space)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		char c = src[i];
		if (c == '%') {
			if (i + 2 >= n)
				return -1;
			int hi = hexval((unsigned char)src[i + 1]), lo = hexval((unsigned char)src[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			dst[o++] = (char)(hi * 16 + lo);
			i += 2;
		} else if (c == '+' && plus_is_space) {
			dst[o++] = ' ';
		} else {
			dst[o++] = c;
		}
	}
	dst[o] = '\0';
	return (long)o;
}

struct limits
form_limits(const struct config *cfg)
{
	/* A multipart body may carry a form as large as an urlencoded one, plus its files. */
	return (struct limits){
		.max_fields = LIMIT_FIELDS, .max_name = LIMIT_FIELD_NAME, .max_value = (size_t)cfg->max_field,
		.max_parts = LIMIT_PARTS, .max_part_head = LIMIT_PART_HEAD,
		.max_file = (size_t)cfg->upload_max, .max_upload = (size_t)(cfg->max_body + cfg->upload_max),
		.max_form = (size_t)cfg->max_body,
	};
}

/* Text fields may hold tabs and newlines, never other control bytes. */
static int
acceptable_text(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
			return 0;
	}
	return utf8_valid(s, n);
}

int
form_text_check(const char *name, size_t nlen, const char *value, size_t vlen,
    const struct limits *lim)
{
	if (nlen > lim->max_name || vlen > lim->max_value)
		return 413;
	if (!acceptable_text(name, nlen) || !acceptable_text(value, vlen))
		return 400;
	return 0;
}

int
form_field_add(struct arena *a, const char *name, const char *value, size_t vlen,
    const struct limits *lim, struct fields *out)
{
	if (out->n >= lim->max_fields)
		return 413;
	if (out->v == NULL)
		out->v = arena_alloc(a, lim->max_fields * sizeof *out->v);
	out->v[out->n].name = name;
	out->v[out->n].value = value;
	out->v[out->n].len = vlen;
	out->n++;
	return 0;
}

static int
add_field(struct arena *a, const char *name, size_t nlen, const char *value, size_t vlen,
    int plus, const struct limits *lim, struct fields *out)
{
	/* Before decoding: an escape is at most three bytes, so anything longer is over already. */
	if (out->n >= lim->max_fields || nlen > lim->max_name * 3 || vlen > lim->max_value * 3)
		return 413;
	char *n = arena_alloc(a, nlen + 1), *v = arena_alloc(a, vlen + 1);
	long nl = percent_decode(n, name, nlen, plus), vl = percent_decode(v, value, vlen, plus);
	if (nl < 0 || vl < 0)
		return 400;
	int rc = form_text_check(n, (size_t)nl, v, (size_t)vl, lim);
	return rc ? rc : form_field_add(a, n, v, (size_t)vl, lim, out);
}

int
parse_urlencoded(struct arena *a, const char *s, size_t len, const struct limits *lim,
    struct fields *out)
{
	size_t i = 0;
	while (i < len) {
		size_t end = i;
		while (end < len && s[end] != '&')
			end++;
		if (end > i) {
			const char *eq = memchr(s + i, '=', end - i);
			size_t nlen = eq ? (size_t)(eq - (s + i)) : end - i;
			const char *val = eq ? eq + 1 : s + end;
			size_t vlen = eq ? (size_t)(s + end - val) : 0;
			int rc = add_field(a, s + i, nlen, val, vlen, 1, lim, out);
			if (rc)
				return rc;
		}
		i = end + 1;
	}
	return 0;
}

int
parse_cookies(struct arena *a, const char *header, const struct limits *lim, struct fields *out)
{
	size_t len = strlen(header);
	size_t i = 0;
	while (i < len) {
		while (i < len && (header[i] == ' ' || header[i] == ';'))
			i++;
		size_t end = i;
		while (end < len && header[end] != ';')
			end++;
		const char *eq = end > i ? memchr(header + i, '=', end - i) : NULL;
		/* Other sites' cookies on a shared domain may be long, many or badly encoded: none of
		 * that is ours to refuse, so such a cookie is skipped, and reading stops at the limit. */
		if (eq && out->n < lim->max_fields) {
			size_t nlen = (size_t)(eq - (header + i));
			size_t vlen = (size_t)(header + end - (eq + 1));
			while (vlen && eq[vlen] == ' ')
				vlen--;
			add_field(a, header + i, nlen, eq + 1, vlen, 0, lim, out);
		}
		i = end;
	}
	return 0;
}

char *
url_encode(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = arena_alloc(a, strlen(s) * 3 + 1), *o = out;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_' || *p == '.' || *p == '~' || *p == '/') {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return out;
}
