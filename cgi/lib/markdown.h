/* markdown: the one place Markdown becomes HTML (cmark, safe mode). */
#ifndef PRESSROOM_MARKDOWN_H
#define PRESSROOM_MARKDOWN_H

#include <stddef.h>

/* Returns malloc'd HTML with raw HTML dropped and unsafe links (javascript:, data:) blanked. */
char *markdown_to_html(const char *md, size_t len);

#endif
