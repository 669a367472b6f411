/* ctl_backup: pressroomctl backup FILE: an online copy of the live database made with SQLite's backup API, checked, then put in place atomically; the stored files beside it in FILE.files/. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ctl.h"

#define BACKUP_STEP_PAGES 1024   /* 4 MB at the default page size: writers wait for no step */
#define BACKUP_RESTARTS   3      /* copies restarted by writers before one step copies it all */
#define BACKUP_BUSY_MS    100
#define BACKUP_BUSY_MAX   600    /* a minute of busy answers: something holds the file for good */

int
ctl_integrity(sqlite3 *h, const char *label)
{
	sqlite3_stmt *st;
	int bad = 0, lines = 0;
	if (sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK) {
		printf("%s: %s\n", label, sqlite3_errmsg(h));
		return -1;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		printf("%s: %s\n", label, line);
		bad |= strcmp(line, "ok") != 0;
		lines++;
	}
	sqlite3_finalize(st);
	return bad || lines == 0 ? -1 : 0;   /* a check that said nothing has not said ok */
}

/* Copies src into the empty database dst. Steps of BACKUP_STEP_PAGES keep each read short; a
 * commit by another connection between steps restarts the copy, so after BACKUP_RESTARTS of
 * those the rest goes in one step (in WAL mode that holds only a read snapshot: saves go on). */
static int
copy_pages(sqlite3 *src, sqlite3 *dst, int *pages, int *restarts)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (b == NULL)
		return sqlite3_extended_errcode(dst);
	int step = BACKUP_STEP_PAGES, busy = 0, rc, left = -1;
	*restarts = 0;
	do {
		rc = sqlite3_backup_step(b, step);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
			if (++busy > BACKUP_BUSY_MAX)
				break;
			sqlite3_sleep(BACKUP_BUSY_MS);
			continue;
		}
		int now = sqlite3_backup_remaining(b);
		if (left >= 0 && now > left && ++*restarts >= BACKUP_RESTARTS)
			step = -1;
		left = now;
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	*pages = sqlite3_backup_pagecount(b);
	sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Makes the rename itself survive a power cut. */
static int
sync_dir_of(const char *path)
{
	char *copy = strdup(path);
	if (copy == NULL)
		return -1;
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY);
	free(copy);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

/* Removes FILE+suffix if it is there; 0, or -1 with the reason printed. */
static int
drop_sidecar(const char *file, const char *suffix)
{
	char path[PATH_MAX + 8];
	snprintf(path, sizeof path, "%s%s", file, suffix);
	if (unlink(path) == 0 || errno == ENOENT)
		return 0;
	fprintf(stderr, "pressroomctl: backup: cannot remove the stale %s: %s\n", path, strerror(errno));
	return -1;
}

/* Copies, checks and syncs into tmp (fd open on it); 0, or -1 with the reason printed. */
static int
backup_into(const struct config *cfg, const char *tmp, int fd, int *pages, int *restarts)
{
	struct db src;
	sqlite3 *dst = NULL;
	if (ctl_open_db(cfg, &src, 0) != 0)
		return -1;
	int rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = copy_pages(src.h, dst, pages, restarts);
	if (rc != SQLITE_OK)
		fprintf(stderr, "pressroomctl: backup: copying %s to %s: %s\n", cfg->db_path, tmp,
		    sqlite3_errstr(rc));
	db_close(&src);
	if (rc == SQLITE_OK && ctl_integrity(dst, "integrity") != 0) {
		fprintf(stderr, "pressroomctl: backup: the copy fails its integrity check\n");
		rc = SQLITE_CORRUPT;
	}
	if (sqlite3_close(dst) != SQLITE_OK && rc == SQLITE_OK)
		rc = SQLITE_ERROR;
	if (rc == SQLITE_OK && fsync(fd) != 0) {
		fprintf(stderr, "pressroomctl: backup: %s: fsync: %s\n", tmp, strerror(errno));
		rc = SQLITE_IOERR;
	}
	return rc == SQLITE_OK ? 0 : -1;
}

/* Copies one stored file into the backup folder: a hard link when both are on one file system
 * (stored files never change, so the link is a true copy), else the bytes, whole or not at all. */
static int
keep_file(const char *from, const char *to)
{
	if (link(from, to) == 0 || errno == EEXIST)
		return 0;
	int in = open(from, O_RDONLY), rc = -1;
	if (in < 0)
		return errno == ENOENT ? 0 : -1;   /* removed meanwhile: not in the copy's rows either */
	char tmp[PATH_MAX * 2 + 8], buf[65536];
	snprintf(tmp, sizeof tmp, "%s.tmp", to);
	int out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ssize_t n = 0;
	if (out >= 0) {
		while ((n = read(in, buf, sizeof buf)) > 0)
			if (write(out, buf, (size_t)n) != n)
				break;
		rc = n == 0 && fsync(out) == 0 && close(out) == 0 && rename(tmp, to) == 0 ? 0 : -1;
		if (rc != 0)
			unlink(tmp);
	}
	close(in);
	return rc;
}

