/* config: defaults, `key = value` files and PRESSROOM_* environment variables, checked once at start. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

enum kind { STR, INT, BOOL };

/* The one list of settings: key, environment variable, kind, where it goes, help. */
struct setting {
	const char *key, *env;
	enum kind kind;
	size_t offset, size;
	long min, max;
	const char *help;
};

#define S(k, e, f, h) { k, e, STR, offsetof(struct config, f), sizeof(((struct config *)0)->f), 0, 0, h }
#define I(k, e, f, lo, hi, h) { k, e, INT, offsetof(struct config, f), 0, lo, hi, h }
#define B(k, e, f, h) { k, e, BOOL, offsetof(struct config, f), 0, 0, 1, h }

static const struct setting settings[] = {
	S("database",  "PRESSROOM_DB",        db_path,       "SQLite database file (var/pressroom.db)"),
	S("socket",    "PRESSROOM_SOCKET",    socket_path,   "unix socket to listen on, mode 0660 (var/pressroom.sock)"),
	S("listen",    "PRESSROOM_LISTEN",    tcp_listen,    "TCP host:port instead of a unix socket (loopback unless a host is given)"),
	S("socket_group", "PRESSROOM_SOCKET_GROUP", socket_group, "group given the socket, e.g. www-data"),
	S("user",      "PRESSROOM_USER",      user,          "account to switch to when started as root (required then)"),
	S("group",     "PRESSROOM_GROUP",     group,         "group to switch to (the user's own by default)"),
	B("sandbox",   "PRESSROOM_SANDBOX",   sandbox,       "on: workers run under a seccomp allow-list; off: for debugging (on)"),
	S("templates", "PRESSROOM_TEMPLATES", templates_dir, "folder of ctemplate files (templates)"),
	S("static",    "PRESSROOM_STATIC",    static_dir,    "folder of static files (static)"),
	S("files",     "PRESSROOM_FILES",     files_dir,     "folder of uploaded photographs and attachments (files/ beside the database)"),
	S("media",     "PRESSROOM_MEDIA",     media_dir,     "folder the web server serves at /media/: published files only (media/ beside the database)"),
	S("site_name", "PRESSROOM_SITE_NAME", site_name,     "name shown in every page header"),
	S("base_url",  "PRESSROOM_BASE_URL",  base_url,      "public URL; https:// makes cookies Secure"),
	S("time_zone", "PRESSROOM_TZ",        time_zone,     "zone dates are shown in (Asia/Brunei)"),
	S("contact",   "PRESSROOM_CONTACT",   contact,       "press contact line shown on every page"),
	I("workers",   "PRESSROOM_WORKERS",   workers, 0, 256, "worker processes; 0 means one per core"),
	I("max_body",  "PRESSROOM_MAX_BODY",  max_body, 1024, 64L << 20, "largest request body in bytes (1048576)"),
	I("max_field", "PRESSROOM_MAX_FIELD", max_field, 64, 16L << 20, "largest form field in bytes (262144)"),
	I("upload_max", "PRESSROOM_UPLOAD_MAX", upload_max, 1024, 64L << 20, "largest uploaded file in bytes (10485760)"),
	I("session_idle", "PRESSROOM_SESSION_IDLE", session_idle, 60, 7L * 86400, "seconds a session may go unused (1800)"),
	I("session_max", "PRESSROOM_SESSION_MAX", session_max, 60, 90L * 86400, "seconds a session may last at most (43200)"),
	I("deadline",  "PRESSROOM_DEADLINE",  deadline, 1, 3600, "seconds a request may hold a worker; a stuck one is ended and replaced (30)"),
	I("worker_memory", "PRESSROOM_WORKER_MEMORY", worker_memory, 0, 1L << 20, "MB of address space per worker; 0 for no cap (1024)"),
	I("hash_slots", "PRESSROOM_HASH_SLOTS", hash_slots, 1, 256, "password hashes at once, all workers together; each takes 64 MB (2)"),
	I("hash_wait", "PRESSROOM_HASH_WAIT", hash_wait, 1, 600, "seconds a login waits for a hash slot before answering 503 (10)"),
};

void
config_defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	snprintf(c->db_path, sizeof c->db_path, "var/pressroom.db");
	snprintf(c->socket_path, sizeof c->socket_path, "var/pressroom.sock");
	snprintf(c->templates_dir, sizeof c->templates_dir, "templates");
	snprintf(c->static_dir, sizeof c->static_dir, "static");
	snprintf(c->site_name, sizeof c->site_name, "Attorney General's Chambers");
	snprintf(c->base_url, sizeof c->base_url, "http://127.0.0.1:8080");
	snprintf(c->time_zone, sizeof c->time_zone, "Asia/Brunei");
	snprintf(c->contact, sizeof c->contact, "Media enquiries: press office, Attorney General's Chambers");
	c->max_body = 1L << 20;
	c->max_field = 256L * 1024;
	c->upload_max = 10L << 20;
	c->session_idle = 30 * 60;
	c->session_max = 12 * 60 * 60;
	c->deadline = 30;
	c->worker_memory = 1024;
	c->hash_slots = 2;
	c->hash_wait = 10;
	c->sandbox = 1;
}

