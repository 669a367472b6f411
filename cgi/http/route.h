/* route: the site map, and dispatch of one request to its handler. */
#ifndef PRESSROOM_ROUTE_H
#define PRESSROOM_ROUTE_H

#include "ctx.h"

typedef int (*handler_fn)(struct ctx *c);

/* Finds the route, checks the role and the CSRF token, runs the handler; returns the status. */
int route_dispatch(struct ctx *c);

#endif