/* FILE.files/ gets the photographs and documents: every stored file, none that is gone. Returns the
 * number of files, or -1. Run before and after the database copy, so a file added or removed while
 * it ran is in the folder whenever the copy's rows name it. */
static long
backup_files(const struct config *cfg, const char *dest, int prune)
{
	char dir[PATH_MAX], from[PATH_MAX * 2], to[PATH_MAX * 2];
	snprintf(dir, sizeof dir, "%s.files", dest);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return -1;
	DIR *d = opendir(cfg->files_dir);
	if (d == NULL)
		return errno == ENOENT ? 0 : -1;
	long n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || strstr(e->d_name, ".tmp"))
			continue;
		snprintf(from, sizeof from, "%s/%s", cfg->files_dir, e->d_name);
		snprintf(to, sizeof to, "%s/%s", dir, e->d_name);
		if (keep_file(from, to) != 0) {
			closedir(d);
			return -1;
		}
		n++;
	}
	closedir(d);
	if (!prune || (d = opendir(dir)) == NULL)
		return n;
	while ((e = readdir(d)) != NULL) {
		snprintf(from, sizeof from, "%s/%s", cfg->files_dir, e->d_name);
		snprintf(to, sizeof to, "%s/%s", dir, e->d_name);
		if (e->d_name[0] != '.' && access(from, F_OK) != 0)
			unlink(to);
	}
	closedir(d);
	return n;
}

/* A FILE.files/ this run made, when the backup failed: nothing of a failed run is left behind. */
static void
remove_folder(const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return;
	char path[PATH_MAX * 2];
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

/* pressroomctl backup FILE: the copy is made in FILE.tmp-XXXXXX next to FILE and renamed over it
 * only once whole, checked and on disk, so FILE is always the previous backup or the new one
 * (what a nightly cron job wants); on any failure the temporary file is removed and the exit is 1. */
int
ctl_backup(const struct config *cfg, int argc, char **argv)
{
	if (argc != 1 || *argv[0] == '\0') {
		ctl_usage();
		return 2;
	}
	const char *dest = argv[0];
	struct stat live, there;
	if (stat(cfg->db_path, &live) == 0 && stat(dest, &there) == 0 && live.st_dev == there.st_dev &&
	    live.st_ino == there.st_ino) {
		fprintf(stderr, "pressroomctl: backup: %s is the live database; name another file\n", dest);
		return 1;
	}
	char tmp[PATH_MAX], journal[PATH_MAX + sizeof "-journal"];
	if (snprintf(tmp, sizeof tmp, "%s.tmp-XXXXXX", dest) >= (int)sizeof tmp) {
		fprintf(stderr, "pressroomctl: backup: %s: the name is too long\n", dest);
		return 1;
	}
	int fd = mkstemp(tmp), pages = 0, restarts = 0, rc = 1;   /* mode 0600: the copy holds password hashes */
	if (fd < 0) {
		fprintf(stderr, "pressroomctl: backup: cannot create a file next to %s: %s\n", dest, strerror(errno));
		return 1;
	}
	char files_dir[PATH_MAX];
	snprintf(files_dir, sizeof files_dir, "%s.files", dest);
	int had_files_dir = access(files_dir, F_OK) == 0;
	long files = backup_files(cfg, dest, 0);
	int copied = files >= 0 && backup_into(cfg, tmp, fd, &pages, &restarts) == 0 &&
	    (files = backup_files(cfg, dest, 1)) >= 0;
	close(fd);
	/* A -wal left beside the old FILE (by a reader that crashed) would be replayed onto the new one. */
	if (copied && (drop_sidecar(dest, "-wal") != 0 || drop_sidecar(dest, "-shm") != 0))
		copied = 0;
	if (copied && rename(tmp, dest) != 0) {
		fprintf(stderr, "pressroomctl: backup: rename %s to %s: %s\n", tmp, dest, strerror(errno));
		copied = 0;
	}
	if (!copied) {
		snprintf(journal, sizeof journal, "%s-journal", tmp);
		unlink(tmp);
		unlink(journal);
		if (!had_files_dir)
			remove_folder(files_dir);
		fprintf(stderr, "pressroomctl: backup: failed; %s was not changed\n", dest);
	} else if (sync_dir_of(dest) != 0) {
		fprintf(stderr, "pressroomctl: backup: %s is in place, but syncing its directory failed: %s\n",
		    dest, strerror(errno));
	} else {
		printf("%s: %d pages copied from %s (restarted by writers %d time%s); %ld stored file%s in %s.files\n",
		    dest, pages, cfg->db_path, restarts, restarts == 1 ? "" : "s", files, files == 1 ? "" : "s", dest);
		rc = 0;
	}
	return rc;
}
