/* test_sniff: uploads judged by their bytes (cgi/lib/sniff.c): each kind, polyglots, truncations, header sizes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sniff.h"
#include "unit.h"

/* A growable byte string for building files by hand. */
struct bytes {
	unsigned char d[8192];
	size_t n;
};

static void
put(struct bytes *b, const void *p, size_t n)
{
	memcpy(b->d + b->n, p, n);
	b->n += n;
}

static void
put_be32(struct bytes *b, uint32_t v)
{
	unsigned char p[4] = { v >> 24, v >> 16, v >> 8, v };
	put(b, p, 4);
}

static void
put_le32(struct bytes *b, uint32_t v)
{
	unsigned char p[4] = { v, v >> 8, v >> 16, v >> 24 };
	put(b, p, 4);
}

/* A PNG of w by h: the signature, IHDR, an IDAT of junk and IEND (CRCs are not the sniffer's). */
static void
png(struct bytes *b, uint32_t w, uint32_t h, int with_iend)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
	static const unsigned char ihdr_rest[5] = { 8, 6, 0, 0, 0 };
	b->n = 0;
	put(b, sig, 8);
	put_be32(b, 13);
	put(b, "IHDR", 4);
	put_be32(b, w);
	put_be32(b, h);
	put(b, ihdr_rest, 5);
	put_be32(b, 0);
	put_be32(b, 4);
	put(b, "IDATabcd", 8);
	put_be32(b, 0);
	if (with_iend) {
		put_be32(b, 0);
		put(b, "IEND", 4);
		put_be32(b, 0xAE426082);
	}
}

/* A JPEG header with a DQT, an SOF0 of w by h, a scan of junk and EOI. */
static void
jpeg(struct bytes *b, unsigned w, unsigned h)
{
	static const unsigned char start[] = { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0 };
	b->n = 0;
	put(b, start, sizeof start);
	unsigned char sof[] = { 0xFF, 0xC0, 0, 11, 8, h >> 8, h & 0xFF, w >> 8, w & 0xFF, 1, 1, 0x11, 0 };
	put(b, sof, sizeof sof);
	static const unsigned char scan[] = { 0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 63, 0, 0x12, 0x34, 0x56, 0xFF, 0xD9 };
	put(b, scan, sizeof scan);
}

/* A lossy WebP (VP8) of w by h. */
static void
webp(struct bytes *b, unsigned w, unsigned h)
{
	unsigned char vp8[10] = { 0x10, 0x02, 0x00, 0x9D, 0x01, 0x2A, w & 0xFF, w >> 8, h & 0xFF, h >> 8 };
	b->n = 0;
	put(b, "RIFF", 4);
	put_le32(b, 4 + 8 + sizeof vp8);
	put(b, "WEBPVP8 ", 8);
	put_le32(b, sizeof vp8);
	put(b, vp8, sizeof vp8);
}

static enum sniffed
sniff(const struct bytes *b, const char **why)
{
	return sniff_media(b->d, b->n, why);
}

static void
test_kinds(void)
{
	struct bytes b;
	const char *why = "unset";
	long w = 0, h = 0;
	jpeg(&b, 640, 480);
	CHECK_INT(sniff(&b, &why), SNIFF_JPEG, "a JPEG is a JPEG");
	CHECK(why == NULL, "and has no reason against it");
	CHECK(sniff_dimensions(b.d, b.n, SNIFF_JPEG, &w, &h) == 0 && w == 640 && h == 480, "its SOF0 gives 640x480");
	put(&b, "\0\0\r\n", 4);
	CHECK_INT(sniff(&b, NULL), SNIFF_JPEG, "a few zero and blank bytes may pad a JPEG after EOI");
	png(&b, 300, 200, 1);
	CHECK_INT(sniff(&b, NULL), SNIFF_PNG, "a PNG is a PNG");
	CHECK(sniff_dimensions(b.d, b.n, SNIFF_PNG, &w, &h) == 0 && w == 300 && h == 200, "its IHDR gives 300x200");
	webp(&b, 320, 240);
	CHECK_INT(sniff(&b, NULL), SNIFF_WEBP, "a WebP is a WebP");
	CHECK(sniff_dimensions(b.d, b.n, SNIFF_WEBP, &w, &h) == 0 && w == 320 && h == 240, "its VP8 frame gives 320x240");
	const char pdf[] = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
	CHECK_INT(sniff_media((const unsigned char *)pdf, strlen(pdf), NULL), SNIFF_PDF, "a PDF is a PDF");
	CHECK(sniff_dimensions((const unsigned char *)pdf, strlen(pdf), SNIFF_PDF, &w, &h) == -1, "a PDF has no header size");
	CHECK_STR(sniff_media_type(SNIFF_WEBP), "image/webp", "WebP's media type");
	CHECK(sniff_media_type(SNIFF_NONE) == NULL, "nothing has no media type");
}

