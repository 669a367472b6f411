/* test_sandbox: the worker's seccomp filter (cgi/http/sandbox.c) lets its calls through and kills on any other. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sandbox.h"
#include "unit.h"

enum act { WRITE_PIPE, SOCKET, EXECVE, FORK, MMAP_EXEC, SETUID, ABORT, OPEN_FILE };

static int pipe_w = -1;

/* What the child does once the filter is in: returns normally only if the call was let through. */
static void
act(enum act a)
{
	char *argv[] = { "true", NULL };
	switch (a) {
	case WRITE_PIPE: (void)!write(pipe_w, "ok", 2); (void)getpid(); break;
	case SOCKET:     (void)socket(AF_INET, SOCK_STREAM, 0); break;
	case EXECVE:     execv("/bin/true", argv); break;
	case FORK:       (void)fork(); break;
	case MMAP_EXEC:  (void)mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0); break;
	case SETUID:     (void)!setuid(0); break;
	case ABORT:      abort();
	case OPEN_FILE:  { FILE *f = fopen("/proc/self/status", "r"); if (f) fclose(f); else _exit(3); } break;
	}
}

/* Runs act(a) in a sandboxed child; returns its wait status. */
static int
run_child(enum act a)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		char err[256];
		if (sandbox_enter(err, sizeof err) != 0)
			_exit(2);
		act(a);
		_exit(0);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	return status;
}

static int
died_of(int status, int sig)
{
	return WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

int
main(int argc, char **argv)
{
	unit_start(argc, argv, "sandbox");
	int fds[2];
	if (pipe(fds) != 0)
		return 1;
	pipe_w = fds[1];

	int st = run_child(WRITE_PIPE);
	char got[3] = "";
	close(fds[1]);
	(void)!read(fds[0], got, 2);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "a sandboxed process may getpid, write to a pipe and exit");
	CHECK_STR(got, "ok", "what it wrote arrives");
	st = run_child(OPEN_FILE);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "it may open and read a file (SQLite's, a template)");

	CHECK(died_of(run_child(SOCKET), SIGSYS), "socket() kills it with SIGSYS");
	CHECK(died_of(run_child(EXECVE), SIGSYS), "execve() kills it with SIGSYS");
	CHECK(died_of(run_child(FORK), SIGSYS), "fork() kills it with SIGSYS");
	CHECK(died_of(run_child(SETUID), SIGSYS), "setuid() kills it with SIGSYS");
	CHECK(died_of(run_child(MMAP_EXEC), SIGSYS), "an executable mmap kills it with SIGSYS");
	CHECK(died_of(run_child(ABORT), SIGABRT), "abort() still ends in SIGABRT (it may signal itself)");
	return unit_end();
}
