/* test_imaging: photographs and PDFs through the sandboxed helper (cgi/http/imaging*.c): variants, no metadata, refusals. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <vips/vips.h>

#include "imaging.h"
#include "imaging_child.h"
#include "unit.h"

static struct arena arena;
static const char *tmpdir;
static int have_exiftool;

static long
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A 3-band gradient of w by h, so that the encoders have something to encode. */
static VipsImage *
gradient(int w, int h)
{
	VipsImage *xyz = NULL, *lin = NULL, *rgb = NULL, *out = NULL;
	if (vips_xyz(&xyz, w, h, NULL) || vips_linear1(xyz, &lin, 0.1, 0.0, NULL) ||
	    vips_bandjoin_const1(lin, &rgb, 128.0, NULL) || vips_cast_uchar(rgb, &out, NULL))
		vips_error_exit("gradient");
	g_object_unref(xyz);
	g_object_unref(lin);
	g_object_unref(rgb);
	return out;
}

static unsigned char *
encode(VipsImage *img, const char *suffix, size_t *len)
{
	void *buf = NULL;
	if (vips_image_write_to_buffer(img, suffix, &buf, len, NULL) != 0)
		vips_error_exit("encode %s", suffix);
	return buf;
}

static unsigned char *
read_path(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	unsigned char *p = malloc(n > 0 ? (size_t)n : 1);
	*len = fread(p, 1, (size_t)n, f);
	fclose(f);
	return p;
}

static void
write_path(const char *path, const void *p, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (f) {
		fwrite(p, 1, len, f);
		fclose(f);
	}
}

/* exiftool's tags of a file that match a pattern, or "" (the empty string when it has none). */
static char *
exif_tags(const char *path, const char *tags)
{
	char cmd[1024], line[512];
	snprintf(cmd, sizeof cmd, "exiftool -s -s %s '%s' 2>/dev/null", tags, path);
	struct buf b = { 0 };
	FILE *p = popen(cmd, "r");
	while (p && fgets(line, sizeof line, p))
		buf_adds(&b, line);
	if (p)
		pclose(p);
	char *s = arena_strdup(&arena, b.len ? buf_str(&b) : "");
	buf_free(&b);
	return s;
}

static const struct media_file *
find(const struct media_out *out, const char *suffix)
{
	for (size_t i = 0; i < out->nfiles; i++)
		if (strcmp(out->files[i].suffix, suffix) == 0)
			return &out->files[i];
	return NULL;
}

/* Each file decodes to its announced size and carries no metadata libvips can see. */
static void
check_files_clean(const struct media_out *out, const char *what)
{
	int decoded = 1, clean = 1;
	for (size_t i = 0; i < out->nfiles; i++) {
		VipsImage *img = vips_image_new_from_buffer(out->files[i].data, out->files[i].len, "", NULL);
		if (img == NULL || vips_image_get_width(img) != out->files[i].width ||
		    vips_image_get_height(img) != out->files[i].height) {
			decoded = 0;
			fprintf(stderr, "#   %s did not decode to its size\n", out->files[i].suffix);
		}
		static const char *const fields[] = { VIPS_META_EXIF_NAME, VIPS_META_XMP_NAME, VIPS_META_IPTC_NAME,
		    VIPS_META_ORIENTATION, VIPS_META_ICC_NAME };
		for (size_t k = 0; img && k < sizeof fields / sizeof fields[0]; k++)
			if (vips_image_get_typeof(img, fields[k])) {
				clean = 0;
				fprintf(stderr, "#   %s has %s\n", out->files[i].suffix, fields[k]);
			}
		if (img)
			g_object_unref(img);
	}
	CHECK(decoded, "%s: every file decodes to the size it is listed with", what);
	CHECK(clean, "%s: no file has EXIF, XMP, IPTC, an ICC profile or an orientation", what);
}

/* The last job's answer, and its status or -1: a separate statement, before any check reads it. */
static struct media_out o;

static int
run(const void *data, size_t len, enum media_want want)
{
	return imaging_process(&arena, data, len, want, &o) == 0 ? o.status : -1;
}

static const char *
why(void)
{
	return o.why ? o.why : "";
}

