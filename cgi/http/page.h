/* page: building HTML responses from the page frame, redirects, and the one error path. */
#ifndef PRESSROOM_PAGE_H
#define PRESSROOM_PAGE_H

#include "ctx.h"

/* The reason phrase for a status ("Not Found"). */
const char *http_reason(int status);
/* Starts a page: the frame (layout.tpl) with `tpl` as its content; returns the content's dictionary. */
view_dict *page_begin(struct ctx *c, const char *tpl, const char *title);
/* The page's metadata in layout.tpl's head (canonical link, description, OpenGraph): a description
 * (NULL keeps the one set), the canonical path and the OpenGraph type (NULL keeps them). page_begin
 * sets this path, the site's description and "website"; page_end shows them on 200 public pages. */
void       page_meta(struct ctx *c, const char *description, const char *path, const char *og_type);
/* The absolute address of a path on this site (base_url + path), for canonical links and JSON-LD. */
char      *page_url(const struct ctx *c, const char *path);
/* Expands the page into the response body with this status; returns the status (500 if it fails). */
int        page_end(struct ctx *c, int status);
/* A human error page for a 4xx or 5xx; 5xx are logged with an incident id shown to the reader. */
int        page_error(struct ctx *c, int status, const char *detail);
/* Rolls back a failed write and answers it: 503 when the disk is full or the database busy
 * (nothing saved is lost; try again), 500 otherwise, logged either way with `what`. */
int        db_failure(struct ctx *c, const char *what);
/* The message for ?done=KEY, the redirect after a change saying what it did: notices holds
 * KEY, message pairs and ends with NULL; NULL when there is no such KEY. */
const char *page_done_notice(const struct ctx *c, const char *const *notices);
/* A redirect (301, 303) to a path on this site. */
int        page_redirect(struct ctx *c, int status, const char *location);
/* Puts a checked form back: each field's value as typed under its name, NAME_error and
 * section NAME_invalid for a bad one, and a line in `summary`'s ERRORS list naming it.
 * row is NULL, or a suffix like "-2" that tells a table row's fields apart. */
struct rule;
struct checked;
void       page_form_values(view_dict *d, view_dict *summary, const struct rule *rules, size_t n,
    const struct checked *ck, const char *row);

#endif
