/* main: the master process: opens the socket, forks the workers, respawns them, stops gracefully. */
#include <errno.h>
#include <grp.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "files.h"
#include "privdrop.h"
#include "publisher.h"
#include "worker.h"

#define MAX_WORKERS 256

static volatile sig_atomic_t got_term, got_hup;
/* The workers, then in the last used slot the publisher (publisher.c): one list to respawn and stop. */
static pid_t workers[MAX_WORKERS + 1];
static time_t started[MAX_WORKERS + 1];

static void
on_signal(int sig)
{
	if (sig == SIGHUP)
		got_hup = 1;
	else
		got_term = 1;
}

/* A socket inherited on fd 0 (spawn-fcgi, systemd, lighttpd's bin-path) is used as it is. */
static int
inherited_socket(void)
{
	int listening = 0;
	socklen_t len = sizeof listening;
	if (getsockopt(0, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) == 0 && listening)
		return 0;
	return -1;
}

static int
open_unix(const struct config *cfg)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	if (strlen(cfg->socket_path) >= sizeof sa.sun_path) {
		fprintf(stderr, "pressroom: socket path too long: %s\n", cfg->socket_path);
		return -1;
	}
	strcpy(sa.sun_path, cfg->socket_path);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	unlink(cfg->socket_path);
	/* Created 0660 from the start: no moment in which others could connect. */
	mode_t old = umask(0117);
	int rc = bind(fd, (struct sockaddr *)&sa, sizeof sa);
	umask(old);
	if (rc != 0 || listen(fd, 128) != 0) {
		fprintf(stderr, "pressroom: %s: %s\n", cfg->socket_path, strerror(errno));
		close(fd);
		return -1;
	}
	if (*cfg->socket_group) {
		struct group *g = getgrnam(cfg->socket_group);
		if (g == NULL || chown(cfg->socket_path, (uid_t)-1, g->gr_gid) != 0) {
			fprintf(stderr, "pressroom: cannot give %s to group %s\n", cfg->socket_path,
			    cfg->socket_group);
			close(fd);
			return -1;
		}
	}
	return fd;
}