static void
test_webp_variants(void)
{
	struct bytes b = { .n = 0 };
	long w = 0, h = 0;
	/* VP8L: 0x2F, then 14 bits of width-1 and 14 of height-1. */
	uint32_t bits = (uint32_t)(100 - 1) | (uint32_t)(50 - 1) << 14;
	unsigned char vp8l[10] = { 0x2F, bits, bits >> 8, bits >> 16, bits >> 24 };
	put(&b, "RIFF", 4);
	put_le32(&b, 4 + 8 + sizeof vp8l);
	put(&b, "WEBPVP8L", 8);
	put_le32(&b, sizeof vp8l);
	put(&b, vp8l, sizeof vp8l);
	CHECK_INT(sniff(&b, NULL), SNIFF_WEBP, "a lossless WebP");
	CHECK(sniff_dimensions(b.d, b.n, SNIFF_WEBP, &w, &h) == 0 && w == 100 && h == 50,
	    "its VP8L header gives 100x50");
	b.n = 0;
	unsigned char vp8x[10] = { 0, 0, 0, 0, 0x0F, 0x27, 0, 0x0F, 0x27, 0 };   /* 10000 by 10000 */
	put(&b, "RIFF", 4);
	put_le32(&b, 4 + 8 + 10);
	put(&b, "WEBPVP8X", 8);
	put_le32(&b, 10);
	put(&b, vp8x, 10);
	CHECK_INT(sniff(&b, NULL), SNIFF_WEBP, "an extended WebP");
	CHECK(sniff_dimensions(b.d, b.n, SNIFF_WEBP, &w, &h) == 0 && w == 10000 && h == 10000,
	    "its VP8X canvas gives 10000x10000");
	put(&b, "xy", 2);
	CHECK_INT(sniff(&b, NULL), SNIFF_NONE, "a WebP longer than its RIFF size says is refused");
}

