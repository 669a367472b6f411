/* test_csv: RFC 4180 quoting and the formula guard of the engagements download (cgi/lib/csv.h). */
#include <string.h>

#include "buf.h"
#include "csv.h"
#include "unit.h"

/* One record of the given cells, as text (the buffer is reused). */
static const char *
record(struct buf *b, const char *const *cells, size_t n)
{
	buf_reset(b);
	csv_record(b, cells, n);
	return buf_str(b);
}

#define RECORD(b, ...) record((b), (const char *const[]){ __VA_ARGS__ }, \
	sizeof (const char *const[]){ __VA_ARGS__ } / sizeof (const char *))

int
main(int argc, char **argv)
{
	unit_start(argc, argv, "csv");
	struct buf b = { 0 };
	CHECK_STR(RECORD(&b, "event", "count"), "event,count\r\n", "plain cells are written as they are, CRLF ends the record");
	CHECK_STR(RECORD(&b, "one"), "one\r\n", "a record of one cell has no comma");
	CHECK_STR(RECORD(&b, "", NULL, "x"), ",,x\r\n", "empty and NULL cells are empty");
	CHECK_STR(RECORD(&b, "Bangkok, Thailand"), "\"Bangkok, Thailand\"\r\n", "a comma is quoted");
	CHECK_STR(RECORD(&b, "the \"Bali\" process"), "\"the \"\"Bali\"\" process\"\r\n",
	    "a quote is quoted and doubled");
	CHECK_STR(RECORD(&b, "\"\""), "\"\"\"\"\"\"\r\n", "a cell of two quotes becomes six");
	CHECK_STR(RECORD(&b, "two\nlines", "cr\rhere"), "\"two\nlines\",\"cr\rhere\"\r\n", "LF and CR are quoted");
	CHECK_STR(RECORD(&b, "=1+2", "+1", "-1", "@SUM(A1)"), "'=1+2,'+1,'-1,'@SUM(A1)\r\n",
	    "cells starting with = + - @ start with a single quote");
	CHECK_STR(RECORD(&b, "\tx", "\rx"), "'\tx,\"'\rx\"\r\n", "so do cells starting with a tab or CR");
	CHECK_STR(RECORD(&b, "=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n",
	    "a formula with quotes and commas is guarded inside the quotes");
	CHECK_STR(RECORD(&b, "a=b", "x-y", "2025-02-18"), "a=b,x-y,2025-02-18\r\n",
	    "= and - inside a cell, and dates, are left alone");
	CHECK_STR(RECORD(&b, "Côte d'Ivoire"), "Côte d'Ivoire\r\n", "UTF-8 and apostrophes pass through");
	buf_free(&b);
	return unit_end();
}
