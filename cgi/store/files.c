/* files: the bytes of photographs and attachments on disk, and the public folder kept to match. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "files.h"
#include "media.h"

#define SWEEP_AGE (10 * 60)   /* an upload is written before its row commits: spare the young */

int
files_prepare(const struct config *cfg)
{
	if (mkdir(cfg->files_dir, 0755) != 0 && errno != EEXIST)
		return -1;
	if (mkdir(cfg->media_dir, 0755) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

static int
write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

int
files_write(const struct config *cfg, const char *name, const void *data, size_t len)
{
	char path[1024], tmp[1100];
	snprintf(path, sizeof path, "%s/%s", cfg->files_dir, name);
	snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	/* Durable before it is named: a crash leaves the whole file or a .tmp the sweep removes. */
	int rc = write_all(fd, data, len) == 0 && fsync(fd) == 0 ? 0 : -1;
	if (close(fd) != 0)
		rc = -1;
	if (rc == 0 && renameat(AT_FDCWD, tmp, AT_FDCWD, path) == 0)
		return 0;
	unlink(tmp);
	return -1;
}

int
files_read(const struct config *cfg, struct arena *a, const char *name, char **data, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", cfg->files_dir, name);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? 0 : -1;
	struct stat sb;
	int rc = -1;
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) {
		*len = (size_t)sb.st_size;
		*data = arena_alloc(a, *len + 1);
		ssize_t got = *len ? pread(fd, *data, *len, 0) : 0;
		rc = got == (ssize_t)*len ? 1 : -1;
	}
	close(fd);
	return rc;
}

/* The names in dir (regular files, not the lock or temporaries unless asked), into the arena. */
static int
list_dir(struct arena *a, const char *dir, const char ***out, size_t *n)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return -1;
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		*(const char **)arena_push(a, out, n, &cap, sizeof **out) = arena_strdup(a, e->d_name);
	}
	closedir(d);
	return 0;
}