static void
test_refusals(void)
{
	struct bytes b;
	const char *why = NULL;
	const char script[] = "#!/bin/sh\nrm -rf /\n";
	CHECK_INT(sniff_media((const unsigned char *)script, strlen(script), &why), SNIFF_NONE,
	    "a script named like a JPEG is nothing");
	CHECK(why != NULL && strstr(why, "not a complete") != NULL, "and says so: %s", why ? why : "");
	const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
	CHECK_INT(sniff_media((const unsigned char *)svg, strlen(svg), NULL), SNIFF_NONE, "an SVG with a script");
	const char html[] = "<!DOCTYPE html><html><body>hi</body></html>";
	CHECK_INT(sniff_media((const unsigned char *)html, strlen(html), NULL), SNIFF_NONE, "an HTML page");

	jpeg(&b, 64, 64);
	b.n -= 2;   /* EOI goes where the archive starts */
	static const unsigned char zip[] = { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0 };
	put(&b, zip, sizeof zip);
	put(&b, "\xFF\xD9", 2);
	CHECK_INT(sniff(&b, &why), SNIFF_NONE, "a JPEG carrying a ZIP is a polyglot");
	CHECK(why != NULL && strstr(why, "ZIP") != NULL, "named as one: %s", why ? why : "");
	jpeg(&b, 64, 64);
	put(&b, zip, sizeof zip);
	CHECK_INT(sniff(&b, NULL), SNIFF_NONE, "a JPEG with a ZIP appended");
	jpeg(&b, 64, 64);
	b.n -= 2;
	put(&b, "<script>alert(1)</script>\xFF\xD9", 27);
	CHECK_INT(sniff(&b, &why), SNIFF_NONE, "a JPEG with a script at its end");
	CHECK(why != NULL && strstr(why, "markup") != NULL, "named as markup: %s", why ? why : "");

	png(&b, 10, 10, 1);
	put(&b, "<html><body>x</body></html>", 27);
	CHECK_INT(sniff(&b, NULL), SNIFF_NONE, "a PNG with HTML appended");
	png(&b, 10, 10, 0);
	CHECK_INT(sniff(&b, NULL), SNIFF_NONE, "a truncated PNG (no IEND)");
	png(&b, 10, 10, 1);
	b.d[8 + 3] = 12;   /* IHDR's length */
	CHECK_INT(sniff(&b, NULL), SNIFF_NONE, "a PNG whose first chunk is not a 13-byte IHDR");
	const char fake[] = "%PDF-1.4\nhello";
	CHECK_INT(sniff_media((const unsigned char *)fake, strlen(fake), NULL), SNIFF_NONE,
	    "a PDF without %%%%EOF is not one");
	const char pdf_html[] = "%PDF-1.4\n<html><script>x</script></html>\n%%EOF\n";
	CHECK_INT(sniff_media((const unsigned char *)pdf_html, strlen(pdf_html), NULL), SNIFF_NONE,
	    "a PDF with HTML at its start");
}

static void
test_edges(void)
{
	const unsigned char one[1] = { 0xFF };
	const unsigned char soi[3] = { 0xFF, 0xD8, 0xFF };
	CHECK_INT(sniff_media(NULL, 0, NULL), SNIFF_NONE, "no data at all");
	CHECK_INT(sniff_media(one, 0, NULL), SNIFF_NONE, "empty");
	CHECK_INT(sniff_media(one, 1, NULL), SNIFF_NONE, "one byte");
	CHECK_INT(sniff_media(soi, 3, NULL), SNIFF_NONE, "a bare JPEG start");
	struct bytes b;
	long w = -1, h = -1;
	png(&b, 10000, 10000, 1);
	CHECK_INT(sniff(&b, NULL), SNIFF_PNG, "a few bytes announcing a 10000x10000 PNG are a PNG");
	int read = sniff_dimensions(b.d, b.n, SNIFF_PNG, &w, &h);
	CHECK(read == 0 && w == 10000 && h == 10000, "whose size is read without decoding (%ldx%ld)", w, h);
	png(&b, 0, 10, 1);
	CHECK(sniff_dimensions(b.d, b.n, SNIFF_PNG, &w, &h) == -1, "a zero width is no size");
	jpeg(&b, 64, 64);
	int early = 0;
	for (size_t n = 0; n < 20 + 9; n++)   /* JFIF, then SOF0 up to its width */
		early |= sniff_dimensions(b.d, n, SNIFF_JPEG, &w, &h) == 0;
	CHECK(!early, "a JPEG cut before its SOF's size has none");
	/* Noise of many lengths: nothing read out of bounds (the sanitizer build says). */
	unsigned char noise[4096];
	srand(7);
	for (size_t i = 0; i < sizeof noise; i++)
		noise[i] = (unsigned char)rand();
	int found = 0;
	for (size_t n = 0; n < sizeof noise; n += 97)
		found |= sniff_media(noise, n, NULL) != SNIFF_NONE;
	CHECK(!found, "noise is nothing");
}

int
main(int argc, char **argv)
{
	unit_start(argc, argv, "sniff");
	test_kinds();
	test_webp_variants();
	test_refusals();
	test_edges();
	return unit_end();
}
