/* test_config: defaults, `key = value` files and PRESSROOM_* variables (cgi/lib/config.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "unit.h"

extern char **environ;

static char tmpdir[] = "/tmp/pressroom-test-config.XXXXXX";

/* Writes text to a new file in tmpdir and returns its path (static storage, one at a time). */
static const char *
write_file(const char *name, const char *text)
{
	static char path[256];
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");
	if (f == NULL) {
		perror(path);
		return path;
	}
	fputs(text, f);
	fclose(f);
	return path;
}

/* The tests must not see the settings of whoever runs them. */
static void
clear_pressroom_env(void)
{
	for (;;) {
		char **e = environ;
		while (*e && strncmp(*e, "PRESSROOM_", 10) != 0)
			e++;
		if (*e == NULL)
			return;
		char name[128];
		snprintf(name, sizeof name, "%.*s", (int)strcspn(*e, "="), *e);
		unsetenv(name);
	}
}

static void
test_defaults(void)
{
	struct config c;
	memset(&c, 0x5a, sizeof c);
	config_defaults(&c);
	CHECK_STR(c.db_path, "var/pressroom.db", "default database");
	CHECK_STR(c.socket_path, "var/pressroom.sock", "default socket");
	CHECK_STR(c.tcp_listen, "", "no TCP listener by default");
	CHECK_STR(c.socket_group, "", "no socket group by default");
	CHECK_STR(c.templates_dir, "templates", "default templates folder");
	CHECK_STR(c.static_dir, "static", "default static folder");
	CHECK_STR(c.time_zone, "Asia/Brunei", "default time zone");
	CHECK(strncmp(c.base_url, "http://", 7) == 0, "the default base URL is plain http (no Secure cookies)");
	CHECK_INT(c.workers, 0, "default workers: one per core");
	CHECK_INT(c.max_body, 1L << 20, "default max_body is 1 MiB");
	CHECK_INT(c.max_field, 256L * 1024, "default max_field is 256 KiB");
	CHECK_INT(c.upload_max, 10L << 20, "default upload_max is 10 MiB");
	CHECK_INT(c.session_idle, 1800, "a session ends after 30 minutes unused by default");
	CHECK_INT(c.session_max, 43200, "... and 12 hours after its login in any case");
	CHECK_INT(c.deadline, 30, "a request may hold a worker 30 s");
	CHECK_INT(c.worker_memory, 1024, "a worker may map 1 GB");
	CHECK_INT(c.hash_slots, 2, "two password hashes at once");
	CHECK_INT(c.hash_wait, 10, "a login waits up to 10 s for a hash slot");
	CHECK_STR(c.user, "", "no user by default: as root, pressroom refuses to start until one is set");
	CHECK_INT(c.sandbox, 1, "the workers' seccomp sandbox is on by default");
}

/* sandbox takes on or off and nothing else: a typo must not switch the filter off. */
static void
test_sandbox_key(void)
{
	struct config c;
	char err[256];
	config_defaults(&c);
	CHECK(config_set(&c, "sandbox", "off", err, sizeof err) == 0 && c.sandbox == 0, "sandbox = off");
	CHECK(config_set(&c, "sandbox", "on", err, sizeof err) == 0 && c.sandbox == 1, "sandbox = on");
	CHECK(config_set(&c, "sandbox", "0ff", err, sizeof err) != 0 && c.sandbox == 1 && strstr(err, "on or off"),
	    "sandbox = 0ff is refused, the sandbox stays on, and the message says on or off");
	CHECK(config_set(&c, "user", "www-data", err, sizeof err) == 0 && strcmp(c.user, "www-data") == 0, "user = www-data");
}

