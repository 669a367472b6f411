/* parked: forms posted after the session ended, kept until their author has logged in again. */
#ifndef PRESSROOM_PARKED_H
#define PRESSROOM_PARKED_H

#include "ctx.h"

#define PARKED_COOKIE "pr_parked"

/* Keeps c->form (without its csrf token) for c->path and sets the cookie that finds it; 0 or -1. */
int parked_keep(struct ctx *c);
/* When this browser parked a form for path, puts it in c->form, forgets it and returns 1;
 * 0 when there is none, -1 on error. */
int parked_take(struct ctx *c, const char *path);

#endif