/* host:port, or :port / port for loopback. Only when asked: the default is the unix socket. */
static int
open_tcp(const char *spec)
{
	char host[64] = "127.0.0.1";
	const char *colon = strrchr(spec, ':');
	const char *port = colon ? colon + 1 : spec;
	if (colon && colon > spec) {
		size_t n = (size_t)(colon - spec);
		if (n >= sizeof host)
			return -1;
		memcpy(host, spec, n);
		host[n] = '\0';
	}
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(port)) };
	if (atoi(port) <= 0 || atoi(port) > 65535 || inet_pton(AF_INET, host, &sa.sin_addr) != 1) {
		fprintf(stderr, "pressroom: listen: expected HOST:PORT with an IPv4 address, got %s\n", spec);
		return -1;
	}
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1;
	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0 || listen(fd, 128) != 0) {
		fprintf(stderr, "pressroom: %s: %s\n", spec, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

static pid_t
spawn(const struct config *cfg, int fd, int slot)
{
	pid_t master = getpid();
	pid_t pid = fork();
	if (pid == 0) {
		/* A worker outlives a master killed with SIGKILL otherwise, holding the socket and
		 * whatever pipes the master was started with; SIGTERM lets its request finish. */
		if (prctl(PR_SET_PDEATHSIG, SIGTERM) != 0 || getppid() != master)
			_exit(1);
		struct sigaction sa = { .sa_handler = SIG_DFL };
		sigaction(SIGHUP, &sa, NULL);
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		if (slot == cfg->workers) {
			/* Told apart from the workers in ps and by tests: the name is "pressroom-pub". */
			prctl(PR_SET_NAME, "pressroom-pub");
			close(fd);
			_exit(publisher_run(cfg));
		}
		_exit(worker_run(cfg, fd));
	}
	if (pid > 0) {
		workers[slot] = pid;
		started[slot] = time(NULL);
	}
	return pid;
}

static void
signal_workers(int n, int sig)
{
	for (int i = 0; i < n; i++)
		if (workers[i] > 0)
			kill(workers[i], sig);
}

/* Waits for the workers to finish their requests; after `grace` seconds they are killed. */
static void
stop_workers(int n, int grace)
{
	signal_workers(n, SIGTERM);
	time_t deadline = time(NULL) + grace;
	int alive = n;
	while (alive > 0) {
		int status;
		pid_t pid = waitpid(-1, &status, WNOHANG);
		if (pid > 0) {
			for (int i = 0; i < n; i++)
				if (workers[i] == pid)
					workers[i] = 0;
		} else if (pid < 0 && errno == ECHILD) {
			break;
		} else {
			if (time(NULL) >= deadline) {
				signal_workers(n, SIGKILL);
				deadline = time(NULL) + 5;
			}
			struct timespec ts = { 0, 20 * 1000 * 1000 };
			nanosleep(&ts, NULL);
		}
		alive = 0;
		for (int i = 0; i < n; i++)
			alive += workers[i] > 0;
	}
}

/* The database is there, writable by this account, and of this build's schema; else err says why. */
static int
database_ready(const struct config *cfg, char *err, size_t errlen)
{
	char msg[400];
	if (access(cfg->db_path, F_OK) == 0 && priv_check_db(cfg->db_path, err, errlen) != 0)
		return -1;
	struct db db;
	if (db_open(&db, cfg->db_path, 0, msg, sizeof msg) != 0) {
		snprintf(err, errlen, "%s (create it with `pressroomctl init`)", msg);
		return -1;
	}
	int rc = db_check_schema(&db, msg, sizeof msg);
	db_close(&db);
	if (rc != 0)
		snprintf(err, errlen, "%s: %s", cfg->db_path, msg);
	return rc;
}

static int
parse_args(int argc, char **argv, struct config *cfg)
{
	char err[512];
	int opt;
	/* The file first, so that flags and the environment override it. */
	for (int i = 1; i < argc - 1; i++) {
		if (strcmp(argv[i], "-c") == 0 && config_load_file(cfg, argv[i + 1], err, sizeof err) != 0) {
			fprintf(stderr, "pressroom: %s\n", err);
			return -1;
		}
	}
	if (config_load_env(cfg, err, sizeof err) != 0) {
		fprintf(stderr, "pressroom: %s\n", err);
		return -1;
	}
	while ((opt = getopt(argc, argv, "c:w:s:l:d:u:h")) != -1) {
		int rc = 0;
		switch (opt) {
		case 'c': break;
		case 'w': rc = config_set(cfg, "workers", optarg, err, sizeof err); break;
		case 's': rc = config_set(cfg, "socket", optarg, err, sizeof err); break;
		case 'l': rc = config_set(cfg, "listen", optarg, err, sizeof err); break;
		case 'd': rc = config_set(cfg, "database", optarg, err, sizeof err); break;
		case 'u': rc = config_set(cfg, "user", optarg, err, sizeof err); break;
		case 'h': config_usage(argv[0]); exit(0);
		default:  config_usage(argv[0]); return -1;
		}
		if (rc) {
			fprintf(stderr, "pressroom: %s\n", err);
			return -1;
		}
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct config cfg;
	config_defaults(&cfg);
	if (parse_args(argc, argv, &cfg) != 0)
		return 2;
	config_finish(&cfg);
	if (cfg.workers == 0) {
		long cores = sysconf(_SC_NPROCESSORS_ONLN);
		cfg.workers = cores > 0 ? (int)(cores < MAX_WORKERS ? cores : MAX_WORKERS) : 1;
	}

	char err[1024];   /* room for a database path and SQLite's message */
	struct priv priv;
	if (priv_plan(&cfg, &priv, err, sizeof err) != 0) {
		fprintf(stderr, "pressroom: %s\n", err);
		return 1;
	}

	/* The database is checked as the account that will use it (files SQLite makes are its)... */
	if (priv_try(&priv, err, sizeof err) != 0 || database_ready(&cfg, err, sizeof err) != 0 ||
	    priv_untry(&priv, err, sizeof err) != 0) {
		fprintf(stderr, "pressroom: %s\n", err);
		return 1;
	}
	/* ...the socket is opened as root (its folder may be root's, a TCP port may be low)... */
	int fd = inherited_socket();
	int own_socket = 0;
	if (fd < 0) {
		fd = *cfg.tcp_listen ? open_tcp(cfg.tcp_listen) : open_unix(&cfg);
		own_socket = *cfg.tcp_listen == '\0';
		if (fd < 0)
			return 1;
	}
	/* ...then root is given up for good, before any worker is forked. */
	if ((own_socket && priv_give_socket(&priv, cfg.socket_path, *cfg.socket_group != '\0', err, sizeof err) != 0) ||
	    priv_drop(&priv, err, sizeof err) != 0) {
		fprintf(stderr, "pressroom: %s\n", err);
		close(fd);
		if (own_socket)
			unlink(cfg.socket_path);
		return 1;
	}
	if (priv.drop)
		fprintf(stderr, "pressroom: running as %s (uid %d, gid %d)\n", priv.name, (int)priv.uid, (int)priv.gid);
	if (files_prepare(&cfg) != 0) {
		fprintf(stderr, "pressroom: cannot make the folders %s and %s: %s\n", cfg.files_dir, cfg.media_dir,
		    strerror(errno));
		close(fd);
		if (own_socket)
			unlink(cfg.socket_path);
		return 1;
	}
	if (priv.stay_root)
		fprintf(stderr, "pressroom: warning: serving as root, as `user = root` asks\n");

	struct sigaction sa = { .sa_handler = on_signal };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	fprintf(stderr, "pressroom: serving %s with %d workers\n",
	    own_socket ? cfg.socket_path : (*cfg.tcp_listen ? cfg.tcp_listen : "inherited socket"), cfg.workers);
	int children = cfg.workers + 1;
	for (int i = 0; i < children; i++)
		spawn(&cfg, fd, i);

	while (!got_term) {
		int status;
		pid_t pid = waitpid(-1, &status, 0);
		if (got_hup) {
			/* Reload: fresh workers re-read the templates; each finishes its request first. */
			got_hup = 0;
			fprintf(stderr, "pressroom: reloading workers\n");
			signal_workers(children, SIGTERM);
			continue;
		}
		if (pid <= 0)
			continue;
		for (int i = 0; i < children; i++) {
			if (workers[i] != pid)
				continue;
			if (WIFSIGNALED(status) && WTERMSIG(status) != SIGTERM)
				fprintf(stderr, "pressroom: worker %d died of signal %d; respawning\n",
				    (int)pid, WTERMSIG(status));
			else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
				fprintf(stderr, "pressroom: worker %d exited with %d; respawning\n",
				    (int)pid, WEXITSTATUS(status));
			/* A worker that fails at once would otherwise spin: give it a second. */
			if (time(NULL) - started[i] < 1)
				sleep(1);
			if (!got_term)
				spawn(&cfg, fd, i);
		}
	}
	fprintf(stderr, "pressroom: stopping\n");
	stop_workers(children, 30);
	close(fd);
	if (own_socket)
		unlink(cfg.socket_path);
	return 0;
}
