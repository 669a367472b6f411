/* ctx: what every handler does with its request: audit an action as the person who asked. */
#include "audit.h"
#include "ctx.h"

int
audit_record(struct ctx *c, const char *action, const char *subject, const char *detail)
{
	return audit_record_as(c->db, c->a, c->me.id, c->client, action, subject, detail);
}
