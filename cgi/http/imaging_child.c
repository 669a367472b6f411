/* imaging_child: one imaging job in a fresh process: limits, libvips with one loader, seccomp, the work. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <vips/vips.h>
#include <vips/vector.h>   /* vips_vector_set_enabled: not in vips.h */

#include "imaging_child.h"

/* Address space for one job: a 40-megapixel photograph decoded, converted and resized fits. */
#define CHILD_MEMORY   (1536ul << 20)
#define CHILD_FILES    32

static const int widths[] = { 480, 960, 1600 };
#define WIDEST 1600
#define THUMB  480

/* Lowers a limit (never above what the worker was already given). */
static void
cap(int resource, rlim_t soft, rlim_t hard)
{
	struct rlimit rl;
	if (getrlimit(resource, &rl) == 0 && rl.rlim_max != RLIM_INFINITY && rl.rlim_max < hard)
		hard = rl.rlim_max;
	rl.rlim_cur = soft < hard ? soft : hard;
	rl.rlim_max = hard;
	setrlimit(resource, &rl);
}

/* What a decoder gone wrong could still use up. ASan reserves terabytes of shadow memory, so a
 * sanitizer build goes without the memory cap. Writing a file is refused (SIGXFSZ ignored, so a
 * warning on a stderr that is a log file fails quietly instead of killing the job). */
static void
confine_resources(void)
{
#ifndef UNDER_ASAN
	cap(RLIMIT_AS, CHILD_MEMORY, CHILD_MEMORY);
#endif
	cap(RLIMIT_CPU, LIMIT_IMAGING_SECONDS - 5, LIMIT_IMAGING_SECONDS - 4);
	cap(RLIMIT_FSIZE, 0, 0);
	cap(RLIMIT_NOFILE, CHILD_FILES, CHILD_FILES);
	cap(RLIMIT_CORE, 0, 0);
	signal(SIGXFSZ, SIG_IGN);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
}

static const char *
loader_for(enum sniffed kind)
{
	switch (kind) {
	case SNIFF_JPEG: return "VipsForeignLoadJpegBuffer";
	case SNIFF_PNG:  return "VipsForeignLoadPngBuffer";
	case SNIFF_WEBP: return "VipsForeignLoadWebpBuffer";
	default:         return "VipsForeignLoadPdfBuffer";
	}
}

/* libvips with one worker thread, no operation cache, no run-time code generation (orc wants
 * executable memory, which the filter forbids), and every loader blocked but the one this job
 * needs: a bug in any other decoder cannot be reached, whatever the bytes say. */
static int
start_vips(enum sniffed kind)
{
	if (VIPS_INIT("pressroom") != 0)
		return -1;
	vips_concurrency_set(1);
	vips_cache_set_max(0);
	vips_vector_set_enabled(FALSE);
	vips_block_untrusted_set(TRUE);
	vips_operation_block_set("VipsForeignLoad", TRUE);
	vips_operation_block_set(loader_for(kind), FALSE);
	return 0;
}

