/* admin_translation: a release's other language versions on its staff page, and starting a translation. */
#ifndef PRESSROOM_ADMIN_TRANSLATION_H
#define PRESSROOM_ADMIN_TRANSLATION_H

#include "ctx.h"
#include "release.h"

/* The LANGUAGES part of r's edit page: its other versions, and a link to add a missing language. 0 or -1. */
int translation_panel(struct ctx *c, view_dict *d, const struct release *r);
/* The original a translation is asked for (param: its id, from the link or the form), for this person.
 * 0 when none is asked; 1 with o (the family's original) and *language (the first language it lacks)
 * filled; else the status to answer: 404 (no such release, or not this author's), 409 (every
 * language is written), 500. */
int translation_start(struct ctx *c, const char *param, struct release *o, const char **language);

/* Inside the save's transaction, for a translation r: it takes its original's event, and a new
 * one its language only while no other version has it. 0, 409, or 500. */
int translation_save(struct ctx *c, struct release *r);

#endif
