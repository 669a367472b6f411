/* sandbox: the worker's seccomp allow-list; any other system call kills the worker. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <seccomp.h>

#include "sandbox.h"

/*
 * What a worker calls once it is serving: every call the workers made after seccomp() while the
 * nginx end-to-end suite ran under strace -f (1300 tests, 2300 requests), plus the few marked
 * "rare" that the suite does not reach. Absent on purpose: socket, connect, bind, fork, clone,
 * execve, ptrace, kill, setuid and friends, mount, chmod, chown, prctl, ioctl, mprotect.
 * A name this architecture lacks is skipped.
 */
static const char *const allowed[] = {
	/* libfcgi and the loop: wait (pselect6 swaps the signal mask in), accept, the record stream,
	 * libfcgi's careful close (shutdown, then poll and read what is left) */
	"pselect6", "accept", "poll", "read", "write", "shutdown", "close",
	/* SQLite: the database, its -wal and -shm (unlinked by the last connection to close), locks
	 * (also hashslot.c's argon2 slots), durability; templates read on first use (ctemplate) */
	"openat", "pread64", "pwrite64", "newfstatat", "fcntl", "ftruncate", "fdatasync", "unlink",
	/* rare: stdio's fclose seeks back over what it read ahead */
	"lseek",
	/* photographs and attachments (files.c): written whole (fsync, rename), made public by a hard
	 * link, one public-folder update at a time (flock) */
	"fsync", "renameat", "renameat2", "linkat", "flock",
	/* cache.c lists static/ for the asset versions */
	"getdents64",
	/* memory: malloc's brk and mmap (argon2id's 64 MiB); rare: mremap for a large realloc */
	"brk", "munmap", "mremap",
	/* libsodium's randomness; rare: the clock outside the vDSO, SQLite's busy wait, hashslot's nap */
	"getrandom", "clock_gettime", "gettimeofday", "nanosleep", "clock_nanosleep",
	/* signals: the mask around a request, bounds.c's per-request deadline; rare: a handler's return */
	"rt_sigprocmask", "alarm", "setitimer", "rt_sigreturn",
	/* identity and the way out (abort() asks for its thread id before it signals itself) */
	"getpid", "gettid", "exit", "exit_group",
};

/* The sanitizer runtimes of a -fsanitize=address,undefined build: ASan checks that memory is
 * readable by writing it into a pipe (pipe2, seen on every request of the ASan e2e suite), and
 * the runtimes read /proc and their own binary while they print a report. */
#ifdef __SANITIZE_ADDRESS__
static const char *const allowed_sanitizer[] = {
	"sched_yield", "sigaltstack", "getrlimit", "prlimit64", "getppid", "uname", "madvise",
	"readlink", "rt_sigaction", "pipe2",
};
#endif

int
sandbox_allow_names(scmp_filter_ctx ctx, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int nr = seccomp_syscall_resolve_name(names[i]);
		if (nr == __NR_SCMP_ERROR)
			continue;
		if (seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0) != 0)
			return -1;
	}
	return 0;
}

/* Memory may be mapped, never executable: no new code after the filter. */
static int
allow_with_arguments(scmp_filter_ctx ctx)
{
	if (seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mmap), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0)))
		return -1;
	/* abort() signals its own process (a failed assert stays a SIGABRT, not a SIGSYS); no other. */
	return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(tgkill), 1, SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)getpid()));
}

int
sandbox_enter(char *err, size_t errlen)
{
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_KILL_PROCESS);
	if (ctx == NULL) {
		snprintf(err, errlen, "sandbox: seccomp_init failed");
		return -1;
	}
	int rc = sandbox_allow_names(ctx, allowed, sizeof allowed / sizeof allowed[0]);
#ifdef __SANITIZE_ADDRESS__
	if (rc == 0)
		rc = sandbox_allow_names(ctx, allowed_sanitizer, sizeof allowed_sanitizer / sizeof allowed_sanitizer[0]);
#endif
	if (rc == 0)
		rc = allow_with_arguments(ctx);
	/* seccomp_load sets no_new_privs first (libseccomp's default), so no exec could widen rights. */
	if (rc == 0)
		rc = seccomp_load(ctx);
	seccomp_release(ctx);
	if (rc != 0) {
		snprintf(err, errlen, "sandbox: cannot load the seccomp filter: %s", strerror(rc < 0 ? -rc : EINVAL));
		return -1;
	}
	return 0;
}
