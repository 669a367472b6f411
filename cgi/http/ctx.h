/* ctx: one request in a worker: what came in, who sent it, and the response being built. */
#ifndef PRESSROOM_CTX_H
#define PRESSROOM_CTX_H

#include <time.h>

#include "buf.h"
#include "config.h"
#include "db.h"
#include "multipart.h"
#include "req.h"
#include "user.h"
#include "view.h"

/* The signed-in person, when there is one (id 0 otherwise). */
struct me {
	long        id;
	const char *name;
	const char *display_name;
	enum role   role;
	const char *csrf;          /* the token this session's forms carry */
	const char *token_hash;    /* the session row's key */
};

#define CTX_MAX_ARGS 4

struct ctx {
	const struct config *cfg;
	struct db     *db;
	struct arena  *a;
	char         **env;        /* FastCGI parameters, NAME=value */

	const char    *method;     /* GET for HEAD too; head says to drop the body */
	int            head;
	const char    *path;       /* decoded path, without the query */
	const char    *client;     /* REMOTE_ADDR */
	int            https;
	struct fields  query, form, cookies;
	struct upload *files;      /* a multipart form's files, in the order sent; none otherwise */
	size_t         nfiles;
	const char    *args[CTX_MAX_ARGS];   /* path segments the route's * matched */
	struct me      me;

	int            status;
	const char    *content_type;
	struct buf     headers;    /* extra header lines, each ending in \r\n */
	struct buf     body;
	view_dict     *layout;     /* the page frame, while a page is being built */
};

const char *ctx_param(const struct ctx *c, const char *name);
const char *ctx_cookie(const struct ctx *c, const char *name);
void        ctx_header(struct ctx *c, const char *name, const char *value);

/* Records one audit entry for this request's account and client address (audit_record_as), inside
 * the transaction of the change it records. Returns 0 or -1. */
int audit_record(struct ctx *c, const char *action, const char *subject, const char *detail);

#endif