static void
test_set(void)
{
	struct config c;
	char err[256];
	config_defaults(&c);
	CHECK(config_set(&c, "workers", "4", err, sizeof err) == 0 && c.workers == 4, "workers = 4");
	CHECK(config_set(&c, "workers", "256", err, sizeof err) == 0 && c.workers == 256, "workers at its maximum");
	CHECK(config_set(&c, "workers", "0", err, sizeof err) == 0 && c.workers == 0, "workers at its minimum");
	err[0] = '\0';
	CHECK(config_set(&c, "workers", "257", err, sizeof err) == -1 && c.workers == 0,
	    "workers over the maximum is refused and changes nothing");
	CHECK(strstr(err, "workers") && strstr(err, "0 to 256") && strstr(err, "257"),
	    "the range error names the key, the range and the value (%s)", err);
	CHECK(config_set(&c, "workers", "-1", err, sizeof err) == -1, "negative workers is refused");
	CHECK(config_set(&c, "workers", "4x", err, sizeof err) == -1, "workers with junk is refused");
	CHECK(config_set(&c, "workers", "", err, sizeof err) == -1, "empty workers is refused");
	CHECK(config_set(&c, "workers", "1.5", err, sizeof err) == -1, "a fraction is refused");
	CHECK(config_set(&c, "max_body", "1023", err, sizeof err) == -1 && c.max_body == 1L << 20,
	    "max_body under 1 KiB is refused");
	CHECK(config_set(&c, "max_body", "67108864", err, sizeof err) == 0 && c.max_body == 64L << 20,
	    "max_body of 64 MiB is the maximum");
	CHECK(config_set(&c, "max_body", "67108865", err, sizeof err) == -1, "max_body over 64 MiB is refused");
	CHECK(config_set(&c, "max_field", "99999999999999999999999", err, sizeof err) == -1,
	    "a number that overflows a long is refused");
	CHECK(config_set(&c, "max_field", "4096", err, sizeof err) == 0 && c.max_field == 4096 &&
	    c.max_body == 64L << 20, "max_field is stored in its own field");
	CHECK(config_set(&c, "upload_max", "1023", err, sizeof err) == -1 && c.upload_max == 10L << 20,
	    "upload_max under 1 KiB is refused");
	CHECK(config_set(&c, "upload_max", "67108865", err, sizeof err) == -1, "upload_max over 64 MiB is refused");
	CHECK(config_set(&c, "upload_max", "2048", err, sizeof err) == 0 && c.upload_max == 2048 &&
	    c.max_field == 4096 && c.max_body == 64L << 20, "upload_max is stored in its own field");

	CHECK(config_set(&c, "colour", "blue", err, sizeof err) == -1, "an unknown key is refused");
	CHECK_STR(err, "unknown setting \"colour\"", "the unknown key is named");
	CHECK(config_set(&c, "Workers", "2", err, sizeof err) == -1, "keys are case-sensitive");
	CHECK(config_set(&c, "PRESSROOM_WORKERS", "2", err, sizeof err) == -1, "an environment name is not a key");

	CHECK(config_set(&c, "database", "/srv/press/db.sqlite", err, sizeof err) == 0 &&
	    strcmp(c.db_path, "/srv/press/db.sqlite") == 0, "a string setting is copied");
	char long_value[200];
	memset(long_value, 'x', sizeof long_value);
	long_value[127] = '\0';
	CHECK(config_set(&c, "site_name", long_value, err, sizeof err) == 0 && strlen(c.site_name) == 127,
	    "a string of exactly the field size minus one fits");
	long_value[127] = 'y';
	long_value[128] = '\0';
	snprintf(c.site_name, sizeof c.site_name, "Old name");
	CHECK(config_set(&c, "site_name", long_value, err, sizeof err) == -1, "a string one byte too long is refused");
	CHECK_STR(c.site_name, "Old name", "a refused string leaves the old value");
	CHECK(strstr(err, "site_name") && strstr(err, "127"), "the length error names the key and limit (%s)", err);

	char tiny[8];
	CHECK(config_set(&c, "an-unknown-key", "1", tiny, sizeof tiny) == -1 && strlen(tiny) == 7,
	    "a small error buffer is filled, not overrun");
}