static VipsImage *
load(VipsObject *ctx, enum sniffed kind, const unsigned char *data, size_t len)
{
	VipsImage *img = NULL;
	void *buf = (void *)data;
	int rc;
	/* A truncated or corrupt image is refused, not shown grey at the bottom. libjpeg reports a
	 * scan cut short only as a warning; libpng warns of harmless things (a known-bad sRGB
	 * profile), so PNG and WebP fail on errors, which their truncations are. */
	if (kind == SNIFF_JPEG)
		rc = vips_jpegload_buffer(buf, len, &img, "fail_on", VIPS_FAIL_ON_WARNING, "memory", TRUE, NULL);
	else if (kind == SNIFF_PNG)
		rc = vips_pngload_buffer(buf, len, &img, "fail_on", VIPS_FAIL_ON_ERROR, "memory", TRUE, NULL);
	else if (kind == SNIFF_WEBP)
		rc = vips_webpload_buffer(buf, len, &img, "fail_on", VIPS_FAIL_ON_ERROR, "memory", TRUE, NULL);
	else
		rc = vips_pdfload_buffer(buf, len, &img, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
	if (rc != 0)
		return NULL;
	vips_object_local(ctx, img);
	return img;
}

/* What the job has made so far: the files' records after a header written last. */
struct made {
	struct imaging_head head;
	struct buf files;
};

/* Appends one file's record and frees libvips' buffer. */
static void
add_file(struct made *m, const char *name, const char *ext, VipsImage *img, void *data, size_t len)
{
	struct imaging_file_head f = { .width = img->Xsize, .height = img->Ysize, .len = (uint32_t)len };
	snprintf(f.suffix, sizeof f.suffix, "%s.%s", name, ext);
	buf_add(&m->files, (const char *)&f, sizeof f);
	buf_add(&m->files, data, len);
	g_free(data);
	m->head.nfiles++;
	if (img->Xsize > m->head.width) {
		m->head.width = img->Xsize;
		m->head.height = img->Ysize;
	}
}

/* libvips 8.14's webpsave writes an EXIF chunk even when told to strip (orientation, resolution).
 * Rewrites the RIFF file in place with its image chunks only, and the extended header's
 * ICC, EXIF and XMP flags cleared. 0, or -1 when the encoder's output is not as expected. */
static int
webp_image_only(unsigned char *p, size_t *len)
{
	size_t in = 12, out = 12;
	while (*len - in >= 8) {
		size_t n = (size_t)p[in + 4] | (size_t)p[in + 5] << 8 | (size_t)p[in + 6] << 16 | (size_t)p[in + 7] << 24;
		size_t whole = 8 + n + (n & 1);
		if (whole > *len - in)
			return -1;
		int keep = memcmp(p + in, "EXIF", 4) != 0 && memcmp(p + in, "XMP ", 4) != 0 && memcmp(p + in, "ICCP", 4) != 0;
		if (keep && memcmp(p + in, "VP8X", 4) == 0 && n >= 1)
			p[in + 8] &= (unsigned char)~(0x20 | 0x08 | 0x04);
		if (keep)
			memmove(p + out, p + in, whole);
		out += keep ? whole : 0;
		in += whole;
	}
	if (in != *len)
		return -1;
	uint32_t riff = (uint32_t)(out - 8);
	unsigned char le[4] = { riff & 0xFF, riff >> 8 & 0xFF, riff >> 16 & 0xFF, riff >> 24 };
	memcpy(p + 4, le, 4);
	*len = out;
	return 0;
}

/* The same picture as a progressive JPEG (alpha laid on white) and as a WebP; strip drops
 * every metadata block (EXIF with its GPS position, XMP, IPTC, the ICC profile). */
static int
save_pair(VipsObject *ctx, struct made *m, const char *name, VipsImage *img)
{
	VipsImage **t = (VipsImage **)vips_object_local_array(ctx, 1);
	VipsArrayDouble *white = vips_array_double_newv(1, 255.0);
	int rc = vips_image_hasalpha(img) ? vips_flatten(img, &t[0], "background", white, NULL)
	    : vips_copy(img, &t[0], NULL);
	vips_area_unref(VIPS_AREA(white));
	void *jpg = NULL, *webp = NULL;
	size_t jlen = 0, wlen = 0;
	if (rc != 0 || vips_jpegsave_buffer(t[0], &jpg, &jlen, "Q", 82, "interlace", TRUE,
	    "optimize_coding", TRUE, "strip", TRUE, NULL) != 0)
		return -1;
	if (vips_webpsave_buffer(img, &webp, &wlen, "Q", 80, "strip", TRUE, NULL) != 0 ||
	    webp_image_only(webp, &wlen) != 0) {
		g_free(webp);
		g_free(jpg);
		return -1;
	}
	add_file(m, name, "jpg", t[0], jpg, jlen);
	add_file(m, name, "webp", img, webp, wlen);
	return 0;
}

/* Drops every metadata field. strip is not enough: libvips 8.14's webpsave writes EXIF rebuilt
 * from the "exif-ifd*" fields, GPS position included, even when told to strip. */
static VipsImage *
without_metadata(VipsImage *img)
{
	gchar **names = vips_image_get_fields(img);
	for (gchar **n = names; n && *n; n++)
		vips_image_remove(img, *n);
	g_strfreev(names);
	return img;
}

/* Upright, in 8-bit sRGB, decoded once into memory for the resizes, without metadata. A
 * camera's or editor's profile (Adobe RGB, CMYK) is applied first, so dropping it changes no colour. */
static VipsImage *
upright_srgb(VipsObject *ctx, VipsImage *in)
{
	VipsImage **t = (VipsImage **)vips_object_local_array(ctx, 4);
	if (vips_autorot(in, &t[0], NULL) != 0)
		return NULL;
	VipsImage *x = t[0];
	if (vips_image_get_typeof(x, VIPS_META_ICC_NAME) &&
	    vips_icc_transform(x, &t[1], "srgb", "embedded", TRUE, "depth", 8, NULL) == 0) {
		x = t[1];
	} else {
		vips_error_clear();   /* no profile, or one lcms rejects: the plain conversion */
		if (vips_colourspace(x, &t[1], VIPS_INTERPRETATION_sRGB, NULL) != 0)
			return NULL;
		x = t[1];
	}
	if (x->BandFmt != VIPS_FORMAT_UCHAR) {
		if (vips_cast_uchar(x, &t[2], NULL) != 0)
			return NULL;
		x = t[2];
	}
	t[3] = vips_image_copy_memory(x);
	return t[3] ? without_metadata(t[3]) : NULL;
}

static int
variant(VipsObject *ctx, struct made *m, VipsImage *img, int width)
{
	char name[16];
	snprintf(name, sizeof name, "%d", width);
	if (width == img->Xsize)
		return save_pair(ctx, m, name, img);
	VipsImage **t = (VipsImage **)vips_object_local_array(ctx, 1);
	if (vips_resize(img, &t[0], (double)width / img->Xsize, NULL) != 0)
		return -1;
	return save_pair(ctx, m, name, t[0]);
}

/* A photograph: 480, 960 and 1600 pixels wide where it is at least that wide, and its own
 * width too when that is below 1600. */
static int
photo(VipsObject *ctx, struct made *m, enum sniffed kind, const unsigned char *data, size_t len)
{
	VipsImage *in = load(ctx, kind, data, len);
	if (in == NULL)
		return REASON_DAMAGED;
	if (in->Xsize > LIMIT_PIXELS / in->Ysize)
		return REASON_PIXELS;   /* the sniffer read another header than the decoder does */
	VipsImage *img = upright_srgb(ctx, in);
	if (img == NULL)
		return REASON_DAMAGED;
	int own = img->Xsize, last = 0;
	for (size_t i = 0; i < sizeof widths / sizeof widths[0] && widths[i] <= own; i++) {
		if (variant(ctx, m, img, widths[i]) != 0)
			return REASON_DAMAGED;
		last = widths[i];
	}
	if (own < WIDEST && own != last && variant(ctx, m, img, own) != 0)
		return REASON_DAMAGED;
	return REASON_NONE;
}

/* A PDF: its page count and its first page 480 pixels wide. The page's size at 72 dpi, read
 * first, gives the scale, so a page drawn huge is never rendered huge. */
static int
document(VipsObject *ctx, struct made *m, const unsigned char *data, size_t len)
{
	VipsImage *page = load(ctx, SNIFF_PDF, data, len);
	int pages = 0;
	if (page == NULL || vips_image_get_int(page, VIPS_META_N_PAGES, &pages) != 0 || pages < 1)
		return REASON_DAMAGED;
	if (pages > LIMIT_PDF_PAGES)
		return REASON_PAGES;
	double scale = (double)THUMB / page->Xsize;
	if (page->Ysize * scale > (double)LIMIT_PIXELS / THUMB)
		return REASON_PIXELS;
	VipsImage **t = (VipsImage **)vips_object_local_array(ctx, 2);
	if (vips_pdfload_buffer((void *)data, len, &t[0], "scale", scale, "fail_on", VIPS_FAIL_ON_ERROR, NULL) != 0 ||
	    (t[1] = vips_image_copy_memory(t[0])) == NULL || save_pair(ctx, m, "thumb", without_metadata(t[1])) != 0)
		return REASON_DAMAGED;
	m->head.pages = pages;
	return REASON_NONE;
}

static int
status_of(int reason)
{
	if (reason == REASON_NONE)
		return 0;
	if (reason == REASON_NOT_PHOTO || reason == REASON_NOT_PDF)
		return 415;
	return reason == REASON_DAMAGED || reason == REASON_SLOW ? 422 : 413;
}

int
imaging_child_run(const unsigned char *data, size_t len, enum media_want want, long upload_max, int out_fd)
{
	confine_resources();
	struct made m = { 0 };
	enum sniffed kind;
	int reason;
	/* The worker checked already; checking again keeps this process's loader choice its own. */
	if (imaging_precheck(data, len, want, upload_max, &kind, &reason) == 0) {
		if (start_vips(kind) != 0 || imaging_child_confine(kind) != 0)
			return 1;
		VipsObject *ctx = VIPS_OBJECT(vips_image_new());
		reason = kind == SNIFF_PDF ? document(ctx, &m, data, len) : photo(ctx, &m, kind, data, len);
		if (reason == REASON_DAMAGED)
			fprintf(stderr, "pressroom: imaging: refused: %s", vips_error_buffer());
	}
	if (reason != REASON_NONE) {   /* a refusal carries no files, even half of them */
		m.head = (struct imaging_head){ .status = status_of(reason), .reason = reason };
		m.files.len = 0;
	}
	if (imaging_write_full(out_fd, &m.head, sizeof m.head) != 0 ||
	    imaging_write_full(out_fd, m.files.data, m.files.len) != 0)
		return 1;
	return 0;
}
