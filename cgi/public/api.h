/* api: the read-only JSON API under /api/v1/ (documented in README.md, "Open data"). */
#ifndef PRESSROOM_API_H
#define PRESSROOM_API_H

#define API_PER_PAGE 20   /* items on a page of every list */

#endif