static void
test_file(void)
{
	struct config c;
	char err[512];
	config_defaults(&c);
	const char *path = write_file("good.conf",
	    "# pressroom settings\n"
	    "\n"
	    "   \t\n"
	    "database = /tmp/test.db\n"
	    "  workers=3  \n"
	    "\t# an indented comment: workers = 99\n"
	    "site_name = Ministry of Law = Justice\n"
	    "contact =\n"
	    "time_zone = UTC");
	err[0] = '\0';
	CHECK(config_load_file(&c, path, err, sizeof err) == 0, "a good file loads (%s)", err);
	CHECK_STR(c.db_path, "/tmp/test.db", "a setting from the file");
	CHECK_INT(c.workers, 3, "spaces around key and value are trimmed");
	CHECK_STR(c.site_name, "Ministry of Law = Justice", "a value may hold '='");
	CHECK_STR(c.contact, "", "an empty value clears a setting");
	CHECK_STR(c.time_zone, "UTC", "a last line without a newline is read");
	CHECK_STR(c.socket_path, "var/pressroom.sock", "settings not in the file keep their defaults");

	config_defaults(&c);
	path = write_file("crlf.conf", "# edited on Windows\r\nworkers = 2\r\nstatic = /srv/static\r\n");
	CHECK(config_load_file(&c, path, err, sizeof err) == 0 && c.workers == 2 &&
	    strcmp(c.static_dir, "/srv/static") == 0, "a file with CRLF line ends loads without stray CRs");

	config_defaults(&c);
	path = write_file("noequals.conf", "database = /tmp/a.db\nnot a setting line\nworkers = 2\n");
	CHECK(config_load_file(&c, path, err, sizeof err) == -1, "a line without '=' fails");
	char want[400];
	snprintf(want, sizeof want, "%s:2: expected key = value", path);
	CHECK_STR(err, want, "the error names the file and line 2");
	CHECK_INT(c.workers, 0, "lines after the error are not applied");

	config_defaults(&c);
	path = write_file("unknown.conf", "# one\n\ncolour = blue\n");
	CHECK(config_load_file(&c, path, err, sizeof err) == -1, "an unknown key in a file fails");
	snprintf(want, sizeof want, "%s:3: unknown setting \"colour\"", path);
	CHECK_STR(err, want, "comments and blank lines count towards the line number");

	path = write_file("badint.conf", "workers = lots\n");
	CHECK(config_load_file(&c, path, err, sizeof err) == -1, "a bad number in a file fails");
	snprintf(want, sizeof want, "%s:1: workers: expected a whole number", path);
	CHECK(strncmp(err, want, strlen(want)) == 0, "the number error names file, line and key (%s)", err);

	/* A long comment must stay one comment, whatever its tail looks like; 1023 bytes in
	 * is where a fgets into 1 KiB used to cut it. */
	config_defaults(&c);
	char *text = malloc(3000);
	memset(text, 'x', 3000);
	memcpy(text, "# ", 2);
	snprintf(text + 1023, 1000, "database = /tmp/evil.db\nworkers = 5\nbogus\n");
	path = write_file("long.conf", text);
	free(text);
	CHECK(config_load_file(&c, path, err, sizeof err) == -1, "a file with a bad third line fails");
	CHECK_STR(c.db_path, "var/pressroom.db", "the tail of a long comment is not read as a setting");
	CHECK_INT(c.workers, 5, "the line after a long comment is read");
	snprintf(want, sizeof want, "%s:3: expected key = value", path);
	CHECK_STR(err, want, "line numbers stay right after a long line");

	path = write_file("longvalue.conf", "contact = ");
	FILE *f = fopen(path, "a");
	for (int i = 0; f && i < 300; i++)
		fputc('c', f);
	if (f)
		fclose(f);
	CHECK(config_load_file(&c, path, err, sizeof err) == -1 && strstr(err, "contact") != NULL,
	    "a value longer than its field fails with the key named");

	snprintf(want, sizeof want, "%s/missing.conf", tmpdir);
	CHECK(config_load_file(&c, want, err, sizeof err) == -1, "a missing file fails");
	CHECK(strncmp(err, want, strlen(want)) == 0 && strstr(err, "No such file"),
	    "the missing file error names the file and the reason (%s)", err);
}

static void
test_env(void)
{
	struct config c;
	char err[512] = "";
	config_defaults(&c);
	CHECK(config_load_env(&c, err, sizeof err) == 0 && c.workers == 0, "no variables: nothing changes");
	setenv("PRESSROOM_WORKERS", "5", 1);
	setenv("PRESSROOM_DB", "/tmp/env.db", 1);
	setenv("PRESSROOM_TZ", "Europe/London", 1);
	CHECK(config_load_env(&c, err, sizeof err) == 0, "good variables load (%s)", err);
	CHECK_INT(c.workers, 5, "PRESSROOM_WORKERS sets workers");
	CHECK_STR(c.db_path, "/tmp/env.db", "PRESSROOM_DB sets the database");
	CHECK_STR(c.time_zone, "Europe/London", "PRESSROOM_TZ sets the zone");
	setenv("PRESSROOM_MAX_BODY", "12", 1);
	CHECK(config_load_env(&c, err, sizeof err) == -1, "an out-of-range variable fails");
	CHECK(strncmp(err, "PRESSROOM_MAX_BODY: max_body:", 29) == 0,
	    "the error names the variable and the key (%s)", err);
	clear_pressroom_env();
}

static void
test_usage(void)
{
	FILE *f = tmpfile();
	if (f == NULL) {
		CHECK(0, "tmpfile for config_usage");
		return;
	}
	fflush(stdout);
	int saved = dup(1);
	dup2(fileno(f), 1);
	config_usage("pressroom");
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	rewind(f);
	char text[8192];
	size_t n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	CHECK(strncmp(text, "usage: pressroom ", 17) == 0, "config_usage starts with the usage line");
	CHECK(strstr(text, "PRESSROOM_DB") && strstr(text, "PRESSROOM_MAX_FIELD") && strstr(text, "max_body"),
	    "config_usage lists keys and environment variables");
}

int
main(int argc, char **argv)
{
	unit_start(argc, argv, "config");
	clear_pressroom_env();
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	test_defaults();
	test_set();
	test_sandbox_key();
	test_file();
	test_env();
	test_usage();
	static const char *const files[] = { "good.conf", "crlf.conf", "noequals.conf", "unknown.conf", "badint.conf",
		"long.conf", "longvalue.conf" };
	char path[256];
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", tmpdir, files[i]);
		unlink(path);
	}
	rmdir(tmpdir);
	return unit_end();
}
