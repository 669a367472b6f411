/* fuzz_sniff: the content sniffer (sniff_media, sniff_dimensions) on any bytes, and what it promises. */
#include <string.h>

#include "fuzz.h"
#include "sniff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *why = NULL;
	enum sniffed kind = sniff_media(data, size, &why);
	if (kind != SNIFF_NONE && kind != SNIFF_JPEG && kind != SNIFF_PNG && kind != SNIFF_WEBP && kind != SNIFF_PDF)
		fuzz_fail("sniff_media answers one of the kinds", NULL);
	if (kind == SNIFF_NONE && (why == NULL || *why == '\0'))
		fuzz_fail("a refusal says why", NULL);
	if (kind != SNIFF_NONE && sniff_media_type(kind) == NULL)
		fuzz_fail("an accepted kind has a media type", NULL);
	/* The header reader runs on whatever it is given, sniffed or not: it must not read past the end. */
	for (int k = SNIFF_JPEG; k <= SNIFF_PDF; k++) {
		long w = -1, h = -1;
		if (sniff_dimensions(data, size, (enum sniffed)k, &w, &h) == 0 && (w <= 0 || h <= 0))
			fuzz_fail("dimensions read from a header are positive", NULL);
	}
	return 0;
}
