/* sniff: what an upload is, judged from its bytes alone; polyglots and hostile files are refused. */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "sniff.h"

/* Browsers and some readers look at either end of a file for markup; an image that carries
 * any there could be served, or reinterpreted, as a page. */
#define SNIFF_EDGE       1024
/* Cameras and editors pad a JPEG after its end marker with a few zero or blank bytes. */
#define SNIFF_JPEG_PAD   32
/* A ZIP reader looks for the end-of-directory record in the last 64 KiB (plus its 22 bytes). */
#define SNIFF_ZIP_TAIL   (65535 + 22)

static const char *const markup[] = { "<html", "<script", "<svg", "<?xml", "<!doctype" };

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

static int
has_ci(const unsigned char *p, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++) {
		size_t j = 0;
		while (j < k && tolower(p[i + j]) == needle[j])
			j++;
		if (j == k)
			return 1;
	}
	return 0;
}

static int
has_markup(const unsigned char *data, size_t len)
{
	size_t edge = len < SNIFF_EDGE ? len : SNIFF_EDGE;
	for (size_t i = 0; i < sizeof markup / sizeof markup[0]; i++)
		if (has_ci(data, edge, markup[i]) || has_ci(data + len - edge, edge, markup[i]))
			return 1;
	return 0;
}

/* A ZIP inside an image: a local file header that looks real (its "version needed" below 6.4,
 * as every archiver writes), anywhere, or an end-of-directory record where readers seek it.
 * The plausibility test keeps random compressed bytes from matching "PK\3\4" by chance. */
static int
has_zip(const unsigned char *data, size_t len)
{
	for (size_t i = 0; i + 6 <= len; i++) {
		const unsigned char *p = memchr(data + i, 'P', len - 6 - i + 1);
		if (p == NULL)
			break;
		i = (size_t)(p - data);
		if (memcmp(p, "PK\3\4", 4) == 0 && p[4] <= 63 && p[5] == 0)
			return 1;
		if (memcmp(p, "PK\5\6", 4) == 0 && len - i <= SNIFF_ZIP_TAIL)
			return 1;
	}
	return 0;
}

/* Ends with FF D9, after which only a little padding may follow. */
static int
jpeg_ok(const unsigned char *d, size_t len)
{
	if (len < 6 || d[0] != 0xFF || d[1] != 0xD8 || d[2] != 0xFF)
		return 0;
	size_t end = len;
	while (end > 4 && len - end < SNIFF_JPEG_PAD && (d[end - 1] == 0 || isspace(d[end - 1])))
		end--;
	return d[end - 2] == 0xFF && d[end - 1] == 0xD9;
}

/* The signature, IHDR first, then chunks that end exactly with IEND. */
static int
png_ok(const unsigned char *d, size_t len)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
	if (len < 8 + 25 + 12 || memcmp(d, sig, 8) != 0 || be32(d + 8) != 13 || memcmp(d + 12, "IHDR", 4) != 0)
		return 0;
	size_t at = 8;
	while (len - at >= 12) {
		uint32_t n = be32(d + at);
		if (n > 0x7FFFFFFFu || n > len - at - 12)
			return 0;
		if (memcmp(d + at + 4, "IEND", 4) == 0)
			return n == 0 && at + 12 == len;
		at += 12 + (size_t)n;
	}
	return 0;
}

/* RIFF's own length is the file's, less its 8-byte header; one pad byte may follow. */
static int
webp_ok(const unsigned char *d, size_t len)
{
	if (len < 20 || memcmp(d, "RIFF", 4) != 0 || memcmp(d + 8, "WEBP", 4) != 0)
		return 0;
	uint64_t riff = (uint64_t)le32(d + 4) + 8;
	return riff == len || riff + 1 == len;
}

static int
pdf_ok(const unsigned char *d, size_t len)
{
	if (len < 16 || (memcmp(d, "%PDF-1.", 7) != 0 && memcmp(d, "%PDF-2.", 7) != 0))
		return 0;
	size_t edge = len < SNIFF_EDGE ? len : SNIFF_EDGE;
	for (size_t i = len - edge; i + 5 <= len; i++)
		if (memcmp(d + i, "%%EOF", 5) == 0)
			return 1;
	return 0;
}

static enum sniffed
refuse(const char **why, const char *reason)
{
	if (why)
		*why = reason;
	return SNIFF_NONE;
}

