/* csv: RFC 4180 records for the one download that is not a template: the yearly engagements CSV. */
#ifndef PRESSROOM_CSV_H
#define PRESSROOM_CSV_H

#include <stddef.h>

#include "buf.h"

/* Appends one record of n cells and its CRLF. A cell holding a comma, a quote, CR or LF is quoted,
 * its quotes doubled; a cell a spreadsheet would run as a formula (starting with = + - @, tab or
 * CR) starts with a single quote instead. A NULL cell is empty. */
void csv_record(struct buf *b, const char *const *cells, size_t n);

#endif