/* The camera case: 2000x1200, turned by EXIF orientation 6, with a GPS position. */
static void
test_camera_jpeg(void)
{
	VipsImage *img = gradient(2000, 1200);
	vips_image_set_int(img, VIPS_META_ORIENTATION, 6);
	char path[512];
	snprintf(path, sizeof path, "%s/camera.jpg", tmpdir);
	if (vips_image_write_to_file(img, path, "Q", 90, NULL) != 0)
		vips_error_exit("camera.jpg");
	g_object_unref(img);
	if (have_exiftool) {
		char cmd[1024];
		snprintf(cmd, sizeof cmd, "exiftool -q -overwrite_original -Orientation#=6 -GPSLatitude=4.89 "
		    "-GPSLatitudeRef=N -GPSLongitude=114.94 -GPSLongitudeRef=E '%s'", path);
		CHECK(system(cmd) == 0, "exiftool wrote a GPS position into the camera JPEG");
		CHECK(CONTAINS(exif_tags(path, "-GPSLatitude"), "GPSLatitude"), "which it reads back");
	}
	size_t len = 0;
	unsigned char *data = read_path(path, &len);
	long t0 = now_ms();
	int st = run(data, len, WANT_PHOTO);
	long took = now_ms() - t0;
	CHECK(st == 0, "a 2000x1200 camera JPEG is made (%d %s)", st, why());
	CHECK(took < LIMIT_IMAGING_SECONDS * 1000L, "in %ld ms", took);
	CHECK_STR(o.media_type, "image/jpeg", "its type is the upload's");
	CHECK(o.width == 1200 && o.height == 2000, "turned upright by its orientation: %dx%d", o.width, o.height);
	CHECK_INT(o.nfiles, 6, "480, 960 and its own 1200, each as JPEG and WebP");
	CHECK(find(&o, "480.jpg") && find(&o, "960.webp") && find(&o, "1200.jpg") && find(&o, "1200.webp"),
	    "named by width and format");
	const struct media_file *f = find(&o, "480.jpg");
	CHECK(f && f->width == 480 && f->height == 800, "480.jpg is 480x800");
	CHECK(find(&o, "1600.jpg") == NULL, "no variant wider than the photograph");
	check_files_clean(&o, "camera JPEG");
	if (have_exiftool && f) {
		char out[512];
		snprintf(out, sizeof out, "%s/out.jpg", tmpdir);
		write_path(out, find(&o, "1200.jpg")->data, find(&o, "1200.jpg")->len);
		CHECK_STR(exif_tags(out, "-GPS:all -Orientation -XMP:all -IPTC:all"), "",
		    "exiftool finds no GPS, orientation, XMP or IPTC in 1200.jpg");
		snprintf(out, sizeof out, "%s/out.webp", tmpdir);
		write_path(out, find(&o, "480.webp")->data, find(&o, "480.webp")->len);
		CHECK_STR(exif_tags(out, "-GPS:all -Orientation -XMP:all -EXIF:all"), "",
		    "nor in 480.webp");
	}
	/* Cut in the middle of its scan, with an end marker put back: the sniffer passes it, the decoder must not. */
	memcpy(data + len / 2, "\xFF\xD9", 2);
	st = run(data, len / 2 + 2, WANT_PHOTO);
	CHECK(st == 422 && CONTAINS(o.why, "damaged"), "a truncated JPEG is 422 (%d %s)", st, why());
	st = run(data, len / 2, WANT_PHOTO);
	CHECK(st == 415, "one without its end marker is 415 (%s)", why());
	st = run(data, len / 2 + 2, WANT_DOCUMENT);
	CHECK(st == 415 && CONTAINS(o.why, "Attachments must be PDF"), "a JPEG as an attachment is 415: %s", why());
	free(data);
}

static void
test_png_webp(void)
{
	VipsImage *rgb = gradient(300, 200), *rgba = NULL;
	if (vips_bandjoin_const1(rgb, &rgba, 100.0, NULL) != 0)
		vips_error_exit("rgba");
	size_t len;
	unsigned char *png = encode(rgba, ".png", &len);
	CHECK(run(png, len, WANT_PHOTO) == 0, "a PNG with alpha is made");
	CHECK(o.nfiles == 2 && find(&o, "300.jpg") && find(&o, "300.webp"), "at its own width only, 300");
	check_files_clean(&o, "PNG");
	/* A byte changed inside IDAT: the CRC no longer matches. */
	png[len - 20] ^= 0x55;
	int st = run(png, len, WANT_PHOTO);
	CHECK(st == 422, "a corrupt PNG is 422 (%d)", st);
	g_free(png);
	VipsImage *wide = gradient(1000, 600);
	unsigned char *webp = encode(wide, ".webp", &len);
	CHECK(run(webp, len, WANT_PHOTO) == 0, "a WebP is made");
	CHECK(o.nfiles == 6 && find(&o, "1000.webp") && o.width == 1000 && o.height == 600, "480, 960 and 1000 wide");
	check_files_clean(&o, "WebP");
	g_free(webp);
	long t0 = now_ms();
	int made = 0;
	for (int i = 0; i < 20; i++) {
		png = encode(rgb, ".png", &len);
		made += run(png, len, WANT_PHOTO) == 0;
		g_free(png);
	}
	CHECK_INT(made, 20, "twenty jobs in a row, one helper (%ld ms each)", (now_ms() - t0) / 20);
	g_object_unref(rgb);
	g_object_unref(rgba);
	g_object_unref(wide);
}