enum sniffed
sniff_media(const unsigned char *data, size_t len, const char **why)
{
	if (why)
		*why = NULL;
	if (data == NULL || len < 8)
		return refuse(why, "is too short to be an image or a PDF");
	enum sniffed kind = SNIFF_NONE;
	if (data[0] == 0xFF)
		kind = jpeg_ok(data, len) ? SNIFF_JPEG : SNIFF_NONE;
	else if (data[0] == 0x89)
		kind = png_ok(data, len) ? SNIFF_PNG : SNIFF_NONE;
	else if (data[0] == 'R')
		kind = webp_ok(data, len) ? SNIFF_WEBP : SNIFF_NONE;
	else if (data[0] == '%')
		kind = pdf_ok(data, len) ? SNIFF_PDF : SNIFF_NONE;
	if (kind == SNIFF_NONE)
		return refuse(why, "is not a complete JPEG, PNG, WebP or PDF file");
	if (has_markup(data, len))
		return refuse(why, "carries HTML, SVG or XML markup");
	/* A PDF may embed anything, ZIP streams included; only its ends are checked, above. */
	if (kind != SNIFF_PDF && has_zip(data, len))
		return refuse(why, "carries a ZIP archive");
	return kind;
}

/* The first SOFn frame header before the scan: its height, then its width. */
static int
jpeg_dimensions(const unsigned char *d, size_t len, long *w, long *h)
{
	size_t at = 2;
	while (at + 4 <= len) {
		if (d[at] != 0xFF)
			return -1;
		unsigned char m = d[at + 1];
		if (m == 0xFF) {   /* fill byte */
			at++;
			continue;
		}
		if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {   /* markers without a length */
			at += 2;
			continue;
		}
		size_t seg = (size_t)d[at + 2] << 8 | d[at + 3];
		if (m == 0xDA || m == 0xD9 || seg < 2 || at + 2 + seg > len)
			return -1;
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
			if (seg < 7)
				return -1;
			*h = (long)d[at + 5] << 8 | d[at + 6];
			*w = (long)d[at + 7] << 8 | d[at + 8];
			return 0;
		}
		at += 2 + seg;
	}
	return -1;
}

/* The first chunk names the bitstream: lossy VP8, lossless VP8L or the extended VP8X. */
static int
webp_dimensions(const unsigned char *d, size_t len, long *w, long *h)
{
	if (len < 30)
		return -1;
	const unsigned char *c = d + 20;
	if (memcmp(d + 12, "VP8 ", 4) == 0 && c[3] == 0x9D && c[4] == 0x01 && c[5] == 0x2A) {
		*w = (c[6] | c[7] << 8) & 0x3FFF;
		*h = (c[8] | c[9] << 8) & 0x3FFF;
	} else if (memcmp(d + 12, "VP8L", 4) == 0 && c[0] == 0x2F) {
		uint32_t bits = le32(c + 1);
		*w = (long)(bits & 0x3FFF) + 1;
		*h = (long)((bits >> 14) & 0x3FFF) + 1;
	} else if (memcmp(d + 12, "VP8X", 4) == 0) {
		*w = (long)(c[4] | c[5] << 8 | (uint32_t)c[6] << 16) + 1;
		*h = (long)(c[7] | c[8] << 8 | (uint32_t)c[9] << 16) + 1;
	} else {
		return -1;
	}
	return 0;
}

int
sniff_dimensions(const unsigned char *data, size_t len, enum sniffed kind, long *width, long *height)
{
	long w = 0, h = 0;
	int rc = -1;
	if (kind == SNIFF_PNG && len >= 24) {
		w = (long)be32(data + 16);
		h = (long)be32(data + 20);
		rc = 0;
	} else if (kind == SNIFF_JPEG) {
		rc = jpeg_dimensions(data, len, &w, &h);
	} else if (kind == SNIFF_WEBP) {
		rc = webp_dimensions(data, len, &w, &h);
	}
	if (rc != 0 || w <= 0 || h <= 0)
		return -1;
	*width = w;
	*height = h;
	return 0;
}

const char *
sniff_media_type(enum sniffed kind)
{
	switch (kind) {
	case SNIFF_JPEG: return "image/jpeg";
	case SNIFF_PNG:  return "image/png";
	case SNIFF_WEBP: return "image/webp";
	case SNIFF_PDF:  return "application/pdf";
	case SNIFF_NONE: break;
	}
	return NULL;
}
