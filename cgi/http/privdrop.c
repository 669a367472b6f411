/* privdrop: the master's switch from root to the configured account, and the checks around it. */
/* setresuid, getresuid and their gid twins are GNU extensions. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <libgen.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "privdrop.h"

int
priv_plan(const struct config *cfg, struct priv *p, char *err, size_t errlen)
{
	memset(p, 0, sizeof *p);
	p->drop = geteuid() == 0;
	if (p->drop && *cfg->user == '\0') {
		snprintf(err, errlen, "started as root: set `user` (PRESSROOM_USER, -u) to the account "
		    "to serve as, e.g. www-data or a dedicated pressroom account; pressroom serves as root only if `user = root` says so");
		return -1;
	}
	if (*cfg->user == '\0')
		return 0;
	struct passwd *pw = getpwnam(cfg->user);
	if (pw == NULL) {
		snprintf(err, errlen, "user %s: no such account", cfg->user);
		return -1;
	}
	if (pw->pw_uid == 0 && p->drop) {
		/* Asked for by name (a throwaway container, a test harness whose files are root's):
		 * allowed, never the default, and said in the log. */
		p->drop = 0;
		p->stay_root = 1;
		return 0;
	}
	p->uid = pw->pw_uid;
	p->gid = pw->pw_gid;
	snprintf(p->name, sizeof p->name, "%s", cfg->user);
	if (*cfg->group) {
		struct group *g = getgrnam(cfg->group);
		if (g == NULL) {
			snprintf(err, errlen, "group %s: no such group", cfg->group);
			return -1;
		}
		p->gid = g->gr_gid;
	}
	if (p->gid == 0) {
		snprintf(err, errlen, "user %s: its group is root's; set `group` to an unprivileged one", cfg->user);
		return -1;
	}
	if (!p->drop && (geteuid() != p->uid || getegid() != p->gid)) {
		snprintf(err, errlen, "user %s: switching accounts needs starting as root (running as uid %d)",
		    cfg->user, (int)geteuid());
		return -1;
	}
	return 0;
}

int
priv_give_socket(const struct priv *p, const char *path, int keep_group, char *err, size_t errlen)
{
	if (!p->drop)
		return 0;
	if (chown(path, p->uid, keep_group ? (gid_t)-1 : p->gid) != 0) {
		snprintf(err, errlen, "cannot give %s to %s: %s", path, p->name, strerror(errno));
		return -1;
	}
	return 0;
}

/* A failed id change: -1, with errno's reason. */
static int
switch_failed(const struct priv *p, const char *how, char *err, size_t errlen)
{
	snprintf(err, errlen, "cannot switch %s %s: %s", how, p->name, strerror(errno));
	return -1;
}

int
priv_try(const struct priv *p, char *err, size_t errlen)
{
	/* Supplementary groups first (root's would otherwise stay), then the group, then the user. */
	if (p->drop && (initgroups(p->name, p->gid) != 0 || setegid(p->gid) != 0 || seteuid(p->uid) != 0))
		return switch_failed(p, "to", err, errlen);
	return 0;
}

int
priv_untry(const struct priv *p, char *err, size_t errlen)
{
	if (p->drop && (seteuid(0) != 0 || setegid(0) != 0))
		return switch_failed(p, "back from", err, errlen);
	return 0;
}

int
priv_drop(const struct priv *p, char *err, size_t errlen)
{
	if (!p->drop)
		return 0;
	/* The group before the user: after setuid there is no right left to change it. The
	 * supplementary groups were set by priv_try. */
	if (setresgid(p->gid, p->gid, p->gid) != 0 || setresuid(p->uid, p->uid, p->uid) != 0)
		return switch_failed(p, "to", err, errlen);
	uid_t ru, eu, su;
	gid_t rg, eg, sg;
	if (getresuid(&ru, &eu, &su) != 0 || getresgid(&rg, &eg, &sg) != 0 ||
	    ru != p->uid || eu != p->uid || su != p->uid || rg != p->gid || eg != p->gid || sg != p->gid ||
	    setuid(0) == 0 || setgid(0) == 0) {
		snprintf(err, errlen, "switched to %s but root could be regained; stopping", p->name);
		return -1;
	}
	return 0;
}

/* path must allow mode to this account; a -wal or -shm that is not there yet is fine (SQLite makes it). */
static int
need_access(const char *path, int mode, int optional, const char *what, char *err, size_t errlen)
{
	/* AT_EACCESS: the effective ids decide, which are the account's while priv_try holds. */
	if ((optional && access(path, F_OK) != 0) || faccessat(AT_FDCWD, path, mode, AT_EACCESS) == 0)
		return 0;
	snprintf(err, errlen, "%s: %s not writable by uid %d (%s); give it to that account",
	    path, what, (int)geteuid(), strerror(errno));
	return -1;
}

int
priv_check_db(const char *db_path, char *err, size_t errlen)
{
	char wal[600], shm[600], dir[600];
	snprintf(wal, sizeof wal, "%s-wal", db_path);
	snprintf(shm, sizeof shm, "%s-shm", db_path);
	snprintf(dir, sizeof dir, "%s", db_path);
	/* SQLite creates and removes its -wal, -shm and -journal files in the database's folder. */
	return need_access(db_path, R_OK | W_OK, 0, "the database is", err, errlen) ||
	    need_access(dirname(dir), W_OK | X_OK, 0, "the database's folder is", err, errlen) ||
	    need_access(wal, R_OK | W_OK, 1, "the write-ahead log is", err, errlen) ||
	    need_access(shm, R_OK | W_OK, 1, "the shared-memory file is", err, errlen) ? -1 : 0;
}
