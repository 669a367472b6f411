/* mkphoto: makes test pictures with libvips: mkphoto OUT WIDTH HEIGHT [ORIENTATION|flat]; the format from OUT's suffix. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vips/vips.h>

/* A colour gradient (a flat picture compresses to almost nothing, which would hide size bugs),
 * with an EXIF orientation when asked, so a test can see it applied and then gone. */
int
main(int argc, char **argv)
{
	if (argc < 4 || VIPS_INIT(argv[0]) != 0) {
		fprintf(stderr, "usage: mkphoto OUT WIDTH HEIGHT [ORIENTATION]\n");
		return 2;
	}
	int w = atoi(argv[2]), h = atoi(argv[3]);
	/* "flat": one colour, which a PNG squeezes to almost nothing: a decompression bomb. */
	int flat = argc > 4 && strcmp(argv[4], "flat") == 0;
	VipsImage *xy, *scaled, *third, *rgb, *out;
	double scale[] = { 255.0 / w, 255.0 / h }, zero[] = { 0, 0 };
	if (flat) {
		if (vips_black(&out, w, h, "bands", 3, NULL) || vips_image_write_to_file(out, argv[1], NULL)) {
			fprintf(stderr, "mkphoto: %s\n", vips_error_buffer());
			return 1;
		}
		return 0;
	}
	if (vips_xyz(&xy, w, h, NULL) || vips_linear(xy, &scaled, scale, zero, 2, NULL) ||
	    vips_extract_band(scaled, &third, 0, "n", 1, NULL) ||
	    vips_bandjoin2(scaled, third, &rgb, NULL) || vips_cast_uchar(rgb, &out, NULL)) {
		fprintf(stderr, "mkphoto: %s\n", vips_error_buffer());
		return 1;
	}
	if (argc > 4)
		vips_image_set_int(out, VIPS_META_ORIENTATION, atoi(argv[4]));
	if (vips_image_write_to_file(out, argv[1], NULL)) {
		fprintf(stderr, "mkphoto: %s\n", vips_error_buffer());
		return 1;
	}
	return 0;
}
