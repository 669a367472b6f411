/* ctl: the parts of pressroomctl: opening the database, and a file per command family (ctl_*.c). */
#ifndef PRESSROOM_CTL_H
#define PRESSROOM_CTL_H

#include "config.h"
#include "db.h"

void ctl_usage(void);
/* Opens the configured database (create: make it if missing); 0, or -1 with the reason printed. */
int  ctl_open_db(const struct config *cfg, struct db *db, int create);
/* The same, and refuses a database whose schema is not this build's. */
int  ctl_open_current_db(const struct config *cfg, struct db *db);

/* pressroomctl user ... and audit ...: argv[0] is the subcommand; each returns the exit status. */
int  ctl_user(const struct config *cfg, int argc, char **argv);
int  ctl_audit(const struct config *cfg, int argc, char **argv);
/* pressroomctl backup FILE (ctl_backup.c): argv[0] is FILE. */
int  ctl_backup(const struct config *cfg, int argc, char **argv);
/* Prints PRAGMA integrity_check's lines as "label: line"; 0 when it says ok. */
int  ctl_integrity(sqlite3 *h, const char *label);
/* pressroomctl demo --releases N (ctl_demo.c): argv[0] is "--releases". */
int  ctl_demo(const struct config *cfg, int argc, char **argv);

#endif