static void
test_bomb(void)
{
	VipsImage *black = NULL;
	if (vips_black(&black, 10000, 10000, NULL) != 0)
		vips_error_exit("black");
	size_t len;
	void *buf = NULL;
	if (vips_pngsave_buffer(black, &buf, &len, "bitdepth", 1, "compression", 9, NULL) != 0)
		vips_error_exit("bomb");
	long t0 = now_ms();
	int st = run(buf, len, WANT_PHOTO);
	CHECK(st == 413, "a %zu-byte 10000x10000 PNG is 413", len);
	CHECK(now_ms() - t0 < 100, "at once, before any decoding");
	CHECK(CONTAINS(o.why, "megapixels"), "saying why: %s", why());
	g_free(buf);
	g_object_unref(black);
}

/* A one-page A4 PDF with a line of Helvetica, its xref table at the right offsets. */
static char *
make_pdf(size_t *len)
{
	static const char *const objs[] = {
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
		    "/Resources << /Font << /F1 5 0 R >> >> >>",
		"<< /Length 44 >>\nstream\nBT /F1 24 Tf 72 720 Td (Press release) Tj ET\nendstream",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	};
	struct buf b = { 0 };
	size_t at[5];
	buf_adds(&b, "%PDF-1.4\n");
	for (int i = 0; i < 5; i++) {
		at[i] = b.len;
		buf_addf(&b, "%d 0 obj\n%s\nendobj\n", i + 1, objs[i]);
	}
	size_t xref = b.len;
	buf_adds(&b, "xref\n0 6\n0000000000 65535 f \n");
	for (int i = 0; i < 5; i++)
		buf_addf(&b, "%010zu 00000 n \n", at[i]);
	buf_addf(&b, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", xref);
	char *s = arena_strndup(&arena, b.data, b.len);
	*len = b.len;
	buf_free(&b);
	return s;
}

static void
test_pdf(void)
{
	size_t len;
	const char *pdf = make_pdf(&len);
	long t0 = now_ms();
	int st = run(pdf, len, WANT_DOCUMENT);
	long took = now_ms() - t0;
	CHECK(st == 0, "a one-page PDF is read (%d %s)", st, why());
	CHECK(o.pages == 1, "one page (%d), in %ld ms", o.pages, took);
	CHECK_STR(o.media_type, "application/pdf", "its type");
	const struct media_file *t = find(&o, "thumb.jpg");
	CHECK(t && find(&o, "thumb.webp") && o.nfiles == 2, "a thumbnail as JPEG and WebP");
	CHECK(t && t->width == 480 && t->height >= 678 && t->height <= 680, "480 wide, A4's shape (%dx%d)",
	    t ? t->width : 0, t ? t->height : 0);
	check_files_clean(&o, "PDF thumbnail");
	st = run(pdf, len, WANT_PHOTO);
	CHECK(st == 415 && CONTAINS(o.why, "JPEG, PNG or WebP"), "a PDF as a photograph is 415: %s", why());
	const char junk[] = "%PDF-1.4 garbage, no objects at all\n%%EOF\n";
	st = run(junk, strlen(junk), WANT_DOCUMENT);
	CHECK(st == 422, "a PDF poppler cannot open is 422 (%d %s)", st, why());
	const char text[] = "%PDF-1.4\nhello";
	st = run(text, strlen(text), WANT_DOCUMENT);
	CHECK(st == 415 && CONTAINS(o.why, "Attachments must be PDF"), "text that starts like a PDF is 415: %s", why());
}

enum act { THREAD, SOCKET, FORK, EXECVE, MMAP_EXEC, OPEN_READ, OPEN_WRITE };

static void *
idle(void *arg)
{
	return arg;
}

/* What the child does under the filter; its exit status says what happened when it survives. */
static int
act(enum act a)
{
	char *argv[] = { "true", NULL };
	pthread_t t;
	int fd;
	switch (a) {
	case THREAD:     return pthread_create(&t, NULL, idle, NULL) == 0 && pthread_join(t, NULL) == 0 ? 0 : 3;
	case SOCKET:     (void)socket(AF_INET, SOCK_STREAM, 0); return 0;
	case FORK:       (void)fork(); return 0;
	case EXECVE:     execv("/bin/true", argv); return 0;
	case MMAP_EXEC:  (void)mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0); return 0;
	case OPEN_READ:  fd = open("/etc/passwd", O_RDONLY); return fd >= 0 ? 0 : errno == EACCES ? 4 : 3;
	case OPEN_WRITE: fd = open("/tmp/pressroom-imaging-x", O_WRONLY | O_CREAT, 0600); return fd >= 0 ? 0 : errno == EACCES ? 4 : 3;
	}
	return 3;
}

