/* release_list: the release teaser list shared by the home page and event pages. */
#ifndef PRESSROOM_RELEASE_LIST_H
#define PRESSROOM_RELEASE_LIST_H

#include "ctx.h"
#include "release.h"

/* Adds one RELEASES section per release: URL, TITLE, DATE, DATE_ISO, SUMMARY and its EVENT. */
void list_releases(struct ctx *c, view_dict *d, const struct release *rs, size_t n);

#endif