int
config_set(struct config *c, const char *key, const char *value, char *err, size_t errlen)
{
	for (size_t i = 0; i < sizeof settings / sizeof settings[0]; i++) {
		const struct setting *s = &settings[i];
		if (strcmp(s->key, key) != 0)
			continue;
		char *field = (char *)c + s->offset;
		if (s->kind == STR) {
			if (strlen(value) >= s->size) {
				snprintf(err, errlen, "%s: value longer than %zu bytes", key, s->size - 1);
				return -1;
			}
			memcpy(field, value, strlen(value) + 1);
			return 0;
		}
		if (s->kind == BOOL) {
			int on = strcmp(value, "on") == 0, off = strcmp(value, "off") == 0;
			if (!on && !off) {
				snprintf(err, errlen, "%s: expected on or off, got \"%s\"", key, value);
				return -1;
			}
			*(int *)(void *)field = on;
			return 0;
		}
		char *end;
		errno = 0;
		long v = strtol(value, &end, 10);
		if (errno || end == value || *end || v < s->min || v > s->max) {
			snprintf(err, errlen, "%s: expected a whole number from %ld to %ld, got \"%s\"",
			    key, s->min, s->max, value);
			return -1;
		}
		if (s->offset == offsetof(struct config, workers))
			c->workers = (int)v;
		else
			*(long *)(void *)field = v;
		return 0;
	}
	snprintf(err, errlen, "unknown setting \"%s\"", key);
	return -1;
}

static char *
trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	char *e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

int
config_load_file(struct config *c, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	/* Lines of any length: a fixed buffer splits a long comment, its tail could set a key,
	 * and every later line number would be off. */
	char *line = NULL, msg[256];
	size_t cap = 0;
	int lineno = 0, rc = 0;
	while (rc == 0 && getline(&line, &cap, f) != -1) {
		lineno++;
		char *s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		char *eq = strchr(s, '=');
		if (eq == NULL) {
			snprintf(err, errlen, "%s:%d: expected key = value", path, lineno);
			rc = -1;
			break;
		}
		*eq = '\0';
		if (config_set(c, trim(s), trim(eq + 1), msg, sizeof msg) != 0) {
			snprintf(err, errlen, "%s:%d: %s", path, lineno, msg);
			rc = -1;
		}
	}
	free(line);
	fclose(f);
	return rc;
}

int
config_load_env(struct config *c, char *err, size_t errlen)
{
	char msg[256];
	for (size_t i = 0; i < sizeof settings / sizeof settings[0]; i++) {
		const char *v = getenv(settings[i].env);
		if (v && config_set(c, settings[i].key, v, msg, sizeof msg) != 0) {
			snprintf(err, errlen, "%s: %s", settings[i].env, msg);
			return -1;
		}
	}
	return 0;
}

void
config_usage(const char *prog)
{
	printf("usage: %s [-c FILE] [-w N] [-s SOCKET | -l HOST:PORT] [-d DATABASE] [-u USER]\n\n"
	    "  -c FILE   read settings from FILE (lines of key = value, # comments)\n"
	    "  -w N      worker processes (default: one per core)\n"
	    "  -s PATH   unix socket to create (mode 0660)\n"
	    "  -l ADDR   listen on TCP ADDR instead (e.g. 127.0.0.1:9000; loopback unless a host is named)\n"
	    "  -d FILE   database file\n"
	    "  -u USER   account to serve as; required when started as root, which pressroom gives up\n"
	    "            after opening its socket and before touching the database\n"
	    "  -h        this help\n\n"
	    "When standard input is a listening socket (spawn-fcgi, systemd, lighttpd's bin-path),\n"
	    "pressroom serves that socket and creates none.\n\n"
	    "Settings (file key, environment variable: meaning); later sources win:\n"
	    "defaults < file < environment < flags.\n", prog);
	for (size_t i = 0; i < sizeof settings / sizeof settings[0]; i++)
		printf("  %-13s %-24s %s\n", settings[i].key, settings[i].env, settings[i].help);
}

/* A folder named beside the database file: "var/pressroom.db" and "files" give "var/files". */
static void
beside_database(const struct config *c, char *out, size_t size, const char *name)
{
	const char *slash = strrchr(c->db_path, '/');
	int dir = slash ? (int)(slash - c->db_path) : 0;
	if (slash)
		snprintf(out, size, "%.*s/%s", dir, c->db_path, name);
	else
		snprintf(out, size, "%s", name);
}

void
config_finish(struct config *c)
{
	if (*c->files_dir == '\0')
		beside_database(c, c->files_dir, sizeof c->files_dir, "files");
	if (*c->media_dir == '\0')
		beside_database(c, c->media_dir, sizeof c->media_dir, "media");
}
