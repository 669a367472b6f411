/* test_audit: the audit entry's serialisation and hash, and the chain check on a real schema (cgi/store/audit.h). */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "unit.h"

static struct arena a;

static const char *
serialised(const struct audit_entry *e)
{
	struct buf b = { 0 };
	audit_serialise(&b, e);
	const char *s = arena_strdup(&a, buf_str(&b));
	buf_free(&b);
	return s;
}

static const char *
hashed(const struct audit_entry *e)
{
	char *h = arena_alloc(&a, AUDIT_HASH_HEX + 1);
	audit_hash(e, h);
	return h;
}

static void
test_serialise(void)
{
	struct audit_entry e = { .id = 7, .at = "2025-02-24T02:00:00Z", .user_id = 3, .client = "127.0.0.1",
		.action = "login", .subject = "user:jdoe", .detail = NULL, .prev_hash = "" };
	CHECK_STR(serialised(&e), "pressroom-audit-1\n1:7\n20:2025-02-24T02:00:00Z\n1:3\n9:127.0.0.1\n5:login\n"
	    "9:user:jdoe\n~\n0:\n", "each field is its length, a colon, its bytes and a newline; NULL is ~");
	e.user_id = 0;
	CHECK(strstr(serialised(&e), "Z\n~\n9:127") != NULL, "no account (user_id 0) serialises as NULL");

	/* Fields that run into each other must not serialise alike. */
	struct audit_entry x = e, y = e;
	x.subject = "user:a";
	x.detail = "b";
	y.subject = "user:ab";
	y.detail = "";
	CHECK(strcmp(serialised(&x), serialised(&y)) != 0,
	    "moving bytes from one field to the next changes the serialisation");
	y.detail = NULL;
	x.detail = "";
	x.subject = "user:ab";
	CHECK(strcmp(serialised(&x), serialised(&y)) != 0, "an empty detail and no detail differ");
	x = e;
	x.detail = "a\n5:login";
	y = e;
	y.detail = "a";
	CHECK(strcmp(serialised(&x), serialised(&y)) != 0, "a newline inside a field cannot fake the next field");
}

static void
test_hash(void)
{
	struct audit_entry e = { .id = 1, .at = "2025-02-24T02:00:00Z", .client = "cli", .action = "account_created",
		.subject = "user:admin", .detail = "role admin", .prev_hash = "" };
	const char *h = hashed(&e);
	CHECK_INT(strlen(h), AUDIT_HASH_HEX, "the hash is 64 hex digits");
	CHECK(strspn(h, "0123456789abcdef") == AUDIT_HASH_HEX, "... in lower case");
	CHECK_STR(hashed(&e), h, "the same entry hashes the same every time");

	/* It is BLAKE2b-256 of the serialisation, nothing else: anyone can check it with b2sum. */
	const char *s = serialised(&e);
	unsigned char raw[32];
	char hex[65];
	crypto_generichash(raw, sizeof raw, (const unsigned char *)s, strlen(s), NULL, 0);
	sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
	CHECK_STR(h, hex, "the hash is BLAKE2b-256 of the serialisation");

	struct audit_entry f = e;
	f.detail = "role editor";
	CHECK(strcmp(hashed(&f), h) != 0, "another detail, another hash");
	f = e;
	f.prev_hash = "00";
	CHECK(strcmp(hashed(&f), h) != 0, "another predecessor, another hash");
	f = e;
	f.id = 2;
	CHECK(strcmp(hashed(&f), h) != 0, "another id, another hash");
}

/* verify: audit_verify's answer, with the id and reason it names. */
static int
verify(struct db *db, long *bad, const char **why)
{
	struct audit_check ck;
	int rc = audit_verify(db, &a, &ck);
	*bad = ck.bad_id;
	*why = ck.why ? ck.why : "";
	return rc;
}

static void
test_chain(void)
{
	struct db db;
	char err[256];
	long bad;
	const char *why;
	if (!CHECK(db_open(&db, ":memory:", 1, err, sizeof err) == 0 && db_migrate(&db, err, sizeof err) > 0,
	    "an in-memory database takes every migration"))
		return;
	CHECK(verify(&db, &bad, &why) == 0, "an empty log verifies");
	for (int i = 0; i < 5; i++)
		audit_record_cli(&db, &a, "role_change", "user:jdoe", i % 2 ? "editor to author" : "author to editor");
	CHECK(verify(&db, &bad, &why) == 0, "five entries recorded one by one verify");
	CHECK_INT(sqlite3_get_autocommit(db.h), 1, "a record made outside a transaction commits its own");

	db_begin(&db);
	audit_record_cli(&db, &a, "publish", "release:1", NULL);
	db_rollback(&db);
	CHECK(verify(&db, &bad, &why) == 0, "an entry rolled back with its transaction leaves the chain whole");

	db_exec(&db, "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete");
	db_exec(&db, "UPDATE audit_log SET detail = 'nothing' WHERE id = 3");
	CHECK(verify(&db, &bad, &why) == 1 && bad == 3 && strstr(why, "altered"),
	    "an altered entry is named (%s)", why);
	db_exec(&db, "UPDATE audit_log SET detail = 'author to editor' WHERE id = 3");
	CHECK(verify(&db, &bad, &why) == 0, "put back as it was, it verifies again");

	db_exec(&db, "UPDATE audit_log SET hash = (SELECT hash FROM audit_log WHERE id = 1) WHERE id = 2");
	CHECK(verify(&db, &bad, &why) == 1 && bad == 2, "an entry whose hash was replaced is named (%s)", why);
	db_exec(&db, "DELETE FROM audit_log WHERE id = 2");
	CHECK(verify(&db, &bad, &why) == 1 && bad == 2 && strstr(why, "removed"), "a removed entry is named (%s)", why);
	db_exec(&db, "DELETE FROM audit_log WHERE id = 1");
	CHECK(verify(&db, &bad, &why) == 1 && bad == 1, "a removed first entry is named (%s)", why);
	db_close(&db);
}

int
main(int argc, char **argv)
{
	unit_start(argc, argv, "audit");
	if (sodium_init() < 0)
		return 1;
	test_serialise();
	test_hash();
	test_chain();
	arena_free(&a);
	return unit_end();
}
