/* pressroomctl: the admin command line: create and migrate the database, load the demo, check it; users and audit in ctl_*.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "secret.h"
#include "config.h"
#include "ctl.h"
#include "files.h"
#include "db.h"
#include "markdown.h"

extern const char *const demo_sql[];

void
ctl_usage(void)
{
	fprintf(stderr,
	    "usage: pressroomctl [-c FILE] [-d DATABASE] COMMAND\n\n"
	    "  init                          create the database and apply every migration\n"
	    "  migrate                       apply the migrations this build has and the file lacks\n"
	    "  demo                          load the demo content (the Bangkok workshop of February 2025)\n"
	    "  demo --releases N             generate N published releases over 15 years, about events of\n"
	    "                                every kind with organisations and delegations (size checks)\n"
	    "  user list                     every account: name, role, disabled or not, last login\n"
	    "  user add NAME --role ROLE [--display-name TEXT]\n"
	    "                                add an account (ROLE: author, editor or admin); the password\n"
	    "                                is read from standard input, or generated and printed once\n"
	    "                                when standard input is a terminal or empty\n"
	    "  user passwd NAME              a new password, read or generated the same way; ends the\n"
	    "                                account's sessions\n"
	    "  user disable NAME             refuse its logins and end its sessions; user enable NAME undoes it\n"
	    "  user role NAME ROLE           give the account another role\n"
	    "  audit verify                  check the audit log's hash chain; names the first entry\n"
	    "                                altered or removed and exits 1\n"
	    "  audit list [--limit N]        the newest N entries of the audit log (50)\n"
	    "  check                         integrity check and schema version\n"
	    "  reindex                       bring the search index up to date with changes made to the\n"
	    "                                database by hand (pressroom's own writes do it as they commit)\n"
	    "  backup FILE                   an online copy of the database, made while it serves, checked,\n"
	    "                                then renamed over FILE (FILE is never half-written)\n\n"
	    "Every user change is written to the audit log with the client \"cli\".\n"
	    "The database is -d, else `database` in the -c file, else $PRESSROOM_DB, else var/pressroom.db.\n");
}

int
ctl_open_db(const struct config *cfg, struct db *db, int create)
{
	char err[512];
	if (db_open(db, cfg->db_path, create, err, sizeof err) != 0) {
		fprintf(stderr, "pressroomctl: %s\n", err);
		return -1;
	}
	return 0;
}

int
ctl_open_current_db(const struct config *cfg, struct db *db)
{
	char err[512];
	if (ctl_open_db(cfg, db, 0) != 0)
		return -1;
	if (db_check_schema(db, err, sizeof err) != 0) {
		fprintf(stderr, "pressroomctl: %s\n", err);
		db_close(db);
		return -1;
	}
	return 0;
}

static int
cmd_migrate(const struct config *cfg, int create)
{
	struct db db;
	char err[512];
	if (ctl_open_db(cfg, &db, create) != 0)
		return 1;
	int n = db_migrate(&db, err, sizeof err);
	int v = db_version(&db);
	db_close(&db);
	if (n < 0) {
		fprintf(stderr, "pressroomctl: %s: %s\n", cfg->db_path, err);
		return 1;
	}
	printf("%s: schema version %d (%d migration%s applied)\n", cfg->db_path, v, n, n == 1 ? "" : "s");
	return 0;
}

/* Renders every body the SQL loaded as Markdown only. */
static int
render_missing_html(struct db *db)
{
	sqlite3_stmt *sel, *upd;
	if (sqlite3_prepare_v2(db->h, "SELECT id, body FROM releases WHERE body_html = ''", -1, &sel, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(db->h, "UPDATE releases SET body_html = ?2 WHERE id = ?1", -1, &upd, NULL) != SQLITE_OK) {
		sqlite3_finalize(sel);
		return -1;
	}
	int rc = 0;
	while (rc == 0 && sqlite3_step(sel) == SQLITE_ROW) {
		const char *body = (const char *)sqlite3_column_text(sel, 1);
		char *html = markdown_to_html(body ? body : "", body ? strlen(body) : 0);
		sqlite3_reset(upd);
		sqlite3_bind_int64(upd, 1, sqlite3_column_int64(sel, 0));
		db_bind_str(upd, 2, html);
		if (html == NULL || sqlite3_step(upd) != SQLITE_DONE)
			rc = -1;
		free(html);
	}
	sqlite3_finalize(sel);
	sqlite3_finalize(upd);
	return rc;
}

static int
cmd_demo(const struct config *cfg)
{
	struct db db;
	if (ctl_open_current_db(cfg, &db) != 0)
		return 1;
	sqlite3_stmt *st;
	int loaded = 0;
	if (sqlite3_prepare_v2(db.h, "SELECT 1 FROM organizations WHERE slug = 'unodc'", -1, &st, NULL) == SQLITE_OK) {
		loaded = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	if (loaded) {
		printf("%s: the demo content is already there\n", cfg->db_path);
		db_close(&db);
		return 0;
	}
	char *msg = NULL;
	if (db_begin(&db) != SQLITE_OK || sqlite3_exec(db.h, demo_sql[0], NULL, NULL, &msg) != SQLITE_OK ||
	    render_missing_html(&db) != 0 || db_commit(&db) != SQLITE_OK) {
		fprintf(stderr, "pressroomctl: demo: %s\n", msg ? msg : db_errmsg(&db));
		sqlite3_free(msg);
		db_rollback(&db);
		db_close(&db);
		return 1;
	}
	db_close(&db);
	printf("%s: demo content loaded (1 event, 4 organisations, 1 published release)\n", cfg->db_path);
	return 0;
}

/* One line a problem: "files: orphan NAME" (stored, no row), "missing" (a row's file is not
 * stored), "exposed" (public, but its release is not listed), "unpublished" (listed, not public). */
static void
report_file(const char *problem, const char *name, void *arg)
{
	(void)arg;
	printf("files: %s %s\n", problem, name);
}

static int
cmd_check(const struct config *cfg)
{
	struct db db;
	char err[512];
	if (ctl_open_db(cfg, &db, 0) != 0)
		return 1;
	int rc = ctl_integrity(db.h, "integrity") != 0;
	if (db_check_schema(&db, err, sizeof err) != 0) {
		printf("schema: %s\n", err);
		rc = 1;
	} else {
		printf("schema: version %d, current\n", db_version(&db));
		struct arena a = { 0 };
		int problems = files_check(&db, cfg, &a, report_file, NULL);
		if (problems < 0)
			printf("files: cannot read %s or %s\n", cfg->files_dir, cfg->media_dir);
		else if (problems == 0)
			printf("files: every photograph and document is stored, and only listed releases' are public\n");
		rc |= problems != 0;
		arena_free(&a);
	}
	db_close(&db);
	return rc;
}

/* The writers catch the index up as they commit (db_commit); a change made with sqlite3 is listed
 * stale by the triggers and waits for the next write, or for this. */
static int
cmd_reindex(const struct config *cfg)
{
	struct db db;
	if (ctl_open_current_db(cfg, &db) != 0)
		return 1;
	long stale = -1;
	sqlite3_stmt *st;
	if (db_begin(&db) == SQLITE_OK && db_find(&db, "SELECT count(*) FROM releases_fts_stale", NULL, 0, &st) == 1) {
		stale = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	if (stale < 0 || db_commit(&db) != SQLITE_OK) {
		fprintf(stderr, "pressroomctl: reindex: %s\n", db_errmsg(&db));
		db_rollback(&db);
		db_close(&db);
		return 1;
	}
	db_close(&db);
	printf("%s: %ld release(s) indexed again\n", cfg->db_path, stale);
	return 0;
}

int
main(int argc, char **argv)
{
	struct config cfg;
	char err[512];
	int opt;
	config_defaults(&cfg);
	if (secret_init() != 0) {
		fprintf(stderr, "pressroomctl: libsodium failed to start\n");
		return 1;
	}
	for (int i = 1; i < argc - 1; i++)
		if (strcmp(argv[i], "-c") == 0 && config_load_file(&cfg, argv[i + 1], err, sizeof err) != 0) {
			fprintf(stderr, "pressroomctl: %s\n", err);
			return 2;
		}
	if (config_load_env(&cfg, err, sizeof err) != 0) {
		fprintf(stderr, "pressroomctl: %s\n", err);
		return 2;
	}
	while ((opt = getopt(argc, argv, "+c:d:h")) != -1) {
		if (opt == 'd' && config_set(&cfg, "database", optarg, err, sizeof err) != 0) {
			fprintf(stderr, "pressroomctl: %s\n", err);
			return 2;
		}
		if (opt == 'h' || opt == '?') {
			ctl_usage();
			return opt == 'h' ? 0 : 2;
		}
	}
	config_finish(&cfg);
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		ctl_usage();
		return 2;
	}
	if (strcmp(argv[0], "init") == 0 || strcmp(argv[0], "migrate") == 0)
		return cmd_migrate(&cfg, strcmp(argv[0], "init") == 0);
	if (strcmp(argv[0], "demo") == 0 && argc > 1)
		return ctl_demo(&cfg, argc - 1, argv + 1);
	if (strcmp(argv[0], "demo") == 0)
		return cmd_demo(&cfg);
	if (strcmp(argv[0], "check") == 0)
		return cmd_check(&cfg);
	if (strcmp(argv[0], "reindex") == 0)
		return cmd_reindex(&cfg);
	if (strcmp(argv[0], "backup") == 0)
		return ctl_backup(&cfg, argc - 1, argv + 1);
	if (strcmp(argv[0], "user") == 0)
		return ctl_user(&cfg, argc - 1, argv + 1);
	if (strcmp(argv[0], "audit") == 0)
		return ctl_audit(&cfg, argc - 1, argv + 1);
	ctl_usage();
	return 2;
}