static int
by_name(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* qsort's array may not be NULL, even with nothing in it (glibc declares it nonnull). */
static void
sort_names(const char **names, size_t n)
{
	if (n > 1)
		qsort(names, n, sizeof *names, by_name);
}

static int
has(const char **sorted, size_t n, const char *name)
{
	return n && bsearch(&name, sorted, n, sizeof *sorted, by_name) != NULL;
}

/* The public copy is a hard link (the same bytes, no copy); another file system gets a copy. */
static int
publish_one(const struct config *cfg, const char *name)
{
	char from[1024], to[1024];
	snprintf(from, sizeof from, "%s/%s", cfg->files_dir, name);
	snprintf(to, sizeof to, "%s/%s", cfg->media_dir, name);
	if (linkat(AT_FDCWD, from, AT_FDCWD, to, 0) == 0 || errno == EEXIST)
		return 0;
	if (errno != EXDEV)
		return -1;
	int in = open(from, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return -1;
	struct stat sb;
	char *buf = NULL;
	int rc = -1;
	if (fstat(in, &sb) == 0 && (buf = malloc((size_t)sb.st_size + 1)) != NULL &&
	    pread(in, buf, (size_t)sb.st_size, 0) == sb.st_size) {
		char tmp[1100];
		snprintf(tmp, sizeof tmp, "%s.%ld.tmp", to, (long)getpid());
		int out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (out >= 0) {
			rc = write_all(out, buf, (size_t)sb.st_size);
			if (close(out) != 0 || rc != 0 || renameat(AT_FDCWD, tmp, AT_FDCWD, to) != 0)
				rc = -1, unlink(tmp);
		}
	}
	free(buf);
	close(in);
	return rc;
}

static int
remove_in(const char *dir, const char *name)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return unlink(path) == 0 || errno == ENOENT ? 0 : -1;
}

static int
lock_sync(const struct config *cfg)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/.sync-lock", cfg->files_dir);
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd >= 0 && flock(fd, LOCK_EX) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* A stored file (or temporary) nobody has used for SWEEP_AGE seconds. */
static int
sweepable(struct db *db, const struct config *cfg, const char *name, time_t now)
{
	char path[1024];
	struct stat sb;
	snprintf(path, sizeof path, "%s/%s", cfg->files_dir, name);
	if (strlen(name) < MEDIA_HASH_LEN || stat(path, &sb) != 0 || now - sb.st_mtime < SWEEP_AGE)
		return 0;
	if (strstr(name, ".tmp"))
		return 1;
	char hash[MEDIA_HASH_LEN + 1];
	memcpy(hash, name, MEDIA_HASH_LEN);
	hash[MEDIA_HASH_LEN] = '\0';
	return media_hash_unused(db, hash) == 1;
}

static int
sync_locked(struct db *db, const struct config *cfg, struct arena *a, int sweep)
{
	const char **wanted, **public_now;
	size_t nwanted, npublic;
	/* One read transaction: the names and the clock they were judged by agree. */
	if (db_exec(db, "BEGIN") != 0)
		return -1;
	int rc = media_all_names(db, a, 1, &wanted, &nwanted);
	db_exec(db, "COMMIT");
	if (rc != 0 || list_dir(a, cfg->media_dir, &public_now, &npublic) != 0)
		return -1;
	sort_names(wanted, nwanted);
	sort_names(public_now, npublic);
	/* What must go goes first: a removal is the urgent half. */
	for (size_t i = 0; i < npublic; i++)
		if (!has(wanted, nwanted, public_now[i]) && remove_in(cfg->media_dir, public_now[i]) != 0)
			rc = -1;
	for (size_t i = 0; i < nwanted; i++)
		if (!has(public_now, npublic, wanted[i]) && publish_one(cfg, wanted[i]) != 0)
			rc = -1;
	const char **stored;
	size_t nstored;
	if (!sweep || list_dir(a, cfg->files_dir, &stored, &nstored) != 0)
		return rc;
	time_t now = time(NULL);
	for (size_t i = 0; i < nstored; i++)
		if (sweepable(db, cfg, stored[i], now) && remove_in(cfg->files_dir, stored[i]) != 0)
			rc = -1;
	return rc;
}

int
files_sync(struct db *db, const struct config *cfg, struct arena *a, int sweep)
{
	int lock = lock_sync(cfg);
	if (lock < 0)
		return -1;
	int rc = sync_locked(db, cfg, a, sweep);
	close(lock);   /* the lock goes with the descriptor */
	return rc;
}

/* Each file of hash's in dir: names begin with the hash and a '-'. */
static int
remove_hash_in(struct arena *a, const char *dir, const char *hash)
{
	const char **names;
	size_t n;
	if (list_dir(a, dir, &names, &n) != 0)
		return -1;
	int rc = 0;
	size_t len = strlen(hash);
	for (size_t i = 0; i < n; i++)
		if (strncmp(names[i], hash, len) == 0 && names[i][len] == '-' && remove_in(dir, names[i]) != 0)
			rc = -1;
	return rc;
}

int
files_forget(struct db *db, const struct config *cfg, const char *hash)
{
	int unused = media_hash_unused(db, hash);
	if (unused != 1)
		return unused == 0 ? 0 : -1;
	struct arena a = { 0 };
	int lock = lock_sync(cfg);
	int rc = lock < 0 || remove_hash_in(&a, cfg->media_dir, hash) != 0 ||
	    remove_hash_in(&a, cfg->files_dir, hash) != 0 ? -1 : 0;
	if (lock >= 0)
		close(lock);
	arena_free(&a);
	return rc;
}

static const char SQL_DUE[] =
    "SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now'), EXISTS (SELECT 1 FROM releases r WHERE r.id IN "
    "(SELECT release_id FROM photos UNION SELECT release_id FROM attachments) AND "
    "((r.published_at > ?1 AND r.published_at <= strftime('%Y-%m-%dT%H:%M:%SZ','now')) OR "
    "(r.withdraw_at > ?1 AND r.withdraw_at <= strftime('%Y-%m-%dT%H:%M:%SZ','now'))))";

int
files_due(struct db *db, char since[32])
{
	sqlite3_stmt *st = db_stmt(db, SQL_DUE);
	if (st == NULL)
		return -1;
	db_bind_str(st, 1, since);
	if (sqlite3_step(st) != SQLITE_ROW)
		return -1;
	int due = sqlite3_column_int(st, 1);
	snprintf(since, 32, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return due;
}

static int
exists_in(const char *dir, const char *name)
{
	char path[1024];
	struct stat sb;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return stat(path, &sb) == 0;
}

int
files_check(struct db *db, const struct config *cfg, struct arena *a, files_report_fn report, void *arg)
{
	const char **all, **listed, **stored, **public_now;
	size_t nall, nlisted, nstored, npublic;
	if (media_all_names(db, a, 0, &all, &nall) != 0 || media_all_names(db, a, 1, &listed, &nlisted) != 0 ||
	    list_dir(a, cfg->files_dir, &stored, &nstored) != 0 || list_dir(a, cfg->media_dir, &public_now, &npublic) != 0)
		return -1;
	sort_names(all, nall);
	sort_names(listed, nlisted);
	int problems = 0;
	for (size_t i = 0; i < nstored; i++)
		if (!has(all, nall, stored[i]))
			report("orphan", stored[i], arg), problems++;
	for (size_t i = 0; i < nall; i++)
		if ((i == 0 || strcmp(all[i], all[i - 1]) != 0) && !exists_in(cfg->files_dir, all[i]))
			report("missing", all[i], arg), problems++;
	for (size_t i = 0; i < npublic; i++)
		if (!has(listed, nlisted, public_now[i]))
			report("exposed", public_now[i], arg), problems++;
	for (size_t i = 0; i < nlisted; i++)
		if ((i == 0 || strcmp(listed[i], listed[i - 1]) != 0) && !exists_in(cfg->media_dir, listed[i]))
			report("unpublished", listed[i], arg), problems++;
	return problems;
}
