/* ctl_user: pressroomctl user list|add|disable|enable|role|passwd, each change in the audit log. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "secret.h"
#include "user.h"
#include "ctl.h"
#include "user.h"

/* A password from the first line of standard input, or a generated one when standard input
 * is a terminal or empty; *shown is then the generated one, to print once, else NULL.
 * Returns 0, or the exit status after a message. */
static int
new_password(struct arena *a, char hash[crypto_pwhash_STRBYTES], const char **shown)
{
	static char line[PASSWORD_MAX_BYTES + 2];
	char *password = NULL;
	*shown = NULL;
	if (!isatty(0) && fgets(line, sizeof line, stdin)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (*line)
			password = line;
	}
	if (password == NULL)
		*shown = password = password_generate(a);
	const char *problem = password_problem(password);
	int rc = 0;
	if (problem) {
		fprintf(stderr, "pressroomctl: the password %s\n", problem);
		rc = 2;
	} else if (password_hash(password, hash) != 0) {
		fprintf(stderr, "pressroomctl: out of memory hashing the password\n");
		rc = 1;
	}
	sodium_memzero(line, sizeof line);
	return rc;
}

static void
print_password(const char *shown)
{
	if (shown)
		printf("password: %s\n(shown once; it is stored only as an argon2id hash)\n", shown);
}

/* Opens the database and finds the account NAME: 0, or the exit status after a message. */
static int
open_account(const struct config *cfg, struct db *db, struct arena *a, const char *name, struct user *u)
{
	if (ctl_open_current_db(cfg, db) != 0)
		return 1;
	int found = user_by_name(db, a, name, u);
	if (found == 1)
		return 0;
	if (found == 0)
		fprintf(stderr, "pressroomctl: there is no account named \"%s\"\n", name);
	else
		fprintf(stderr, "pressroomctl: %s\n", db_errmsg(db));
	db_close(db);
	return 1;
}

/* Ends a change begun with db_begin (ok: it went well so far) with its audit entry, commits,
 * and closes the database; the exit status. */
static int
finish(struct db *db, struct arena *a, int ok, const char *action, const char *name, const char *detail)
{
	int rc = 0;
	if (!ok || audit_record_cli(db, a, action, arena_printf(a, "user:%s", name), detail) != 0 ||
	    db_commit(db) != SQLITE_OK) {
		fprintf(stderr, "pressroomctl: %s: %s\n", action, db_errmsg(db));
		db_rollback(db);
		rc = 1;
	}
	db_close(db);
	return rc;
}

static int
cmd_list(const struct config *cfg, struct arena *a)
{
	struct db db;
	struct user *us;
	size_t n;
	if (ctl_open_current_db(cfg, &db) != 0)
		return 1;
	int rc = user_list(&db, a, &us, &n);
	if (rc != 0)
		fprintf(stderr, "pressroomctl: %s\n", db_errmsg(&db));
	for (size_t i = 0; rc == 0 && i < n; i++)
		printf("%-20s %-7s %-9s %-21s %s\n", us[i].name, us[i].role, us[i].disabled ? "disabled" : "active",
		    us[i].last_login_at ? us[i].last_login_at : "never", us[i].display_name);
	db_close(&db);
	return rc ? 1 : 0;
}

/* The exit status, or -1 when the arguments make no sense (the caller shows the usage). */
static int
cmd_add(const struct config *cfg, struct arena *a, int argc, char **argv)
{
	const char *name = NULL, *role = NULL, *display = NULL;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--role") == 0 && i + 1 < argc)
			role = argv[++i];
		else if (strcmp(argv[i], "--display-name") == 0 && i + 1 < argc)
			display = argv[++i];
		else if (name == NULL && argv[i][0] != '-')
			name = argv[i];
		else
			return -1;
	}
	if (name == NULL || role == NULL)
		return -1;
	if (!user_valid_name(name)) {
		fprintf(stderr, "pressroomctl: user names are 2 to 64 of a-z, 0-9, '.', '_' and '-', "
		    "starting with a letter or digit\n");
		return 2;
	}
	if (role_from_name(role) == ROLE_PUBLIC) {
		fprintf(stderr, "pressroomctl: --role must be author, editor or admin, not \"%s\"\n", role);
		return 2;
	}
	char hash[crypto_pwhash_STRBYTES];
	const char *shown;
	struct db db;
	int rc = new_password(a, hash, &shown);
	if (rc || ctl_open_current_db(cfg, &db) != 0)
		return rc ? rc : 1;
	long id = db_begin(&db) == SQLITE_OK ? user_create(&db, name, display ? display : name, role, hash) : -1;
	if (id == 0) {
		fprintf(stderr, "pressroomctl: that user name is taken\n");
		db_rollback(&db);
		db_close(&db);
		return 1;
	}
	if ((rc = finish(&db, a, id > 0, "account_created", name, arena_printf(a, "role %s", role))))
		return rc;
	printf("added %s (%s)\n", name, role);
	print_password(shown);
	return 0;
}