static int
confined(enum sniffed kind, enum act a)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(imaging_child_confine(kind) != 0 ? 2 : act(a));
	int st = 0;
	waitpid(pid, &st, 0);
	return st;
}

#define KILLED(st)      (WIFSIGNALED(st) && WTERMSIG(st) == SIGSYS)
#define EXITED(st, n)   (WIFEXITED(st) && WEXITSTATUS(st) == (n))

static void
test_sandbox(void)
{
	CHECK(EXITED(confined(SNIFF_JPEG, THREAD), 0), "the job's filter lets libvips start a thread");
	CHECK(KILLED(confined(SNIFF_JPEG, SOCKET)), "socket() kills the job");
	CHECK(KILLED(confined(SNIFF_JPEG, FORK)), "fork() kills the job");
	CHECK(KILLED(confined(SNIFF_JPEG, EXECVE)), "execve() kills the job");
	CHECK(KILLED(confined(SNIFF_PNG, MMAP_EXEC)), "an executable mapping kills the job");
	CHECK(EXITED(confined(SNIFF_WEBP, OPEN_READ), 4), "a photograph's job may open no file (EACCES)");
	CHECK(EXITED(confined(SNIFF_PDF, OPEN_READ), 0), "a PDF's job may read a file (its fonts)");
	CHECK(EXITED(confined(SNIFF_PDF, OPEN_WRITE), 4), "but not open one for writing (EACCES)");
}

/* The helper is this process's child; killed, it must turn into -1, never a hang. */
static void
test_helper_gone(const unsigned char *data, size_t len)
{
	char path[64], line[256] = "";
	snprintf(path, sizeof path, "/proc/self/task/%d/children", (int)getpid());
	FILE *f = fopen(path, "r");
	if (f) {
		if (fgets(line, sizeof line, f) == NULL)
			line[0] = '\0';
		fclose(f);
	}
	pid_t helper = (pid_t)atoi(line);
	CHECK(helper > 0 && kill(helper, SIGKILL) == 0, "the helper (%d) is killed", (int)helper);
	waitpid(helper, NULL, 0);
	long t0 = now_ms();
	CHECK(run(data, len, WANT_PHOTO) == -1, "a job then fails with -1");
	CHECK(run(data, len, WANT_PHOTO) == -1 && now_ms() - t0 < 1000, "and the next, at once");
}

int
main(int argc, char **argv)
{
	unit_start(argc, argv, "imaging");
	signal(SIGPIPE, SIG_IGN);
	struct config cfg;
	config_defaults(&cfg);
	/* The helper is forked first, as in a worker: this process's libvips never reaches it. */
	if (!CHECK(imaging_start(&cfg) == 0, "the helper starts"))
		return unit_end();
	if (VIPS_INIT(argv[0]) != 0)
		vips_error_exit("vips_init");
	char dir[] = "/tmp/pressroom-imaging-XXXXXX";
	tmpdir = mkdtemp(dir);
	have_exiftool = system("exiftool -ver > /dev/null 2>&1") == 0;
	if (!have_exiftool)
		printf("# exiftool is missing: the outputs are checked with libvips only\n");
	test_camera_jpeg();
	test_png_webp();
	test_bomb();
	test_pdf();
	test_sandbox();
	VipsImage *small = gradient(200, 100);
	size_t len;
	unsigned char *jpg = encode(small, ".jpg", &len);
	test_helper_gone(jpg, len);
	g_free(jpg);
	g_object_unref(small);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	(void)!system(cmd);
	arena_free(&arena);
	return unit_end();
}
