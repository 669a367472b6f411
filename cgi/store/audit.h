/* audit: the append-only, hash-chained log of who did what, when and from where. */
#ifndef PRESSROOM_AUDIT_H
#define PRESSROOM_AUDIT_H

#include "db.h"

#define AUDIT_HASH_HEX 64        /* hex digits of an entry's BLAKE2b-256 hash */

/* One entry as stored; NULL strings and user_id 0 are SQL NULLs. */
struct audit_entry {
	long        id;
	const char *at;
	long        user_id;
	const char *user_name;       /* the account's name when listed, "" for none */
	const char *client, *action, *subject, *detail;
	const char *prev_hash, *hash;
};

/* Records one entry for an account (0: none) and client address; call it inside the transaction
 * of the change it records, so both land or neither. Returns 0 or -1. */
int audit_record_as(struct db *db, struct arena *a, long user_id, const char *client, const char *action,
    const char *subject, const char *detail);
/* The same for the command line (client "cli", no account). */
int audit_record_cli(struct db *db, struct arena *a, const char *action, const char *subject,
    const char *detail);

/* The bytes an entry's hash covers: a tag, then id, at, user_id, client, action, subject,
 * detail and prev_hash, each as "<length>:<bytes>\n", or "~\n" for NULL, so no two
 * different entries serialise alike. */
void audit_serialise(struct buf *out, const struct audit_entry *e);
/* Hex BLAKE2b-256 of the serialisation into out. */
void audit_hash(const struct audit_entry *e, char out[AUDIT_HASH_HEX + 1]);

/* What walking the chain found. */
struct audit_check {
	long        checked;     /* entries read */
	long        bad_id;      /* the first entry altered or removed, 0 when none */
	const char *why;         /* what is wrong with it ("altered: ..."), NULL when nothing */
	const char *last_hash;   /* the newest entry's hash ("" for an empty log): cutting entries
	                          * off the end shows only against a copy of it kept elsewhere */
};
/* Walks the chain from the first entry: 0 when intact, 1 at the first entry altered or
 * removed, -1 on a database error. */
int audit_verify(struct db *db, struct arena *a, struct audit_check *out);

/* What the audit page asks for; "" matches anything. from and to are UTC bounds, to exclusive. */
struct audit_filter {
	const char *action, *account, *subject, *from, *to;
};

/* Entries matching f, newest first, after skipping offset; 0 or -1. */
int audit_list(struct db *db, struct arena *a, const struct audit_filter *f, long offset, long limit,
    struct audit_entry **out, size_t *n);
/* Every action the log holds, in order, for the filter's choices; 0 or -1. */
int audit_actions(struct db *db, struct arena *a, const char ***out, size_t *n);

#endif
