/* ctl_audit: pressroomctl audit verify|list: checking the hash chain, and the newest entries. */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "ctl.h"
#include "valid.h"

/* 0 when every entry is there as written, 1 naming the first altered or removed. */
static int
verify(struct db *db, struct arena *a)
{
	struct audit_check ck;
	int rc = audit_verify(db, a, &ck);
	if (rc < 0) {
		fprintf(stderr, "pressroomctl: audit verify: %s\n", db_errmsg(db));
		return 1;
	}
	if (rc > 0) {
		printf("audit: entry %ld was %s\n", ck.bad_id, ck.why);
		return 1;
	}
	printf("audit: %ld entr%s, the chain is intact\n", ck.checked, ck.checked == 1 ? "y" : "ies");
	if (ck.checked)
		printf("last: entry %ld, hash %s\n", ck.checked, ck.last_hash);
	return 0;
}

static int
list(struct db *db, struct arena *a, long limit)
{
	struct audit_filter all = { "", "", "", "", "" };
	struct audit_entry *es;
	size_t n;
	if (audit_list(db, a, &all, 0, limit, &es, &n) != 0) {
		fprintf(stderr, "pressroomctl: audit list: %s\n", db_errmsg(db));
		return 1;
	}
	for (size_t i = 0; i < n; i++)
		printf("%ld\t%s\t%s\t%s\t%s\t%s\t%s\n", es[i].id, es[i].at, *es[i].user_name ? es[i].user_name : "-",
		    es[i].client ? es[i].client : "-", es[i].action, es[i].subject ? es[i].subject : "-",
		    es[i].detail ? es[i].detail : "");
	return 0;
}

int
ctl_audit(const struct config *cfg, int argc, char **argv)
{
	long limit = 50;
	int is_list = argc >= 1 && strcmp(argv[0], "list") == 0;
	if (is_list && argc == 3 && strcmp(argv[1], "--limit") == 0) {
		if (parse_long(argv[2], 1, 1000000, &limit) != 0) {
			fprintf(stderr, "pressroomctl: --limit takes a whole number from 1 to 1000000\n");
			return 2;
		}
	} else if (argc != 1 || !(is_list || strcmp(argv[0], "verify") == 0)) {
		ctl_usage();
		return 2;
	}
	struct db db;
	struct arena a = { 0 };
	if (ctl_open_current_db(cfg, &db) != 0)
		return 1;
	int rc = is_list ? list(&db, &a, limit) : verify(&db, &a);
	db_close(&db);
	arena_free(&a);
	return rc;
}
