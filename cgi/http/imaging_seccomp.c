/* imaging_seccomp: the per-job imaging child's seccomp filter, tighter than the worker's. */
#define _GNU_SOURCE   /* CLONE_THREAD */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <seccomp.h>

#include "imaging_child.h"
#include "sandbox.h"

/*
 * What libvips and its decoders call once the upload is being read: found with strace -f over
 * the unit tests' jobs (JPEG, PNG, WebP, PDF, refused and damaged files). Absent on purpose:
 * socket and every network call, fork and exec, kill, ptrace, setuid and friends, ioctl, and
 * opening files for photographs. A name this architecture lacks is skipped.
 */
static const char *const allowed[] = {
	/* the upload is in memory; the answer goes to a pipe */
	"read", "write", "close", "lseek", "newfstatat", "fstat",
	/* memory (mmap and mprotect below, without PROT_EXEC) */
	"brk", "munmap", "mremap", "madvise",
	/* libvips' worker and write-behind threads (clone below), and their locks */
	"futex", "set_robust_list", "rseq", "sched_yield", "sched_getaffinity", "rt_sigprocmask",
	"rt_sigreturn", "rt_sigaction", "getrandom", "gettid", "getpid", "clock_gettime", "clock_nanosleep", "nanosleep",
	"exit", "exit_group",
};

/* A PDF's fonts: poppler and fontconfig read the installed ones and their caches. */
static const char *const allowed_fonts[] = {
	"getdents64", "fcntl", "pread64", "fadvise64", "access", "faccessat", "faccessat2", "readlink", "statfs",
	"fstatfs", "newfstatat", "statx",
};

/* The sanitizer runtimes of a -fsanitize=address,undefined build (as in sandbox.c). */
#ifdef UNDER_ASAN
static const char *const allowed_sanitizer[] = {
	"sigaltstack", "getrlimit", "prlimit64", "getppid", "uname", "readlink", "rt_sigaction", "pipe2",
};
#endif

/* Threads but no processes, which glib names; memory but no new code; a signal only to itself (abort). */
static int
allow_with_arguments(scmp_filter_ctx ctx)
{
	return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mmap), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0)) ||
	    seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mprotect), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0)) ||
	    seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(clone), 1,
	        SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD)) ||
	    /* glib asks whether stderr is the journal, and a terminal, before it logs a warning: no */
	    seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOTSOCK), SCMP_SYS(getpeername), 0) ||
	    seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOTTY), SCMP_SYS(ioctl), 0) ||
	    seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(prctl), 1, SCMP_A0(SCMP_CMP_EQ, PR_SET_NAME)) ||
	    /* clone3's flags sit in memory a filter cannot read: glibc falls back to clone on ENOSYS */
	    seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0) ||
	    seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(tgkill), 1, SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)getpid()));
}

/* Photographs open nothing (EACCES, which libvips reports as a failed load, not a crash); a PDF
 * may open fonts for reading only: any flag that writes or creates is refused the same way
 * (fontconfig tries to refresh a stale cache; it carries on without). */
static int
add_open(scmp_filter_ctx ctx, enum sniffed kind)
{
	static const scmp_datum_t writes[] = { O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND };
	scmp_datum_t any = O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND;
	if (kind != SNIFF_PDF)
		return seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(openat), 0);
	if (seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(openat), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, any, 0)))
		return -1;
	for (size_t i = 0; i < sizeof writes / sizeof writes[0]; i++)
		if (seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(openat), 1,
		    SCMP_A2(SCMP_CMP_MASKED_EQ, writes[i], writes[i])))
			return -1;
	return sandbox_allow_names(ctx, allowed_fonts, sizeof allowed_fonts / sizeof allowed_fonts[0]);
}

int
imaging_child_confine(enum sniffed kind)
{
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_KILL_PROCESS);
	if (ctx == NULL)
		return -1;
	int rc = sandbox_allow_names(ctx, allowed, sizeof allowed / sizeof allowed[0]);
#ifdef UNDER_ASAN
	if (rc == 0)
		rc = sandbox_allow_names(ctx, allowed_sanitizer, sizeof allowed_sanitizer / sizeof allowed_sanitizer[0]);
#endif
	if (rc == 0)
		rc = allow_with_arguments(ctx) || add_open(ctx, kind) ? -1 : 0;
	if (rc == 0)
		rc = seccomp_load(ctx);
	seccomp_release(ctx);
	return rc == 0 ? 0 : -1;
}
