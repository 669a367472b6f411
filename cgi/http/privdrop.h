/* privdrop: the master's switch from root to the configured account, and the checks around it. */
#ifndef PRESSROOM_PRIVDROP_H
#define PRESSROOM_PRIVDROP_H

#include <stddef.h>
#include <sys/types.h>

#include "config.h"

struct priv {
	int   drop;      /* 1: started as root, switch to uid/gid */
	int   stay_root; /* 1: `user = root` said explicitly: no switch, a warning */
	uid_t uid;
	gid_t gid;
	char  name[64];
};

/* Decides whom to run as. As root `user` is required (pressroom never stays root unless
 * told `user = root` in so many words); otherwise `user`, if set, must be the account
 * already running. 0, or -1 with err. */
int priv_plan(const struct config *cfg, struct priv *p, char *err, size_t errlen);

/* Gives the unix socket (still 0660) to the account, and to its group unless keep_group (a
 * socket_group already has it): the web server's group can open it, the master can remove it. */
int priv_give_socket(const struct priv *p, const char *path, int keep_group, char *err, size_t errlen);

/* Takes the account's groups and effective ids, keeping root as the saved id: what is done
 * next (the database check) is done as the account; priv_untry gives root back for the socket. */
int priv_try(const struct priv *p, char *err, size_t errlen);
int priv_untry(const struct priv *p, char *err, size_t errlen);

/* For good, after priv_try: setgid + setuid (real, effective and saved), then proves root
 * cannot be regained. 0, or -1 with err. */
int priv_drop(const struct priv *p, char *err, size_t errlen);

/* As the account: the database, its -wal and -shm and its folder are writable. 0, or -1 naming the file. */
int priv_check_db(const char *db_path, char *err, size_t errlen);

#endif