static int
cmd_switch(const struct config *cfg, struct arena *a, const char *name, int disable)
{
	struct db db;
	struct user u;
	int rc = open_account(cfg, &db, a, name, &u);
	if (rc)
		return rc;
	long ended = db_begin(&db) == SQLITE_OK ? user_disable(&db, u.id, disable) : -1;
	if ((rc = finish(&db, a, ended >= 0, disable ? "account_disabled" : "account_enabled", u.name,
	    disable ? arena_printf(a, "%ld session(s) ended", ended) : NULL)))
		return rc;
	if (disable)
		printf("disabled %s (%ld session(s) ended)\n", u.name, ended);
	else
		printf("enabled %s\n", u.name);
	return 0;
}

static int
cmd_role(const struct config *cfg, struct arena *a, const char *name, const char *role)
{
	if (role_from_name(role) == ROLE_PUBLIC) {
		fprintf(stderr, "pressroomctl: ROLE must be author, editor or admin, not \"%s\"\n", role);
		return 2;
	}
	struct db db;
	struct user u;
	int rc = open_account(cfg, &db, a, name, &u);
	if (rc)
		return rc;
	int ok = db_begin(&db) == SQLITE_OK && user_set_role(&db, u.id, role) == 0;
	if ((rc = finish(&db, a, ok, "role_change", u.name, arena_printf(a, "%s to %s", u.role, role))))
		return rc;
	printf("%s is now %s (was %s)\n", u.name, role, u.role);
	return 0;
}

static int
cmd_passwd(const struct config *cfg, struct arena *a, const char *name)
{
	char hash[crypto_pwhash_STRBYTES];
	const char *shown;
	struct db db;
	struct user u;
	int rc = new_password(a, hash, &shown);
	if (rc || (rc = open_account(cfg, &db, a, name, &u)))
		return rc;
	long ended = db_begin(&db) == SQLITE_OK ? user_reset_password(&db, u.id, hash) : -1;
	if ((rc = finish(&db, a, ended >= 0, "password_reset", u.name, arena_printf(a, "%ld session(s) ended", ended))))
		return rc;
	printf("new password set for %s (%ld session(s) ended)\n", u.name, ended);
	print_password(shown);
	return 0;
}

int
ctl_user(const struct config *cfg, int argc, char **argv)
{
	struct arena a = { 0 };
	int rc = -1;
	if (argc == 1 && strcmp(argv[0], "list") == 0)
		rc = cmd_list(cfg, &a);
	else if (argc >= 1 && strcmp(argv[0], "add") == 0)
		rc = cmd_add(cfg, &a, argc - 1, argv + 1);
	else if (argc == 2 && (strcmp(argv[0], "disable") == 0 || strcmp(argv[0], "enable") == 0))
		rc = cmd_switch(cfg, &a, argv[1], strcmp(argv[0], "disable") == 0);
	else if (argc == 3 && strcmp(argv[0], "role") == 0)
		rc = cmd_role(cfg, &a, argv[1], argv[2]);
	else if (argc == 2 && strcmp(argv[0], "passwd") == 0)
		rc = cmd_passwd(cfg, &a, argv[1]);
	arena_free(&a);
	if (rc < 0) {
		ctl_usage();
		return 2;
	}
	return rc;
}
