/* valid: UTF-8, lengths, dates, numbers, choices and slugs, driven by per-form rule tables. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "valid.h"

int
utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		unsigned char c = s[i];
		size_t need;
		unsigned int cp;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			need = 1;
			cp = c & 0x1f;
		} else if ((c & 0xf0) == 0xe0) {
			need = 2;
			cp = c & 0x0f;
		} else if ((c & 0xf8) == 0xf0) {
			need = 3;
			cp = c & 0x07;
		} else {
			return 0;
		}
		if (i + need >= n)
			return 0;
		for (size_t k = 1; k <= need; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		/* Reject overlong forms, surrogates and values past U+10FFFF. */
		if ((need == 1 && cp < 0x80) || (need == 2 && cp < 0x800) ||
		    (need == 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += need + 1;
	}
	return 1;
}

size_t
utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

int
parse_long(const char *s, long min, long max, long *out)
{
	if (s == NULL || *s == '\0')
		return -1;
	for (const char *p = s; *p; p++)
		if (!isdigit((unsigned char)*p) && !(p == s && *p == '-'))
			return -1;
	errno = 0;
	char *end;
	long v = strtol(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
valid_date(const char *s)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return 0;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1)
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

int
valid_slug(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 120 || s[0] == '-' || s[n - 1] == '-')
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			return 0;
		if (c == '-' && s[i + 1] == '-')
			return 0;
	}
	return 1;
}

char *
slugify(struct arena *a, const char *title, size_t maxlen)
{
	char *out = arena_alloc(a, maxlen + 1);
	size_t o = 0;
	int dash = 0;
	for (const unsigned char *p = (const unsigned char *)title; *p && o < maxlen; p++) {
		if (isalnum(*p) && *p < 0x80) {
			if (dash && o > 0) {
				/* A hyphen needs a letter after it; out of room, stop rather than run words together. */
				if (o + 2 > maxlen)
					break;
				out[o++] = '-';
			}
			out[o++] = (char)tolower(*p);
			dash = 0;
		} else if (p[0] == 0xe2 && p[1] == 0x80 && p[2] == 0x99) {
			p += 2;   /* U+2019, the apostrophe word processors type: dropped like '\'' */
		} else if (*p != '\'') {
			dash = 1;
		}
	}
	out[o] = '\0';
	if (o == 0)
		return arena_strdup(a, "release");
	return out;
}

char *
trim_copy(struct arena *a, const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	return arena_strndup(a, s, n);
}

const char *
check_value(const struct rule *r, const char *v, long *num)
{
	*num = -1;
	if (*v == '\0')
		return r->required ? "is required" : NULL;
	switch (r->type) {
	case V_TEXT:
	case V_LONGTEXT:
		if (r->type == V_TEXT && strpbrk(v, "\r\n"))
			return "must be one line";
		if (r->min && utf8_chars(v) < (size_t)r->min)
			return "is too short";
		if (r->max && utf8_chars(v) > (size_t)r->max)
			return "is too long";
		return NULL;
	case V_DATE:
		return valid_date(v) ? NULL : "must be a date like 2025-02-18";
	case V_INT:
		return parse_long(v, r->min, r->max, num) == 0 ? NULL : "must be a whole number in range";
	case V_ID:
		return parse_long(v, 1, 1L << 53, num) == 0 ? NULL : "is not a valid choice";
	case V_CHOICE:
		for (const char *const *c = r->choices; *c; c++)
			if (strcmp(*c, v) == 0)
				return NULL;
		return "is not one of the choices";
	case V_COUNTRY:
		return (strlen(v) == 2 && isupper((unsigned char)v[0]) && isupper((unsigned char)v[1]))
		    ? NULL : "must be a two-letter country code like TH";
	case V_SLUG:
		return valid_slug(v) ? NULL : "may hold only a-z, 0-9 and single hyphens";
	}
	return "is not valid";
}

void
checked_init(struct arena *a, struct checked *c, size_t nrules)
{
	c->value = arena_alloc(a, nrules * sizeof *c->value);
	c->num = arena_alloc(a, nrules * sizeof *c->num);
	c->error = arena_alloc(a, nrules * sizeof *c->error);
	for (size_t i = 0; i < nrules; i++) {
		c->value[i] = "";
		c->num[i] = -1;
		c->error[i] = NULL;
	}
	c->nerrors = 0;
}

void
check_fields(struct arena *a, const struct rule *rules, size_t nrules, const struct fields *in,
    size_t nth, struct checked *out)
{
	for (size_t i = 0; i < nrules; i++) {
		const char *raw = fields_get_nth(in, rules[i].name, nth);
		char *v = trim_copy(a, raw ? raw : "");
		if (rules[i].type == V_COUNTRY)
			for (char *p = v; *p; p++)
				*p = (char)toupper((unsigned char)*p);
		out->value[i] = v;
		out->error[i] = check_value(&rules[i], v, &out->num[i]);
		if (out->error[i])
			out->nerrors++;
	}
}
