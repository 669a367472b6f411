/* diff: a line diff (Myers) between two texts, bounded in time and memory for any input. */
#ifndef PRESSROOM_DIFF_H
#define PRESSROOM_DIFF_H

#include <stddef.h>

#include "buf.h"

enum diff_op { DIFF_SAME, DIFF_DEL, DIFF_INS };

struct diff_line {
	enum diff_op op;
	const char  *text;     /* the line without its newline (or \r\n), NUL-terminated */
};

struct diff {
	struct diff_line *line;   /* in reading order: a removed line comes before what replaced it */
	size_t            n;
	size_t            added, removed;
	int               replaced;   /* too different to line up within the bounds: the changed middle
	                               * is shown as every old line removed, then every new line added */
};

/*
 * Work allowed for one diff: the lines between the common head and tail times the edits
 * searched for. Myers' search costs about (lines x edits) steps and edits^2 ints of memory,
 * so this keeps one diff under a few tens of milliseconds and 4 MiB, however large the body.
 */
#define DIFF_MAX_WORK  8000000L
#define DIFF_MAX_EDITS 1000L

/* Diffs from against to line by line into out, allocated in a (NULL text counts as empty). */
void diff_lines(struct arena *a, const char *from, const char *to, struct diff *out);

#endif
